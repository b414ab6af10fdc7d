-- depends: as_of, committed_activities
-- Where each budget line of a commune's plan year stands: planned, committed (approved activities that are
-- not cancelled) and disbursed (net of recoveries), with the two rates in percent. An activity and
-- its vouchers count on the line of their own plan year only: a carried activity (Chuyển từ năm)
-- counts on the new year's carry-over line, never on its origin's. plan_vs_actual_on(d): as it
-- stood on d (as_of.sql).
CREATE OR REPLACE MACRO plan_vs_actual_on(d) AS TABLE
WITH committed AS (
  SELECT commune_code, year, line_no, sum(approved_amount) AS approved_amount, count(*) AS activities
  FROM committed_activities_on(d)
  WHERE line_no IS NOT NULL
  GROUP BY commune_code, year, line_no
),
paid AS (
  SELECT a.commune_code, a.year, a.line_no, sum(p.disbursed) AS disbursed_amount, max(p.last_paid_on) AS last_paid_on
  FROM payments_on(d) p JOIN activities a USING (commune_code, year, activity_id)
  WHERE a.line_no IS NOT NULL
  GROUP BY a.commune_code, a.year, a.line_no
)
SELECT
  p.commune_code,
  p.year,
  p.line_no,
  p.content_group,
  p.description,
  p.funding_source,
  p.quantity AS planned_quantity,
  p.unit_amount AS planned_unit_amount,
  p.total_amount AS planned_amount,
  CAST(coalesce(c.approved_amount, 0) AS BIGINT) AS approved_amount,
  CAST(coalesce(pd.disbursed_amount, 0) AS BIGINT) AS disbursed_amount,
  CAST(p.total_amount - coalesce(pd.disbursed_amount, 0) AS BIGINT) AS remaining_amount,
  coalesce(c.activities, 0) AS committed_activities,
  pd.last_paid_on,
  CASE WHEN p.total_amount > 0 THEN 100.0 * coalesce(c.approved_amount, 0) / p.total_amount END AS commitment_rate,
  CASE WHEN p.total_amount > 0 THEN 100.0 * coalesce(pd.disbursed_amount, 0) / p.total_amount END AS disbursement_rate
FROM plan_lines p
LEFT JOIN committed c USING (commune_code, year, line_no)
LEFT JOIN paid pd USING (commune_code, year, line_no);

CREATE OR REPLACE VIEW plan_vs_actual AS SELECT * FROM plan_vs_actual_on(kc_now());
