-- depends: activity_payments
-- Site, page Hoạt động: how many activities of each plan year stand at each status, with their
-- approved money and what was paid on them (net of recoveries). Every status of the code list is
-- listed, zeros included, in pipeline order (Đề xuất → … → Hoàn thành, then Đã hủy).
CREATE OR REPLACE VIEW site_activity_status AS
WITH years AS (SELECT DISTINCT commune_code, year FROM activities)
SELECT
  y.commune_code,
  y.year,
  c.code AS status,
  c.position,
  CAST(count(a.activity_id) AS INTEGER) AS activities,
  CAST(coalesce(sum(a.approved_amount), 0) AS BIGINT) AS approved_amount,
  CAST(coalesce(sum(p.disbursed), 0) AS BIGINT) AS disbursed_amount
FROM years y
CROSS JOIN code_lists c
LEFT JOIN activities a ON a.commune_code = y.commune_code AND a.year = y.year AND a.status = c.code
LEFT JOIN activity_payments p ON p.commune_code = a.commune_code AND p.year = a.year AND p.activity_id = a.activity_id
WHERE c.list = 'status'
GROUP BY y.commune_code, y.year, c.code, c.position;
