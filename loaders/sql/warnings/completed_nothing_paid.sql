-- A completed activity of the commune's budget with nothing paid against it.
SELECT 'activities' AS kind, a.source_file, a.source_line,
       'Hoạt động ' || a.activity_id || ' năm ' || a.year || ' đã hoàn thành nhưng chưa có chứng từ chi nào' AS message
FROM activities a
WHERE a.status = 'hoan_thanh' AND a.line_no IS NOT NULL
  AND coalesce((SELECT p.disbursed FROM activity_payments p WHERE p.commune_code = a.commune_code AND p.year = a.year AND p.activity_id = a.activity_id), 0) = 0
