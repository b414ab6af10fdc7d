-- Every kind's key is unique after the load (duplicates were rejected, first row kept).
SELECT 'plan_lines' AS kind, year || '/' || line_no AS key FROM plan_lines GROUP BY year, line_no HAVING count(*) > 1
UNION ALL SELECT 'plan_targets', year || '/' || indicator FROM plan_targets GROUP BY year, indicator HAVING count(*) > 1
UNION ALL SELECT 'establishments', establishment_id FROM establishments GROUP BY establishment_id HAVING count(*) > 1
UNION ALL SELECT 'projects', project_id FROM projects GROUP BY project_id HAVING count(*) > 1
UNION ALL SELECT 'activities', activity_id FROM activities GROUP BY activity_id HAVING count(*) > 1
UNION ALL SELECT 'disbursements', voucher_no FROM disbursements GROUP BY voucher_no HAVING count(*) > 1
UNION ALL SELECT 'demand_survey', survey_id FROM demand_survey GROUP BY survey_id HAVING count(*) > 1
