// Supported projects 2020–2025 (history, all programme levels), in the shape of the former
// Vĩnh Linh district's practice: each year 10–13 district projects of 12–35 triệu (2022: 13
// projects, 365 triệu), 4–6 provincial ones of 60–120 triệu (2022: 6, 505 triệu), a national
// one every two years; districts end on 1/7/2025, so 2025's second half is commune level.
import {iso, type SampleRow} from "./csv.js";
import {FACILITIES, NEVER_SUPPORTED, TONE_VARIANTS, UNREFERENCED, type Facility} from "./facilities.js";
import {Draw, substream} from "./prng.js";

export type Level = "huyen" | "tinh" | "quoc_gia" | "xa";
export type Content = "may_moc_thiet_bi" | "tu_van_thiet_ke" | "san_pham_thi_truong" | "nang_cao_nang_luc";

export interface ProjectRec {
  id: string;
  year: number;
  level: Level;
  content: Content;
  title: string;
  facility?: Facility;
  /** Written by name only (other tone placement than the register), no id. */
  byName?: string;
  unit?: string;
  decisionNo: string;
  decisionDate: string;
  support: number;
  counterpart?: number;
  jobs?: number;
  result: string;
}

const TR = 1_000_000;

interface YearPlan {
  year: number;
  huyen: number;
  huyenTotal?: number;
  /** 2023: machines and packaging only. */
  machinesAndPackagingOnly?: boolean;
  tinh: number;
  tinhTotal?: number;
  qg?: string;
  xa?: number;
}

const YEARS: readonly YearPlan[] = [
  {year: 2020, huyen: 12, tinh: 4},
  {year: 2021, huyen: 11, tinh: 5, qg: "CS003"},
  {year: 2022, huyen: 13, huyenTotal: 365 * TR, tinh: 6, tinhTotal: 505 * TR},
  {year: 2023, huyen: 11, machinesAndPackagingOnly: true, tinh: 5, qg: "CS030"},
  {year: 2024, huyen: 12, tinh: 4},
  {year: 2025, huyen: 6, tinh: 4, qg: "CS016", xa: 3}
];

/** Facilities that must have a district project in a given year (the by-name projects). */
const FORCED: Readonly<Record<number, readonly {content: Content; id: string; byName?: boolean}[]>> = {
  2020: [{content: "may_moc_thiet_bi", id: "CS024", byName: true}],
  2021: [{content: "may_moc_thiet_bi", id: "CS001", byName: true}],
  2022: [{content: "may_moc_thiet_bi", id: "CS002", byName: true}]
};

const FAIRS = [
  "Hội chợ Thương mại - Du lịch tỉnh Quảng Trị",
  "Hội chợ Công Thương khu vực Bắc Trung Bộ",
  "Hội chợ OCOP tỉnh Quảng Trị",
  "Tuần hàng Việt tại thành phố Đông Hà"
];
const TRAININGS = [
  "nâng cao năng lực quản lý sản xuất",
  "sản xuất sạch hơn trong công nghiệp",
  "khởi sự và quản trị doanh nghiệp nhỏ",
  "bán hàng trên sàn thương mại điện tử",
  "an toàn vệ sinh thực phẩm trong chế biến"
];

const pool = FACILITIES.filter(
  (f) => !(NEVER_SUPPORTED as readonly string[]).includes(f.id) && !(UNREFERENCED as readonly string[]).includes(f.id)
);
/** Packaging in 2026 goes to these; their history has none. */
const PACKAGING_2026 = ["CS001", "CS012"];
const forMarket = pool.filter((f) => f.sector === "che_bien_nlts" || f.sector === "thu_cong_truyen_thong");

/** Who got what so far: a facility buys each of its machines once, gets packaging once. */
class Ledger {
  readonly machinesUsed = new Map<string, number>();
  readonly packaged = new Set<string>(PACKAGING_2026);
  /** Machines kept for a later national model. */
  readonly reserved = new Map<string, number>();

  remaining(f: Facility): number {
    return f.machines.length - (this.machinesUsed.get(f.id) ?? 0) - (this.reserved.get(f.id) ?? 0);
  }

  release(f: Facility): void {
    this.reserved.set(f.id, (this.reserved.get(f.id) ?? 1) - 1);
  }

  /** The next machine of the facility; throws when it has none left. */
  takeMachine(f: Facility): string {
    const used = this.machinesUsed.get(f.id) ?? 0;
    const m = f.machines[used];
    if (m === undefined) throw new Error(`${f.id} has no machine left`);
    this.machinesUsed.set(f.id, used + 1);
    return m;
  }
}

function pickWeighted(d: Draw, candidates: readonly Facility[], weight: (f: Facility) => number): Facility {
  const weighted: Facility[] = [];
  for (const f of candidates) for (let i = 0; i < weight(f); i++) weighted.push(f);
  return d.pick(weighted);
}

function pickMachineFacility(d: Draw, ledger: Ledger, used: Set<string>, preferBig = false): Facility {
  const candidates = pool.filter((f) => !used.has(f.id) && ledger.remaining(f) > 0);
  const f = pickWeighted(d, candidates, (x) => ledger.remaining(x) * (preferBig && x.kind !== "ho_kinh_doanh" ? 2 : 1));
  used.add(f.id);
  return f;
}

function pickPackagingFacility(d: Draw, ledger: Ledger, used: Set<string>): Facility {
  const candidates = forMarket.filter((f) => !used.has(f.id) && !ledger.packaged.has(f.id));
  const f = d.pick(candidates);
  used.add(f.id);
  ledger.packaged.add(f.id);
  return f;
}

function pickFairFacility(d: Draw, used: Set<string>): Facility {
  const f = d.pick(forMarket.filter((x) => !used.has(x.id)));
  used.add(f.id);
  return f;
}

/** Amounts in [lo, hi] (multiples of step) whose sum is exactly `total`. */
function amountsSumming(d: Draw, bounds: readonly [number, number][], step: number, total: number): number[] {
  const out = bounds.map(([lo, hi]) => d.step(lo, hi, step));
  let diff = total - out.reduce((a, b) => a + b, 0);
  const lowSum = bounds.reduce((a, [lo]) => a + lo, 0);
  const highSum = bounds.reduce((a, [, hi]) => a + hi, 0);
  if (total < lowSum || total > highSum || total % step !== 0) throw new Error(`cannot reach ${total}`);
  let guard = 0;
  while (diff !== 0) {
    if (++guard > 1_000_000) throw new Error("amountsSumming did not converge");
    const i = d.int(0, out.length - 1);
    const delta = Math.sign(diff) * step;
    const next = out[i]! + delta;
    const [lo, hi] = bounds[i]!;
    if (next < lo || next > hi) continue;
    out[i] = next;
    diff -= delta;
  }
  return out;
}

function dateIn(d: Draw, year: number, fromMonth: number, toMonth: number): string {
  const month = d.int(fromMonth, toMonth);
  return iso(year, month, d.int(1, 28));
}

function counterpartFor(d: Draw, support: number, lo: number, hi: number): number {
  return Math.round((support * d.float(lo, hi)) / 10_000) * 10_000;
}

function machineResult(d: Draw): string {
  const gain = d.step(20, 50, 5);
  return d.pick([
    `Đã nghiệm thu, máy hoạt động ổn định; năng suất tăng khoảng ${gain}%`,
    `Đã nghiệm thu, đưa vào sản xuất; năng suất tăng khoảng ${gain}%, giảm lao động thủ công nặng nhọc`,
    `Thiết bị vận hành tốt; sản lượng tăng khoảng ${gain}%, chất lượng sản phẩm đồng đều hơn`
  ]);
}

export function generateProjects(seed: number): ProjectRec[] {
  const d = new Draw(substream(seed, "projects"));
  const out: ProjectRec[] = [];
  const ledger = new Ledger();
  for (const y of YEARS) if (y.qg) ledger.reserved.set(y.qg, (ledger.reserved.get(y.qg) ?? 0) + 1);

  for (const y of YEARS) {
    const used = new Set<string>();
    const forced = [...(FORCED[y.year] ?? [])];
    // The national model's facility and machine are settled first.
    const qg = y.qg ? pool.find((x) => x.id === y.qg)! : undefined;
    if (qg) ledger.release(qg);
    const qgMachine = qg ? ledger.takeMachine(qg) : "";
    if (qg) used.add(qg.id);

    // District level (Khuyến công huyện): slots, then amounts summing to the year's total.
    const contents: Content[] = [];
    if (!y.machinesAndPackagingOnly) contents.push("nang_cao_nang_luc");
    if (!y.machinesAndPackagingOnly && y.year !== 2025) contents.push("san_pham_thi_truong");
    const packaging = y.huyen >= 10 ? 2 : 1;
    for (let i = 0; i < packaging; i++) contents.push("tu_van_thiet_ke");
    while (contents.length < y.huyen) contents.push("may_moc_thiet_bi");
    const bounds = contents.map((c): [number, number] =>
      c === "may_moc_thiet_bi" ? [15 * TR, 35 * TR] : c === "tu_van_thiet_ke" ? [12 * TR, 30 * TR] : [12 * TR, 20 * TR]
    );
    const highSum = bounds.reduce((a, [, hi]) => a + hi, 0);
    const huyenTotal =
      y.huyenTotal ??
      (y.year === 2025
        ? d.step(150 * TR, Math.min(175 * TR, highSum - 15 * TR), 5 * TR)
        : d.step(300 * TR, Math.min(345 * TR, highSum - 20 * TR), 5 * TR));
    const amounts = amountsSumming(d, bounds, 500_000, huyenTotal);
    // Two approval batches a year; 2025's end before the districts do (30/6/2025).
    const [aFrom, aTo, bFrom, bTo] = y.year === 2025 ? [2, 3, 5, 6] : [3, 5, 6, 9];
    const batchA = {no: d.int(250, 900), date: dateIn(d, y.year, aFrom, aTo)};
    const batchB = {no: batchA.no + d.int(150, 900), date: dateIn(d, y.year, bFrom, bTo)};
    contents.forEach((content, i) => {
      const batch = i % 5 < 3 ? batchA : batchB;
      const support = amounts[i]!;
      const base = {id: "", year: y.year, level: "huyen" as const, content, decisionNo: `${batch.no}/QĐ-UBND`, decisionDate: batch.date, support};
      if (content === "nang_cao_nang_luc") {
        const people = d.int(25, 40);
        out.push({
          ...base,
          title: `Tập huấn ${d.pick(TRAININGS)} cho các cơ sở CNNT trên địa bàn huyện`,
          unit: d.pick(["Vĩnh Thủy", "Vĩnh Lâm", "Vĩnh Sơn"]),
          result: `Đã tổ chức 01 lớp, ${people} học viên tham gia`
        });
        return;
      }
      const fi = forced.findIndex((f) => f.content === content);
      let f: Facility;
      let byName: string | undefined;
      if (fi >= 0) {
        const forcedPick = forced.splice(fi, 1)[0]!;
        f = pool.find((x) => x.id === forcedPick.id)!;
        used.add(f.id);
        if (content === "tu_van_thiet_ke") ledger.packaged.add(f.id);
        if (forcedPick.byName) byName = TONE_VARIANTS[f.id];
      } else if (content === "may_moc_thiet_bi") {
        f = pickMachineFacility(d, ledger, used);
      } else if (content === "tu_van_thiet_ke") {
        f = pickPackagingFacility(d, ledger, used);
      } else {
        f = pickFairFacility(d, used);
      }
      const rec: ProjectRec = {...base, title: "", facility: f, unit: f.unit, support, result: ""};
      if (byName) rec.byName = byName;
      const shownName = byName ?? f.name;
      if (content === "may_moc_thiet_bi") {
        rec.title = `Hỗ trợ ứng dụng ${ledger.takeMachine(f)} tại ${shownName}`;
        rec.counterpart = counterpartFor(d, support, 1.5, 4);
        rec.jobs = f.kind === "ho_kinh_doanh" ? d.int(0, 4) : d.int(2, 8);
        rec.result = machineResult(d);
      } else if (content === "tu_van_thiet_ke") {
        rec.title = `Hỗ trợ thiết kế bao bì, nhãn mác và đăng ký nhãn hiệu sản phẩm ${f.product}`;
        rec.counterpart = counterpartFor(d, support, 1.5, 2.5);
        rec.jobs = d.int(0, 2);
        rec.result = d.pick([
          "Đã hoàn thành bộ nhận diện, bao bì mới; được cấp Giấy chứng nhận đăng ký nhãn hiệu",
          "Đã in bao bì mới; sản phẩm được bày bán tại các cửa hàng OCOP trong tỉnh",
          "Hoàn thành thiết kế mẫu mã, tem truy xuất nguồn gốc QR"
        ]);
      } else {
        const fair = d.pick(FAIRS);
        rec.title = `Hỗ trợ ${shownName} tham gia ${fair} năm ${y.year}`;
        rec.counterpart = counterpartFor(d, support, 1.5, 2);
        rec.jobs = 0;
        rec.result = `Giới thiệu sản phẩm, ký ${d.int(2, 6)} hợp đồng bao tiêu; doanh thu tại hội chợ khoảng ${d.int(30, 90)} triệu đồng`;
      }
      out.push(rec);
    });
    if (forced.length > 0) throw new Error(`forced projects not placed in ${y.year}`);

    // Provincial level (Khuyến công tỉnh): machine models, 60–120 triệu.
    const tinhBounds = Array.from({length: y.tinh}, (): [number, number] => [60 * TR, 120 * TR]);
    const tinhTotal = y.tinhTotal ?? d.step(y.tinh * 75 * TR, y.tinh * 95 * TR, 5 * TR);
    const tinhAmounts = amountsSumming(d, tinhBounds, 1 * TR, tinhTotal);
    for (const support of tinhAmounts) {
      const f = pickMachineFacility(d, ledger, used, true);
      out.push({
        id: "",
        year: y.year,
        level: "tinh",
        content: "may_moc_thiet_bi",
        title: `Xây dựng mô hình ứng dụng ${ledger.takeMachine(f)} trong sản xuất ${f.product}`,
        facility: f,
        unit: f.unit,
        decisionNo: `${d.int(100, 750)}/QĐ-SCT`,
        decisionDate: dateIn(d, y.year, 4, 10),
        support,
        counterpart: counterpartFor(d, support, 1.5, 3),
        jobs: d.int(2, 8),
        result: machineResult(d)
      });
    }

    // National level (Khuyến công quốc gia): a demonstration model every two years.
    if (qg) {
      const f = qg;
      const support = d.step(200 * TR, 300 * TR, 5 * TR);
      out.push({
        id: "",
        year: y.year,
        level: "quoc_gia",
        content: "may_moc_thiet_bi",
        title: `Mô hình trình diễn kỹ thuật ${qgMachine} tại ${f.name}`,
        facility: f,
        unit: f.unit,
        decisionNo: `${d.int(1000, 3500)}/QĐ-BCT`,
        decisionDate: dateIn(d, y.year, 3, 6),
        support,
        counterpart: counterpartFor(d, support, 2.4, 3),
        jobs: d.int(5, 8),
        result: machineResult(d) + "; mô hình được tổ chức hội thảo trình diễn cho các cơ sở trong vùng"
      });
    }

    // Commune level (Khuyến công xã), after the merger of 1/7/2025.
    for (let i = 0; i < (y.xa ?? 0); i++) {
      const content: Content = i === 2 ? "tu_van_thiet_ke" : "may_moc_thiet_bi";
      const f = content === "may_moc_thiet_bi" ? pickMachineFacility(d, ledger, used) : pickPackagingFacility(d, ledger, used);
      const support = d.step(10 * TR, 20 * TR, 500_000);
      const rec: ProjectRec = {
        id: "",
        year: y.year,
        level: "xa",
        content,
        title:
          content === "may_moc_thiet_bi"
            ? `Hỗ trợ ứng dụng ${ledger.takeMachine(f)} tại ${f.name}`
            : `Hỗ trợ thiết kế bao bì, nhãn mác sản phẩm ${f.product}`,
        facility: f,
        unit: f.unit,
        decisionNo: `${d.int(20, 160)}/QĐ-UBND`,
        decisionDate: dateIn(d, y.year, 8, 12),
        support,
        counterpart: counterpartFor(d, support, 1.5, 3),
        jobs: d.int(0, 3),
        result: content === "may_moc_thiet_bi" ? machineResult(d) : "Đã hoàn thành thiết kế bao bì, nhãn mác"
      };
      out.push(rec);
    }
  }

  // Order as the office keeps the sheet: by year, then decision date; ids follow that order.
  const levelOrder: Level[] = ["huyen", "tinh", "quoc_gia", "xa"];
  out.sort(
    (a, b) =>
      a.year - b.year ||
      levelOrder.indexOf(a.level) - levelOrder.indexOf(b.level) ||
      a.decisionDate.localeCompare(b.decisionDate)
  );
  const counters = new Map<string, number>();
  const prefix: Record<Level, string> = {huyen: "H", tinh: "T", quoc_gia: "QG", xa: "X"};
  for (const p of out) {
    const key = `${p.year}-${p.level}`;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    p.id = `DA-${p.year}-${prefix[p.level]}${String(n).padStart(2, "0")}`;
  }
  return out;
}
