// A parsing worker thread (src/uploads/pool.ts starts it). Plain JavaScript so that it loads the
// same way under `npm start` (tsx), vitest and a bare `node`: tsx's scoped loader then imports the
// TypeScript job runner. It answers {ready} once loaded, then one {id, ok, value|error} per job.
import os from "node:os";
import { parentPort } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

// Parsing is background work: on Linux setpriority(0) applies to the calling thread only, so this
// thread (nice 10) yields the CPU to the main thread (nice 0, answering requests) on a busy machine
// without starving.
try {
  os.setPriority(10);
} catch {
  // not permitted on this platform: parsing still runs off the main thread
}

const { runJob, jobError, warm } = await tsImport("./jobs.ts", import.meta.url);
// Load the parsers now (ExcelJS, the law library), so a job's time limit counts parsing only.
await warm();

parentPort.on("message", async ({ id, job }) => {
  try {
    parentPort.postMessage({ id, ok: true, value: await runJob(job) });
  } catch (err) {
    parentPort.postMessage({ id, ok: false, error: jobError(err) });
  }
});
parentPort.postMessage({ ready: true });
