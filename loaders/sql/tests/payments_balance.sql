-- activity_payments keeps every voucher and every đồng: its counts and sums equal the vouchers' own.
SELECT v.vouchers, p.vouchers AS table_vouchers, v.amount, p.disbursed AS table_amount, v.recovered, p.recovered AS table_recovered
FROM (SELECT count(*) AS vouchers, coalesce(sum(amount), 0) AS amount, -coalesce(sum(amount) FILTER (WHERE amount < 0), 0) AS recovered FROM disbursements) v,
     (SELECT coalesce(sum(vouchers), 0) AS vouchers, coalesce(sum(disbursed), 0) AS disbursed, coalesce(sum(recovered), 0) AS recovered FROM activity_payments) p
WHERE v.vouchers <> p.vouchers OR v.amount <> p.disbursed OR v.recovered <> p.recovered
