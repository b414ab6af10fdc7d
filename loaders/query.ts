// npm run query -- "SELECT …" [more statements]: read-only look into the warehouse (KC_DB).
import {DuckDBInstance} from "@duckdb/node-api";

const db = process.env.KC_DB ?? "data/warehouse.duckdb";
const instance = await DuckDBInstance.create(db, {access_mode: "READ_ONLY"});
const conn = await instance.connect();
for (const sql of process.argv.slice(2)) {
  const reader = await conn.runAndReadAll(sql);
  console.table(reader.getRowObjectsJson());
}
conn.closeSync();
instance.closeSync();
