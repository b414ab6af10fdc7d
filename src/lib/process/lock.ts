// A lock between processes: a directory (mkdir is atomic) holding its owner's pid. A lock whose
// owner is gone is taken over, and so is one that never got its owner's pid (its process died
// between the two steps) once older than `staleAfterMs`; a lock whose owner still runs is never
// taken, however long it takes (a large ingest may). A waiter gives up after `waitMs` (LockHeld).
import {mkdirSync, readFileSync, rmSync, statSync, writeFileSync} from "node:fs";
import path from "node:path";

export interface LockOptions {
  waitMs?: number;
  staleAfterMs?: number;
  /** Said once when the lock is held by another process (the wait may be long). */
  onWait?: (owner: number) => void;
}

/** The lock was still held by a live process (`owner`, 0 if unknown) after the wait. */
export class LockHeld extends Error {
  override name = "LockHeld";
  constructor(
    readonly lockDir: string,
    readonly owner: number,
    readonly waitedMs: number
  ) {
    super(`Khóa ${lockDir} vẫn do tiến trình ${owner || "khác"} giữ sau ${Math.round(waitedMs / 1000)} s chờ.`);
  }
}

export async function withLock<T>(lockDir: string, fn: () => T | Promise<T>, options: LockOptions = {}): Promise<T> {
  const {waitMs = 10 * 60_000, staleAfterMs = 60_000, onWait} = options;
  mkdirSync(path.dirname(lockDir), {recursive: true});
  const deadline = Date.now() + waitMs;
  let told = false;
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(path.join(lockDir, "pid"), String(process.pid));
      break;
    } catch (error) {
      // Only an existing lock is waited for; a folder that cannot be written never gets better.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      let owner = 0;
      let age = 0;
      try {
        age = Date.now() - statSync(lockDir).mtimeMs;
        owner = Number(readFileSync(path.join(lockDir, "pid"), "utf8"));
      } catch {
        // the lock is being created or removed right now
      }
      if (owner ? !processAlive(owner) : age > staleAfterMs) rmSync(lockDir, {recursive: true, force: true});
      else if (owner && !told) {
        told = true;
        onWait?.(owner);
      }
      if (Date.now() > deadline) throw new LockHeld(lockDir, owner, waitMs);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  held.add(lockDir);
  try {
    return await fn();
  } finally {
    held.delete(lockDir);
    rmSync(lockDir, {recursive: true, force: true});
  }
}

/** Whether a process of this machine with that id still runs (work it left behind is stale if not). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user (whose files this process must not take for stale).
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Locks this process holds now: released by releaseHeldLocks() when it is interrupted (Ctrl+C). */
const held = new Set<string>();

/** Removes every lock this process holds; for a signal handler that is about to end the process. */
export function releaseHeldLocks(): void {
  for (const lockDir of held) rmSync(lockDir, {recursive: true, force: true});
  held.clear();
}
