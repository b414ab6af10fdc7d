-- An activity paid more (net of recoveries) than it was approved for.
SELECT 'activities' AS kind, a.source_file, a.source_line,
       'Hoạt động ' || a.activity_id || ': đã chi ' || vnd(sum(d.amount)) || ', vượt kinh phí phê duyệt ' || vnd(a.approved_amount) AS message
FROM activities a JOIN disbursements d USING (activity_id)
WHERE a.approved_amount IS NOT NULL
GROUP BY a.activity_id, a.source_file, a.source_line, a.approved_amount
HAVING sum(d.amount) > a.approved_amount
