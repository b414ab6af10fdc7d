-- Every reference of a loaded row finds its row, in its own year.
SELECT 'disbursements.activity_id' AS ref, d.voucher_no AS row_key FROM disbursements d
WHERE d.plan_year IS NULL OR NOT EXISTS (SELECT 1 FROM activities a WHERE a.year = d.plan_year AND a.activity_id = d.activity_id)
UNION ALL SELECT 'activities.line_no', a.activity_id FROM activities a
WHERE a.line_no IS NOT NULL AND NOT EXISTS (SELECT 1 FROM plan_lines p WHERE p.year = a.year AND p.line_no = a.line_no)
UNION ALL SELECT 'activities.indicator', a.activity_id FROM activities a
WHERE a.indicator IS NOT NULL AND NOT EXISTS (SELECT 1 FROM plan_targets t WHERE t.year = a.year AND t.indicator = a.indicator)
UNION ALL SELECT 'activities.carried_from_id', a.activity_id FROM activities a
WHERE a.carried_from_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM activities o WHERE o.year = a.carried_from_year AND o.activity_id = a.carried_from_id)
UNION ALL SELECT 'activities.establishment_id', a.activity_id FROM activities a
WHERE a.establishment_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM establishments e WHERE e.establishment_id = a.establishment_id)
UNION ALL SELECT 'projects.establishment_id', p.project_id FROM projects p
WHERE p.establishment_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM establishments e WHERE e.establishment_id = p.establishment_id)
UNION ALL SELECT 'demand_survey.establishment_id', s.survey_id FROM demand_survey s
WHERE s.establishment_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM establishments e WHERE e.establishment_id = s.establishment_id)
