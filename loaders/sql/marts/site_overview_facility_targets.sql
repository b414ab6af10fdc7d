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
-- computed it for every commune of the warehouse.
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
committed AS (
  SELECT a.commune_code, a.year, a.indicator, a.content_group, a.establishment_id, a.output_qty, a.status, a.decision_date
  FROM activities a
  WHERE is_committed(a.status)
),
counted AS (
  SELECT m.* FROM committed m JOIN targets t USING (commune_code, year, indicator)
)
SELECT
  y.commune_code,
  y.year,
  c.as_of,
  c.prior_as_of,
  CAST(y.target_min AS INTEGER) AS target_min,
  CAST(y.target_max AS INTEGER) AS target_max,
  CAST(y.targets AS INTEGER) AS targets,
  CAST((SELECT coalesce(sum(output_qty), 0) FROM counted k WHERE k.commune_code = y.commune_code AND k.year = y.year) AS INTEGER) AS supports,
  CAST((SELECT coalesce(sum(output_qty), 0) FROM counted k WHERE k.commune_code = y.commune_code AND k.year = y.year AND k.status = 'hoan_thanh') AS INTEGER) AS supports_completed,
  CAST((SELECT count(DISTINCT establishment_id) FROM counted k WHERE k.commune_code = y.commune_code AND k.year = y.year) AS INTEGER) AS facilities,
  CASE WHEN p.year IS NOT NULL THEN 'ke_hoach'
       WHEN EXISTS (SELECT 1 FROM projects h WHERE h.commune_code = y.commune_code AND h.year = y.year - 1) THEN 'de_an' END AS prior_basis,
  CAST(CASE
    WHEN p.year IS NOT NULL OR NOT EXISTS (SELECT 1 FROM projects h WHERE h.commune_code = y.commune_code AND h.year = y.year - 1)
      THEN (SELECT coalesce(sum(output_qty), 0) FROM counted k WHERE k.commune_code = y.commune_code AND k.year = y.year AND k.decision_date <= c.as_of)
    ELSE (SELECT count(*) FROM committed m WHERE m.commune_code = y.commune_code AND m.year = y.year AND m.decision_date <= c.as_of
            AND list_contains(string_split(y.content_groups, ','), m.content_group))
  END AS INTEGER) AS supports_to_date,
  CAST(CASE
    WHEN p.year IS NOT NULL
      THEN (SELECT coalesce(sum(output_qty), 0) FROM counted k WHERE k.commune_code = y.commune_code AND k.year = y.year - 1 AND k.decision_date <= c.prior_as_of)
    WHEN EXISTS (SELECT 1 FROM projects h WHERE h.commune_code = y.commune_code AND h.year = y.year - 1)
      THEN (SELECT count(*) FROM projects h WHERE h.commune_code = y.commune_code AND h.year = y.year - 1 AND h.decision_date <= c.prior_as_of
              AND list_contains(string_split(y.content_groups, ','), h.content_group))
  END AS INTEGER) AS prior_supports_to_date,
  string_split(y.content_groups, ',') AS content_groups
FROM target_years y
JOIN site_overview_as_of c USING (commune_code, year)
LEFT JOIN target_years p ON p.commune_code = y.commune_code AND p.year = y.year - 1;
