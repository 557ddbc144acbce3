/**
 * The shipped law library (seed/laws.json), read once per process. Provision texts for the decision
 * engine come from here.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { lawLibraryFromSeed, type LawLibrary } from "@kuanyan/domain/laws";

const seedFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../seed/laws.json");
let library: LawLibrary | null = null;

export function shippedLawLibrary(): LawLibrary {
  library ??= lawLibraryFromSeed(JSON.parse(fs.readFileSync(seedFile, "utf8")));
  return library;
}
