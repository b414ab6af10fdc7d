// The machine's other work while a benchmark measures: /proc/stat counts the time every processor
// was busy, a measured run its own CPU time; what is left is other processes' work, which
// stretches a run's wall time without being the code's doing. On a 2-core machine, the same code
// printed a ratio of 2,06 while other work kept the load average at 3–5, and 1,79 once it was quiet.
// A virtual machine's host may also take processors without any trace in /proc/stat: that noise
// is not seen here.
import {readFileSync} from "node:fs";
import {setTimeout as sleep} from "node:timers/promises";

/** Ticks per second of /proc/stat's counters (USER_HZ, 100 on every Linux that Node runs on). */
const USER_HZ = 100;

/**
 * The machine's busy time so far in seconds, all processors together, from /proc/stat's first
 * line: user, nice, system, irq, softirq and steal; idle and iowait are not busy (guest time is
 * already inside user and nice).
 */
export function busySeconds(procStat: string): number {
  const fields = /^cpu\s+(.*)$/m.exec(procStat)?.[1]?.trim().split(/\s+/).map(Number);
  if (!fields || fields.length < 8 || fields.some((n) => !Number.isFinite(n))) throw new Error("/proc/stat: no cpu line");
  const [user, nice, system, , , irq, softirq, steal] = fields as [number, number, number, number, number, number, number, number];
  return (user + nice + system + irq + softirq + steal) / USER_HZ;
}

/** The machine's busy seconds now, or undefined where there is no /proc/stat (not Linux). */
function machineBusy(): number | undefined {
  try {
    return busySeconds(readFileSync("/proc/stat", "utf8"));
  } catch {
    return undefined;
  }
}

/**
 * Starts watching the machine. The function returned gives the other work since (otherWork),
 * given the CPU time of what ran meanwhile; undefined where it cannot be seen.
 */
export function watchMachine(): (ownCpuSeconds: number) => number | undefined {
  const before = machineBusy();
  const started = performance.now();
  return (ownCpuSeconds) => {
    const after = machineBusy();
    if (before === undefined || after === undefined) return undefined;
    return otherWork(before, after, ownCpuSeconds, (performance.now() - started) / 1000);
  };
}

/**
 * Processors' worth of other work during a span of `wallSeconds`: the machine's busy time over it
 * less `ownCpuSeconds`, the CPU time of what was measured (never below 0: the counters tick every
 * 10 ms and a process's own time is counted more finely).
 */
export function otherWork(busyBefore: number, busyAfter: number, ownCpuSeconds: number, wallSeconds: number): number {
  return Math.max(0, (busyAfter - busyBefore - ownCpuSeconds) / wallSeconds);
}

/** Other work of this many processors or more marks a run as disturbed. */
export const DISTURBED = 0.2;

/**
 * Waits, up to `maxSeconds`, until the machine does less than DISTURBED processors of other work
 * over a second (the caller itself idle meanwhile). Returns the other work last seen, or
 * undefined where it cannot be seen.
 */
export async function waitForQuiet(maxSeconds: number, onWait: (other: number) => void): Promise<number | undefined> {
  const started = performance.now();
  for (;;) {
    const watch = watchMachine();
    await sleep(1000);
    const other = watch(0);
    if (other === undefined) return undefined;
    if (other < DISTURBED || (performance.now() - started) / 1000 >= maxSeconds) return other;
    onWait(other);
  }
}
