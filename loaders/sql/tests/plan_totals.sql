-- plan_vs_actual keeps every đồng: its totals equal the plan lines' and the vouchers' own.
WITH v AS (
  SELECT year, sum(planned_amount) AS planned, sum(disbursed_amount) AS disbursed FROM plan_vs_actual GROUP BY year
), p AS (
  SELECT year, sum(total_amount) AS planned FROM plan_lines GROUP BY year
), d AS (
  SELECT a.year, sum(d.amount) AS disbursed FROM disbursements d JOIN activities a ON a.year = d.plan_year AND a.activity_id = d.activity_id
  WHERE a.line_no IS NOT NULL GROUP BY a.year
)
SELECT p.year, p.planned, v.planned AS view_planned, d.disbursed, v.disbursed AS view_disbursed
FROM p JOIN v USING (year) LEFT JOIN d USING (year)
WHERE p.planned <> v.planned OR coalesce(d.disbursed, 0) <> v.disbursed
