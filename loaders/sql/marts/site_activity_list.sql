-- depends: activity_payments
-- Site, page Hoạt động: every activity of the plan year(s) with where it stands. One row per
-- activity: the facility by name only (never owner, phone or CCCD), the approved money, what was
-- paid net of recoveries (disbursements with a negative amount are recoveries, thu hồi), and the
-- status with its place in the pipeline (code_lists position: Đề xuất 1 … Hoàn thành 5, Đã hủy 6).
CREATE OR REPLACE VIEW site_activity_list AS
SELECT
  a.commune_code,
  a.year,
  a.activity_id,
  a.title,
  a.content_group,
  a.line_no,
  a.indicator,
  a.output_qty,
  a.establishment_id,
  e.name AS establishment_name,
  a.level,
  a.status,
  s.position AS status_position,
  a.approved_amount,
  a.counterpart_amount,
  CAST(coalesce(p.disbursed, 0) AS BIGINT) AS disbursed_amount,
  CAST(coalesce(p.vouchers, 0) AS INTEGER) AS vouchers,
  a.decision_no,
  a.decision_date,
  a.completed_on,
  a.participants,
  a.jobs_created
FROM activities a
LEFT JOIN establishments e USING (commune_code, establishment_id)
LEFT JOIN activity_payments p USING (commune_code, year, activity_id)
LEFT JOIN code_lists s ON s.list = 'status' AND s.code = a.status;
