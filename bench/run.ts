/**
 * `npm run bench`: runs every benchmark script in bench/ (each prints JSON lines), one after the
 * other, and writes docs/performance.md with the machine, the date and every result.
 * `npm run bench -- http decision-engine` runs only those; the sections of the other scripts are kept
 * from the previous docs/performance.md, each with the date and machine of the run that measured it.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const benchDir = import.meta.dirname;
const root = path.resolve(benchDir, "..");
const all = [
  "decision-engine",
  "documents",
  "list-import",
  "http",
  "session-cache",
  "statistics",
  "case-list",
  "inspections-draw",
  "inspections-import",
  "hazards-ledger",
];
const wanted = process.argv.slice(2).length ? process.argv.slice(2) : all;

interface Section {
  script: string;
  rows: Record<string, unknown>[];
  seconds: number;
  ok: boolean;
  note?: string;
}

const sections: Section[] = [];
const loadAtStart = os.loadavg()[0];
for (const name of wanted) {
  const file = path.join(benchDir, `${name}.ts`);
  if (!fs.existsSync(file)) {
    sections.push({ script: name, rows: [], seconds: 0, ok: false, note: "script missing" });
    continue;
  }
  console.log(`▶ bench/${name}.ts`);
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ["--import", "tsx", file], { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, env: process.env });
  const rows = (r.stdout ?? "")
    .split("\n")
    .filter((l) => l.trim().startsWith("{"))
    .map((l) => {
      try {
        return JSON.parse(l) as Record<string, unknown>;
      } catch {
        return null;
      }
    })
    .filter((x): x is Record<string, unknown> => x !== null);
  for (const row of rows) console.log(`  ${JSON.stringify(row)}`);
  if (r.status !== 0) console.error((r.stderr ?? "").slice(-2000));
  sections.push({
    script: name,
    rows,
    seconds: Math.round((Date.now() - t0) / 1000),
    ok: r.status === 0,
    note: r.status === 0 ? undefined : `exit ${r.status}`,
  });
}

const docFile = path.join(root, "docs", "performance.md");
const cpu = os.cpus()[0]?.model ?? "unknown CPU";
const measured = `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`;
const machine = `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;

/** The sections of the previous docs/performance.md by script, each saying which run measured it. */
function previousSections(): Map<string, string[]> {
  const kept = new Map<string, string[]>();
  if (!fs.existsSync(docFile)) return kept;
  const text = fs.readFileSync(docFile, "utf8");
  const at = /^Measured (.+?) with `npm run bench`/m.exec(text)?.[1] ?? "an earlier run";
  const on = /^Machine: (.+?)\.$/m.exec(text)?.[1] ?? "the machine of that run";
  for (const block of text.split(/^(?=## )/m)) {
    const name = /^## bench\/(.+?)\.ts/.exec(block)?.[1];
    if (!name) continue;
    const [heading, ...rest] = block.trimEnd().split("\n");
    // A section kept before already names its run.
    const from = /^\(measured .+\)$/m.test(block) ? [] : ["", `(measured ${at} on ${on})`];
    kept.set(name, [heading, ...from, ...rest, ""]);
  }
  return kept;
}
const previous = previousSections();

const lines: string[] = [];
lines.push("# Performance", "");
lines.push(`Measured ${measured} with \`npm run bench\` (bench/run.ts).`, "");
lines.push(`Machine: ${machine}.`, "");
lines.push(
  `Load average (1 min) at the start and the end of this run: ${loadAtStart.toFixed(1)} and ${os.loadavg()[0].toFixed(1)} ` +
    `(other processes share the ${os.cpus().length} cores: the times are upper bounds).`,
  "",
);
lines.push(
  "Each section is one script in bench/; the rows are the JSON lines it printed. A section measured in an earlier run " +
    "(`npm run bench -- <script>` runs only some) says when and on what.",
  "",
);
for (const name of [...all, ...wanted.filter((w) => !all.includes(w))]) {
  const s = sections.find((x) => x.script === name);
  if (!s) {
    const kept = previous.get(name);
    if (kept) lines.push(...kept);
    continue;
  }
  lines.push(`## bench/${s.script}.ts`, "");
  if (!s.ok) lines.push(`**Did not complete** (${s.note}).`, "");
  if (s.rows.length) {
    const keys = [...new Set(s.rows.flatMap((r) => Object.keys(r)))];
    lines.push(`| ${keys.join(" | ")} |`, `| ${keys.map(() => "---").join(" | ")} |`);
    for (const r of s.rows)
      lines.push(`| ${keys.map((k) => (r[k] === undefined ? "" : typeof r[k] === "object" ? JSON.stringify(r[k]) : String(r[k]))).join(" | ")} |`);
    lines.push("");
  }
  lines.push(`(${s.seconds} s)`, "");
}
const notes = path.join(root, "docs", "performance-notes.md");
if (fs.existsSync(notes)) lines.push(fs.readFileSync(notes, "utf8"));
fs.writeFileSync(docFile, lines.join("\n"));
console.log("written docs/performance.md");
