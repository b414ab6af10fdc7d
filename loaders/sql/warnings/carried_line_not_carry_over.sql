-- A carried activity (Chuyển từ năm …) charged to a plan line whose source is not the money
-- carried over from last year: its approval and payments then count on new money.
SELECT 'activities' AS kind, a.source_file, a.source_line,
       'Hoạt động ' || a.activity_id || ' năm ' || a.year || ' chuyển từ hoạt động ' || a.carried_from_id || ' năm ' || a.carried_from_year
       || ' nhưng ghi vào dòng ' || a.line_no || ' có nguồn "' || f.label || '", không phải nguồn kinh phí năm trước chuyển sang' AS message
FROM activities a
JOIN plan_lines p USING (commune_code, year, line_no)
JOIN code_lists f ON f.list = 'funding_source' AND f.code = p.funding_source
WHERE a.carried_from_id IS NOT NULL AND p.funding_source <> 'chuyen_nguon'
