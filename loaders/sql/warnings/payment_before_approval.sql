-- A voucher dated before the decision that approved its activity.
SELECT 'disbursements' AS kind, d.source_file, d.source_line,
       'Chứng từ ' || d.voucher_no || ' ngày ' || strftime(d.paid_on, '%d/%m/%Y') || ' trước ngày quyết định phê duyệt '
       || strftime(a.decision_date, '%d/%m/%Y') || ' của hoạt động ' || a.activity_id || ' năm ' || a.year AS message
FROM disbursements d JOIN activities a ON a.commune_code = d.commune_code AND a.year = d.plan_year AND a.activity_id = d.activity_id
WHERE a.decision_date IS NOT NULL AND d.paid_on < a.decision_date
