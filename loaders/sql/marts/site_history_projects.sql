-- depends: as_of, commune_names
-- Site, page Giai đoạn (history): every support of the history through the last closed year
-- (history_supports: the projects file, then the approved activities of closed plan years), with
-- the facility it supported and where. One row per support; project_id is the project's or the
-- activity's id.
--   facility_key:  the facility's id (establishment_id), or, for a facility named without an id
--                  that the ingest could not match to the register, 'ten:' + the key the ingest
--                  matched its name by (name_keys: nameKey in src/lib/parse/text.ts, so 'Hoà' =
--                  'Hòa'). NULL when the project names no facility (e.g. a
--                  training class for many facilities): such projects count, but reach no facility.
--   facility_name: the register's name, else the name as written on the project.
--   sector:        the facility's sector (register); NULL when unknown.
--   former_unit:   the facility's former commune (register), else the project's own former_unit,
--                  spelled as the commune's xa.csv spells it whatever its diacritics, case or a
--                  leading "xã" (unit_key, commune_names.sql).
-- Money in đồng. counterpart_amount and jobs_created stay NULL when not reported; the summing
-- views count them as 0.
CREATE TABLE site_history_projects AS
WITH base AS (
  SELECT
    p.* EXCLUDE (support_id),
    p.support_id AS project_id,
    e.name AS register_name,
    e.sector,
    coalesce(e.former_unit, p.former_unit) AS unit_raw
  FROM history_supports p
  LEFT JOIN establishments e USING (commune_code, establishment_id)
  WHERE p.closed
)
SELECT
  commune_code,
  project_id,
  year,
  level,
  content_group,
  title,
  establishment_id,
  coalesce(register_name, establishment_name) AS facility_name,
  CASE
    WHEN establishment_id IS NOT NULL THEN establishment_id
    WHEN establishment_name IS NOT NULL THEN 'ten:' || (SELECT k.name_key FROM name_keys k WHERE k.name = establishment_name)
  END AS facility_key,
  sector,
  coalesce(
    (SELECT u.former_unit FROM former_units u WHERE u.commune_code = base.commune_code AND u.unit_key = unit_key(base.unit_raw)),
    unit_raw
  ) AS former_unit,
  decision_no,
  decision_date,
  total_investment,
  support_amount,
  counterpart_amount,
  jobs_created,
  result
FROM base;
