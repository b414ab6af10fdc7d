-- depends: activity_payments
-- The warehouse as it stood on a date d, for figures that must not move once their year is
-- closed (the year-end evaluation of year Y stands on 31/12/Y, or on the data date if earlier).
-- Every figure of a plan year is built on these macros; the views of the current state call them
-- with d = NOW (9999-12-31), which reads the activity_payments table built once per ingest.

-- Committed: approved, under way or completed (never proposed, appraised or cancelled). The list
-- is the contract's (committedStatuses), written into committed_statuses at ingest: this is the
-- one place the SQL tells committed work apart.
CREATE OR REPLACE MACRO is_committed(st) AS st IN (SELECT committed_status FROM committed_statuses);

-- A date far enough ahead to mean "everything in the warehouse".
CREATE OR REPLACE MACRO kc_now() AS DATE '9999-12-31';

-- An activity's status on d, from its dates: approved after d, it was still being appraised (or
-- proposed) then; completed after d, it was still under way. A status without the date that
-- would place it (no decision or completion date) is taken as written. A cancellation has no date
-- in the contract: it stands as written.
CREATE OR REPLACE MACRO status_on(status, decision_date, completed_on, d) AS
  CASE
    WHEN is_committed(status) AND decision_date > d THEN 'tham_dinh'
    WHEN status = 'hoan_thanh' AND completed_on > d THEN 'dang_thuc_hien'
    ELSE status
  END;

CREATE OR REPLACE MACRO activities_on(d) AS TABLE
  SELECT * REPLACE (status_on(status, decision_date, completed_on, d) AS status,
                    CASE WHEN completed_on > d THEN NULL ELSE completed_on END AS completed_on)
  FROM activities;

-- What was paid on each activity by d (net of recoveries), keyed like activity_payments. Only one
-- branch runs: DuckDB folds the other's constant condition away.
CREATE OR REPLACE MACRO payments_on(d) AS TABLE
  SELECT commune_code, year, activity_id, disbursed, recovered, vouchers, last_paid_on FROM activity_payments WHERE d >= kc_now()
  UNION ALL
  SELECT commune_code, plan_year, activity_id,
         CAST(sum(amount) AS BIGINT),
         CAST(-coalesce(sum(amount) FILTER (WHERE amount < 0), 0) AS BIGINT),
         CAST(count(*) AS INTEGER),
         max(paid_on)
  FROM disbursements
  WHERE d < kc_now() AND paid_on <= d
  GROUP BY commune_code, plan_year, activity_id;

-- Each commune's data date: the latest date its records speak of (payments, decisions,
-- completions, survey), as the run's data_as_of is for all of them. This and the two below are
-- tables, built once per ingest: every page and document of every commune reads them, and as
-- views each read recomputed them for all the communes (the province's archive took minutes).
-- The payments' latest date is taken per activity (activity_payments holds every voucher).
CREATE TABLE commune_dates AS
SELECT commune_code, max(d) AS data_as_of FROM (
  SELECT commune_code, last_paid_on AS d FROM activity_payments
  UNION ALL SELECT commune_code, decision_date FROM activities
  UNION ALL SELECT commune_code, completed_on FROM activities
  UNION ALL SELECT commune_code, surveyed_on FROM demand_survey
) GROUP BY commune_code;

-- The plan years of each commune (a plan: plan_lines or plan_targets) and where each stands.
--   data_as_of:       the commune's data date (commune_dates).
--   is_default:       the year the commune's pages open on: the plan year holding its data date,
--                     failing that its latest plan year.
--   closed:           a plan year before the default one: its history is written.
--   evaluation_as_of: the date its year-end evaluation stands on, 31/12 of the year or the data
--                     date if earlier.
CREATE TABLE plan_years AS
WITH dates AS (SELECT * FROM commune_dates),
years AS (
  SELECT commune_code, year FROM plan_lines UNION SELECT commune_code, year FROM plan_targets
),
current_year AS (
  SELECT y.commune_code, coalesce(max(y.year) FILTER (WHERE y.year = year(d.data_as_of)), max(y.year)) AS year
  FROM years y LEFT JOIN dates d USING (commune_code)
  GROUP BY y.commune_code
)
SELECT
  y.commune_code,
  y.year,
  d.data_as_of,
  y.year = c.year AS is_default,
  y.year < c.year AS closed,
  least(make_date(y.year, 12, 31), coalesce(d.data_as_of, make_date(y.year, 12, 31))) AS evaluation_as_of
FROM years y
JOIN current_year c USING (commune_code)
LEFT JOIN dates d USING (commune_code);

-- Every support of the programme's history, each counted once: the projects file for the years
-- without a plan (a project of a plan year is warned about and left out: the activities file
-- holds that year), and the approved, not cancelled activities of the plan years as they stood on
-- each year's evaluation date. A carried activity is its origin's support continued, not a new
-- one: it is left out. `closed`: the year is over (projects always; plan years as plan_years says).
CREATE TABLE history_supports AS
SELECT
  p.commune_code,
  'du_an' AS source,
  p.project_id AS support_id,
  p.year,
  p.level,
  p.content_group,
  p.title,
  p.establishment_id,
  p.establishment_name,
  p.former_unit,
  p.decision_no,
  p.decision_date,
  p.total_investment,
  p.support_amount,
  p.counterpart_amount,
  p.jobs_created,
  p.result,
  true AS closed
FROM projects p
WHERE NOT EXISTS (SELECT 1 FROM plan_years y WHERE y.commune_code = p.commune_code AND y.year = p.year)
UNION ALL
SELECT
  a.commune_code,
  'hoat_dong',
  a.activity_id,
  a.year,
  a.level,
  a.content_group,
  a.title,
  a.establishment_id,
  CAST(NULL AS VARCHAR),
  CAST(NULL AS VARCHAR),
  a.decision_no,
  a.decision_date,
  CAST(a.approved_amount + coalesce(a.counterpart_amount, 0) AS BIGINT),
  a.approved_amount,
  a.counterpart_amount,
  a.jobs_created,
  CAST(NULL AS VARCHAR),
  y.closed
FROM activities a
JOIN plan_years y USING (commune_code, year)
WHERE a.carried_from_id IS NULL
  AND is_committed(status_on(a.status, a.decision_date, a.completed_on, y.evaluation_as_of));
