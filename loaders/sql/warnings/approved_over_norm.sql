-- An activity approved above every support cap of its content group and programme level in
-- force at its decision (activity_caps): by amount, or by share of its cost (approved + counterpart).
SELECT 'activities' AS kind, a.source_file, a.source_line,
       'Hoạt động ' || a.activity_id || ' năm ' || a.year || ': kinh phí phê duyệt ' || vnd(a.approved_amount)
       || CASE WHEN a.approved_amount > c.max_amount THEN ' vượt mức tối đa ' || vnd(c.max_amount)
               ELSE ' bằng ' || pct(100.0 * a.approved_amount / (a.approved_amount + a.counterpart_amount))
                    || ' tổng chi phí, vượt tỷ lệ tối đa ' || pct(c.max_percent) END
       || ' (' || c.basis || ')' AS message
FROM activities a JOIN activity_caps c USING (commune_code, year, activity_id)
WHERE a.approved_amount IS NOT NULL AND a.status <> 'huy'
  AND (a.approved_amount > c.max_amount
       OR (c.max_percent IS NOT NULL AND a.counterpart_amount IS NOT NULL AND a.approved_amount + a.counterpart_amount > 0
           AND 100.0 * a.approved_amount / (a.approved_amount + a.counterpart_amount) > c.max_percent))
