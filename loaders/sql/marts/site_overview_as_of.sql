-- depends:
-- Tổng quan: the date each plan year's figures stand at (the data date, kept inside the plan
-- year), and the same day of the year before, for "cùng kỳ năm trước" comparisons.
-- as_of = the latest ingest run's data_as_of, clamped to 1 January – 31 December of the plan year
-- (31 December when the warehouse has no dated record at all).
CREATE OR REPLACE VIEW site_overview_as_of AS
WITH run AS (
  SELECT data_as_of FROM ingest_runs ORDER BY started_at DESC LIMIT 1
),
years AS (
  SELECT DISTINCT year FROM plan_lines
)
SELECT
  y.year,
  greatest(make_date(y.year, 1, 1), least(coalesce(r.data_as_of, make_date(y.year, 12, 31)), make_date(y.year, 12, 31))) AS as_of,
  CAST(greatest(make_date(y.year, 1, 1), least(coalesce(r.data_as_of, make_date(y.year, 12, 31)), make_date(y.year, 12, 31))) - INTERVAL 1 YEAR AS DATE) AS prior_as_of
FROM years y
LEFT JOIN run r ON true;
