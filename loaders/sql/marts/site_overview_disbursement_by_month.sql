-- depends:
-- Tổng quan: how the commune budget of each plan year was paid out month by month (vouchers of
-- activities on plan lines, net of recoveries, by the month of the voucher date within the plan
-- year), with the running total. Every month 1–12 is listed, zeros included.
CREATE OR REPLACE VIEW site_overview_disbursement_by_month AS
WITH years AS (
  SELECT year, sum(total_amount) AS planned FROM plan_lines GROUP BY year
),
paid AS (
  SELECT a.year, month(d.paid_on) AS month, sum(d.amount) AS amount
  FROM disbursements d JOIN activities a ON a.year = d.plan_year AND a.activity_id = d.activity_id
  WHERE a.line_no IS NOT NULL AND year(d.paid_on) = a.year
  GROUP BY a.year, month(d.paid_on)
),
months AS (
  SELECT y.year, y.planned, m.month
  FROM years y CROSS JOIN range(1, 13) AS m(month)
)
SELECT
  m.year,
  CAST(m.month AS INTEGER) AS month,
  CAST(m.planned AS BIGINT) AS planned,
  CAST(coalesce(p.amount, 0) AS BIGINT) AS disbursed,
  CAST(sum(coalesce(p.amount, 0)) OVER (PARTITION BY m.year ORDER BY m.month) AS BIGINT) AS cumulative
FROM months m
LEFT JOIN paid p USING (year, month);
