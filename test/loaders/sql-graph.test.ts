// The warehouse SQL as a graph (loaders/sql/run.ts): each model's first line declares the models it
// reads, and the models run in that graph's order. A declaration that misses a model the SQL reads
// would let a reordering break the build on another machine's file order; a cycle or an unknown
// name must be refused with the models named.
// Mutation: deleting "committed_activities" from plan_vs_actual.sql's header made "every model
// declares the models its SQL reads" fail, naming plan_vs_actual.
import {describe, expect, it} from "vitest";
import {ModelGraphError, models, runOrder, type Model} from "../../loaders/sql/run.js";

/** The SQL without comments and string literals: what it really reads. */
const code = (sql: string) => sql.replace(/--[^\n]*/g, "").replace(/'[^']*'/g, "''");

/** Tables, views and macros each model creates. */
function created(m: Model): string[] {
  return [...code(m.sql).matchAll(/CREATE\s+(?:OR\s+REPLACE\s+)?(?:TABLE|VIEW|MACRO)\s+([a-z_][a-z0-9_]*)/gi)].map((x) => x[1]!.toLowerCase());
}

const model = (name: string, depends: string[]): Model => ({name, folder: "marts", sql: "", depends});

describe("the models' graph", () => {
  const all = models();

  it("every model declares the models its SQL reads, and only models that exist", () => {
    const owner = new Map(all.flatMap((m) => created(m).map((o) => [o, m.name] as const)));
    const missing: string[] = [];
    for (const m of all) {
      const reads = new Set(
        [...code(m.sql).matchAll(/\b[a-z_][a-z0-9_]*\b/gi)].map((w) => owner.get(w[0].toLowerCase())).filter((o): o is string => o !== undefined && o !== m.name)
      );
      for (const r of reads) if (!m.depends.includes(r)) missing.push(`${m.name} đọc ${r}`);
    }
    expect(missing).toEqual([]);
  });

  it("runs each model after what it reads: staging before intermediate before marts here", () => {
    const order = runOrder(all).map((m) => m.name);
    for (const m of all) for (const d of m.depends) expect(order.indexOf(d), `${d} → ${m.name}`).toBeLessThan(order.indexOf(m.name));
    expect(order.indexOf("activity_payments")).toBeLessThan(order.indexOf("as_of"));
    expect(order.indexOf("as_of")).toBeLessThan(order.indexOf("committed_activities"));
    expect(order.indexOf("committed_activities")).toBeLessThan(order.indexOf("plan_vs_actual"));
  });

  it("refuses a name that is no model, and a cycle, naming the models", () => {
    expect(() => runOrder([model("a", ["khong_co"])])).toThrow(new ModelGraphError("Model a khai báo đọc model không có: khong_co."));
    expect(() => runOrder([model("a", []), model("b", ["c"]), model("c", ["b"])])).toThrow(new ModelGraphError("Các model đọc lẫn nhau thành vòng: b, c."));
  });

  it("orders independent models by name, the same on every run", () => {
    expect(runOrder([model("z", []), model("m", ["z"]), model("a", [])]).map((m) => m.name)).toEqual(["a", "z", "m"]);
  });
});
