// Prints one closing line for the whole suite from the vitest and Playwright JSON reports:
// "Tests: N passed, N failed, N skipped".
import fs from "node:fs";

let passed = 0;
let failed = 0;
let skipped = 0;
const read = (f) => (fs.existsSync(f) ? JSON.parse(fs.readFileSync(f, "utf8")) : null);

const v = read("test-results/vitest.json");
if (v) {
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
}
const p = read("test-results/playwright.json");
if (p?.stats) {
  // A flaky test failed once and then passed on its retry (CI only): it counts as passed, and is named.
  passed += (p.stats.expected ?? 0) + (p.stats.flaky ?? 0);
  failed += p.stats.unexpected ?? 0;
  skipped += p.stats.skipped ?? 0;
  if (p.stats.flaky) console.log(`Browser tests that passed only on their retry (flaky): ${p.stats.flaky}`);
}
if (!v) failed += 1;
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
