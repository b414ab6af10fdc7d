-- depends: as_of
-- The committed activities of every plan year as they stood on d (approved, under way or
-- completed by then: is_committed), each with what had been paid on it by d, net of recoveries.
-- The marts that count approved money or supports read them here.
CREATE OR REPLACE MACRO committed_activities_on(d) AS TABLE
SELECT
  a.*,
  CAST(coalesce(p.disbursed, 0) AS BIGINT) AS disbursed,
  CAST(coalesce(p.recovered, 0) AS BIGINT) AS recovered,
  CAST(coalesce(p.vouchers, 0) AS INTEGER) AS vouchers,
  p.last_paid_on
FROM activities_on(d) a
LEFT JOIN payments_on(d) p USING (commune_code, year, activity_id)
WHERE is_committed(a.status);
