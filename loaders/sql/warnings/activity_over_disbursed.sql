-- An activity paid more (net of recoveries) than it was approved for.
SELECT 'activities' AS kind, a.source_file, a.source_line,
       'Hoạt động ' || a.activity_id || ' năm ' || a.year || ': đã chi ' || vnd(p.disbursed) || ', vượt kinh phí phê duyệt ' || vnd(a.approved_amount) AS message
FROM activities a JOIN activity_payments p USING (commune_code, year, activity_id)
WHERE p.disbursed > a.approved_amount
