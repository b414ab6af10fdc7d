-- depends: activity_payments, as_of
-- Kế hoạch – Thực hiện: every activity with what the page filters and shows: the content group
-- and funding source it counts under (its plan line's for work on a plan line; otherwise its own
-- group and the funding of its programme level: quốc gia, tỉnh, huyện, xã share their codes with
-- the funding sources), its facility's name and former commune (xã cũ), whether its approval
-- counts as committed (as in plan_vs_actual), and what has been paid (net of recoveries).
-- No personal field of the facility is selected.
CREATE OR REPLACE VIEW site_plan_activities AS
SELECT
  a.commune_code,
  a.year,
  a.activity_id,
  a.line_no,
  a.title,
  coalesce(p.content_group, a.content_group) AS content_group,
  coalesce(p.funding_source, a.level) AS funding_source,
  a.level,
  a.status,
  is_committed(a.status) AS committed,
  a.establishment_id,
  e.name AS establishment_name,
  e.former_unit,
  a.approved_amount,
  CAST(coalesce(paid.disbursed, 0) AS BIGINT) AS disbursed_amount,
  CAST(coalesce(paid.vouchers, 0) AS INTEGER) AS vouchers,
  a.decision_no,
  a.decision_date
FROM activities a
LEFT JOIN plan_lines p USING (commune_code, year, line_no)
LEFT JOIN establishments e USING (commune_code, establishment_id)
LEFT JOIN activity_payments paid USING (commune_code, year, activity_id);
