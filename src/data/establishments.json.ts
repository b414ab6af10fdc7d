// Data loader for "Cơ sở CNNT" (src/co-so.md): the facility register with its support counts, and
// every project (2020–2025) and plan-year activity of each facility. Reads the views of
// loaders/sql/marts/site_facility.sql, column by column: owner names, phones, CCCD, tax codes and
// extra columns never leave the warehouse.
import {hasRelation, withWarehouse, writeJson, type Row} from "./warehouse.js";

export interface FacilityRow extends Row {
  establishment_id: string;
  name: string;
  kind: string;
  sector: string;
  village: string | null;
  former_unit: string | null;
  workers: number | null;
  founded_year: number | null;
  main_products: string | null;
  ocop_stars: number | null;
  supports: number;
  support_total: number;
  last_support_year: number | null;
  other_activities: number;
}

export interface SupportRow extends Row {
  source: "du_an" | "hoat_dong";
  establishment_id: string;
  support_id: string;
  year: number;
  level: string;
  content_group: string;
  title: string;
  status: string | null;
  amount: number | null;
  counterpart_amount: number | null;
  jobs_created: number | null;
  result: string | null;
  decision_no: string | null;
  decision_date: string | null;
  paid_amount: number | null;
  completed_on: string | null;
  counted: boolean;
}

const data = await withWarehouse(async (query) => {
  if (!(await hasRelation(query, "site_facility_register"))) {
    throw new Error("Kho dữ liệu được dựng trước khi có view site_facility_register: chạy lại npm run ingest.");
  }
  const facilities = await query<FacilityRow>(
    `SELECT establishment_id, name, kind, sector, village, former_unit, workers, founded_year, main_products,
            ocop_stars, supports, support_total, last_support_year, other_activities
       FROM site_facility_register
      ORDER BY establishment_id`
  );
  const supports = await query<SupportRow>(
    `SELECT source, establishment_id, support_id, year, level, content_group, title, status, amount,
            counterpart_amount, jobs_created, result, decision_no, decision_date, paid_amount, completed_on, counted
       FROM site_facility_support
      ORDER BY establishment_id, year, source, support_id`
  );
  return {facilities, supports};
});

writeJson(data);
