import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { auditActionLabels, auditEntityTypeLabels } from "@kuanyan/domain/audit";
import { listTransitions } from "@kuanyan/domain/lists";

const srcDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "testing" ? [] : sources(p);
    return e.name.endsWith(".ts") && !e.name.includes(".test.") ? [p] : [];
  });
}

/** The text of a call from its opening parenthesis to the matching closing one. */
function callText(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === "(") depth++;
    else if (ch === ")" && --depth === 0) return text.slice(open, i + 1);
  }
  return text.slice(open);
}

/**
 * Every event type the server records, collected from the sources: the calls that write audit
 * events (recordAudit, saveCase, the demo's audit helper) and the routes' auditRead options.
 * A template such as `list.${action.type}` stands for every list transition.
 */
function recordedEventTypes(): { types: Set<string>; entityTypes: Set<string>; sites: number } {
  const types = new Set<string>();
  const entityTypes = new Set<string>();
  let sites = 0;
  for (const file of sources(srcDir)) {
    const text = fs.readFileSync(file, "utf8");
    const parts: string[] = [];
    for (const m of text.matchAll(/\b(recordAudit|saveCase|audit|recordRead)\(/g)) {
      if (/function\s+$/.test(text.slice(Math.max(0, m.index - 20), m.index))) continue; // a definition
      parts.push(callText(text, m.index + m[0].length - 1));
    }
    for (const m of text.matchAll(/auditRead:\s*\{[^}]*\}/g)) parts.push(m[0]);
    for (const part of parts) {
      sites++;
      for (const lit of part.matchAll(/"([a-z][a-z_]*\.[a-zA-Z_]+)"/g)) types.add(lit[1]);
      for (const lit of part.matchAll(/entityType:\s*"([a-zA-Z_]+)"/g)) entityTypes.add(lit[1]);
      if (part.includes("`list.${")) for (const t of Object.keys(listTransitions)) types.add(`list.${t}`);
    }
  }
  return { types, entityTypes, sites };
}

describe("审计事件的中文名称", () => {
  const { types, entityTypes, sites } = recordedEventTypes();

  it("能从源代码中收集到服务器记录的审计事件类型", () => {
    expect(sites).toBeGreaterThan(30);
    for (const t of ["auth.login", "case.decided", "list.publish", "statistics.report_corrected", "case.viewed", "users.listed"]) {
      expect(types).toContain(t);
    }
  });

  it("服务器记录的每一种审计事件都有中文名称", () => {
    const missing = [...types].filter((t) => !t.startsWith("test.") && !auditActionLabels[t]);
    expect(missing, `缺少中文名称的审计事件：${missing.join("、")}（请加到 packages/domain/src/audit/labels.ts）`).toEqual([]);
  });

  it("审计记录涉及的每一种对象类型都有中文名称", () => {
    const missing = [...entityTypes].filter((t) => t !== "test" && !auditEntityTypeLabels[t]);
    expect(missing, `缺少中文名称的对象类型：${missing.join("、")}`).toEqual([]);
  });
});
