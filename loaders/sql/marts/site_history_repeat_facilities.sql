-- depends: site_history_projects
-- Site, page Giai đoạn (history): facilities supported more than once in the history, by
-- facility_key (the id, or the folded name of a facility named without an id: see
-- site_history_projects). The name is the latest spelling; times = number of projects; years and
-- levels listed once each, in order.
CREATE OR REPLACE VIEW site_history_repeat_facilities AS
SELECT
  commune_code,
  facility_key,
  min(establishment_id) AS establishment_id,
  arg_max(facility_name, year) AS facility_name,
  min(sector) AS sector,
  min(former_unit) AS former_unit,
  CAST(count(*) AS INTEGER) AS times,
  string_agg(DISTINCT CAST(year AS VARCHAR), ', ' ORDER BY CAST(year AS VARCHAR)) AS years,
  min(year) AS first_year,
  max(year) AS last_year,
  list(DISTINCT level ORDER BY level) AS levels,
  CAST(sum(support_amount) AS BIGINT) AS support_amount,
  CAST(coalesce(sum(counterpart_amount), 0) AS BIGINT) AS counterpart_amount
FROM site_history_projects
WHERE facility_key IS NOT NULL
GROUP BY commune_code, facility_key
HAVING count(*) > 1;
