-- depends:
-- The support cap of every activity: the norms of its content group and programme level in force
-- at its decision (or, without a decision date, on 1 January of its year); a norm without a level
-- applies to every level. The most generous of them counts (an activity is above its cap only when
-- above all of them), by amount and by share of the cost (approved + counterpart). cap_amount: the
-- most that may be approved, min(max_amount, counterpart × p / (100 − p)); NULL when nothing caps it.
-- Used by the warning approved_over_norm and by the carry-over's candidates (report_carry_over).
CREATE OR REPLACE VIEW activity_caps AS
WITH caps AS (
  SELECT a.commune_code, a.year, a.activity_id, max(n.max_amount) AS max_amount, max(n.max_percent) AS max_percent,
         string_agg(DISTINCT n.legal_basis, '; ') AS basis
  FROM activities a
  JOIN norms n ON n.commune_code = a.commune_code AND n.content_group = a.content_group AND (n.level IS NULL OR n.level = a.level)
   AND coalesce(a.decision_date, make_date(a.year, 1, 1)) BETWEEN n.valid_from AND coalesce(n.valid_to, DATE '9999-12-31')
  GROUP BY a.commune_code, a.year, a.activity_id
)
SELECT
  c.commune_code,
  c.year,
  c.activity_id,
  c.max_amount,
  c.max_percent,
  c.basis,
  CAST(least(
    c.max_amount,
    CASE WHEN c.max_percent > 0 AND c.max_percent < 100 AND a.counterpart_amount IS NOT NULL
         THEN floor(a.counterpart_amount * c.max_percent / (100 - c.max_percent)) END
  ) AS BIGINT) AS cap_amount
FROM caps c JOIN activities a USING (commune_code, year, activity_id);
