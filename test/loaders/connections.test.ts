// Steps side by side on the run's connections (loaders/load/connections.ts): the models and the
// rules across rows run so, each step once the steps it comes after have ended. A step started
// early would read a model not yet made, or a reference to rows about to be rejected.
// Mutations: starting each step without waiting for its `after` made "never starts a step
// before…" fail; throwing the first failure to settle instead of the first in order made "the
// first failure in the steps' order" fail.
import type {DuckDBConnection} from "@duckdb/node-api";
import {describe, expect, it} from "vitest";
import {inDependencyOrder, takeInTurn, type Step} from "../../loaders/load/connections.js";

const connections = [{id: "a"}, {id: "b"}] as unknown as DuckDBConnection[];
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Steps that log their start and end, the later ones in the list quicker (so order is tested, not luck). */
function logged(graph: Record<string, string[]>, log: string[], busy: Set<DuckDBConnection>, fail = new Set<string>()): Step[] {
  const names = Object.keys(graph);
  return names.map((name, i) => ({
    name,
    after: graph[name]!,
    run: async (c) => {
      if (busy.has(c)) throw new Error(`${name}: connection lent twice`);
      busy.add(c);
      log.push(`start ${name}`);
      await pause(5 * (names.length - i));
      log.push(`end ${name}`);
      busy.delete(c);
      if (fail.has(name)) throw new Error(`${name} failed`);
    }
  }));
}

describe("steps in dependency order", () => {
  const graph = {a: [], b: [], c: ["a"], d: ["a", "b"], e: ["c", "d"]};

  it("never starts a step before the steps it comes after have ended, and runs independent ones side by side", async () => {
    const log: string[] = [];
    await inDependencyOrder(connections, logged(graph, log, new Set()));
    for (const [name, after] of Object.entries(graph)) {
      for (const before of after) expect(log.indexOf(`end ${before}`), `${before} → ${name}`).toBeLessThan(log.indexOf(`start ${name}`));
    }
    expect(log.slice(0, 2).sort()).toEqual(["start a", "start b"]);
    expect(log.filter((l) => l.startsWith("end"))).toHaveLength(5);
  });

  it("throws the first failure in the steps' order once every started step has ended; a failed step's followers do not run", async () => {
    const log: string[] = [];
    const run = inDependencyOrder(connections, logged(graph, log, new Set(), new Set(["a", "b"])));
    await expect(run).rejects.toThrow("a failed");
    expect(log.filter((l) => l.startsWith("start")).sort()).toEqual(["start a", "start b"]);
    expect(log.filter((l) => l.startsWith("end")).sort()).toEqual(["end a", "end b"]);
  });

  it("refuses a list where a step comes before a step it names", async () => {
    await expect(inDependencyOrder(connections, logged({c: ["a"], a: []}, [], new Set()))).rejects.toThrow("c is listed before a");
  });
});

// The ingest reads the kinds so (loadKinds), the largest file first. A run with a refused register
// and a larger refused voucher file once named the vouchers' file under load (rules.test.ts, "two
// refused files"): the first failure had emptied the queue before the second connection had
// started, so the register, first in load order, was never read.
// Mutation: leaving the whole queue at a failure (`queue.length = 0`) fails the first test here
// (the failure of "vouchers" is thrown, "register" never starts).
describe("items taken in turn by the free connections", () => {
  const rank = (item: string) => ["communes", "register", "lines", "vouchers"].indexOf(item);

  it("a failure leaves the items ranked after it, still runs those ranked before it, and throws the first ranked failure", async () => {
    const started: string[] = [];
    const run = takeInTurn(
      connections,
      ["vouchers", "lines", "register", "communes"],
      rank,
      async (_c, item) => {
        started.push(item);
        await pause(item === "vouchers" ? 0 : 5);
        if (item === "vouchers" || item === "register") throw new Error(`${item} refused`);
        return item;
      },
      // The second connection is slow to start: the vouchers have failed before it takes an item.
      async (c) => pause(c === connections[1] ? 20 : 0)
    );
    await expect(run).rejects.toThrow("register refused");
    // Every item ranks before "vouchers", and "communes" before "register" too: all of them run.
    expect(started.sort()).toEqual(["communes", "lines", "register", "vouchers"]);
  });

  it("after a failure, items ranked after it are not started", async () => {
    const started: string[] = [];
    const run = takeInTurn([connections[0]!], ["register", "vouchers", "lines"], rank, async (_c, item) => {
      started.push(item);
      if (item === "register") throw new Error("register refused");
      return item;
    });
    await expect(run).rejects.toThrow("register refused");
    expect(started).toEqual(["register"]);
  });

  it("without failures, every item's result by item, each connection started once", async () => {
    const starts: DuckDBConnection[] = [];
    const results = await takeInTurn(connections, ["a", "b", "c"], () => 0, async (_c, item) => item.toUpperCase(), async (c) => void starts.push(c));
    expect([...results].sort()).toEqual([["a", "A"], ["b", "B"], ["c", "C"]]);
    expect(starts.sort()).toEqual([...connections].sort());
  });
});
