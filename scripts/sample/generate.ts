// The sample data set: a deterministic picture of xã Vĩnh Thủy's khuyến công programme in
// late November 2026, written the way the commune office's Excel saves CSV files.
//
// DELIBERATELY BAD ROWS (the rejects page must show exactly these; `line` is the row number
// as a spreadsheet shows it, header = 1). Kept in BAD_ROWS below; the generator checks that
// what it writes matches this list, and test/scripts/sample checks that nothing else fails.
//   1. norms.csv                    line 16  max_amount      neither Mức tối đa nor Tỷ lệ tối đa
//   2. establishments.csv           line 37  workers         "khoảng 10" is not a whole number
//   3. projects_2020_2025.csv       line 13  support_amount  Kinh phí hỗ trợ left empty (required)
//   4. disbursements_2026_q1.csv    line 2   paid_on         impossible date 31/02/2026
//   5. disbursements_2026_q2.csv    line 7   activity_id     HD-2025-07 is not an activity
//   6. disbursements_2026_q3.csv    line 6   voucher_no      voucher PC-014 entered twice
//   7. disbursements_2026_q4.csv    line 4   amount          1.500.000,5 has a fraction of a đồng
//   8. demand_survey_2027.csv       line 14  content_group   "Chuyển đổi số" is not a content group
// The projects file also holds a cell with a line break inside (Alt+Enter), before its bad
// row, so the bad row's spreadsheet line (13) differs from its physical line in the file.
import {existsSync, mkdirSync, readdirSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {codeLabel} from "../../src/lib/contract/codes.js";
import {kindOfFile} from "../../src/lib/contract/kinds.js";
import {dmy, money, writeFile, type Cells, type FileSpec, type SampleRow, type WrittenBadRow} from "./csv.js";
import {COMMUNE, FACILITIES, UNREFERENCED, facility, type Facility} from "./facilities.js";
import {generateProjects, type ProjectRec} from "./history.js";
import {Draw, substream} from "./prng.js";
import {
  FIRST_YEAR_UPDATES,
  SECOND_ACTIVITIES,
  SECOND_PAYMENTS,
  SECOND_PLAN_LINES,
  SECOND_PLAN_TARGETS,
  SECOND_SURVEY,
  SECOND_YEAR,
  SECOND_YEAR_BAD_ROWS
} from "./second-year.js";
import {ACTIVITIES, NORMS, PAYMENTS, PLAN_LINES, PLAN_TARGETS, PLAN_YEAR, type ActivityRec, type PaymentRec, type PlanLineRec, type TargetRec} from "./story.js";
import {SURVEY, type SurveyRec} from "./survey.js";

export const DEFAULT_SEED = 20261125;

export interface BadRow {
  file: string;
  line: number;
  column: string;
}

export const BAD_ROWS: readonly BadRow[] = [
  {file: "norms.csv", line: 16, column: "max_amount"},
  {file: "establishments.csv", line: 37, column: "workers"},
  {file: "projects_2020_2025.csv", line: 13, column: "support_amount"},
  {file: "disbursements_2026_q1.csv", line: 2, column: "paid_on"},
  {file: "disbursements_2026_q2.csv", line: 7, column: "activity_id"},
  {file: "disbursements_2026_q3.csv", line: 6, column: "voucher_no"},
  {file: "disbursements_2026_q4.csv", line: 4, column: "amount"},
  {file: "demand_survey_2027.csv", line: 14, column: "content_group"}
];

export const MARKER_FILE = "DU_LIEU_MAU.txt";

export const MARKER_TEXT = [
  "DỮ LIỆU MẪU - KHÔNG PHẢI SỐ LIỆU THẬT",
  "",
  "Thư mục này chứa dữ liệu MẪU do chương trình tự sinh ra để chạy thử kho dữ liệu và trang",
  "tổng hợp khuyến công xã Vĩnh Thủy. Tên cơ sở, chủ cơ sở, số điện thoại, số CCCD, số quyết",
  "định, số chứng từ và số tiền đều là giả định, không phải hồ sơ thật của xã.",
  "",
  "- Tạo lại dữ liệu mẫu: chạy lệnh `npm run sample` (cùng một hạt giống cho ra đúng các tệp như cũ).",
  "- Dùng số liệu thật: thay các tệp .csv trong thư mục này bằng tệp của văn phòng (lưu từ Excel",
  "  dạng \"CSV UTF-8\"), rồi XÓA tệp DU_LIEU_MAU.txt này. Khi tệp này còn, trang tổng hợp ghi rõ",
  "  là đang hiện dữ liệu mẫu.",
  "- Một vài dòng được cố ý ghi sai (ngày không có thật, số tiền lẻ đồng, mã không có trong danh",
  "  mục...) để phần \"dòng bị loại\" của trang tổng hợp có nội dung minh họa.",
  ""
].join("\n");

// ---------------------------------------------------------------------------------------------
// Cell spellings: mostly the Vietnamese label, sometimes a short form or the code, as offices do.

function labelOrAlias(d: Draw, list: "content_group" | "level" | "kind" | "sector" | "funding_source" | "status", code: string, aliases: readonly string[] = []): string {
  const r = d.rng();
  if (r < 0.12) return code;
  if (r < 0.3 && aliases.length > 0) return d.pick(aliases);
  return codeLabel(list, code);
}

const KIND_SHORT: Record<string, string[]> = {doanh_nghiep: ["DN"], hop_tac_xa: ["HTX"], to_hop_tac: ["THT"], ho_kinh_doanh: ["HKD", "Hộ sản xuất"]};
const SECTOR_SHORT: Record<string, string[]> = {
  che_bien_nlts: ["Chế biến thực phẩm"],
  co_khi: ["Cơ khí"],
  moc: ["Mộc"],
  vat_lieu_xd: ["VLXD"],
  thu_cong_truyen_thong: ["Ngành nghề truyền thống"],
  det_may: ["May mặc"],
  khac: []
};
const CONTENT_SHORT: Record<string, string[]> = {
  may_moc_thiet_bi: ["Máy móc thiết bị", "Ứng dụng máy móc thiết bị"],
  tu_van_thiet_ke: ["Thiết kế bao bì", "Bao bì nhãn mác"],
  san_pham_thi_truong: ["Hội chợ"],
  nang_cao_nang_luc: ["Nâng cao năng lực"]
};

// ---------------------------------------------------------------------------------------------
// Establishments: the register, with fake but realistic personal data.

const SURNAMES = ["Nguyễn", "Trần", "Lê", "Hoàng", "Phan", "Võ", "Đặng", "Hồ", "Ngô", "Dương", "Thái", "Lương", "Trương", "Bùi", "Đỗ", "Mai"];
const MALE_MIDDLE = ["Văn", "Hữu", "Đình", "Quang", "Xuân", "Minh", "Đức", "Công"];
const MALE_GIVEN = ["Hùng", "Dũng", "Sơn", "Hải", "Nam", "Tiến", "Trung", "Bình", "Thắng", "Toàn", "Vinh", "Quý", "Long", "Hòa", "Cường", "Khánh", "Phúc", "Thành"];
const FEMALE_GIVEN = ["Hương", "Lan", "Mai", "Hoa", "Nga", "Thủy", "Yến", "Loan", "Hằng", "Nhung", "Oanh", "Liên", "Hiền", "Thảo"];
/** Owners whose names the facility carries. */
const OWNER_OF: Record<string, {name: string; female: boolean}> = {
  CS006: {name: "Đặng Minh Phát", female: false},
  CS007: {name: "Phan Tiến Đạt", female: false},
  CS010: {name: "Lê Thị Thu Hà", female: true},
  CS011: {name: "Nguyễn Thị Lài", female: true},
  CS014: {name: "Ngô Thành Lợi", female: false},
  CS026: {name: "Trần Văn Lực", female: false},
  CS036: {name: "Võ Thị Thanh Tâm", female: true},
  CS040: {name: "Hoàng Thị Thanh Hương", female: true}
};

interface Person {
  owner: string;
  phone: string;
  nationalId: string;
}

function people(seed: number): Map<string, Person> {
  const d = new Draw(substream(seed, "people"));
  const out = new Map<string, Person>();
  const names = new Set<string>(Object.values(OWNER_OF).map((o) => o.name));
  const phones = new Set<string>();
  const ids = new Set<string>();
  for (const f of FACILITIES) {
    if (f.id === "CS015") continue; // the test record has no owner
    let owner = OWNER_OF[f.id];
    if (!owner) {
      const female = d.chance(0.4);
      let name: string;
      do {
        name = female
          ? `${d.pick(SURNAMES)} Thị ${d.pick(FEMALE_GIVEN)}`
          : `${d.pick(SURNAMES)} ${d.pick(MALE_MIDDLE)} ${d.pick(MALE_GIVEN)}`;
      } while (names.has(name));
      names.add(name);
      owner = {name, female};
    }
    let phone: string;
    do phone = `09${d.pick(["0", "1", "3", "4", "6", "7", "8"])}${d.digits(7)}`;
    while (phones.has(phone));
    phones.add(phone);
    // CCCD: province code 045 (Quảng Trị), gender/century digit, birth year, six digits.
    let nationalId: string;
    do nationalId = `045${owner.female ? 1 : 0}${String(d.int(60, 98))}${d.digits(6)}`;
    while (ids.has(nationalId));
    ids.add(nationalId);
    out.set(f.id, {owner: owner.name, phone, nationalId});
  }
  return out;
}

function establishmentRows(seed: number): SampleRow[] {
  const d = new Draw(substream(seed, "establishments"));
  const persons = people(seed);
  return FACILITIES.map((f): SampleRow => {
    const p = persons.get(f.id);
    const workers = f.kind === "doanh_nghiep" ? d.int(15, 60) : f.kind === "hop_tac_xa" ? d.int(8, 35) : f.kind === "to_hop_tac" ? d.int(6, 20) : d.int(2, 12);
    // The contract reads years 2000–2100 only (see the report): no facility founded earlier.
    const founded = f.kind === "doanh_nghiep" ? d.int(2005, 2020) : f.kind === "hop_tac_xa" ? d.int(2008, 2021) : d.int(2000, 2022);
    const tax =
      f.kind === "doanh_nghiep" || f.kind === "hop_tac_xa" ? `32${d.digits(8)}` : f.kind === "ho_kinh_doanh" && d.chance(0.5) ? `8${d.digits(9)}` : undefined;
    const cells: Cells = {
      establishment_id: f.id,
      name: f.name,
      kind: labelOrAlias(d, "kind", f.kind, KIND_SHORT[f.kind]),
      sector: labelOrAlias(d, "sector", f.sector, SECTOR_SHORT[f.sector]),
      village: f.village,
      former_unit: f.unit,
      owner_name: p?.owner,
      phone: p?.phone,
      national_id: p?.nationalId,
      tax_code: tax,
      workers,
      founded_year: founded,
      main_products: f.products,
      ocop_stars: f.ocop ?? (d.chance(0.5) ? 0 : undefined)
    };
    if (f.id === "CS015") {
      cells.tax_code = undefined;
      cells.ocop_stars = undefined;
    }
    if (f.id === "CS036") {
      cells.workers = "khoảng 10";
      return {cells, bad: {column: "workers", why: "số lao động viết bằng chữ \"khoảng 10\", không phải số nguyên"}};
    }
    return {cells};
  });
}

// ---------------------------------------------------------------------------------------------

function projectRows(seed: number, projects: readonly ProjectRec[]): SampleRow[] {
  const d = new Draw(substream(seed, "project-cells"));
  const firstOf2020Batch = projects.find((p) => p.year === 2020 && p.level === "huyen" && p.content === "may_moc_thiet_bi");
  const lastHuyen2020 = [...projects].reverse().find((p) => p.year === 2020 && p.level === "huyen" && p.content === "may_moc_thiet_bi");
  return projects.map((p): SampleRow => {
    const counterpart = p.counterpart;
    const cells: Cells = {
      project_id: p.id,
      year: p.year,
      level: labelOrAlias(d, "level", p.level, p.level === "huyen" ? ["Huyện"] : p.level === "tinh" ? ["Tỉnh"] : p.level === "quoc_gia" ? ["KCQG"] : ["Xã"]),
      content_group: labelOrAlias(d, "content_group", p.content, CONTENT_SHORT[p.content]),
      title: p.title,
      establishment_id: p.byName ? undefined : p.facility?.id,
      establishment_name: p.byName,
      former_unit: p.unit,
      decision_no: p.decisionNo,
      decision_date: dmy(p.decisionDate),
      total_investment: money(p.support + (counterpart ?? 0)),
      support_amount: money(p.support),
      counterpart_amount: counterpart === undefined ? undefined : money(counterpart),
      jobs_created: p.jobs,
      result: p.result
    };
    if (p === firstOf2020Batch) {
      // Alt+Enter inside a cell: a line break within the quoted cell.
      cells.result = `Đã nghiệm thu ngày ${dmy(p.decisionDate.slice(0, 4) + "-11-20")}.\n${p.result}`;
    }
    if (p === lastHuyen2020) {
      cells.support_amount = undefined;
      return {cells, bad: {column: "support_amount", why: "thiếu Kinh phí hỗ trợ (ô bỏ trống)"}};
    }
    return {cells};
  });
}

function activityRows(seed: number, activities: readonly ActivityRec[], year: number, stream: string): SampleRow[] {
  const d = new Draw(substream(seed, stream));
  return activities.map((a): SampleRow => {
    const f = a.facilityId ? facility(a.facilityId) : undefined;
    return {
      cells: {
        activity_id: a.id,
        year,
        line_no: a.line,
        content_group: labelOrAlias(d, "content_group", a.content, CONTENT_SHORT[a.content]),
        indicator: a.indicator,
        output_qty: a.qty ?? 1,
        title: a.title,
        establishment_id: a.facilityId,
        level: labelOrAlias(d, "level", a.level, a.level === "xa" ? ["Xã"] : a.level === "tinh" ? ["Tỉnh"] : ["KCQG"]),
        status: year === PLAN_YEAR && a.id === "HD-02" ? "hoan_thanh" : codeLabel("status", a.status),
        approved_amount: a.approved === undefined ? undefined : money(a.approved),
        counterpart_amount: a.counterpart === undefined ? undefined : money(a.counterpart),
        decision_no: a.decisionNo,
        decision_date: a.decisionDate ? dmy(a.decisionDate) : undefined,
        completed_on: a.completedOn ? dmy(a.completedOn) : undefined,
        participants: a.participants,
        jobs_created: a.jobs,
        note: a.note,
        carried_from_year: a.carriedFrom?.year,
        carried_from_id: a.carriedFrom?.id,
        "Tên cơ sở (tham khảo)": f?.name
      }
    };
  });
}

const SOURCE_CELL: Record<string, readonly string[]> = {
  xa: ["Ngân sách xã", "Ngân sách xã", "Ngân sách xã", "NS xã", "xa"],
  tinh: ["Kinh phí khuyến công tỉnh", "Tỉnh"],
  quoc_gia: ["Kinh phí khuyến công quốc gia"],
  chuyen_nguon: ["Kinh phí năm trước chuyển sang"]
};

function quarterOf(p: PaymentRec): number {
  return Math.floor((Number(p.date.slice(5, 7)) - 1) / 3) + 1;
}

function disbursementFiles(seed: number, payments: readonly PaymentRec[], year: number, stream: string): FileSpec[] {
  const d = new Draw(substream(seed, stream));
  const byQuarter: SampleRow[][] = [[], [], [], []];
  let n = 0;
  for (const p of payments) {
    if (!p.duplicate) n++;
    const cells: Cells = {
      voucher_no: `PC-${String(n).padStart(3, "0")}`,
      paid_on: p.dateCell ?? dmy(p.date),
      activity_id: p.activityId,
      amount: p.amountCell ?? money(p.amount),
      funding_source: d.pick(SOURCE_CELL[p.source]!),
      payee: p.payee,
      description: p.description,
      plan_year: p.planYear,
      "Ghi chú": p.note
    };
    byQuarter[quarterOf(p) - 1]!.push(p.bad ? {cells, bad: p.bad} : {cells});
  }
  // The plan-year column only where the year's vouchers need it (a January payment of last year's work).
  const columns = ["voucher_no", "paid_on", "activity_id", "amount", "funding_source", "payee", "description", ...(payments.some((p) => p.planYear !== undefined) ? ["plan_year"] : [])];
  const quarters = byQuarter.map((rows, i) => ({rows, q: i + 1})).filter((f) => year === PLAN_YEAR || f.rows.length > 0);
  return quarters.map(({rows, q}): FileSpec => {
    const spec: FileSpec = {name: `disbursements_${year}_q${q}.csv`, kind: "disbursements", delimiter: ";", columns, rows};
    if (year !== PLAN_YEAR) return spec;
    if (q === 3) {
      // Another clerk's sheet: unaccented headers and aliases, another column order.
      spec.columns = ["paid_on", "voucher_no", "activity_id", "description", "amount", "funding_source", "payee"];
      spec.headers = {paid_on: "Ngay chi", voucher_no: "So CT", activity_id: "Ma HD", description: "Dien giai", amount: "So tien", funding_source: "Nguon kinh phi", payee: "Don vi nhan"};
    }
    if (q === 4) spec.extraColumns = ["Ghi chú"];
    return spec;
  });
}

function surveyRows(survey: readonly SurveyRec[], forYear: number): SampleRow[] {
  return survey.map((s, i): SampleRow => {
    const cells: Cells = {
      survey_id: `KS-${String(i + 1).padStart(2, "0")}`,
      for_year: forYear,
      establishment_id: s.facilityId,
      establishment_name: s.facilityId ? facility(s.facilityId).name : s.name,
      content_group: s.contentCell ?? codeLabel("content_group", s.content),
      description: s.description,
      estimated_cost: money(s.estimated) + (s.suffix ? " đ" : ""),
      requested_support: money(s.requested),
      priority: s.priority,
      surveyed_on: dmy(s.on)
    };
    return s.bad ? {cells, bad: s.bad} : {cells};
  });
}

// ---------------------------------------------------------------------------------------------

export interface SampleOptions {
  /** Add the second plan year (SECOND_YEAR, second-year.ts) beside the first. */
  secondYear?: boolean;
}

export function sampleFiles(seed: number = DEFAULT_SEED, options: SampleOptions = {}): FileSpec[] {
  const projects = generateProjects(seed);
  const referenced = new Set<string>([
    ...projects.flatMap((p) => (p.facility ? [p.facility.id] : [])),
    ...[...ACTIVITIES, ...SECOND_ACTIVITIES].flatMap((a) => (a.facilityId ? [a.facilityId] : [])),
    ...[...SURVEY, ...SECOND_SURVEY].flatMap((s) => (s.facilityId ? [s.facilityId] : []))
  ]);
  for (const id of UNREFERENCED) if (referenced.has(id)) throw new Error(`${id} must not be referenced`);

  return [
    {
      name: "xa.csv",
      kind: "communes",
      delimiter: ",",
      columns: ["commune_code", "name", "province", "former_unit"],
      rows: COMMUNE.formerUnits.map((u): SampleRow => ({cells: {commune_code: COMMUNE.code, name: COMMUNE.name, province: COMMUNE.province, former_unit: u}}))
    },
    ...planFiles(PLAN_YEAR, PLAN_LINES, PLAN_TARGETS),
    {
      name: "norms.csv",
      kind: "norms",
      delimiter: ",",
      columns: ["content_group", "description", "max_amount", "max_percent", "level", "legal_basis", "valid_from", "valid_to"],
      rows: NORMS.map((n): SampleRow => {
        const cells: Cells = {
          content_group: codeLabel("content_group", n.content),
          description: n.description,
          max_amount: n.maxAmount === undefined ? undefined : money(n.maxAmount),
          max_percent: n.maxPercent === undefined ? undefined : `${n.maxPercent}%`,
          level: n.level === undefined ? undefined : codeLabel("level", n.level),
          legal_basis: n.legal,
          valid_from: dmy(n.from),
          valid_to: n.to ? dmy(n.to) : undefined
        };
        return n.bad ? {cells, bad: {column: "max_amount", why: "không có Mức tối đa lẫn Tỷ lệ tối đa"}} : {cells};
      })
    },
    {
      name: "establishments.csv",
      kind: "establishments",
      delimiter: ";",
      columns: ["establishment_id", "name", "kind", "sector", "village", "former_unit", "owner_name", "phone", "national_id", "tax_code", "workers", "founded_year", "main_products", "ocop_stars"],
      rows: establishmentRows(seed)
    },
    {
      name: "projects_2020_2025.csv",
      kind: "projects",
      delimiter: "\t",
      columns: ["project_id", "year", "level", "content_group", "title", "establishment_id", "establishment_name", "former_unit", "decision_no", "decision_date", "total_investment", "support_amount", "counterpart_amount", "jobs_created", "result"],
      rows: projectRows(seed, projects)
    },
    activityFile(
      PLAN_YEAR,
      activityRows(seed, options.secondYear ? ACTIVITIES.map((a) => ({...a, ...FIRST_YEAR_UPDATES[a.id]})) : ACTIVITIES, PLAN_YEAR, "activity-cells")
    ),
    ...disbursementFiles(seed, PAYMENTS, PLAN_YEAR, "disbursement-cells"),
    surveyFile(PLAN_YEAR + 1, SURVEY),
    ...(options.secondYear
      ? [
          ...planFiles(SECOND_YEAR, SECOND_PLAN_LINES, SECOND_PLAN_TARGETS),
          activityFile(SECOND_YEAR, activityRows(seed, SECOND_ACTIVITIES, SECOND_YEAR, `activity-cells-${SECOND_YEAR}`)),
          ...disbursementFiles(seed, SECOND_PAYMENTS, SECOND_YEAR, `disbursement-cells-${SECOND_YEAR}`),
          surveyFile(SECOND_YEAR + 1, SECOND_SURVEY)
        ]
      : [])
  ];
}

function planFiles(year: number, lines: readonly PlanLineRec[], targets: readonly TargetRec[]): FileSpec[] {
  return [
    {
      name: `plan_lines_${year}.csv`,
      kind: "plan_lines",
      delimiter: ";",
      columns: ["year", "line_no", "content_group", "description", "quantity", "unit_amount", "total_amount", "funding_source", "note"],
      rows: lines.map((l) => ({
        cells: {
          year,
          line_no: l.line,
          content_group: codeLabel("content_group", l.content),
          description: l.description,
          quantity: String(l.quantity).padStart(2, "0"),
          unit_amount: money(l.unit),
          total_amount: money(l.quantity * l.unit),
          funding_source: codeLabel("funding_source", l.source ?? "xa"),
          note: l.note
        }
      }))
    },
    {
      name: `plan_targets_${year}.csv`,
      kind: "plan_targets",
      delimiter: ";",
      columns: ["year", "indicator", "content_group", "description", "unit", "target_min", "target_max"],
      rows: targets.map((t) => ({
        cells: {
          year,
          indicator: t.indicator,
          content_group: codeLabel("content_group", t.content),
          description: t.description,
          unit: t.unit,
          target_min: String(t.min).padStart(2, "0"),
          target_max: String(t.max).padStart(2, "0")
        }
      }))
    }
  ];
}

function activityFile(year: number, rows: SampleRow[]): FileSpec {
  const carried = rows.some((r) => r.cells.carried_from_id !== undefined);
  return {
    name: `activities_${year}.csv`,
    kind: "activities",
    delimiter: ";",
    columns: [
      "activity_id", "year", "line_no", "content_group", "indicator", "output_qty", "title", "establishment_id", "level", "status", "approved_amount",
      "counterpart_amount", "decision_no", "decision_date", "completed_on", "participants", "jobs_created", "note",
      ...(carried ? ["carried_from_year", "carried_from_id"] : [])
    ],
    extraColumns: ["Tên cơ sở (tham khảo)"],
    rows
  };
}

function surveyFile(forYear: number, survey: readonly SurveyRec[]): FileSpec {
  return {
    name: `demand_survey_${forYear}.csv`,
    kind: "demand_survey",
    delimiter: ";",
    columns: ["survey_id", "for_year", "establishment_id", "establishment_name", "content_group", "description", "estimated_cost", "requested_support", "priority", "surveyed_on"],
    rows: surveyRows(survey, forYear)
  };
}

export interface WrittenFile {
  name: string;
  kind: string;
  rows: number;
  bytes: number;
}

export interface GenerateResult {
  files: WrittenFile[];
  bad: WrittenBadRow[];
  /** CSV files of a known kind already in the folder that the sample does not write. */
  strangers: string[];
}

/** Writes the sample into `outDir` (created if needed). Same seed ⇒ byte-identical files. */
export function generateSample(outDir: string, seed: number = DEFAULT_SEED, options: SampleOptions = {}): GenerateResult {
  mkdirSync(outDir, {recursive: true});
  const specs = sampleFiles(seed, options);
  const files: WrittenFile[] = [];
  const bad: WrittenBadRow[] = [];
  for (const spec of specs) {
    if (kindOfFile(spec.name) !== spec.kind) throw new Error(`${spec.name} is not read as ${spec.kind}`);
    const w = writeFile(outDir, spec);
    files.push({name: spec.name, kind: spec.kind, rows: w.rows, bytes: w.bytes});
    bad.push(...w.bad);
  }
  writeFileSync(join(outDir, MARKER_FILE), MARKER_TEXT, "utf8");
  if (seed === DEFAULT_SEED) checkBadRows(bad, options.secondYear ? [...BAD_ROWS, ...SECOND_YEAR_BAD_ROWS] : BAD_ROWS);
  const written = new Set(specs.map((s) => s.name));
  const strangers = existsSync(outDir)
    ? readdirSync(outDir).filter((n) => kindOfFile(n) !== undefined && !written.has(n)).sort()
    : [];
  return {files, bad, strangers};
}

/** The documented list above must be what was written. */
function checkBadRows(bad: readonly WrittenBadRow[], documented: readonly BadRow[]): void {
  const key = (b: BadRow) => `${b.file}:${b.line}:${b.column}`;
  const got = bad.map(key).sort().join("\n");
  const want = documented.map(key).sort().join("\n");
  if (got !== want) throw new Error(`BAD_ROWS is out of date; written:\n${got}`);
}

export type {Facility};
