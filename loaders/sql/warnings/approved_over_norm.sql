-- An activity approved above every support cap of its content group and programme level in
-- force at its decision (or, without a decision date, on 1 January of its year): by amount, or by
-- share of its cost (approved + counterpart). A norm without a level applies to every level.
WITH caps AS (
  SELECT a.year, a.activity_id, max(n.max_amount) AS max_amount, max(n.max_percent) AS max_percent,
         string_agg(DISTINCT n.legal_basis, '; ') AS basis
  FROM activities a
  JOIN norms n ON n.content_group = a.content_group AND (n.level IS NULL OR n.level = a.level)
   AND coalesce(a.decision_date, make_date(a.year, 1, 1)) BETWEEN n.valid_from AND coalesce(n.valid_to, DATE '9999-12-31')
  GROUP BY a.year, a.activity_id
)
SELECT 'activities' AS kind, a.source_file, a.source_line,
       'Hoạt động ' || a.activity_id || ' năm ' || a.year || ': kinh phí phê duyệt ' || vnd(a.approved_amount)
       || CASE WHEN a.approved_amount > c.max_amount THEN ' vượt mức tối đa ' || vnd(c.max_amount)
               ELSE ' bằng ' || pct(100.0 * a.approved_amount / (a.approved_amount + a.counterpart_amount))
                    || ' tổng chi phí, vượt tỷ lệ tối đa ' || pct(c.max_percent) END
       || ' (' || c.basis || ')' AS message
FROM activities a JOIN caps c USING (year, activity_id)
WHERE a.approved_amount IS NOT NULL AND a.status <> 'huy'
  AND (a.approved_amount > c.max_amount
       OR (c.max_percent IS NOT NULL AND a.counterpart_amount IS NOT NULL AND a.approved_amount + a.counterpart_amount > 0
           AND 100.0 * a.approved_amount / (a.approved_amount + a.counterpart_amount) > c.max_percent))
