-- A plan line that has paid out more than its total.
SELECT 'plan_lines' AS kind, p.source_file, p.source_line,
       'Dòng ' || v.line_no || ' năm ' || v.year || ': đã giải ngân ' || vnd(v.disbursed_amount) || ', vượt kế hoạch '
       || vnd(v.planned_amount) AS message
FROM plan_vs_actual v JOIN plan_lines p USING (commune_code, year, line_no)
WHERE v.disbursed_amount > v.planned_amount
