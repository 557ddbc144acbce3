/**
 * Writes docs/decision-input.schema.json from the zod schema of the decision input
 * (packages/contract/src/decisions, ZDecisionInput). Run after changing that schema:
 *   npm run gen:decision-schema
 * scripts/gen-decision-schema.test.ts fails while the committed file differs from the generated one.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { decisionInputJsonSchema } from "@kuanyan/contract/decisions";

export const schemaFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../docs/decision-input.schema.json");

/** The file's text: two-space JSON with a final newline. */
export function decisionSchemaText(): string {
  return `${JSON.stringify(decisionInputJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  fs.writeFileSync(schemaFile, decisionSchemaText());
  console.log(`已生成 ${path.relative(process.cwd(), schemaFile)}`);
}
