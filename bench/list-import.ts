/**
 * List import: parse and validate a generated 1,000-row .xlsx in the annex layout (the 三明
 * 不予处罚 items repeated with their verbatim 依据 cells, several measures per cell, a conditions
 * sheet). Target ≤ 2 s. Run: npx tsx bench/list-import.ts — prints one JSON line
 * {name, rows, ms, targetMs, ok}. The law library is loaded before timing (once per process anyway).
 */
import { sanmingNoPenaltyItems, type ListItem } from "../packages/domain/src/lists";
import { exportXlsx } from "../packages/server/src/lists/exportList";
import { previewImport } from "../packages/server/src/lists/importFile";
import { lawLibrary } from "../packages/server/src/laws/library";

const ROWS = 1000;
const TARGET_MS = 2000;

const items: ListItem[] = Array.from({ length: ROWS }, (_, i) => {
  const source = sanmingNoPenaltyItems[i % sanmingNoPenaltyItems.length];
  return { ...structuredClone(source), seq: i + 1, matterName: `${source.matterName}（${i + 1}）` };
});

const file = await exportXlsx({
  title: "某某县应急管理局不予行政处罚事项清单",
  type: "no_penalty",
  organisationName: "某某县应急管理局",
  contactPerson: "测试",
  contactPhone: "0598-0000000",
  notes: "基准测试生成的清单。",
  items,
});
const library = lawLibrary();

const runs: number[] = [];
let ok = true;
for (let i = 0; i < 3; i++) {
  const start = performance.now();
  const preview = await previewImport({ fileName: "bench.xlsx", content: file }, { library });
  runs.push(performance.now() - start);
  ok &&= preview.ok && preview.items.length === ROWS;
}
const ms = Math.round(Math.min(...runs));
console.log(
  JSON.stringify({
    name: "list-import-xlsx",
    rows: ROWS,
    bytes: file.length,
    ms,
    firstRunMs: Math.round(runs[0]),
    targetMs: TARGET_MS,
    ok: ok && runs[0] <= TARGET_MS,
  }),
);
