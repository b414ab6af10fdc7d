-- depends: activity_payments, as_of
-- Site, page "Cơ sở CNNT" (src/co-so.md). Only the register's public columns: never owner_name,
-- phone, national_id (personal) nor tax_code and extra_columns (may hold personal values).

-- Every support a facility received or asked for: the projects of the history (all levels) and the
-- plan-year activities (any status). `counted` marks what the register counts as "được hỗ trợ":
-- every project, and activities approved or further on (not proposals, not cancelled).
CREATE OR REPLACE VIEW site_facility_support AS
SELECT
  p.commune_code,
  'du_an' AS source,
  p.establishment_id,
  p.project_id AS support_id,
  p.year,
  p.level,
  p.content_group,
  p.title,
  CAST(NULL AS VARCHAR) AS status,
  p.support_amount AS amount,
  p.counterpart_amount,
  p.jobs_created,
  p.result,
  p.decision_no,
  p.decision_date,
  CAST(NULL AS BIGINT) AS paid_amount,
  CAST(NULL AS DATE) AS completed_on,
  true AS counted
FROM projects p
-- A project of a plan year is that year's activity entered twice (warning project_in_plan_year).
WHERE p.establishment_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM plan_years y WHERE y.commune_code = p.commune_code AND y.year = p.year)
UNION ALL
SELECT
  a.commune_code,
  'hoat_dong' AS source,
  a.establishment_id,
  a.activity_id,
  a.year,
  a.level,
  a.content_group,
  a.title,
  a.status,
  a.approved_amount,
  a.counterpart_amount,
  a.jobs_created,
  CAST(NULL AS VARCHAR),
  a.decision_no,
  a.decision_date,
  coalesce((SELECT p.disbursed FROM activity_payments p WHERE p.commune_code = a.commune_code AND p.year = a.year AND p.activity_id = a.activity_id), 0),
  a.completed_on,
  -- A carried activity continues its origin's support: listed, not counted again.
  is_committed(a.status) AND a.carried_from_id IS NULL
FROM activities a
WHERE a.establishment_id IS NOT NULL;

-- The register, one row per facility, with how often and how much it was supported.
CREATE OR REPLACE VIEW site_facility_register AS
SELECT
  e.commune_code,
  e.establishment_id,
  e.name,
  e.kind,
  e.sector,
  e.village,
  e.former_unit,
  e.workers,
  e.founded_year,
  e.main_products,
  e.ocop_stars,
  CAST(count(s.support_id) FILTER (WHERE s.counted) AS INTEGER) AS supports,
  CAST(coalesce(sum(s.amount) FILTER (WHERE s.counted), 0) AS BIGINT) AS support_total,
  max(s.year) FILTER (WHERE s.counted) AS last_support_year,
  CAST(count(s.support_id) FILTER (WHERE NOT s.counted) AS INTEGER) AS other_activities
FROM establishments e
LEFT JOIN site_facility_support s USING (commune_code, establishment_id)
GROUP BY ALL;
