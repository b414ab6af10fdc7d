-- depends: activity_caps, as_of
-- Reports: commune-funded work of a plan year whose payments by d differ from the approved amount:
-- the candidates of the carry-over rule (src/lib/plan/carry-over.ts, which sets what is proposed).
-- A carried activity is work of its new year: still unfinished there, it is a candidate again, with
-- its origin (carried_from_year, carried_from_id) so the chain can be followed.
-- kind 'chuyen_nguon': approved, unfinished and not fully paid. kind 'quyet_toan': completed with
-- money left (or overpaid); to be checked at settlement, never carried over.
-- cap: the most the norms in force at the decision allow for the activity (activity_caps).
CREATE OR REPLACE MACRO report_carry_over_on(d) AS TABLE
SELECT
  a.commune_code,
  a.year,
  CASE WHEN a.status = 'hoan_thanh' THEN 'quyet_toan' ELSE 'chuyen_nguon' END AS kind,
  a.activity_id,
  a.line_no,
  a.title,
  a.carried_from_year,
  a.carried_from_id,
  a.establishment_id,
  e.name AS establishment_name,
  a.status,
  a.decision_no,
  a.decision_date,
  a.approved_amount AS approved,
  CAST(coalesce(p.disbursed, 0) AS BIGINT) AS disbursed,
  CAST(a.approved_amount - coalesce(p.disbursed, 0) AS BIGINT) AS remainder,
  c.cap_amount AS cap
FROM activities_on(d) a
LEFT JOIN payments_on(d) p USING (commune_code, year, activity_id)
LEFT JOIN establishments e USING (commune_code, establishment_id)
LEFT JOIN activity_caps c USING (commune_code, year, activity_id)
WHERE is_committed(a.status)
  AND (a.line_no IS NOT NULL OR a.level = 'xa')
  AND (
    (a.status <> 'hoan_thanh' AND a.approved_amount > coalesce(p.disbursed, 0))
    OR (a.status = 'hoan_thanh' AND a.approved_amount <> coalesce(p.disbursed, 0))
  );
