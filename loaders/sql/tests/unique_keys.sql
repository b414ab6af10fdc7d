-- Every kind's key is unique after the load (duplicates were rejected, first row kept). Ids
-- restart each year: activities, targets and survey forms by their year, vouchers by the year paid.
SELECT 'plan_lines' AS kind, year || '/' || line_no AS key FROM plan_lines GROUP BY year, line_no HAVING count(*) > 1
UNION ALL SELECT 'plan_targets', year || '/' || indicator FROM plan_targets GROUP BY year, indicator HAVING count(*) > 1
UNION ALL SELECT 'establishments', establishment_id FROM establishments GROUP BY establishment_id HAVING count(*) > 1
UNION ALL SELECT 'projects', project_id FROM projects GROUP BY project_id HAVING count(*) > 1
UNION ALL SELECT 'activities', year || '/' || activity_id FROM activities GROUP BY year, activity_id HAVING count(*) > 1
UNION ALL SELECT 'disbursements', year(paid_on) || '/' || voucher_no FROM disbursements GROUP BY year(paid_on), voucher_no HAVING count(*) > 1
UNION ALL SELECT 'demand_survey', for_year || '/' || survey_id FROM demand_survey GROUP BY for_year, survey_id HAVING count(*) > 1
