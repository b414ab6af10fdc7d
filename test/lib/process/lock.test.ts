// src/lib/process/lock.ts: the lock that keeps two site builds of one checkout apart.
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import os from "node:os";
import path from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {withLock} from "../../../src/lib/process/lock.js";

const folders: string[] = [];
const freshLock = () => {
  folders.push(mkdtempSync(path.join(os.tmpdir(), "kc-lock-")));
  return path.join(folders.at(-1)!, "build.lock");
};
afterAll(() => {
  for (const folder of folders) rmSync(folder, {recursive: true, force: true});
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("withLock", () => {
  it("runs one holder at a time: the second starts only after the first has finished", async () => {
    const lock = freshLock();
    const events: string[] = [];
    const holder = (name: string) => async () => {
      events.push(`${name} start`);
      await sleep(300);
      events.push(`${name} end`);
      return name;
    };
    const first = withLock(lock, holder("a"));
    await sleep(20);
    const waits: number[] = [];
    const second = withLock(lock, holder("b"), {onWait: (owner) => waits.push(owner)});
    expect(await Promise.all([first, second])).toEqual(["a", "b"]);
    expect(events).toEqual(["a start", "a end", "b start", "b end"]);
    expect(waits).toEqual([process.pid]);
  });

  it("takes over a lock whose owner has died, and frees it even when the work fails", async () => {
    const lock = freshLock();
    mkdirSync(lock);
    // A pid far above any this machine hands out: no such process.
    writeFileSync(path.join(lock, "pid"), "2147483646");
    await expect(withLock(lock, () => Promise.reject(new Error("build failed")), {waitMs: 5_000})).rejects.toThrow("build failed");
    expect(await withLock(lock, () => "again", {waitMs: 1_000})).toBe("again");
  });

  it("gives up, naming the lock, when a live owner keeps it too long", async () => {
    const lock = freshLock();
    mkdirSync(lock);
    writeFileSync(path.join(lock, "pid"), String(process.pid));
    await expect(withLock(lock, () => "never", {waitMs: 600})).rejects.toThrow(lock);
  });
});
