import {describe, expect, it} from "vitest";
import {busySeconds, otherWork} from "../../bench/machine.js";

describe("the machine's other work beside a benchmark (bench/machine.ts)", () => {
  // Every field differs, so a field taken in the wrong place changes the sum. Busy: user 1000 +
  // nice 200 + system 300 + irq 60 + softirq 70 + steal 80 = 1710 ticks = 17,1 s; idle 4000,
  // iowait 500 and guest 90 / guest_nice 10 (already inside user and nice) are not busy.
  // Counting iowait as busy was tried on purpose: the first test failed.
  const stat = "cpu  1000 200 300 4000 500 60 70 80 90 10\ncpu0 500 100 150 2000 250 30 35 40 45 5\nintr 12345\n";

  it("counts the busy ticks of the all-processors line, at 100 a second", () => {
    expect(busySeconds(stat)).toBeCloseTo(17.1, 10);
  });

  // Reading any line that starts with "cpu" (a processor's own, cpu0) was tried on purpose: this fails.
  it("refuses a text without that line rather than reading another", () => {
    expect(() => busySeconds("cpu0 500 100 150 2000 250 30 35 40 45 5\n")).toThrow(/no cpu line/);
  });

  it("leaves out the measured run's own CPU time and spreads the rest over the wall time", () => {
    // 12,5 s busy over 2,5 s, 7,5 of them the run's own: 5 s of other work, 2 processors' worth.
    expect(otherWork(100, 112.5, 7.5, 2.5)).toBe(2);
    // The counters tick every 10 ms: a run's own time may exceed the ticks seen; never below 0
    // (without the floor, tried on purpose, this fails with -0,004).
    expect(otherWork(100, 104.99, 5, 2.5)).toBe(0);
  });
});
