-- depends: as_of
-- Reports: outcomes of a plan year's activities (all programme levels) as they stood on d. Facilities, participants,
-- jobs, support and counterpart count completed activities; the other counts give the pipeline.
CREATE OR REPLACE MACRO report_outcomes_on(d) AS TABLE
SELECT
  commune_code,
  year,
  CAST(count(*) FILTER (WHERE status = 'hoan_thanh') AS INTEGER) AS completed,
  CAST(count(*) FILTER (WHERE is_committed(status) AND status <> 'hoan_thanh') AS INTEGER) AS in_progress,
  CAST(count(*) FILTER (WHERE status = 'huy') AS INTEGER) AS cancelled,
  CAST(count(DISTINCT establishment_id) FILTER (WHERE status = 'hoan_thanh') AS INTEGER) AS facilities,
  CAST(coalesce(sum(participants) FILTER (WHERE status = 'hoan_thanh'), 0) AS INTEGER) AS participants,
  CAST(coalesce(sum(jobs_created) FILTER (WHERE status = 'hoan_thanh'), 0) AS INTEGER) AS jobs,
  CAST(coalesce(sum(approved_amount) FILTER (WHERE status = 'hoan_thanh'), 0) AS BIGINT) AS support,
  CAST(coalesce(sum(counterpart_amount) FILTER (WHERE status = 'hoan_thanh'), 0) AS BIGINT) AS counterpart
FROM activities_on(d)
GROUP BY commune_code, year;

-- Facilities with a completed activity, by kind and by sector (every code listed, zeros included).
CREATE OR REPLACE MACRO report_facilities_on(d) AS TABLE
WITH done AS (
  SELECT DISTINCT a.commune_code, a.year, e.establishment_id, e.kind, e.sector
  FROM activities_on(d) a JOIN establishments e USING (commune_code, establishment_id)
  WHERE a.status = 'hoan_thanh'
),
years AS (SELECT DISTINCT commune_code, year FROM activities)
SELECT
  y.commune_code,
  y.year,
  c.list AS dimension,
  c.code,
  c.label,
  c.position,
  CAST(count(d.establishment_id) AS INTEGER) AS facilities
FROM years y
CROSS JOIN code_lists c
LEFT JOIN done d ON d.commune_code = y.commune_code AND d.year = y.year AND ((c.list = 'kind' AND d.kind = c.code) OR (c.list = 'sector' AND d.sector = c.code))
WHERE c.list IN ('kind', 'sector')
GROUP BY y.commune_code, y.year, c.list, c.code, c.label, c.position;
