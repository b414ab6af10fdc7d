// The column packing of the long lists (src/lib/columns.ts) and the facility-support shards: a
// page unpacks exactly the rows a loader packed, and looks a facility up in the shard its loader
// put it in.
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {pack, shardOf, unpack} from "../../src/lib/columns.js";
import {FACILITY_SUPPORT_SHARDS, shardFile} from "../../src/data/facility-supports.js";

const rows = [
  {id: "CS001", unit: "Vĩnh Thủy", levels: ["huyen", "tinh"], amount: 16_500_000},
  {id: "CS002", unit: null, levels: ["xa"], amount: null},
  {id: "CS003", unit: "Vĩnh Thủy", levels: ["huyen", "tinh"], amount: 0}
];

describe("pack / unpack", () => {
  it("writes a dictionary column's values once, lists by content, and gives the rows back", () => {
    const packed = pack(rows, ["id", "unit", "levels", "amount"], ["unit", "levels"]);
    expect(packed).toEqual({
      rows: 3,
      columns: {
        id: ["CS001", "CS002", "CS003"],
        unit: {dict: ["Vĩnh Thủy", null], codes: [0, 1, 0]},
        // Mutation: keyed by identity (each row's own array) the dictionary held three lists.
        levels: {dict: [["huyen", "tinh"], ["xa"]], codes: [0, 1, 0]},
        amount: [16_500_000, null, 0]
      }
    });
    expect(unpack(JSON.parse(JSON.stringify(packed)))).toEqual(rows);
  });

  it("keeps only the columns asked for, and packs an empty list", () => {
    expect(unpack(pack(rows, ["id"]))).toEqual([{id: "CS001"}, {id: "CS002"}, {id: "CS003"}]);
    expect(unpack(pack([] as typeof rows, ["id", "unit"], ["unit"]))).toEqual([]);
  });
});

describe("facility-support shards", () => {
  it("shardOf is FNV-1a: fixed values, and every shard is reached", () => {
    // FNV-1a 32-bit of "a" is 0xe40c292c (the reference test vector of the algorithm).
    expect(shardOf("a", 2 ** 31)).toBe(0xe40c292c % 2 ** 31);
    expect(shardOf("a", 8)).toBe(0xe40c292c % 8);
    const hit = new Set(Array.from({length: 200}, (_, i) => shardOf(`CS${String(i).padStart(3, "0")}`, FACILITY_SUPPORT_SHARDS)));
    expect([...hit].sort()).toEqual(Array.from({length: FACILITY_SUPPORT_SHARDS}, (_, k) => k));
  });

  // Mutation: a shard's line taken out of the page made this fail (the page would look facilities
  // of the last shard up in the wrong file, 7 shards for 8).
  it("Cơ sở CNNT names every shard file, in order, and no other", () => {
    const page = readFileSync("src/co-so.md", "utf8");
    const named = [...page.matchAll(/FileAttachment\("data\/(facility-supports-\d+\.json)"\)/g)].map((m) => m[1]);
    expect(named).toEqual(Array.from({length: FACILITY_SUPPORT_SHARDS}, (_, k) => shardFile(k)));
  });
});
