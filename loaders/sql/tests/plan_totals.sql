-- plan_vs_actual keeps every đồng of each commune: its totals equal the plan lines' and the vouchers' own.
WITH v AS (
  SELECT commune_code, year, sum(planned_amount) AS planned, sum(disbursed_amount) AS disbursed FROM plan_vs_actual GROUP BY commune_code, year
), p AS (
  SELECT commune_code, year, sum(total_amount) AS planned FROM plan_lines GROUP BY commune_code, year
), d AS (
  -- The vouchers summed per activity first: a million of them pay a few hundred activities.
  SELECT a.commune_code, a.year, sum(s.amount) AS disbursed
  FROM (SELECT commune_code, plan_year, activity_id, sum(amount) AS amount FROM disbursements GROUP BY commune_code, plan_year, activity_id) s
  JOIN activities a ON a.commune_code = s.commune_code AND a.year = s.plan_year AND a.activity_id = s.activity_id
  WHERE a.line_no IS NOT NULL GROUP BY a.commune_code, a.year
)
SELECT p.commune_code, p.year, p.planned, v.planned AS view_planned, d.disbursed, v.disbursed AS view_disbursed
FROM p JOIN v USING (commune_code, year) LEFT JOIN d USING (commune_code, year)
WHERE p.planned <> v.planned OR coalesce(d.disbursed, 0) <> v.disbursed
