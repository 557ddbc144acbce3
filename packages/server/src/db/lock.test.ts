import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { acquireDataDirLock, bootId, processStartTime } from "./lock";
import { startServerProcess } from "../testing/process";

const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
});

/** A live process that has nothing to do with Kuanyan. */
function unrelatedProcess(): ChildProcess {
  const c = spawn("sleep", ["300"], { stdio: "ignore" });
  children.push(c);
  return c;
}

function dirWithLock(content: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kuanyan-lock-"));
  fs.writeFileSync(path.join(dir, "kuanyan.lock"), content);
  return dir;
}

const lockOf = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, "kuanyan.lock"), "utf8"));

// Linux only: the lock reads a process's start time from /proc/<pid>/stat and the boot id from
// /proc/sys/kernel/random/boot_id; elsewhere it falls back to "is the pid alive" (src/db/lock.ts).
describe.skipIf(process.platform !== "linux")("PGlite 数据目录锁", () => {
  it("锁文件记录进程号、进程启动时间和开机标识", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kuanyan-lock-"));
    const release = acquireDataDirLock(dir);
    expect(lockOf(dir)).toEqual({ pid: process.pid, start: processStartTime(process.pid), boot: bootId() });
    expect(lockOf(dir).start).toMatch(/^\d+$/);
    release();
    expect(fs.existsSync(path.join(dir, "kuanyan.lock"))).toBe(false);
  });

  it("锁中的进程号已被另一个无关进程复用（启动时间不符）时接管锁", () => {
    const sleeper = unrelatedProcess();
    const start = processStartTime(sleeper.pid!)!;
    const dir = dirWithLock(JSON.stringify({ pid: sleeper.pid, start: String(Number(start) - 1000), boot: bootId() }));
    const release = acquireDataDirLock(dir);
    expect(lockOf(dir).pid).toBe(process.pid);
    release();
  });

  it("重启后（开机标识不同）留下的锁被接管", () => {
    const sleeper = unrelatedProcess();
    const dir = dirWithLock(
      JSON.stringify({ pid: sleeper.pid, start: processStartTime(sleeper.pid!), boot: "00000000-0000-0000-0000-000000000000" }),
    );
    const release = acquireDataDirLock(dir);
    expect(lockOf(dir).pid).toBe(process.pid);
    release();
  });

  it("容器重启后新进程恰好得到同一进程号时接管锁", () => {
    const dir = dirWithLock(JSON.stringify({ pid: process.pid, start: "1", boot: bootId() }));
    const release = acquireDataDirLock(dir);
    expect(lockOf(dir).start).toBe(processStartTime(process.pid));
    release();
  });

  it("锁的主人仍在运行（进程号、启动时间、开机标识都相符）时拒绝，并给出中文说明", () => {
    const owner = unrelatedProcess();
    const dir = dirWithLock(JSON.stringify({ pid: owner.pid, start: processStartTime(owner.pid!), boot: bootId() }));
    expect(() => acquireDataDirLock(dir)).toThrow(new RegExp(`已被另一个宽严进程（PID ${owner.pid}）占用`));
    expect(lockOf(dir).pid).toBe(owner.pid);
  });

  it("同一进程不能两次打开同一数据目录", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kuanyan-lock-"));
    const release = acquireDataDirLock(dir);
    expect(() => acquireDataDirLock(dir)).toThrow(/已被另一个宽严进程/);
    release();
  });

  it("旧版本的锁（只有进程号）：进程在运行则拒绝，已退出则接管", async () => {
    const owner = unrelatedProcess();
    expect(() => acquireDataDirLock(dirWithLock(String(owner.pid)))).toThrow(/已被另一个宽严进程/);
    const gone = spawn("true");
    await new Promise((r) => gone.once("exit", r));
    const release = acquireDataDirLock(dirWithLock(String(gone.pid)));
    release();
  });

  it("锁文件指向一个仍在运行的无关进程时，服务器照常启动", async () => {
    const sleeper = unrelatedProcess();
    const dir = dirWithLock(JSON.stringify({ pid: sleeper.pid, start: "1", boot: bootId() }));
    const server = await startServerProcess(["--data-dir", dir, "--no-demo"]);
    try {
      expect((await fetch(`${server.url}/api/v1/health`)).status).toBe(200);
      expect(lockOf(dir).pid).not.toBe(sleeper.pid);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    expect(sleeper.exitCode).toBeNull(); // the unrelated process was left alone
    expect(fs.existsSync(path.join(dir, "kuanyan.lock"))).toBe(false);
  }, 180_000);
});
