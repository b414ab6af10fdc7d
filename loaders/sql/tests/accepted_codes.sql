-- Every code column holds a code of its list.
WITH used AS (
  SELECT 'content_group' AS list, content_group AS code FROM plan_lines
  UNION ALL SELECT 'funding_source', funding_source FROM plan_lines
  UNION ALL SELECT 'content_group', content_group FROM plan_targets
  UNION ALL SELECT 'content_group', content_group FROM norms
  UNION ALL SELECT 'kind', kind FROM establishments
  UNION ALL SELECT 'sector', sector FROM establishments
  UNION ALL SELECT 'level', level FROM projects
  UNION ALL SELECT 'content_group', content_group FROM projects
  UNION ALL SELECT 'content_group', content_group FROM activities
  UNION ALL SELECT 'level', level FROM activities
  UNION ALL SELECT 'status', status FROM activities
  UNION ALL SELECT 'funding_source', funding_source FROM disbursements
  UNION ALL SELECT 'content_group', content_group FROM demand_survey
)
SELECT DISTINCT list, code FROM used
WHERE NOT EXISTS (SELECT 1 FROM code_lists c WHERE c.list = used.list AND c.code = used.code)
