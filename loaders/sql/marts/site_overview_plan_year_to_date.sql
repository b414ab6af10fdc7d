-- depends: as_of, plan_vs_actual, site_overview_as_of
-- Tổng quan: where the commune budget of each plan year stands (planned, approved, disbursed, as
-- in plan_vs_actual), what of it was decided / paid by the as-of date, and the same measures at the
-- same date of the year before where the warehouse can tell:
-- - the year before has a plan (plan_lines): its plan, and its activities on plan lines approved
--   (decision date) and paid (voucher date) by prior_as_of (prior_basis 'ke_hoach');
-- - otherwise its supported projects (2020–2025 history) of the local programmes (level huyện,
--   which funded this area until 6/2025, and xã) decided by prior_as_of (prior_basis 'de_an');
--   history has no payment dates, so prior disbursement stays NULL;
-- - neither: every prior_* is NULL (no comparable figure; the page says so).
-- Undated approvals (no decision date) cannot be placed before or after a date: counted apart.
-- A table, built once per ingest: each commune's Tổng quan reads it, and as a view each read
-- computed it for every commune of the warehouse. Each measure is summed once per plan year over
-- its year and the year before (no subquery per figure: those cost twice the time to plan and run).
CREATE TABLE site_overview_plan_year_to_date AS
WITH totals AS (
  SELECT commune_code, year, sum(planned_amount) AS planned, sum(approved_amount) AS approved, sum(disbursed_amount) AS disbursed, count(*) AS lines
  FROM plan_vs_actual
  GROUP BY commune_code, year
),
years AS (
  SELECT t.*, c.as_of, c.prior_as_of, pp.planned AS prior_planned, pp.year IS NOT NULL AS prior_plan,
         hy.year IS NOT NULL AS prior_history
  FROM totals t
  JOIN site_overview_as_of c USING (commune_code, year)
  LEFT JOIN (SELECT commune_code, year, sum(total_amount) AS planned FROM plan_lines GROUP BY commune_code, year) pp
    ON pp.commune_code = t.commune_code AND pp.year = t.year - 1
  LEFT JOIN (SELECT DISTINCT commune_code, year FROM projects WHERE level IN ('huyen', 'xa')) hy
    ON hy.commune_code = t.commune_code AND hy.year = t.year - 1
),
committed AS (
  SELECT y.commune_code, y.year,
         sum(a.approved_amount) FILTER (WHERE a.year = y.year AND a.decision_date <= y.as_of) AS approved_to_date,
         count(*) FILTER (WHERE a.year = y.year AND a.decision_date IS NULL) AS approved_undated,
         sum(a.approved_amount) FILTER (WHERE a.year = y.year - 1 AND a.decision_date <= y.prior_as_of) AS prior_approved_to_date,
         count(*) FILTER (WHERE a.year = y.year - 1 AND a.decision_date IS NULL) AS prior_approved_undated
  FROM years y
  JOIN activities a ON a.commune_code = y.commune_code AND a.year BETWEEN y.year - 1 AND y.year
  WHERE a.line_no IS NOT NULL AND is_committed(a.status)
  GROUP BY y.commune_code, y.year
),
-- A plan year's vouchers summed by day first: a million vouchers become a few hundred days.
paid_by_day AS (
  SELECT a.commune_code, a.year, d.paid_on, sum(d.amount) AS amount
  FROM disbursements d JOIN activities a ON a.commune_code = d.commune_code AND a.year = d.plan_year AND a.activity_id = d.activity_id
  WHERE a.line_no IS NOT NULL
  GROUP BY a.commune_code, a.year, d.paid_on
),
paid AS (
  SELECT y.commune_code, y.year,
         sum(p.amount) FILTER (WHERE p.year = y.year AND p.paid_on <= y.as_of) AS disbursed_to_date,
         sum(p.amount) FILTER (WHERE p.year = y.year - 1 AND p.paid_on <= y.prior_as_of) AS prior_disbursed_to_date
  FROM years y
  JOIN paid_by_day p ON p.commune_code = y.commune_code AND p.year BETWEEN y.year - 1 AND y.year
  GROUP BY y.commune_code, y.year
),
history AS (
  SELECT y.commune_code, y.year,
         sum(h.support_amount) FILTER (WHERE h.decision_date <= y.prior_as_of) AS approved_to_date,
         count(*) FILTER (WHERE h.decision_date IS NULL) AS undated
  FROM years y
  JOIN projects h ON h.commune_code = y.commune_code AND h.year = y.year - 1
  WHERE h.level IN ('huyen', 'xa')
  GROUP BY y.commune_code, y.year
)
SELECT
  y.commune_code,
  y.year,
  y.as_of,
  y.prior_as_of,
  CAST(y.planned AS BIGINT) AS planned,
  CAST(y.approved AS BIGINT) AS approved,
  CAST(y.disbursed AS BIGINT) AS disbursed,
  CAST(y.lines AS INTEGER) AS lines,
  CAST(coalesce(m.approved_to_date, 0) AS BIGINT) AS approved_to_date,
  CAST(coalesce(m.approved_undated, 0) AS INTEGER) AS approved_undated,
  CAST(coalesce(p.disbursed_to_date, 0) AS BIGINT) AS disbursed_to_date,
  CASE WHEN y.prior_plan THEN 'ke_hoach' WHEN y.prior_history THEN 'de_an' END AS prior_basis,
  CAST(y.prior_planned AS BIGINT) AS prior_planned,
  CAST(CASE WHEN y.prior_plan THEN coalesce(m.prior_approved_to_date, 0) WHEN y.prior_history THEN coalesce(h.approved_to_date, 0) END AS BIGINT) AS prior_approved_to_date,
  CAST(CASE WHEN y.prior_plan THEN coalesce(m.prior_approved_undated, 0) WHEN y.prior_history THEN coalesce(h.undated, 0) END AS INTEGER) AS prior_approved_undated,
  CAST(CASE WHEN y.prior_plan THEN coalesce(p.prior_disbursed_to_date, 0) END AS BIGINT) AS prior_disbursed_to_date
FROM years y
LEFT JOIN committed m USING (commune_code, year)
LEFT JOIN paid p USING (commune_code, year)
LEFT JOIN history h USING (commune_code, year);
