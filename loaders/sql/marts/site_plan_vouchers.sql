-- depends:
-- Kế hoạch – Thực hiện: every voucher with the year of its activity (negative amounts are
-- recoveries, thu hồi).
CREATE OR REPLACE VIEW site_plan_vouchers AS
SELECT
  a.commune_code,
  a.year,
  d.voucher_no,
  d.paid_on,
  d.activity_id,
  d.amount,
  d.funding_source,
  d.payee,
  d.description
FROM disbursements d
JOIN activities a ON a.commune_code = d.commune_code AND a.year = d.plan_year AND a.activity_id = d.activity_id;
