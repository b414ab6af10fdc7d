-- depends: as_of
-- Tổng quan: the date each plan year's figures stand at (the commune's data date, kept inside the
-- plan year), and the same day of the year before, for "cùng kỳ năm trước" comparisons.
-- as_of = plan_years.data_as_of clamped to 1 January – 31 December of the plan year (31 December
-- when the commune has no dated record at all). Plan years with budget lines only.
CREATE OR REPLACE VIEW site_overview_as_of AS
SELECT
  y.commune_code,
  y.year,
  greatest(make_date(y.year, 1, 1), least(coalesce(y.data_as_of, make_date(y.year, 12, 31)), make_date(y.year, 12, 31))) AS as_of,
  CAST(greatest(make_date(y.year, 1, 1), least(coalesce(y.data_as_of, make_date(y.year, 12, 31)), make_date(y.year, 12, 31))) - INTERVAL 1 YEAR AS DATE) AS prior_as_of
FROM plan_years y
WHERE EXISTS (SELECT 1 FROM plan_lines l WHERE l.commune_code = y.commune_code AND l.year = y.year);
