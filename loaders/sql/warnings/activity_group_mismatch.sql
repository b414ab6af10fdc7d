-- An activity booked on a plan line of another content group.
SELECT 'activities' AS kind, a.source_file, a.source_line,
       'Hoạt động ' || a.activity_id || ' năm ' || a.year || ' thuộc nhóm "' || ga.label || '" nhưng ghi vào dòng ' || a.line_no
       || ' thuộc nhóm "' || gp.label || '"' AS message
FROM activities a
JOIN plan_lines p USING (commune_code, year, line_no)
JOIN code_lists ga ON ga.list = 'content_group' AND ga.code = a.content_group
JOIN code_lists gp ON gp.list = 'content_group' AND gp.code = p.content_group
WHERE a.content_group <> p.content_group
