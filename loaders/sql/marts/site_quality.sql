-- depends:
-- Site, page "Chất lượng dữ liệu" (src/chat-luong-du-lieu.md): the bookkeeping of the last ingest
-- in the order the office reads it. Rejected raw values of personal columns are masked by the
-- dataset (src/data/quality.ts), which knows the contract's personal flags.

CREATE OR REPLACE VIEW site_quality_files AS
SELECT commune_code, source_file, kind, sha256, bytes, encoding, delimiter, reader,
       rows_read, rows_loaded, rows_rejected, blank_rows, warnings
FROM source_files;

CREATE OR REPLACE VIEW site_quality_skipped_files AS
SELECT commune_code, source_file, reason FROM skipped_files ORDER BY source_file;

CREATE OR REPLACE VIEW site_quality_rejects AS
SELECT commune_code, kind, source_file, source_line, nullif(column_name, '') AS column_name, raw_value, reason
FROM rejects
ORDER BY source_file, source_line, column_name;

CREATE OR REPLACE VIEW site_quality_warnings AS
SELECT commune_code, kind, source_file, source_line, rule, message
FROM warnings
ORDER BY source_file, source_line, rule;
