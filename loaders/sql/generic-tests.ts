// The data tests every contract implies, generated from kinds.ts so that they follow it (a new
// kind, key, reference or code column is tested with no SQL to write): every key unique, every
// reference resolved, every code in its list. Each is one query per kind (or per reference, per
// code column) selecting the failing rows; the singular tests of the warehouse stay as .sql files
// in tests/.
import type {z} from "zod";
import {columnMeta} from "../../src/lib/contract/fields.js";
import {communeKey, communeReference, kindOrder, kinds, type KindSpec} from "../../src/lib/contract/kinds.js";
import {keyRepeats, unresolvedRows} from "../load/integrity.js";
import {quoteIdent as q} from "../load/sql.js";

/** A query selecting failing rows; `label` names it in the failure's example; `values` are its bound parameters. */
export interface TestQuery {
  label: string;
  sql: string;
  values?: Record<string, string>;
}

export interface GenericTest {
  name: string;
  queries: TestQuery[];
}

const specs = () => kindOrder.map((k) => kinds[k] as KindSpec);

/** A part of a key: a column, or a value the contract computes from the row with its own SQL. */
const keySql = (part: string | {sql: string}): string => (typeof part === "string" ? q(part) : `(${part.sql})`);

/** Keys are unique within a commune after the load (duplicates were rejected, the first row kept); an empty cell of a key is a value like any other. */
function uniqueKeys(): TestQuery[] {
  return specs()
    .filter((s) => s.key && s.key.length > 0)
    .map((s) => {
      const key = communeKey(s).map(keySql).join(", ");
      const table = q(s.name);
      return {label: s.name, sql: `SELECT ${key}, count(*) AS rows FROM ${table} WHERE ${keyRepeats(table, key)} GROUP BY ${key} HAVING count(*) > 1`};
    });
}

/** Every reference of a loaded row finds its row. */
function referencesResolve(): TestQuery[] {
  return specs().flatMap((s) =>
    (s.references ?? []).map(communeReference).map((ref) => ({
      label: `${s.name}.${ref.columns.slice(1).join("+")} → ${ref.kind}`,
      sql: `SELECT t.source_file, t.source_line, ${ref.columns.map((c) => `t.${q(c)}`).join(", ")} FROM ${unresolvedRows(q(s.name), ref)}`
    }))
  );
}

/** Every code column holds a code of its list (each query's parameter named for it: a test's queries run as one statement). */
function acceptedCodes(): TestQuery[] {
  return specs().flatMap((s) =>
    Object.entries(s.schema.shape).flatMap(([column, schema]) => {
      const type = columnMeta(schema as z.ZodType).type;
      if (type.kind !== "code") return [];
      const list = `${s.name}_${column}_list`;
      return [
        {
          label: `${s.name}.${column}`,
          sql: `SELECT DISTINCT ${q(column)} AS code FROM ${q(s.name)}
                WHERE ${q(column)} IS NOT NULL AND ${q(column)} NOT IN (SELECT code FROM code_lists WHERE list = $${list})`,
          values: {[list]: type.list}
        }
      ];
    })
  );
}

export function genericDataTests(): GenericTest[] {
  return [
    {name: "unique_keys", queries: uniqueKeys()},
    {name: "references_resolve", queries: referencesResolve()},
    {name: "accepted_codes", queries: acceptedCodes()}
  ];
}
