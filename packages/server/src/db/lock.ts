import fs from "node:fs";
import path from "node:path";

/**
 * Only one process may open a PGlite data directory (two would silently lose writes).
 * The lock is a file naming its owner: pid, the process's start time (/proc/<pid>/stat, field 22)
 * and the boot id (/proc/sys/kernel/random/boot_id). A lock is taken over when its owner is gone —
 * including when its pid now belongs to another process (common after kill -9 in a container, where
 * the restarted server often gets the very same pid) or the machine has rebooted since.
 */
export class DataDirLockedError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `数据目录 ${dataDir} 已被另一个宽严进程（PID ${pid}）占用。内置数据库只能由一个进程打开：` +
        `请先停止该进程，或用 KUANYAN_DATA_DIR 指定另一个目录，或通过 DATABASE_URL 使用 PostgreSQL 以运行多个进程。`,
    );
  }
}

export interface LockOwner {
  pid: number;
  /** Start time in clock ticks since boot (Linux); absent where /proc is not available. */
  start?: string;
  boot?: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Field 22 of /proc/<pid>/stat (after the command name, which may hold spaces and parentheses). */
export function processStartTime(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return rest[22 - 3];
  } catch {
    return undefined;
  }
}

export function bootId(): string | undefined {
  try {
    return fs.readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim() || undefined;
  } catch {
    return undefined;
  }
}

export function currentOwner(pid = process.pid): LockOwner {
  return { pid, start: processStartTime(pid), boot: bootId() };
}

/** Reads a lock file: JSON, or the plain pid older versions wrote. */
export function parseLock(text: string): LockOwner | null {
  const t = text.trim();
  if (/^\d+$/.test(t)) return { pid: Number(t) };
  try {
    const o = JSON.parse(t) as LockOwner;
    if (Number.isInteger(o.pid) && o.pid > 0) return { pid: o.pid, start: o.start, boot: o.boot };
  } catch {
    /* unreadable: treated as stale */
  }
  return null;
}

/** Whether the process a lock names is still the one that wrote it. */
export function ownerAlive(owner: LockOwner): boolean {
  const boot = bootId();
  if (owner.boot && boot && owner.boot !== boot) return false; // written before a reboot
  if (!alive(owner.pid)) return false;
  if (owner.start) {
    const start = processStartTime(owner.pid);
    if (start && start !== owner.start) return false; // the pid was reused by another process
  }
  return true;
}

export function acquireDataDirLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "kuanyan.lock");
  const me = JSON.stringify(currentOwner());
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(file, "wx");
      fs.writeSync(fd, me);
      fs.closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(file, "utf8") === me) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      let text: string;
      try {
        text = fs.readFileSync(file, "utf8");
      } catch {
        continue; // removed meanwhile
      }
      const owner = parseLock(text);
      if (owner && ownerAlive(owner)) throw new DataDirLockedError(dataDir, owner.pid);
      // A stale lock (its process is gone, or its pid now names another process): take it over.
      // Rename first, so that of two processes taking it over at once only one removes it.
      const aside = `${file}.stale.${process.pid}`;
      try {
        fs.renameSync(file, aside);
        if (fs.readFileSync(aside, "utf8") === text) fs.unlinkSync(aside);
        else fs.renameSync(aside, file); // someone else's fresh lock: put it back
      } catch {
        /* taken over by another process meanwhile */
      }
    }
  }
  throw new Error(`无法获取数据目录锁：${file}`);
}
