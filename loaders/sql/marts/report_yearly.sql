-- Reports: yearly figures of the whole history (history_supports: projects of the years without a
-- plan, approved activities of the plan years as they stood on each year's evaluation date,
-- carried activities left out), for the comparison of a plan year with the average of the years
-- before it.
CREATE OR REPLACE VIEW report_yearly AS
SELECT
  source,
  year,
  CAST(count(*) AS INTEGER) AS supports,
  CAST(count(DISTINCT coalesce(establishment_id, 'ten:' || lower(establishment_name))) AS INTEGER) AS facilities,
  CAST(coalesce(sum(support_amount), 0) AS BIGINT) AS support,
  CAST(coalesce(sum(counterpart_amount), 0) AS BIGINT) AS counterpart,
  CAST(coalesce(sum(jobs_created), 0) AS INTEGER) AS jobs
FROM history_supports
GROUP BY source, year;
