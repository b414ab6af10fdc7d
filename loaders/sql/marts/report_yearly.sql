-- depends: as_of
-- Reports: yearly figures of the whole history (history_supports: projects of the years without a
-- plan, approved activities of the plan years as they stood on each year's evaluation date,
-- carried activities left out), for the comparison of a plan year with the average of the years
-- before it.
CREATE OR REPLACE VIEW report_yearly AS
SELECT
  commune_code,
  source,
  year,
  CAST(count(*) AS INTEGER) AS supports,
  -- A facility named without an id counts once under its name's key (name_keys, as the ingest matched it).
  CAST(count(DISTINCT coalesce(establishment_id, 'ten:' || k.name_key)) AS INTEGER) AS facilities,
  CAST(coalesce(sum(support_amount), 0) AS BIGINT) AS support,
  CAST(coalesce(sum(counterpart_amount), 0) AS BIGINT) AS counterpart,
  CAST(coalesce(sum(jobs_created), 0) AS INTEGER) AS jobs
FROM history_supports h
LEFT JOIN name_keys k ON k.name = h.establishment_name
GROUP BY commune_code, source, year;
