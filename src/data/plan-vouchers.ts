// Data loader for Kế hoạch – Thực hiện: every voucher (số chứng từ, ngày chi, số tiền: negative =
// recovery, nguồn, đơn vị nhận, diễn giải) with its activity and that activity's year.
import type {Voucher} from "../components/budget-model.js";
import type {Row, Sources} from "../lib/warehouse/json.js";

/** A voucher row, as the page's model reads it. */
export type PlanVoucher = Voucher & Row;

export default async function planVouchers({query}: Sources) {
  return query<PlanVoucher>(
    `SELECT year, voucher_no, paid_on, activity_id, amount, funding_source, payee, description
       FROM site_plan_vouchers WHERE commune_code = $commune ORDER BY paid_on, voucher_no`
  );
}
