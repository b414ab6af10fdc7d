-- depends:
-- Each commune of the warehouse by its name (xa.csv): one row per commune, with the former
-- communes merged into it in the order its file lists them. A commune whose folder has no xa.csv
-- has rows in the kinds' tables but none here: readers fall back to its code.
CREATE OR REPLACE VIEW commune_names AS
SELECT commune_code, first(name ORDER BY source_file, source_line) AS name, first(province ORDER BY source_file, source_line) AS province
FROM communes
GROUP BY commune_code;

-- A former commune however the files write it: "xã Vĩnh Lâm", "Vinh Lam", "VĨNH LÂM" are one.
CREATE OR REPLACE MACRO unit_key(u) AS regexp_replace(strip_accents(lower(trim(u))), '^xa\s+', '');

CREATE OR REPLACE VIEW former_units AS
SELECT
  commune_code,
  former_unit,
  unit_key(former_unit) AS unit_key,
  CAST(row_number() OVER (PARTITION BY commune_code ORDER BY source_file, source_line) AS INTEGER) AS position
FROM communes
WHERE former_unit IS NOT NULL;
