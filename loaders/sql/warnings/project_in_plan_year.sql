-- A project of the history file dated in a year that has a plan: that year's supports are the
-- activities file's, so the project is left out of the history (counted once, not twice).
SELECT 'projects' AS kind, p.source_file, p.source_line,
       'Đề án ' || p.project_id || ' thuộc năm ' || p.year || ', năm đã có kế hoạch khuyến công: hỗ trợ năm này được tính theo danh sách hoạt động (activities), đề án không được tính thêm' AS message
FROM projects p
WHERE EXISTS (SELECT 1 FROM plan_years y WHERE y.commune_code = p.commune_code AND y.year = p.year)
