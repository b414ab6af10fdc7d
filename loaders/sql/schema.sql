-- Bookkeeping tables of every warehouse. The kinds' own tables are created from the contract.
-- commune_code: the commune of the row's file, filled at the end of the run (loaders/load/communes.ts).
CREATE TABLE ingest_runs (
  run_id VARCHAR NOT NULL,
  started_at TIMESTAMP NOT NULL,
  finished_at TIMESTAMP,
  data_dir VARCHAR NOT NULL,
  status VARCHAR NOT NULL,
  is_sample BOOLEAN NOT NULL,
  data_as_of DATE
);
CREATE TABLE source_files (
  source_file VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,
  sha256 VARCHAR NOT NULL,
  bytes BIGINT NOT NULL,
  encoding VARCHAR NOT NULL,
  delimiter VARCHAR NOT NULL,
  reader VARCHAR NOT NULL,
  rows_read INTEGER,
  rows_loaded INTEGER,
  rows_rejected INTEGER,
  blank_rows INTEGER,
  warnings INTEGER,
  commune_code VARCHAR
);
-- Files (and folders) of the data folder that were not loaded, and why (a code: quality-labels.ts SKIPPED_REASONS).
CREATE TABLE skipped_files (source_file VARCHAR NOT NULL, reason VARCHAR NOT NULL, commune_code VARCHAR);
CREATE TABLE rejects (
  kind VARCHAR NOT NULL,
  source_file VARCHAR NOT NULL,
  source_line INTEGER NOT NULL,
  column_name VARCHAR,
  raw_value VARCHAR,
  reason VARCHAR NOT NULL,
  commune_code VARCHAR
);
CREATE TABLE warnings (
  kind VARCHAR NOT NULL,
  source_file VARCHAR NOT NULL,
  source_line INTEGER NOT NULL,
  rule VARCHAR NOT NULL,
  message VARCHAR NOT NULL,
  commune_code VARCHAR
);
CREATE TABLE code_lists (list VARCHAR NOT NULL, code VARCHAR NOT NULL, label VARCHAR NOT NULL, position INTEGER NOT NULL);
-- The statuses that commit money (committedStatuses, src/lib/contract/codes.ts): is_committed() reads them.
CREATE TABLE committed_statuses (committed_status VARCHAR NOT NULL);
CREATE TABLE data_tests (test VARCHAR NOT NULL, failures INTEGER NOT NULL, example VARCHAR);
-- Money in messages, written as src/lib/format.ts formatMoney writes it (a test compares them).
CREATE MACRO vnd(x) AS replace(format('{:,}', x), ',', '.') || ' đ';
-- A percentage as formatPercent writes it: one decimal, decimal comma (a test compares them).
CREATE MACRO pct(x) AS replace(format('{:.1f}', x), '.', ',') || '%';
