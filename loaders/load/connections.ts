// Statements side by side on the run's connections. Most statements of a run are small: each
// waits on its own round trip more than on the processors, so two connections taking turns
// finish them sooner than one. A connection runs one statement at a time, so each task borrows a
// free connection for its whole length.
import type {DuckDBConnection} from "@duckdb/node-api";

type Task<T> = (c: DuckDBConnection) => Promise<T>;

/** Lends the connections to tasks, one task per connection at a time, in the order they ask. */
function lender(connections: readonly DuckDBConnection[]): <T>(task: Task<T>) => Promise<T> {
  const free = [...connections];
  const waiting: ((c: DuckDBConnection) => void)[] = [];
  return async (task) => {
    const c = free.shift() ?? (await new Promise<DuckDBConnection>((resolve) => waiting.push(resolve)));
    try {
      return await task(c);
    } finally {
      const next = waiting.shift();
      if (next) next(c);
      else free.push(c);
    }
  };
}

/**
 * All have ended when it returns, and the first failure in the given order is thrown: no query is
 * left running on a connection about to close, and the same failure is reported on every run.
 */
async function settled<T>(outcomes: readonly Promise<T>[]): Promise<T[]> {
  const results = await Promise.allSettled(outcomes);
  const failed = results.find((o) => o.status === "rejected");
  if (failed) throw failed.reason;
  return results.map((o) => (o as PromiseFulfilledResult<T>).value);
}

/** The tasks run on the connections side by side, each taken by the next free connection; their results in the tasks' order. */
export function sideBySide<T>(connections: readonly DuckDBConnection[], tasks: readonly Task<T>[]): Promise<T[]> {
  const lend = lender(connections);
  return settled(tasks.map((task) => lend(task)));
}

export interface Step {
  name: string;
  /** The steps that must have ended before this one starts (names of earlier steps). */
  after: readonly string[];
  run: Task<unknown>;
}

/**
 * The steps side by side on the connections, each as soon as the steps it comes after have ended.
 * `steps` must list each step after those it names (a run order); a failed step's followers do
 * not run, and the first failure in that order is thrown.
 */
export async function inDependencyOrder(connections: readonly DuckDBConnection[], steps: readonly Step[]): Promise<void> {
  const listed = new Set<string>();
  for (const step of steps) {
    const early = step.after.find((name) => !listed.has(name));
    if (early !== undefined) throw new Error(`step ${step.name} is listed before ${early}, which it comes after`);
    listed.add(step.name);
  }
  const lend = lender(connections);
  const ended = new Map<string, Promise<unknown>>();
  for (const step of steps) ended.set(step.name, Promise.all(step.after.map((name) => ended.get(name))).then(() => lend(step.run)));
  await settled([...ended.values()]);
}

/**
 * Each item taken in turn by the next free connection (`start` first run once on each), its
 * result kept by item. On a failure the items not started that rank after it are left, those
 * ranked before it still run, and once every running task has ended the failure of the first
 * ranked is thrown: the same items fail the same way however the connections' timing falls. (The
 * whole queue left at the first failure made the report depend on which connection was quicker
 * to start: a larger file refused first hid a register refused before it in load order.)
 */
export async function takeInTurn<K, T>(
  connections: readonly DuckDBConnection[],
  items: readonly K[],
  rank: (item: K) => number,
  task: (c: DuckDBConnection, item: K) => Promise<T>,
  start?: Task<unknown>
): Promise<Map<K, T>> {
  const queue = [...items];
  const done = new Map<K, T>();
  const failed = new Map<K, unknown>();
  await Promise.all(
    connections.map(async (c) => {
      if (start) await start(c);
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
        try {
          done.set(item, await task(c, item));
        } catch (error) {
          failed.set(item, error);
          const before = queue.filter((k) => rank(k) < rank(item));
          queue.splice(0, queue.length, ...before);
        }
      }
    })
  );
  const first = [...failed.keys()].sort((a, b) => rank(a) - rank(b))[0];
  if (first !== undefined) throw failed.get(first);
  return done;
}
