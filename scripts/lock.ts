// A lock between processes: a directory (mkdir is atomic) holding its owner's pid. A lock whose
// owner is gone, or older than `staleAfterMs`, is taken over; a waiter gives up after `waitMs`.
import {mkdirSync, readFileSync, rmSync, statSync, writeFileSync} from "node:fs";
import path from "node:path";

export interface LockOptions {
  waitMs?: number;
  staleAfterMs?: number;
  /** Said once when the lock is held by another process (the wait may be long). */
  onWait?: (owner: number) => void;
}

export async function withLock<T>(lockDir: string, fn: () => T | Promise<T>, options: LockOptions = {}): Promise<T> {
  const {waitMs = 10 * 60_000, staleAfterMs = 15 * 60_000, onWait} = options;
  mkdirSync(path.dirname(lockDir), {recursive: true});
  const deadline = Date.now() + waitMs;
  let told = false;
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(path.join(lockDir, "pid"), String(process.pid));
      break;
    } catch {
      let owner = 0;
      let age = 0;
      try {
        age = Date.now() - statSync(lockDir).mtimeMs;
        owner = Number(readFileSync(path.join(lockDir, "pid"), "utf8"));
      } catch {
        // the lock is being created or removed right now
      }
      if ((owner && !processAlive(owner)) || age > staleAfterMs) rmSync(lockDir, {recursive: true, force: true});
      else if (owner && !told) {
        told = true;
        onWait?.(owner);
      }
      if (Date.now() > deadline) throw new Error(`lock still held after ${Math.round(waitMs / 1000)} s: ${lockDir}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lockDir, {recursive: true, force: true});
  }
}

/** Whether a process of this machine with that id still runs (work it left behind is stale if not). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
