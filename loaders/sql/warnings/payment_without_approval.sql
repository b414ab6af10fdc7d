-- Money paid to an activity that is not approved (yet), and money still out on a cancelled one
-- (an advance paid before a cancellation is fine once it has been recovered). Only the vouchers of
-- activities not approved that were paid at all (activity_payments: disbursed + recovered is what
-- their payments, not their recoveries, add up to) are read.
SELECT 'disbursements' AS kind, d.source_file, d.source_line,
       'Chứng từ ' || d.voucher_no || ' chi cho hoạt động ' || a.activity_id || ' năm ' || a.year || ' đang ở trạng thái "'
       || (SELECT label FROM code_lists WHERE list = 'status' AND code = a.status) || '"' AS message
FROM disbursements d
JOIN (
  SELECT a.* FROM activities a JOIN activity_payments p USING (commune_code, year, activity_id)
  WHERE a.status IN ('de_xuat', 'tham_dinh') AND p.disbursed + p.recovered > 0
) a ON a.commune_code = d.commune_code AND a.year = d.plan_year AND a.activity_id = d.activity_id
WHERE d.amount > 0
UNION ALL
SELECT 'activities', a.source_file, a.source_line,
       'Hoạt động ' || a.activity_id || ' năm ' || a.year || ' đã hủy nhưng còn ' || vnd(p.disbursed) || ' đã chi chưa thu hồi'
FROM activities a JOIN activity_payments p USING (commune_code, year, activity_id)
WHERE a.status = 'huy' AND p.disbursed <> 0
