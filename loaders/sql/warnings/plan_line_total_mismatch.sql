-- A plan line whose total is not quantity × unit amount (in HUGEINT: the product of two amounts
-- within the contract's ranges can overflow BIGINT).
SELECT 'plan_lines' AS kind, source_file, source_line,
       'Dòng ' || line_no || ' năm ' || year || ': Tổng kinh phí ' || vnd(total_amount) || ' khác Số lượng × Kinh phí hỗ trợ = '
       || quantity || ' × ' || vnd(unit_amount) || ' = ' || vnd(CAST(quantity AS HUGEINT) * unit_amount) AS message
FROM plan_lines
WHERE total_amount <> CAST(quantity AS HUGEINT) * unit_amount
