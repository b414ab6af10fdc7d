-- depends:
-- What was paid against each activity, net of recoveries (vouchers with a negative amount are
-- recoveries, thu hồi). An activity is (commune_code, year, activity_id): numbering restarts each year, and a
-- voucher pays the activity of its plan year (plan_year, filled from the voucher's date when the
-- office left it empty). A table, built once per ingest: the marts and warnings that need an
-- activity's money read it here instead of each re-reading every voucher.
CREATE TABLE activity_payments AS
SELECT
  commune_code,
  plan_year AS year,
  activity_id,
  CAST(sum(amount) AS BIGINT) AS disbursed,
  CAST(-coalesce(sum(amount) FILTER (WHERE amount < 0), 0) AS BIGINT) AS recovered,
  CAST(count(*) AS INTEGER) AS vouchers,
  min(paid_on) AS first_paid_on,
  max(paid_on) AS last_paid_on
FROM disbursements
GROUP BY commune_code, plan_year, activity_id;
