-- A voucher dated before the decision that approved its activity. The activities paid before
-- their decision are found first (activity_payments: their first voucher), then only their
-- vouchers are read: a million vouchers, looked up one by one, took three times as long.
SELECT 'disbursements' AS kind, d.source_file, d.source_line,
       'Chứng từ ' || d.voucher_no || ' ngày ' || strftime(d.paid_on, '%d/%m/%Y') || ' trước ngày quyết định phê duyệt '
       || strftime(a.decision_date, '%d/%m/%Y') || ' của hoạt động ' || a.activity_id || ' năm ' || a.year AS message
FROM disbursements d
JOIN (
  SELECT a.* FROM activities a JOIN activity_payments p USING (commune_code, year, activity_id)
  WHERE a.decision_date IS NOT NULL AND p.first_paid_on < a.decision_date
) a ON a.commune_code = d.commune_code AND a.year = d.plan_year AND a.activity_id = d.activity_id
WHERE d.paid_on < a.decision_date
