-- depends: as_of
-- How far each output target of a plan year has got: what the activities citing it
-- (activities.indicator) have delivered. achieved = sum of output_qty of completed activities
-- (hoan_thanh); in_progress = sum of output_qty of approved or ongoing ones (phe_duyet,
-- dang_thuc_hien), not yet counted. status compares achieved with the range: below target_min
-- chua_dat, above target_max vuot, otherwise dat (targetStatus in src/lib/documents/models.ts;
-- the evaluation checks that the two agree). `position` keeps the order of the plan file.
-- Read by the page Hoạt động and, as it stood on a date (target_progress_on), by the year-end
-- evaluation.
CREATE OR REPLACE MACRO target_progress_on(d) AS TABLE
WITH cited AS (
  SELECT
    commune_code,
    year,
    indicator,
    sum(output_qty) FILTER (WHERE status = 'hoan_thanh') AS achieved,
    count(*) FILTER (WHERE status = 'hoan_thanh') AS completed_activities,
    sum(output_qty) FILTER (WHERE is_committed(status) AND status <> 'hoan_thanh') AS in_progress,
    count(*) FILTER (WHERE is_committed(status) AND status <> 'hoan_thanh') AS in_progress_activities
  FROM activities_on(d)
  WHERE indicator IS NOT NULL
  GROUP BY commune_code, year, indicator
)
SELECT
  t.commune_code,
  t.year,
  t.indicator,
  t.content_group,
  t.description,
  t.unit,
  t.target_min,
  t.target_max,
  CAST(coalesce(c.achieved, 0) AS INTEGER) AS achieved,
  CAST(coalesce(c.completed_activities, 0) AS INTEGER) AS completed_activities,
  CAST(coalesce(c.in_progress, 0) AS INTEGER) AS in_progress,
  CAST(coalesce(c.in_progress_activities, 0) AS INTEGER) AS in_progress_activities,
  CASE
    WHEN coalesce(c.achieved, 0) < t.target_min THEN 'chua_dat'
    WHEN coalesce(c.achieved, 0) > t.target_max THEN 'vuot'
    ELSE 'dat'
  END AS status,
  CAST(row_number() OVER (PARTITION BY t.commune_code, t.year ORDER BY t.source_file, t.source_line) AS INTEGER) AS position
FROM plan_targets t
LEFT JOIN cited c USING (commune_code, year, indicator);

CREATE OR REPLACE VIEW target_progress AS SELECT * FROM target_progress_on(kc_now());
