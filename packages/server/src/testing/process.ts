import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
/**
 * The CLI runs as one node process with tsx as a loader (not the tsx wrapper, which spawns a second
 * process and, on a busy machine, SIGKILLs it when it does not confirm a relayed SIGTERM within 30 ms).
 */
const tsxLoader = pathToFileURL(path.join(path.dirname(require.resolve("tsx/package.json")), "dist/loader.mjs")).href;
const node = (args: string[]) => [process.execPath, ["--import", tsxLoader, ...args]] as const;
export const cliMain = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../cli/main.ts");

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  stop(): Promise<number | null>;
}

/** Runs the product's CLI in a child process and collects its output. */
export function runCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(...node([cliMain, ...args]), { env: { ...process.env, ...env }, stdio: ["pipe", "pipe", "pipe"] });
    let output = "";
    child.stdout!.on("data", (d) => (output += d));
    child.stderr!.on("data", (d) => (output += d));
    child.stdin!.end();
    child.on("exit", (code) => resolve({ code, output }));
  });
}

/** Starts `kuanyan start` on a free port and resolves once it prints its address. */
export function startServerProcess(args: string[], env: Record<string, string> = {}, timeoutMs = 90_000): Promise<ServerProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(...node([cliMain, "start", "--port", "0", "--host", "127.0.0.1", "--quiet", ...args]), {
      env: { ...process.env, LOG_LEVEL: "warn", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`server did not start in time:\n${output}`));
    }, timeoutMs);
    const onData = (d: Buffer) => {
      output += d.toString();
      const m = output.match(/http:\/\/localhost:(\d+)/);
      if (m) {
        clearTimeout(timer);
        child.stdout!.off("data", onData);
        child.stdout!.on("data", (x) => (output += x));
        resolve({
          url: `http://127.0.0.1:${m[1]}`,
          child,
          output: () => output,
          stop: () =>
            new Promise((res) => {
              if (child.exitCode !== null) return res(child.exitCode);
              child.once("exit", (code) => res(code));
              child.kill("SIGTERM");
            }),
        });
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (d) => (output += d));
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
}
