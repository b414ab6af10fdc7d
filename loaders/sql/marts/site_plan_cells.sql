-- depends: site_plan_activities, site_plan_vouchers
-- Kế hoạch – Thực hiện: the activities' money summed over everything the page filters on (year,
-- plan line, content group and funding source as site_plan_activities counts them, programme
-- level, former commune, tied to a facility or not): the approved money of the committed ones, and
-- what was paid by each voucher's own funding source (net of recoveries). The budget table and the
-- table by source add these cells up under the filters, without a row per activity or voucher.
CREATE OR REPLACE VIEW site_plan_cells AS
WITH a AS (
  SELECT *, establishment_id IS NOT NULL AS facility FROM site_plan_activities
),
cells AS (
  SELECT commune_code, year, line_no, content_group, funding_source, level, former_unit, facility,
         CAST(coalesce(sum(approved_amount) FILTER (WHERE committed), 0) AS BIGINT) AS approved_amount
    FROM a
   GROUP BY ALL
),
paid AS (
  SELECT a.commune_code, a.year, a.line_no, a.content_group, a.funding_source, a.level, a.former_unit, a.facility,
         v.funding_source AS paid_source, CAST(sum(v.amount) AS BIGINT) AS amount
    FROM a
    JOIN site_plan_vouchers v USING (commune_code, year, activity_id)
   GROUP BY ALL
)
SELECT c.commune_code, c.year, c.line_no, c.content_group, c.funding_source, c.level, c.former_unit, c.facility, c.approved_amount,
       coalesce(list({'funding_source': p.paid_source, 'amount': p.amount} ORDER BY p.paid_source) FILTER (WHERE p.paid_source IS NOT NULL), []) AS paid
  FROM cells c
  LEFT JOIN paid p
    ON p.commune_code = c.commune_code AND p.year = c.year AND p.line_no IS NOT DISTINCT FROM c.line_no
   AND p.content_group = c.content_group AND p.funding_source = c.funding_source AND p.level = c.level
   AND p.former_unit IS NOT DISTINCT FROM c.former_unit AND p.facility = c.facility
 GROUP BY c.commune_code, c.year, c.line_no, c.content_group, c.funding_source, c.level, c.former_unit, c.facility, c.approved_amount;
