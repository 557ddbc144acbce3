import fs from "node:fs";
import path from "node:path";

/**
 * Only one process may open a PGlite data directory (two would silently lose writes).
 * The lock is a file holding the owner's pid; a lock whose process is gone is taken over.
 */
export class DataDirLockedError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `数据目录 ${dataDir} 已被另一个宽严进程（PID ${pid}）占用。内置数据库只能由一个进程打开：` +
        `请先停止该进程，或用 KUANYAN_DATA_DIR 指定另一个目录，或通过 DATABASE_URL 使用 PostgreSQL 以运行多个进程。`,
    );
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function acquireDataDirLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "kuanyan.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(file, "wx");
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(file, "utf8").trim() === String(process.pid)) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const pid = Number.parseInt(fs.readFileSync(file, "utf8").trim(), 10);
      if (Number.isFinite(pid) && pid !== process.pid && alive(pid)) throw new DataDirLockedError(dataDir, pid);
      if (pid === process.pid) throw new DataDirLockedError(dataDir, pid);
      fs.unlinkSync(file); // stale lock of a process that is gone
    }
  }
  throw new Error(`无法获取数据目录锁：${file}`);
}
