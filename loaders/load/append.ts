// Rows into a table through DuckDB's appender: no statement to parse, plan and commit per row.
import type {DuckDBConnection} from "@duckdb/node-api";

/** A cell as the appender takes it: text (VARCHAR), a whole number (INTEGER) or null. */
export type Cell = string | number | null;

/** The rows appended to `table`, each in its columns' order; its rows are in when it returns. */
export async function appendRows(conn: DuckDBConnection, table: string, rows: Iterable<readonly Cell[]>): Promise<void> {
  const appender = await conn.createAppender(table);
  for (const row of rows) {
    for (const cell of row) {
      if (cell === null) appender.appendNull();
      else if (typeof cell === "number") appender.appendInteger(cell);
      else appender.appendVarchar(cell);
    }
    appender.endRow();
  }
  appender.closeSync();
}
