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
-- computed it for every commune of the warehouse.
CREATE TABLE site_overview_plan_year_to_date AS
WITH totals AS (
  SELECT commune_code, year, sum(planned_amount) AS planned, sum(approved_amount) AS approved, sum(disbursed_amount) AS disbursed, count(*) AS lines
  FROM plan_vs_actual
  GROUP BY commune_code, year
),
committed AS (
  SELECT commune_code, year, approved_amount, decision_date
  FROM activities
  WHERE line_no IS NOT NULL AND is_committed(status)
),
paid AS (
  SELECT a.commune_code, a.year, d.paid_on, d.amount
  FROM disbursements d JOIN activities a ON a.commune_code = d.commune_code AND a.year = d.plan_year AND a.activity_id = d.activity_id
  WHERE a.line_no IS NOT NULL
),
plans AS (
  SELECT commune_code, year, sum(total_amount) AS planned FROM plan_lines GROUP BY commune_code, year
),
history AS (
  SELECT commune_code, year, support_amount, decision_date FROM projects WHERE level IN ('huyen', 'xa')
)
SELECT
  t.commune_code,
  t.year,
  c.as_of,
  c.prior_as_of,
  CAST(t.planned AS BIGINT) AS planned,
  CAST(t.approved AS BIGINT) AS approved,
  CAST(t.disbursed AS BIGINT) AS disbursed,
  CAST(t.lines AS INTEGER) AS lines,
  CAST((SELECT coalesce(sum(approved_amount), 0) FROM committed m WHERE m.commune_code = t.commune_code AND m.year = t.year AND m.decision_date <= c.as_of) AS BIGINT) AS approved_to_date,
  CAST((SELECT count(*) FROM committed m WHERE m.commune_code = t.commune_code AND m.year = t.year AND m.decision_date IS NULL) AS INTEGER) AS approved_undated,
  CAST((SELECT coalesce(sum(amount), 0) FROM paid p WHERE p.commune_code = t.commune_code AND p.year = t.year AND p.paid_on <= c.as_of) AS BIGINT) AS disbursed_to_date,
  CASE WHEN pp.year IS NOT NULL THEN 'ke_hoach'
       WHEN EXISTS (SELECT 1 FROM history h WHERE h.commune_code = t.commune_code AND h.year = t.year - 1) THEN 'de_an' END AS prior_basis,
  CAST(pp.planned AS BIGINT) AS prior_planned,
  CAST(CASE
    WHEN pp.year IS NOT NULL THEN (SELECT coalesce(sum(approved_amount), 0) FROM committed m WHERE m.commune_code = t.commune_code AND m.year = t.year - 1 AND m.decision_date <= c.prior_as_of)
    WHEN EXISTS (SELECT 1 FROM history h WHERE h.commune_code = t.commune_code AND h.year = t.year - 1)
      THEN (SELECT coalesce(sum(support_amount), 0) FROM history h WHERE h.commune_code = t.commune_code AND h.year = t.year - 1 AND h.decision_date <= c.prior_as_of)
  END AS BIGINT) AS prior_approved_to_date,
  CAST(CASE
    WHEN pp.year IS NOT NULL THEN (SELECT count(*) FROM committed m WHERE m.commune_code = t.commune_code AND m.year = t.year - 1 AND m.decision_date IS NULL)
    WHEN EXISTS (SELECT 1 FROM history h WHERE h.commune_code = t.commune_code AND h.year = t.year - 1)
      THEN (SELECT count(*) FROM history h WHERE h.commune_code = t.commune_code AND h.year = t.year - 1 AND h.decision_date IS NULL)
  END AS INTEGER) AS prior_approved_undated,
  CAST(CASE WHEN pp.year IS NOT NULL
    THEN (SELECT coalesce(sum(amount), 0) FROM paid p WHERE p.commune_code = t.commune_code AND p.year = t.year - 1 AND p.paid_on <= c.prior_as_of) END AS BIGINT) AS prior_disbursed_to_date
FROM totals t
JOIN site_overview_as_of c USING (commune_code, year)
LEFT JOIN plans pp ON pp.commune_code = t.commune_code AND pp.year = t.year - 1;
