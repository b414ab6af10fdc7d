-- depends: as_of, plan_vs_actual, target_progress, committed_activities, commune_names
-- The province's view: every commune's plan year in one row, to compare communes. The commune
-- budget as plan_vs_actual has it (planned, approved, disbursed, the disbursement rate), the
-- facilities its approved activities reach (distinct establishments, all programme levels), and
-- its targets met (dat or vuot in target_progress) of its targets. Named from xa.csv, else by code.
CREATE OR REPLACE VIEW province_communes AS
WITH budget AS (
  SELECT commune_code, year, sum(planned_amount) AS planned, sum(approved_amount) AS approved, sum(disbursed_amount) AS disbursed
  FROM plan_vs_actual GROUP BY commune_code, year
),
facilities AS (
  SELECT commune_code, year, count(DISTINCT establishment_id) AS facilities
  FROM committed_activities_on(kc_now()) WHERE establishment_id IS NOT NULL GROUP BY commune_code, year
),
targets AS (
  SELECT commune_code, year, count(*) AS targets, count(*) FILTER (WHERE status <> 'chua_dat') AS targets_met
  FROM target_progress GROUP BY commune_code, year
)
SELECT
  y.commune_code,
  coalesce(n.name, y.commune_code) AS commune_name,
  n.province,
  y.year,
  CAST(coalesce(b.planned, 0) AS BIGINT) AS planned,
  CAST(coalesce(b.approved, 0) AS BIGINT) AS approved,
  CAST(coalesce(b.disbursed, 0) AS BIGINT) AS disbursed,
  CASE WHEN b.planned > 0 THEN 100.0 * b.disbursed / b.planned END AS disbursement_rate,
  CAST(coalesce(f.facilities, 0) AS INTEGER) AS facilities,
  CAST(coalesce(t.targets, 0) AS INTEGER) AS targets,
  CAST(coalesce(t.targets_met, 0) AS INTEGER) AS targets_met
FROM plan_years y
LEFT JOIN budget b USING (commune_code, year)
LEFT JOIN facilities f USING (commune_code, year)
LEFT JOIN targets t USING (commune_code, year)
LEFT JOIN commune_names n USING (commune_code);
