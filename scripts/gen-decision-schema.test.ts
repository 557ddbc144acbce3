import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { decisionSchemaText, schemaFile } from "./gen-decision-schema";

describe("docs/decision-input.schema.json", () => {
  it("是由 zod 决策输入模式生成的（修改模式后请运行 npm run gen:decision-schema）", () => {
    expect(fs.readFileSync(schemaFile, "utf8")).toBe(decisionSchemaText());
  });
});
