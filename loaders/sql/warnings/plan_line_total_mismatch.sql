-- A plan line whose total is not quantity × unit amount.
SELECT 'plan_lines' AS kind, source_file, source_line,
       'Dòng ' || line_no || ' năm ' || year || ': Tổng kinh phí ' || vnd(total_amount) || ' khác Số lượng × Kinh phí hỗ trợ = '
       || quantity || ' × ' || vnd(unit_amount) || ' = ' || vnd(quantity * unit_amount) AS message
FROM plan_lines
WHERE total_amount <> quantity * unit_amount
