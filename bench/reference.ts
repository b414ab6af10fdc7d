// The machine's own speed, to read the benchmarks' absolute targets by: DuckDB's typed read_csv of
// bench:ingest's million-row file, no check of ours. bench:ingest compares the ingest with it side
// by side; bench:scale prints it beside its times, so that a slower machine shows as one (scripts/
// SITE.md: the province's build moved with it from one machine to another).
import {DuckDBInstance} from "@duckdb/node-api";
import {rmSync} from "node:fs";
import {join} from "node:path";
import {writeLargeDisbursements} from "../scripts/sample/large.js";

/** DuckDB alone: the file into typed columns of a new database file. Returns the rows loaded. */
export async function duckdbReadCsv(file: string, dbPath: string): Promise<number> {
  const instance = await DuckDBInstance.create(dbPath);
  const conn = await instance.connect();
  await conn.run(`
    CREATE TABLE disbursements AS SELECT * FROM read_csv('${file}', delim = ';', header = true, quote = '"', escape = '"',
      dateformat = '%d/%m/%Y', thousands = '.', decimal_separator = ',', ignore_errors = true, auto_detect = false,
      columns = {'voucher_no': 'VARCHAR', 'paid_on': 'DATE', 'activity_id': 'VARCHAR', 'amount': 'BIGINT',
                 'funding_source': 'VARCHAR', 'payee': 'VARCHAR', 'description': 'VARCHAR'})`);
  const rows = Number((await conn.runAndReadAll("SELECT count(*) FROM disbursements")).getRows()[0]?.[0]);
  await conn.run("CHECKPOINT");
  conn.closeSync();
  instance.closeSync();
  return rows;
}

/** Seconds of duckdbReadCsv on a million-row file written in `dir`: the median of three reads. */
export async function machineReference(dir: string, rows = 1_000_000): Promise<number> {
  const file = join(dir, "disbursements_reference.csv");
  await writeLargeDisbursements(file, {rows});
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const db = join(dir, `reference-${i}.duckdb`);
    const started = performance.now();
    await duckdbReadCsv(file, db);
    times.push((performance.now() - started) / 1000);
    rmSync(db, {force: true});
  }
  rmSync(file, {force: true});
  return times.sort((a, b) => a - b)[1]!;
}
