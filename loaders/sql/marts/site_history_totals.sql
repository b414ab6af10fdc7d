-- depends: site_history_projects, site_history_repeat_facilities
-- Site, page Giai đoạn (history): each commune's whole history in one row, for the page's cards. Same
-- measures as site_history_yearly; facilities counted once over the period; repeat_facilities
-- = facilities with more than one project (site_history_repeat_facilities).
CREATE OR REPLACE VIEW site_history_totals AS
SELECT
  commune_code,
  min(year) AS from_year,
  max(year) AS to_year,
  CAST(count(*) AS INTEGER) AS projects,
  CAST(count(DISTINCT facility_key) AS INTEGER) AS facilities,
  CAST(count(*) FILTER (WHERE facility_key IS NULL) AS INTEGER) AS projects_without_facility,
  CAST(coalesce(sum(support_amount), 0) AS BIGINT) AS support_amount,
  CAST(coalesce(sum(counterpart_amount), 0) AS BIGINT) AS counterpart_amount,
  CASE WHEN sum(support_amount) > 0 THEN coalesce(sum(counterpart_amount), 0) / sum(support_amount) END AS leverage,
  CAST(coalesce(sum(jobs_created), 0) AS INTEGER) AS jobs_created,
  (SELECT CAST(count(*) AS INTEGER) FROM site_history_repeat_facilities r WHERE r.commune_code = p.commune_code) AS repeat_facilities
FROM site_history_projects p
GROUP BY commune_code;
