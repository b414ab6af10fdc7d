-- depends:
-- Tổng quan: how the commune budget of each plan year was paid out month by month (vouchers of
-- activities on plan lines, net of recoveries, by the month of the voucher date within the plan
-- year), with the running total. Every month 1–12 is listed, zeros included.
CREATE OR REPLACE VIEW site_overview_disbursement_by_month AS
WITH years AS (
  SELECT commune_code, year, sum(total_amount) AS planned FROM plan_lines GROUP BY commune_code, year
),
paid AS (
  SELECT a.commune_code, a.year, month(d.paid_on) AS month, sum(d.amount) AS amount
  FROM disbursements d JOIN activities a ON a.commune_code = d.commune_code AND a.year = d.plan_year AND a.activity_id = d.activity_id
  WHERE a.line_no IS NOT NULL AND year(d.paid_on) = a.year
  GROUP BY a.commune_code, a.year, month(d.paid_on)
),
months AS (
  SELECT y.commune_code, y.year, y.planned, m.month
  FROM years y CROSS JOIN range(1, 13) AS m(month)
)
SELECT
  m.commune_code,
  m.year,
  CAST(m.month AS INTEGER) AS month,
  CAST(m.planned AS BIGINT) AS planned,
  CAST(coalesce(p.amount, 0) AS BIGINT) AS disbursed,
  CAST(sum(coalesce(p.amount, 0)) OVER (PARTITION BY m.commune_code, m.year ORDER BY m.month) AS BIGINT) AS cumulative
FROM months m
LEFT JOIN paid p USING (commune_code, year, month);
