-- Tổng quan: which warnings of the last ingest the commune leadership should see first, most
-- serious first (money paid beyond what was planned or approved, payments out of order, then
-- approvals beyond plan or norm, then bookkeeping), each with a plain Vietnamese heading.
-- Warnings of other rules (data-entry details: names, ID formats, ...) are left to the
-- Chất lượng dữ liệu page; the overview only counts them.
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
    ('activity_group_mismatch', 9, 'Hoạt động ghi vào dòng kế hoạch khác nhóm nội dung')
)
SELECT
  w.rule,
  r.priority,
  r.heading,
  w.message,
  w.kind,
  w.source_file,
  w.source_line
FROM warnings w
JOIN rules r USING (rule);
