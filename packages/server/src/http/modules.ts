import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "./context";

const srcDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The module folders under src/ that have a file of the given name, sorted by folder name. */
export function moduleFiles(fileName: string): string[] {
  return fs
    .readdirSync(srcDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(srcDir, d.name, fileName)))
    .map((d) => path.join(srcDir, d.name, fileName))
    .sort();
}

/**
 * Every module's routes: each folder src/<module>/ with a routes.ts exporting
 * `register(app, ctx)` is registered. Adding a module needs no edit here.
 */
export async function registerModules(app: FastifyInstance, ctx: AppContext): Promise<void> {
  for (const file of moduleFiles("routes.ts")) {
    const mod = (await import(pathToFileURL(file).href)) as { register?: (app: FastifyInstance, ctx: AppContext) => Promise<void> };
    if (!mod.register) throw new Error(`${path.relative(srcDir, file)} must export register(app, ctx)`);
    await mod.register(app, ctx);
  }
}
