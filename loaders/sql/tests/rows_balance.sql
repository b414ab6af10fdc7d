-- For every file: rows read = rows loaded + rows rejected.
SELECT source_file, rows_read, rows_loaded, rows_rejected FROM source_files
WHERE rows_read <> rows_loaded + rows_rejected
