-- Reports: yearly figures for the comparison with the 2020–2025 averages. History counts the
-- supported projects (all levels); plan years count approved, not cancelled activities (all levels).
CREATE OR REPLACE VIEW report_yearly AS
SELECT
  'projects' AS source,
  year,
  CAST(count(*) AS INTEGER) AS supports,
  CAST(count(DISTINCT coalesce(establishment_id, 'ten:' || lower(establishment_name))) AS INTEGER) AS facilities,
  CAST(sum(support_amount) AS BIGINT) AS support,
  CAST(coalesce(sum(counterpart_amount), 0) AS BIGINT) AS counterpart,
  CAST(coalesce(sum(jobs_created), 0) AS INTEGER) AS jobs
FROM projects
GROUP BY year
UNION ALL
SELECT
  'activities' AS source,
  year,
  CAST(count(*) AS INTEGER),
  CAST(count(DISTINCT establishment_id) AS INTEGER),
  CAST(coalesce(sum(approved_amount), 0) AS BIGINT),
  CAST(coalesce(sum(counterpart_amount), 0) AS BIGINT),
  CAST(coalesce(sum(jobs_created), 0) AS INTEGER)
FROM activities
WHERE status IN ('phe_duyet', 'dang_thuc_hien', 'hoan_thanh')
GROUP BY year;
