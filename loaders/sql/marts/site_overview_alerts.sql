-- depends:
-- Tổng quan: which warnings of the last ingest the commune leadership should see first, most
-- serious first (money paid beyond what was planned or approved, payments out of order, then
-- approvals beyond plan or norm, then bookkeeping), each with a plain Vietnamese heading.
-- Warnings of other rules (data-entry details: names, ID formats, ...) are left to the
-- Chất lượng dữ liệu page; the overview only counts them. `year`: the plan year the warned row
-- belongs to (a plan line's or an activity's year, a voucher's plan year), so that the overview
-- shows the alerts of the year it shows.
CREATE OR REPLACE VIEW site_overview_alerts AS
WITH rules(rule, priority, heading) AS (
  VALUES
    ('line_over_disbursed', 1, 'Giải ngân vượt kế hoạch của dòng kinh phí'),
    ('activity_over_disbursed', 2, 'Chi vượt kinh phí được phê duyệt'),
    ('payment_without_approval', 3, 'Chi tiền khi hoạt động chưa được phê duyệt hoặc đã hủy'),
    ('payment_before_approval', 4, 'Chi tiền trước ngày quyết định phê duyệt'),
    ('line_over_committed', 5, 'Phê duyệt vượt kế hoạch của dòng kinh phí'),
    ('approved_over_norm', 6, 'Phê duyệt vượt định mức hỗ trợ'),
    ('completed_nothing_paid', 7, 'Đã hoàn thành nhưng chưa có chứng từ chi'),
    ('plan_line_total_mismatch', 8, 'Tổng kinh phí dòng kế hoạch khác Số lượng × Kinh phí hỗ trợ'),
    ('activity_group_mismatch', 9, 'Hoạt động ghi vào dòng kế hoạch khác nhóm nội dung'),
    ('carried_line_not_carry_over', 10, 'Hoạt động chuyển nguồn ghi vào dòng không phải nguồn chuyển sang')
)
SELECT
  w.commune_code,
  coalesce(l.year, a.year, d.plan_year) AS year,
  w.rule,
  r.priority,
  r.heading,
  w.message,
  w.kind,
  w.source_file,
  w.source_line
FROM warnings w
JOIN rules r USING (rule)
LEFT JOIN plan_lines l ON w.kind = 'plan_lines' AND l.source_file = w.source_file AND l.source_line = w.source_line
LEFT JOIN activities a ON w.kind = 'activities' AND a.source_file = w.source_file AND a.source_line = w.source_line
LEFT JOIN disbursements d ON w.kind = 'disbursements' AND d.source_file = w.source_file AND d.source_line = w.source_line;
