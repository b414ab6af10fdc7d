-- Money paid to an activity that is not (or no longer) approved.
SELECT 'disbursements' AS kind, d.source_file, d.source_line,
       'Chứng từ ' || d.voucher_no || ' chi cho hoạt động ' || a.activity_id || ' đang ở trạng thái "'
       || (SELECT label FROM code_lists WHERE list = 'status' AND code = a.status) || '"' AS message
FROM disbursements d JOIN activities a USING (activity_id)
WHERE a.status IN ('de_xuat', 'tham_dinh', 'huy') AND d.amount > 0
