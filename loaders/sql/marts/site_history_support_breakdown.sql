-- depends: site_history_projects, commune_names
-- Site, page Giai đoạn (history): where the support of the whole history went, along three
-- dimensions: 'content_group' (Decree 45/2012 art. 4), 'sector' (the facility's sector in the
-- register) and 'former_unit' (former commune: the facility's, else the project's own; see
-- site_history_projects). `code` is NULL for projects whose sector or former commune is unknown
-- (a project for many facilities, or a facility not in the register). `position` orders the codes
-- as the code lists do (former communes: in the order of the commune's xa.csv).
CREATE OR REPLACE VIEW site_history_support_breakdown AS
WITH long AS (
  SELECT 'content_group' AS dimension, content_group AS code, * EXCLUDE (content_group) FROM site_history_projects
  UNION ALL BY NAME
  SELECT 'sector' AS dimension, sector AS code, * EXCLUDE (sector) FROM site_history_projects
  UNION ALL BY NAME
  SELECT 'former_unit' AS dimension, former_unit AS code, * EXCLUDE (former_unit) FROM site_history_projects
)
SELECT
  l.commune_code,
  l.dimension,
  l.code,
  coalesce(c.position, u.position, 99) AS position,
  CAST(count(*) AS INTEGER) AS projects,
  CAST(count(DISTINCT l.facility_key) AS INTEGER) AS facilities,
  CAST(sum(l.support_amount) AS BIGINT) AS support_amount,
  CAST(coalesce(sum(l.counterpart_amount), 0) AS BIGINT) AS counterpart_amount,
  CAST(coalesce(sum(l.jobs_created), 0) AS INTEGER) AS jobs_created
FROM long l
LEFT JOIN code_lists c ON c.list = l.dimension AND c.code = l.code
LEFT JOIN former_units u ON l.dimension = 'former_unit' AND u.commune_code = l.commune_code AND u.former_unit = l.code
GROUP BY l.commune_code, l.dimension, l.code, c.position, u.position;
