-- Identity and phone numbers that lost their leading zero (Excel re-saving them as numbers) or
-- were mistyped: a CCCD has 12 digits, a Vietnamese phone number 10.
SELECT 'establishments' AS kind, source_file, source_line,
       'Cơ sở ' || establishment_id || ': số CCCD phải có 12 chữ số (có thể Excel đã bỏ số 0 ở đầu)' AS message
FROM establishments WHERE national_id IS NOT NULL AND NOT regexp_full_match(national_id, '[0-9]{12}')
UNION ALL
SELECT 'establishments', source_file, source_line,
       'Cơ sở ' || establishment_id || ': số điện thoại phải có 10 chữ số, bắt đầu bằng 0 (có thể Excel đã bỏ số 0 ở đầu)'
FROM establishments WHERE phone IS NOT NULL AND NOT regexp_full_match(regexp_replace(phone, '[ .\-]', '', 'g'), '0[0-9]{9}')
