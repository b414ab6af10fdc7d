-- Reports (src/lib/documents, reports/evaluation.ts): each target of a plan year, what the
-- completed activities counted toward it achieved, and its status against the range
-- (below: chua_dat, within: dat, above: vuot). `position` keeps the plan file's order.
CREATE OR REPLACE VIEW report_targets AS
WITH done AS (
  SELECT year, indicator, sum(output_qty) AS achieved, count(*) AS activities
  FROM activities
  WHERE status = 'hoan_thanh' AND indicator IS NOT NULL
  GROUP BY year, indicator
)
SELECT
  t.year,
  t.indicator,
  t.content_group,
  t.description,
  t.unit,
  t.target_min,
  t.target_max,
  CAST(coalesce(d.achieved, 0) AS INTEGER) AS achieved,
  CAST(coalesce(d.activities, 0) AS INTEGER) AS activities,
  CASE
    WHEN coalesce(d.achieved, 0) < t.target_min THEN 'chua_dat'
    WHEN coalesce(d.achieved, 0) > t.target_max THEN 'vuot'
    ELSE 'dat'
  END AS status,
  row_number() OVER (PARTITION BY t.year ORDER BY t.source_file, t.source_line) AS position
FROM plan_targets t
LEFT JOIN done d USING (year, indicator);
