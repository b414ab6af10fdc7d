-- depends: as_of, committed_activities, plan_vs_actual
-- Reports: the commune budget of a plan year in one row as it stood on d (from plan_vs_actual_on), the recoveries
-- within it, and the year's work funded by the province or the nation (no plan line).
CREATE OR REPLACE MACRO report_budget_on(d) AS TABLE
WITH lines AS (
  SELECT commune_code, year, sum(planned_amount) AS planned, sum(approved_amount) AS approved, sum(disbursed_amount) AS disbursed
  FROM plan_vs_actual_on(d)
  GROUP BY commune_code, year
),
recovered AS (
  SELECT a.commune_code, a.year, sum(p.recovered) AS recovered
  FROM payments_on(d) p JOIN activities a USING (commune_code, year, activity_id)
  WHERE a.line_no IS NOT NULL
  GROUP BY a.commune_code, a.year
),
other AS (
  SELECT commune_code, year, count(*) AS activities, sum(approved_amount) AS approved, sum(disbursed) AS disbursed
  FROM committed_activities_on(d)
  WHERE line_no IS NULL AND level <> 'xa'
  GROUP BY commune_code, year
)
SELECT
  l.commune_code,
  l.year,
  CAST(l.planned AS BIGINT) AS planned,
  CAST(l.approved AS BIGINT) AS approved,
  CAST(l.disbursed AS BIGINT) AS disbursed,
  CAST(coalesce(r.recovered, 0) AS BIGINT) AS recovered,
  CASE WHEN l.planned > 0 THEN 100.0 * l.approved / l.planned END AS commitment_rate,
  CASE WHEN l.planned > 0 THEN 100.0 * l.disbursed / l.planned END AS disbursement_rate,
  CAST(coalesce(o.activities, 0) AS INTEGER) AS other_activities,
  CAST(coalesce(o.approved, 0) AS BIGINT) AS other_approved,
  CAST(coalesce(o.disbursed, 0) AS BIGINT) AS other_disbursed
FROM lines l
LEFT JOIN recovered r USING (commune_code, year)
LEFT JOIN other o USING (commune_code, year);
