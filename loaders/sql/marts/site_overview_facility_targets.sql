-- depends: as_of, site_overview_as_of
-- Tổng quan: how many facilities the plan year has supported against the plan's facility-count
-- targets. The targets counted are those of the year whose unit is "cơ sở" (machines, packaging,
-- registration for provincial / national support, ...; "lượt cơ sở" at fairs counts visits, not
-- facilities). Supports = output_qty of the activities counted toward those targets that are
-- approved or further and not cancelled (all programme levels, as the targets are); completed =
-- the same, finished (what the year-end evaluation counts); facilities = distinct establishments.
-- Same date of the year before: when the year before has facility targets, the same measure for
-- activities decided by prior_as_of (prior_basis 'ke_hoach'); otherwise the 2020–2025 projects of
-- the same content groups as this year's facility targets (all levels) decided by prior_as_of,
-- one project = one support (prior_basis 'de_an'); supports_to_date is then also counted by
-- content group, so both sides measure the same thing. NULL when the year before has neither.
-- A table, built once per ingest: each commune's Tổng quan reads it, and as a view each read
-- computed it for every commune of the warehouse. Each measure is summed once per plan year (no
-- subquery per figure: those cost twice the time to plan and run).
CREATE TABLE site_overview_facility_targets AS
WITH targets AS (
  SELECT commune_code, year, indicator, content_group, target_min, target_max
  FROM plan_targets
  WHERE lower(trim(unit)) = 'cơ sở'
),
target_years AS (
  SELECT commune_code, year, sum(target_min) AS target_min, sum(target_max) AS target_max, count(*) AS targets,
         string_agg(DISTINCT content_group, ',' ORDER BY content_group) AS content_groups
  FROM targets GROUP BY commune_code, year
),
years AS (
  SELECT y.*, c.as_of, c.prior_as_of, p.year IS NOT NULL AS prior_targets, h.year IS NOT NULL AS prior_projects
  FROM target_years y
  JOIN site_overview_as_of c USING (commune_code, year)
  LEFT JOIN target_years p ON p.commune_code = y.commune_code AND p.year = y.year - 1
  LEFT JOIN (SELECT DISTINCT commune_code, year FROM projects) h ON h.commune_code = y.commune_code AND h.year = y.year - 1
),
committed AS (
  SELECT a.commune_code, a.year, a.indicator, a.content_group, a.establishment_id, a.output_qty, a.status, a.decision_date
  FROM activities a
  WHERE is_committed(a.status)
),
counted AS (
  SELECT y.commune_code, y.year,
         sum(k.output_qty) FILTER (WHERE k.year = y.year) AS supports,
         sum(k.output_qty) FILTER (WHERE k.year = y.year AND k.status = 'hoan_thanh') AS supports_completed,
         count(DISTINCT k.establishment_id) FILTER (WHERE k.year = y.year) AS facilities,
         sum(k.output_qty) FILTER (WHERE k.year = y.year AND k.decision_date <= y.as_of) AS supports_to_date,
         sum(k.output_qty) FILTER (WHERE k.year = y.year - 1 AND k.decision_date <= y.prior_as_of) AS prior_supports_to_date
  FROM years y
  JOIN (SELECT m.* FROM committed m JOIN targets t USING (commune_code, year, indicator)) k
    ON k.commune_code = y.commune_code AND k.year BETWEEN y.year - 1 AND y.year
  GROUP BY y.commune_code, y.year
),
-- Without facility targets the year before, its projects: one project = one support, so this
-- year's activities are counted by content group too.
by_group AS (
  SELECT y.commune_code, y.year,
         count(*) FILTER (WHERE m.decision_date <= y.as_of AND list_contains(string_split(y.content_groups, ','), m.content_group)) AS supports_to_date
  FROM years y
  JOIN committed m ON m.commune_code = y.commune_code AND m.year = y.year
  GROUP BY y.commune_code, y.year
),
projects_by_group AS (
  SELECT y.commune_code, y.year,
         count(*) FILTER (WHERE h.decision_date <= y.prior_as_of AND list_contains(string_split(y.content_groups, ','), h.content_group)) AS supports_to_date
  FROM years y
  JOIN projects h ON h.commune_code = y.commune_code AND h.year = y.year - 1
  GROUP BY y.commune_code, y.year
)
SELECT
  y.commune_code,
  y.year,
  y.as_of,
  y.prior_as_of,
  CAST(y.target_min AS INTEGER) AS target_min,
  CAST(y.target_max AS INTEGER) AS target_max,
  CAST(y.targets AS INTEGER) AS targets,
  CAST(coalesce(k.supports, 0) AS INTEGER) AS supports,
  CAST(coalesce(k.supports_completed, 0) AS INTEGER) AS supports_completed,
  CAST(coalesce(k.facilities, 0) AS INTEGER) AS facilities,
  CASE WHEN y.prior_targets THEN 'ke_hoach' WHEN y.prior_projects THEN 'de_an' END AS prior_basis,
  CAST(CASE WHEN y.prior_targets OR NOT y.prior_projects THEN coalesce(k.supports_to_date, 0) ELSE coalesce(g.supports_to_date, 0) END AS INTEGER) AS supports_to_date,
  CAST(CASE WHEN y.prior_targets THEN coalesce(k.prior_supports_to_date, 0)
            WHEN y.prior_projects THEN coalesce(h.supports_to_date, 0) END AS INTEGER) AS prior_supports_to_date,
  string_split(y.content_groups, ',') AS content_groups
FROM years y
LEFT JOIN counted k USING (commune_code, year)
LEFT JOIN by_group g USING (commune_code, year)
LEFT JOIN projects_by_group h USING (commune_code, year);
