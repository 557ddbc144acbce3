/**
 * The law library of the running process: packages/server/seed/laws.json read once into a
 * LawLibrary (pure, in memory). Laws are public law; the library is the same for everyone.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { lawLibraryFromSeed, type LawLibrary } from "@kuanyan/domain/laws";

const seedFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../seed/laws.json");

let library: LawLibrary | undefined;

/** The shared LawLibrary, loaded at first use. */
export function lawLibrary(): LawLibrary {
  library ??= lawLibraryFromSeed(JSON.parse(fs.readFileSync(seedFile, "utf8")));
  return library;
}

/** Titles of laws that have no version in force (已修订 / 已废止 only), for the quality checks. */
export function supersededLawTitles(): Set<string> {
  const lib = lawLibrary();
  const out = new Set<string>();
  for (const law of lib.laws) {
    if (!lib.versions(law.title).some((v) => v.status === "现行有效")) out.add(law.title);
  }
  return out;
}
