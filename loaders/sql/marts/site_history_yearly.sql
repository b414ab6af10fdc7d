-- depends: site_history_projects
-- Site, page Giai đoạn (history): one row per year of the history. facilities = distinct
-- facility_key (projects naming no facility reach none); leverage = counterpart / support (vốn
-- đối ứng per đồng of support, counterpart not reported counted as 0), NULL without support.
CREATE OR REPLACE VIEW site_history_yearly AS
SELECT
  commune_code,
  year,
  CAST(count(*) AS INTEGER) AS projects,
  CAST(count(DISTINCT facility_key) AS INTEGER) AS facilities,
  CAST(sum(support_amount) AS BIGINT) AS support_amount,
  CAST(coalesce(sum(counterpart_amount), 0) AS BIGINT) AS counterpart_amount,
  CASE WHEN sum(support_amount) > 0 THEN coalesce(sum(counterpart_amount), 0) / sum(support_amount) END AS leverage,
  CAST(coalesce(sum(jobs_created), 0) AS INTEGER) AS jobs_created
FROM site_history_projects
GROUP BY commune_code, year;
