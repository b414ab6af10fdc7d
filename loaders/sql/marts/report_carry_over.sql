-- Reports: commune-funded work of a plan year whose payments by d differ from the approved amount.
-- A carried activity is work of its new year: still unfinished there, it is proposed again, with
-- its origin (carried_from_year, carried_from_id) so the chain can be followed.
-- kind 'chuyen_nguon': approved, unfinished and not fully paid; the remainder is proposed for
-- carry-over. kind 'quyet_toan': completed with money left (or overpaid); to be checked at
-- settlement, never carried over. Same rule as carryOver()/unsettled() in src/lib/plan/draft.ts.
CREATE OR REPLACE MACRO report_carry_over_on(d) AS TABLE
SELECT
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
  a.approved_amount AS approved,
  CAST(coalesce(p.disbursed, 0) AS BIGINT) AS disbursed,
  CAST(a.approved_amount - coalesce(p.disbursed, 0) AS BIGINT) AS remainder
FROM activities_on(d) a
LEFT JOIN payments_on(d) p USING (year, activity_id)
LEFT JOIN establishments e USING (establishment_id)
WHERE a.status IN ('phe_duyet', 'dang_thuc_hien', 'hoan_thanh')
  AND (a.line_no IS NOT NULL OR a.level = 'xa')
  AND (
    (a.status <> 'hoan_thanh' AND a.approved_amount > coalesce(p.disbursed, 0))
    OR (a.status = 'hoan_thanh' AND a.approved_amount <> coalesce(p.disbursed, 0))
  );
