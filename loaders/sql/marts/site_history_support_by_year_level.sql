-- depends: site_history_projects
-- Site, page Giai đoạn (history): support per year and programme level (quốc gia, tỉnh, huyện,
-- xã; `position` is the code list's order). Only the pairs that have projects are listed.
CREATE OR REPLACE VIEW site_history_support_by_year_level AS
SELECT
  p.commune_code,
  p.year,
  p.level,
  c.position,
  CAST(count(*) AS INTEGER) AS projects,
  CAST(sum(p.support_amount) AS BIGINT) AS support_amount,
  CAST(coalesce(sum(p.counterpart_amount), 0) AS BIGINT) AS counterpart_amount,
  CAST(coalesce(sum(p.jobs_created), 0) AS INTEGER) AS jobs_created
FROM site_history_projects p
LEFT JOIN code_lists c ON c.list = 'level' AND c.code = p.level
GROUP BY p.commune_code, p.year, p.level, c.position;
