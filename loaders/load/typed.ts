// Typed layer: raw text → the kind's table, with money as BIGINT đồng and dates as DATE.
//
// The contract's zod schemas decide what a cell means. For speed, the bulk of the rows is cast
// in SQL written from the same contract; the SQL is deliberately narrower than zod (it only
// accepts the common spellings), and every row it does not accept goes to zod, which loads it
// or rejects it with the reason. So the SQL may send a good row the slow way, but never loads a
// row zod would refuse (test/ingest/consistency.test.ts holds it to that).
import type {DuckDBConnection} from "@duckdb/node-api";
import type {z} from "zod";
import {columnMeta, codeIndex, type ColumnMeta, type FieldType} from "../../src/lib/contract/fields.js";
import type {KindSpec} from "../../src/lib/contract/kinds.js";
import {validateRow, type Issue} from "../../src/lib/contract/validate.js";
import {MAX_MONEY} from "../../src/lib/parse/money.js";
import {blankClass} from "../../src/lib/parse/text.js";
import {quoteIdent as q, quoteLiteral as lit} from "./sql.js";

export interface Column {
  name: string;
  meta: ColumnMeta;
}

export function columnsOf(spec: KindSpec): Column[] {
  return Object.entries(spec.schema.shape).map(([name, schema]) => ({name, meta: columnMeta(schema as z.ZodType)}));
}

export function sqlType(type: FieldType): string {
  switch (type.kind) {
    case "money":
      return "BIGINT";
    case "year":
    case "count":
      return "INTEGER";
    case "date":
      return "DATE";
    case "percent":
      return "DOUBLE";
    case "text":
    case "code":
      return "VARCHAR";
  }
}

/** The warehouse table of a kind: canonical columns, then provenance. */
export async function createKindTable(conn: DuckDBConnection, spec: KindSpec): Promise<void> {
  const cols = columnsOf(spec).map((c) => `${q(c.name)} ${sqlType(c.meta.type)}`);
  await conn.run(
    `CREATE TABLE ${q(spec.name)} (${cols.join(", ")}, source_file VARCHAR NOT NULL, source_line INTEGER NOT NULL, extra_columns VARCHAR)`
  );
}

const BLANK = blankClass("re2");
const DIGITS = "[0-9]+|[0-9]{1,3}(\\.[0-9]{3})+|[0-9]{1,3}(,[0-9]{3})+|[0-9]{1,3}( [0-9]{3})+";

/** Trimmed NFC text, NULL when blank: the same cleaning as cleanText(). */
function clean(col: string): string {
  return `nullif(regexp_replace(nfc_normalize(${q(col)}), '^[${BLANK}]+|[${BLANK}]+$', '', 'g'), '')`;
}

function inRange(expr: string, min: string, max: string): string {
  return `CASE WHEN (${expr}) BETWEEN ${min} AND ${max} THEN (${expr}) END`;
}

/** SQL that casts the cleaned text `v` to the column's type, NULL where SQL is not sure. */
function cast(type: FieldType, v: string): string {
  switch (type.kind) {
    case "text":
      return v;
    case "year":
      return inRange(`CASE WHEN regexp_full_match(${v}, '[0-9]{4}') THEN try_cast(${v} AS INTEGER) END`, "2000", "2100");
    case "count":
      return inRange(
        `CASE WHEN regexp_full_match(${v}, '${DIGITS}') THEN try_cast(regexp_replace(${v}, '[., ]', '', 'g') AS BIGINT) END`,
        String(type.min),
        String(type.max)
      );
    case "money": {
      const body = `regexp_replace(${v}, '(?i) ?(đồng|đ|vnđ|vnd)$', '')`;
      const pattern = type.signed ? `-?(${DIGITS})` : `(${DIGITS})`;
      const value = `CASE WHEN regexp_full_match(${body}, '${pattern}') THEN try_cast(regexp_replace(${body}, '[., ]', '', 'g') AS BIGINT) END`;
      return inRange(value, type.signed ? `-${MAX_MONEY}` : "0", String(MAX_MONEY));
    }
    case "date":
      return inRange(
        `CASE WHEN regexp_full_match(${v}, '[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}') THEN CAST(try_strptime(${v}, '%d/%m/%Y') AS DATE)
              WHEN regexp_full_match(${v}, '[0-9]{4}-[0-9]{2}-[0-9]{2}') THEN try_cast(${v} AS DATE) END`,
        "DATE '1900-01-01'",
        "DATE '2100-12-31'"
      );
    case "percent":
      return inRange(
        `CASE WHEN regexp_full_match(${v}, '[0-9]+([.,][0-9]+)?%?') THEN try_cast(replace(replace(${v}, '%', ''), ',', '.') AS DOUBLE) END`,
        "0",
        "100"
      );
    case "code": {
      const key = `trim(regexp_replace(lower(strip_accents(replace(replace(${v}, 'đ', 'd'), 'Đ', 'd'))), '[^a-z0-9]+', ' ', 'g'))`;
      const whens = [...codeIndex[type.list]].map(([k, code]) => `WHEN ${lit(k)} THEN ${lit(code)}`).join(" ");
      return `CASE ${key} ${whens} END`;
    }
  }
}

function defaultLiteral(meta: ColumnMeta): string {
  return typeof meta.default === "number" ? String(meta.default) : lit(String(meta.default));
}

/**
 * Stages every raw row of a kind with its typed values and an `ok` flag, loads the rows SQL is
 * sure of, and returns the others (cleaned text) for zod.
 */
export async function typeRows(conn: DuckDBConnection, spec: KindSpec): Promise<FlaggedRow[]> {
  const columns = columnsOf(spec);
  const cleaned = columns.map((c) => `${clean(c.name)} AS ${q(`v_${c.name}`)}`);
  const typed = columns.map((c) => {
    const v = q(`v_${c.name}`);
    const value = cast(c.meta.type, v);
    const withDefault = c.meta.default === undefined ? value : `CASE WHEN ${v} IS NULL THEN ${defaultLiteral(c.meta)} ELSE ${value} END`;
    return `${withDefault} AS ${q(c.name)}`;
  });
  const cellOk = columns.map((c) => {
    const v = q(`v_${c.name}`);
    return c.meta.required ? `${q(c.name)} IS NOT NULL` : `(${v} IS NULL OR ${q(c.name)} IS NOT NULL)`;
  });
  const rules = (spec.rules ?? []).map((r) => `coalesce(${r.sql}, false)`);
  await conn.run(`
    CREATE TEMP TABLE ${q(`stage_${spec.name}`)} AS
    WITH cleaned AS (SELECT source_file, source_line, extra_columns, ${cleaned.join(", ")} FROM ${q(`raw_${spec.name}`)}),
         typed AS (SELECT *, ${typed.join(", ")} FROM cleaned)
    SELECT *, (${[...cellOk, ...rules].join(" AND ")}) AS ok FROM typed`);
  const names = columns.map((c) => q(c.name)).join(", ");
  await conn.run(`INSERT INTO ${q(spec.name)} (${names}, source_file, source_line, extra_columns)
    SELECT ${names}, source_file, source_line, extra_columns FROM ${q(`stage_${spec.name}`)} WHERE ok`);
  const flagged = await conn.runAndReadAll(`
    SELECT source_file, source_line, extra_columns, ${columns.map((c) => q(`v_${c.name}`)).join(", ")}
    FROM ${q(`stage_${spec.name}`)} WHERE NOT ok ORDER BY source_file, source_line`);
  return flagged.getRowObjectsJS().map((r) => ({
    source_file: String(r.source_file),
    source_line: Number(r.source_line),
    extra_columns: r.extra_columns == null ? null : String(r.extra_columns),
    cells: Object.fromEntries(columns.map((c) => [c.name, r[`v_${c.name}`] == null ? undefined : String(r[`v_${c.name}`])]))
  }));
}

export interface FlaggedRow {
  source_file: string;
  source_line: number;
  extra_columns: string | null;
  cells: Record<string, string | undefined>;
}

export interface RowReject extends Issue {
  source_file: string;
  source_line: number;
  raw_value: string | null;
}

/** zod decides the rows SQL was not sure of: loads the good ones, returns the reasons for the rest. */
export async function settleFlagged(conn: DuckDBConnection, spec: KindSpec, rows: readonly FlaggedRow[]): Promise<RowReject[]> {
  const columns = columnsOf(spec);
  const rejects: RowReject[] = [];
  const accepted: {row: FlaggedRow; values: Record<string, unknown>}[] = [];
  for (const row of rows) {
    const result = validateRow(spec, row.cells);
    if (result.ok) accepted.push({row, values: result.row as Record<string, unknown>});
    else {
      for (const issue of result.issues) {
        rejects.push({...issue, source_file: row.source_file, source_line: row.source_line, raw_value: row.cells[issue.column] ?? null});
      }
    }
  }
  if (accepted.length > 0) {
    // Typed values travel as text and are cast by DuckDB: one conversion, the warehouse's own.
    const tmp = `settled_${spec.name}`;
    await conn.run(`CREATE OR REPLACE TEMP TABLE ${q(tmp)} (${columns.map((c) => `${q(c.name)} VARCHAR`).join(", ")}, source_file VARCHAR, source_line INTEGER, extra_columns VARCHAR)`);
    const appender = await conn.createAppender(tmp);
    for (const {row, values} of accepted) {
      for (const c of columns) {
        const v = values[c.name];
        if (v === undefined || v === null) appender.appendNull();
        else appender.appendVarchar(String(v));
      }
      appender.appendVarchar(row.source_file);
      appender.appendInteger(row.source_line);
      if (row.extra_columns === null) appender.appendNull();
      else appender.appendVarchar(row.extra_columns);
      appender.endRow();
    }
    appender.closeSync();
    const names = columns.map((c) => q(c.name));
    const casts = columns.map((c) => `CAST(${q(c.name)} AS ${sqlType(c.meta.type)})`);
    await conn.run(`INSERT INTO ${q(spec.name)} (${names.join(", ")}, source_file, source_line, extra_columns)
      SELECT ${casts.join(", ")}, source_file, source_line, extra_columns FROM ${q(tmp)}`);
  }
  return rejects;
}
