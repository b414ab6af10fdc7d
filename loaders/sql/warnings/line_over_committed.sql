-- A plan line whose approved activities add up to more than its total.
SELECT 'plan_lines' AS kind, p.source_file, p.source_line,
       'Dòng ' || v.line_no || ' năm ' || v.year || ': đã phê duyệt ' || vnd(v.approved_amount) || ', vượt kế hoạch '
       || vnd(v.planned_amount) || ' là ' || vnd(v.approved_amount - v.planned_amount) AS message
FROM plan_vs_actual v JOIN plan_lines p USING (commune_code, year, line_no)
WHERE v.approved_amount > v.planned_amount
