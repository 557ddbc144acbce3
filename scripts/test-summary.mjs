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
// The browser tests, and the same behind haproxy with two servers (npm run test:e2e:haproxy).
for (const [file, label] of [
  ["test-results/playwright.json", ""],
  ["test-results/playwright-haproxy.json", " (behind haproxy)"],
]) {
  const p = read(file);
  if (!p?.stats) continue;
  // A flaky test failed once and then passed on its retry (CI only): it counts as passed, and is named.
  passed += (p.stats.expected ?? 0) + (p.stats.flaky ?? 0);
  failed += p.stats.unexpected ?? 0;
  skipped += p.stats.skipped ?? 0;
  if (p.stats.flaky) console.log(`Browser tests${label} that passed only on their retry (flaky): ${p.stats.flaky}`);
}
if (!v) failed += 1;
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
