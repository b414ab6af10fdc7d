// The draft plan of next year (dự thảo kế hoạch khuyến công năm sau) as a pure function of the
// warehouse's rows, in two steps. draftInputs() sums up what the rules need of the rows (the year's
// requests with their facility's last support, the earlier plan by content group, past unit costs,
// the carry-over proposal, the targets): it reads every project and activity, so it runs where the
// warehouse is (the page's data loader, the command line). draftPlan() applies the rules to those
// inputs for an envelope and the quantities staff set: browser-safe, the page recomputes it live,
// and the documents' command runs the same two functions. Money is bigint đồng.
//
// The rules, in the order they apply (DRAFT_RULES below says them to the user in Vietnamese):
// 0. Start from the plan. The latest earlier plan's new-money lines (not chuyển nguồn) give the
//    draft's lines, their order and wording. A line whose activities were not tied to a facility
//    (a study tour, the survey and database line), or that nobody asked for when it had none, is
//    a standing line: it keeps its quantity and unit (the unit within the norm's max_amount).
// 1. Cap. Each survey request of the year is capped by the norm of its content group valid on
//    1 January of the year for commune-level support (level `xa`, or no level when no norm is set
//    for `xa`): min(requested, max_amount, max_percent × estimated_cost). When several such norms
//    are valid, the one with the latest valid_from governs, and among norms starting on the same
//    day the strictest cap is applied (staff can raise a figure by hand).
// 2. Price. The other lines are priced per content group by one unit ("Kinh phí hỗ trợ", the most
//    a slot gets): the unit of the group's line in the latest earlier plan; without one, the
//    average approved amount per output of the group's commune-level activities of earlier years;
//    without one, the average capped request. Averages are rounded down to whole triệu (to whole
//    nghìn below one triệu). The unit never exceeds the norm's max_amount, nor the largest capped
//    request of the group. Each request is proposed at min(its capped amount, the unit), and the
//    line's total is the sum of what its requests are proposed (a slot added by staff costs the
//    unit), so the appendix, the text and the table add up alike.
// 3. Rank. Requests are ranked: facilities never supported (no project, no approved activity)
//    first, then those whose last support is oldest; then survey priority 1 → 3 (empty last);
//    then earlier survey date (empty last); then survey id. Requests not tied to one facility
//    (commune-wide work) rank with the never-supported. A request in a standing line's group is
//    the commune's own work: not funded on its own.
// 4. Envelope. The envelope (by default the year before's new money) holds the standing lines
//    first; then, in rank order, each plan line's requests up to the line's earlier quantity (so
//    no line of the plan is crowded out by another); then the money left, in rank order. Each
//    request is taken whole at what it is proposed while the running total stays within it; one
//    that no longer fits is left out with the reason, and smaller ones further down still count.
// 5. Carry-over (chuyển nguồn). The evaluation of the year before proposes it, by its rule
//    (src/lib/plan/carry-over.ts); each proposed activity is its own line outside the envelope.
// 6. Adjust. Staff may set any line's quantity; its total is recomputed, the envelope is checked
//    again and an overrun is reported, never silently cut.
// 7. Targets. Section IV's indicators are the earlier plan's, as ranges from the funded quantities.
import type {Activity, DemandSurvey, Establishment, Norm, PlanLine, PlanTarget, Project} from "../contract/kinds.js";
import {codeLists, committedStatuses, type ContentGroup} from "../contract/codes.js";
import type {CarryOverItem} from "./carry-over.js";
import {formatMoney, withoutFinalDots} from "../format.js";
import {packRows, unpackRows, type PackedRows} from "./json.js";
import {nameKey} from "../parse/text.js";

/** The warehouse's rows the draft is made from (draftInputs sums them up). */
export interface DraftRows {
  survey: readonly DemandSurvey[];
  norms: readonly Norm[];
  /** Plan lines of earlier years (the latest one's new-money lines give order, wording, quantities and unit costs). */
  planLines: readonly PlanLine[];
  /** Targets of earlier plans: the latest one's give section IV's indicators. */
  planTargets?: readonly PlanTarget[];
  activities: readonly Activity[];
  projects: readonly Project[];
  /** The carry-over proposal of the year before, as its evaluation computed it (src/lib/plan/carry-over.ts). */
  carryOver?: readonly CarryOverItem[];
  establishments?: readonly Pick<Establishment, "establishment_id" | "name">[];
}

/** A survey request of the draft's year with what the rows say of its facility. */
export type DraftRequest = Pick<DemandSurvey, "survey_id" | "establishment_id" | "content_group" | "description" | "priority" | "surveyed_on" | "estimated_cost" | "requested_support"> & {
  /** The register's name of the facility, else the survey's; both absent: a commune-wide request. */
  establishment_name?: string;
  /** Last year the facility was supported (any project; any approved, not cancelled activity); absent when never. */
  lastSupported?: number;
};

/** A content group's lines in the latest earlier plan (new money), as the rules read them. */
export interface PlanGroup {
  content_group: ContentGroup;
  /** Wording and note of the group's first line. */
  description: string;
  note: string;
  /** Unit (Kinh phí hỗ trợ) of the group's first line that has one, and that plan's year. */
  unit?: {year: number; amount: bigint};
  /** Quantity of the group's last line: the slots its requests get first within the envelope. */
  seats: number;
  /** The group's last line that is the commune's own work (a standing line), when one is. */
  standing?: Pick<PlanLine, "year" | "line_no" | "description" | "quantity" | "unit_amount">;
}

/** Commune-level work of a group approved in earlier years: Σ approved and Σ outputs (a unit when no plan gives one). */
export interface PastUnits {
  content_group: ContentGroup;
  approved: bigint;
  outputs: number;
}

/** An activity of the carry-over proposal with money to carry, with its content group when the activity is in the rows. */
export type DraftCarryOver = Pick<CarryOverItem, "activity_id" | "title" | "establishment_name" | "status" | "decision_no" | "approved" | "disbursed" | "remainder" | "limit"> & {
  content_group?: ContentGroup;
};

/** A target of the latest earlier plan, with the content groups of the plan lines its activities were booked on. */
export type TargetBasis = Pick<PlanTarget, "indicator" | "content_group" | "description" | "unit" | "target_min" | "target_max"> & {groups: ContentGroup[]};

/** What the rules need of the rows (draftInputs): small, so the page gets it and recomputes the draft. */
export interface DraftInputs {
  /** The year the draft is for. */
  year: number;
  /** The plan year whose unfinished activities are carried over. */
  fromYear: number;
  /** The year's survey requests, in the survey's order. */
  requests: readonly DraftRequest[];
  /** Norms in force on 1 January of the year. */
  norms: readonly Norm[];
  /** The latest earlier plan by content group, in line order (empty without an earlier plan). */
  groups: readonly PlanGroup[];
  pastUnits: readonly PastUnits[];
  carryOver: readonly DraftCarryOver[];
  /** The year of the targets below (the latest earlier plan's targets). */
  targetYear?: number;
  targets: readonly TargetBasis[];
}

/** DraftInputs as the page receives them: the lists that grow with the data packed (packRows). */
export type PackedDraftInputs = Omit<DraftInputs, "requests" | "carryOver" | "targets"> & {requests: PackedRows; carryOver: PackedRows; targets: PackedRows};

export function packDraftInputs(inputs: DraftInputs): PackedDraftInputs {
  return {...inputs, requests: packRows(inputs.requests), carryOver: packRows(inputs.carryOver), targets: packRows(inputs.targets)};
}

export function unpackDraftInputs(packed: PackedDraftInputs): DraftInputs {
  return {
    ...packed,
    requests: unpackRows<DraftRequest>(packed.requests),
    carryOver: unpackRows<DraftCarryOver>(packed.carryOver),
    targets: unpackRows<TargetBasis>(packed.targets)
  };
}

/** What the page draws of a request and the rules never read: its facility (id and name) and its wording. */
export type RequestLabel = Pick<DraftRequest, "survey_id" | "establishment_id" | "establishment_name" | "description">;

/**
 * The inputs with the labels of the `kept` requests only: the page's first paint carries those it
 * draws (drawnFirst), the rest come when asked for (labelRequests). A facility's request keeps an
 * empty name so that it is still not taken for the commune's own: the draft's figures, ranks and
 * notes are the same without the labels.
 */
export function withoutLabels(inputs: DraftInputs, kept: ReadonlySet<string>): DraftInputs {
  return {
    ...inputs,
    requests: inputs.requests.map((r) => {
      if (kept.has(r.survey_id)) return r;
      const {establishment_id, establishment_name, description: _, ...rest} = r;
      return {...rest, description: "", ...(establishment_id === undefined && establishment_name === undefined ? {} : {establishment_name: ""})};
    })
  };
}

/** Every request's labels. */
export function requestLabels(inputs: DraftInputs): RequestLabel[] {
  return inputs.requests.map(({survey_id, establishment_id, establishment_name, description}) => ({
    survey_id,
    ...(establishment_id === undefined ? {} : {establishment_id}),
    ...(establishment_name === undefined ? {} : {establishment_name}),
    description
  }));
}

/** A request the norm cut down: the page lists these apart, with how. */
export function reducedByNorm(r: Pick<RankedRequest, "cap" | "capped" | "requested">): boolean {
  return r.cap !== undefined && r.capped < r.requested;
}

/** Rows of the page's list of the requests a norm reduced drawn at a time. */
export const REDUCED_ROWS = 100;

/** The requests the page draws at first: the first `rows.requests` in rank order (the requests'
 * table) and the first `rows.reduced` a norm reduced (their list). */
export function drawnFirst(draft: Pick<DraftPlan, "requests">, rows: {requests: number; reduced: number}): Set<string> {
  const reduced = draft.requests.filter(reducedByNorm).slice(0, rows.reduced);
  return new Set([...draft.requests.slice(0, rows.requests), ...reduced].map((r) => r.survey_id));
}

/** The draft with its requests' labels, as the draft of the whole inputs has them. */
export function labelRequests(draft: DraftPlan, labels: readonly RequestLabel[]): DraftPlan {
  const byId = new Map(labels.map((l) => [l.survey_id, l]));
  return {
    ...draft,
    requests: draft.requests.map((r) => {
      const l = byId.get(r.survey_id);
      if (!l) return r;
      const {establishment_id: _id, establishment_name: _name, ...rest} = r;
      return {
        ...rest,
        ...(l.establishment_id === undefined ? {} : {establishment_id: l.establishment_id}),
        ...(l.establishment_name === undefined ? {} : {establishment_name: l.establishment_name}),
        description: l.description
      };
    })
  };
}

export interface DraftOptions {
  /** The year's new budget (đồng); null or undefined: no limit. */
  envelope?: bigint | null;
  /** Quantities set by staff, by line key. */
  quantities?: Readonly<Record<string, number>>;
}

export type RequestStatus = "included" | "left_out";

export interface RankedRequest {
  rank: number;
  survey_id: string;
  establishment_id?: string;
  /** Facility name as the register or the survey gives it; empty for commune-wide requests. */
  establishment_name?: string;
  content_group: ContentGroup;
  description: string;
  priority?: number;
  surveyed_on?: string;
  estimated_cost?: bigint;
  requested: bigint;
  /** The norm's cap for this request, when a norm applies. */
  cap?: bigint;
  /** min(requested, cap). */
  capped: bigint;
  /** How the cap was found (Vietnamese). */
  capNote: string;
  /** min(capped, the line's unit): what the draft proposes for this request. */
  proposed: bigint;
  /** Last year the facility was supported; null when never (or not tied to a facility). */
  lastSupportedYear: number | null;
  /** "Chưa từng được hỗ trợ" / "Hỗ trợ gần nhất năm 2023" / "Đề nghị chung của xã". */
  supportNote: string;
  lineKey: string;
  status: RequestStatus;
  /** Why it is in or out (Vietnamese). */
  reason: string;
}

export interface DraftLine {
  /** Stable key for quantity overrides: the content group, or `chuyen_nguon:<activity_id>`. */
  key: string;
  kind: "new" | "carry_over";
  /** standing: a line of the plan kept as it was (not from facility requests); requests: priced from the survey. */
  origin: "standing" | "requests" | "carry_over";
  /** Row number in the table; null when the quantity is 0 (the line is not printed). */
  stt: number | null;
  content_group: ContentGroup;
  funding_source: "xa" | "chuyen_nguon";
  description: string;
  quantity: number;
  /** The quantity the rules give, before any adjustment. */
  suggestedQuantity: number;
  unitAmount: bigint;
  totalAmount: bigint;
  /** Ghi chú of the table (Vietnamese): the earlier plan's note of the line, or the carry-over's basis. */
  note: string;
  /** How the quantity came about (requests placed, adjustment), for the page (Vietnamese). */
  explanation: string;
  /** How the unit amount was chosen (Vietnamese), for the page. */
  pricing: string;
  adjusted: boolean;
  /** Survey ids the line stands for, in order (its placed requests, then those staff added), or the carried-over activity id. */
  sources: string[];
}

export interface DraftTotals {
  /** New budget lines (ngân sách năm kế hoạch). */
  newTotal: bigint;
  /** Carried-over lines (kinh phí năm trước chuyển sang). */
  carryOverTotal: bigint;
  grandTotal: bigint;
  envelope: bigint | null;
  /** envelope − newTotal; null without an envelope. */
  remaining: bigint | null;
  overEnvelope: boolean;
}

export interface DraftPlan {
  year: number;
  fromYear: number;
  /** The norm date: 1 January of the year. */
  normDate: string;
  lines: DraftLine[];
  requests: RankedRequest[];
  /** Section IV's targets as ranges. */
  targets: DraftTarget[];
  totals: DraftTotals;
  /** Things staff should look at (Vietnamese). */
  warnings: string[];
}

/** The rules in plain Vietnamese, for the page and the document. */
export const DRAFT_RULES: readonly string[] = [
  "Các dòng kinh phí lấy theo kế hoạch năm trước (không kể dòng kinh phí chuyển nguồn). Dòng là hoạt động chung của xã (đoàn tham quan, tập huấn, khảo sát, cơ sở dữ liệu, trang thông tin…) giữ số lượng và mức hỗ trợ; các dòng hỗ trợ cơ sở tính theo phiếu khảo sát.",
  "Mức trần: mỗi đề nghị trong phiếu khảo sát được giới hạn bởi định mức khuyến công xã của nhóm nội dung còn hiệu lực ngày 01/01 năm kế hoạch (nếu chưa có định mức riêng cho cấp xã thì dùng định mức chung): không vượt mức tối đa (đồng) và không vượt tỷ lệ tối đa nhân với tổng chi phí dự kiến. Khi nhiều định mức cùng hiệu lực, áp dụng định mức ban hành sau cùng và mức chặt nhất. Đề nghị chưa có định mức áp dụng được đánh dấu để cán bộ xác định mức.",
  "Mức hỗ trợ một suất (Kinh phí hỗ trợ): lấy mức của cùng nội dung trong kế hoạch năm trước; nếu không có, lấy bình quân kinh phí phê duyệt các năm trước; nếu không có, lấy bình quân đề nghị; không vượt mức tối đa của định mức và đề nghị lớn nhất. Mỗi cơ sở được đề xuất số nhỏ hơn giữa đề nghị (sau định mức) và mức một suất; tổng kinh phí của dòng là tổng các số đề xuất.",
  "Thứ tự ưu tiên: cơ sở chưa từng được hỗ trợ (không có đề án, không có hoạt động được phê duyệt) xếp trước; tiếp đến cơ sở được hỗ trợ lâu nhất; sau đó theo mức ưu tiên trong phiếu (1 cao – 3 thấp), ngày khảo sát sớm hơn, mã phiếu.",
  "Tổng mức kinh phí (mặc định: kinh phí mới của kế hoạch năm trước, không kể chuyển nguồn): bố trí các dòng hoạt động chung trước; rồi theo thứ tự ưu tiên, mỗi dòng hỗ trợ cơ sở đến số suất của kế hoạch năm trước; kinh phí còn lại xét tiếp theo thứ tự ưu tiên; mỗi đề nghị được bố trí đủ hoặc không bố trí; đề nghị không còn đủ kinh phí được để lại và ghi rõ lý do, đề nghị sau nhỏ hơn vẫn được xét.",
  "Chuyển nguồn: lấy đúng số đề nghị chuyển nguồn trong báo cáo đánh giá năm trước, liệt kê riêng, không tính vào tổng mức kinh phí năm mới.",
  "Chỉ tiêu (mục IV): theo chỉ tiêu năm trước; chỉ tiêu gắn với một dòng kinh phí tính từ số lượng được bố trí đến cộng thêm độ rộng khoảng chỉ tiêu năm trước.",
  "Cán bộ có thể điều chỉnh số lượng từng dòng; tổng kinh phí tính lại ngay và vượt tổng mức được báo rõ, không tự cắt bớt."
];

/** The founding plan's order of lines, used when no earlier plan is in the data. */
const SEED_ORDER: readonly ContentGroup[] = ["may_moc_thiet_bi", "tu_van_thiet_ke", "san_pham_thi_truong", "nang_cao_nang_luc", "thong_tin_du_lieu"];

/** Wording of a line when no earlier plan has one for its group (the founding plan's wording). */
const DEFAULT_DESCRIPTION: Record<ContentGroup, string> = {
  dao_tao_nghe: "Hỗ trợ đào tạo nghề, truyền nghề cho lao động tại các cơ sở CNNT",
  nang_cao_nang_luc: "Hỗ trợ tham quan, tập huấn, học hỏi kinh nghiệm, công nghệ sản xuất của các cơ sở CNNT trong và ngoài tỉnh",
  may_moc_thiet_bi: "Hỗ trợ ứng dụng máy móc, thiết bị tiên tiến vào sản xuất",
  san_pham_thi_truong: "Hỗ trợ tham gia hội chợ, triển lãm để mở rộng thị trường, xúc tiến thương mại cho cơ sở CNNT",
  tu_van_thiet_ke: "Hỗ trợ thiết kế bao bì, nhãn mác, nhãn hiệu sản phẩm",
  thong_tin_du_lieu: "Khảo sát, xây dựng cơ sở dữ liệu, thông tin tuyên truyền về khuyến công",
  lien_ket_cum_cn: "Hỗ trợ liên kết, phát triển cụm công nghiệp",
  hop_tac_quoc_te: "Hợp tác quốc tế về khuyến công",
  quan_ly_he_thong: "Quản lý, kiểm tra, giám sát, xây dựng kế hoạch khuyến công"
};

const MILLION = 1_000_000n;
const THOUSAND = 1_000n;

export function draftPlan(inputs: DraftInputs, options: DraftOptions = {}): DraftPlan {
  const {year, fromYear} = inputs;
  const normDate = normDateOf(year);
  const envelope = options.envelope ?? null;
  const overrides = options.quantities ?? {};
  const warnings: string[] = [];

  const capped = capRequests(inputs, normDate);
  for (const c of capped) if (c.cap === undefined) warnings.push(`Phiếu ${c.row.survey_id}: ${c.capNote}.`);
  const previous = new Map(inputs.groups.map((g) => [g.content_group, g]));
  const groups = lineOrder(inputs.groups, capped.map((c) => c.row.content_group));
  const pricing = priceGroups(groups, {inputs, previous, capped, normDate});
  const ranked = rankRequests(capped);
  const decided = placeRequests(ranked, {previous, pricing, envelope, overrides});
  const requests = ranked.map((c, i) => rankedRequest(c, i, pricing, decided));
  const lines = [...newLines(groups, {previous, pricing, requests}, overrides), ...carryOverLines(inputs, fromYear, overrides)];
  numberLines(lines);

  for (const key of Object.keys(overrides)) {
    if (!lines.some((l) => l.key === key)) warnings.push(`Điều chỉnh số lượng cho dòng không có trong dự thảo: ${key}.`);
  }
  const totals = draftTotals(lines, envelope);
  if (totals.overEnvelope) warnings.push(`Tổng kinh phí năm ${year} (${formatMoney(totals.newTotal)}) vượt tổng mức dự kiến ${formatMoney(envelope!)} là ${formatMoney(totals.newTotal - envelope!)}.`);

  return {year, fromYear, normDate, lines, requests, targets: draftTargets(inputs, lines), totals, warnings};
}

/** The norm date of a draft: 1 January of its year. */
function normDateOf(year: number): string {
  return `${year}-01-01`;
}

/**
 * What the rules need of the rows for the draft of `year`, carrying over from `fromYear` (default
 * year − 1): the year's requests with their facility's register name and last support, the norms
 * in force on 1 January, the latest earlier plan by content group (which lines are standing, rule
 * 0), past unit costs, the carry-over proposal with each activity's group, the latest earlier
 * targets with the groups of their lines.
 */
export function draftInputs(rows: DraftRows, options: {year: number; fromYear?: number}): DraftInputs {
  const {year} = options;
  const fromYear = options.fromYear ?? year - 1;
  const normDate = normDateOf(year);
  const survey = rows.survey.filter((r) => r.for_year === year);
  const previous = previousPlan(rows.planLines, year);
  const facilities = facilityIndex(rows);
  const lastSupport = supportHistory(rows, year, facilities);
  const earlierTargets = (rows.planTargets ?? []).filter((t) => t.year < year);
  const targetYear = earlierTargets.length === 0 ? undefined : Math.max(...earlierTargets.map((t) => t.year));
  return {
    year,
    fromYear,
    requests: survey.map((r) => {
      const key = facilities.keyOf(r.establishment_id, r.establishment_name);
      const name = facilities.nameOf(r.establishment_id, r.establishment_name);
      const last = key === undefined ? undefined : lastSupport.get(key);
      return {
        survey_id: r.survey_id,
        ...(r.establishment_id === undefined ? {} : {establishment_id: r.establishment_id}),
        ...(name === undefined ? {} : {establishment_name: name}),
        content_group: r.content_group,
        description: r.description,
        ...(r.priority === undefined ? {} : {priority: r.priority}),
        ...(r.surveyed_on === undefined ? {} : {surveyed_on: r.surveyed_on}),
        ...(r.estimated_cost === undefined ? {} : {estimated_cost: r.estimated_cost}),
        requested_support: r.requested_support,
        ...(last === undefined ? {} : {lastSupported: last})
      };
    }),
    norms: rows.norms.filter((n) => n.valid_from <= normDate && (n.valid_to === undefined || n.valid_to >= normDate)),
    groups: planGroups(previous, rows.activities, survey),
    pastUnits: pastUnits(rows.activities, year),
    carryOver: (rows.carryOver ?? [])
      .filter((c) => c.remainder > 0n)
      .map((c) => {
        const group = rows.activities.find((a) => a.year === fromYear && a.activity_id === c.activity_id)?.content_group;
        return {
          activity_id: c.activity_id,
          title: c.title,
          ...(c.establishment_name === undefined ? {} : {establishment_name: c.establishment_name}),
          status: c.status,
          ...(c.decision_no === undefined ? {} : {decision_no: c.decision_no}),
          approved: c.approved,
          disbursed: c.disbursed,
          remainder: c.remainder,
          ...(c.limit === undefined ? {} : {limit: c.limit}),
          ...(group === undefined ? {} : {content_group: group})
        };
      }),
    ...(targetYear === undefined ? {} : {targetYear}),
    targets: targetYear === undefined ? [] : targetBases(earlierTargets.filter((t) => t.year === targetYear), previous, rows.activities, targetYear)
  };
}

/** The latest earlier plan's lines by content group (rule 0: a standing line keeps its quantity and unit). */
function planGroups(previous: readonly PlanLine[], activities: readonly Activity[], survey: readonly DemandSurvey[]): PlanGroup[] {
  const groups = new Map<ContentGroup, PlanGroup>();
  for (const l of previous) {
    const g = groups.get(l.content_group) ?? {content_group: l.content_group, description: l.description, note: l.note ?? "", seats: 0};
    if (g.unit === undefined && l.unit_amount > 0n) g.unit = {year: l.year, amount: l.unit_amount};
    g.seats = l.quantity;
    if (isStanding(l, activities, survey)) g.standing = {year: l.year, line_no: l.line_no, description: l.description, quantity: l.quantity, unit_amount: l.unit_amount};
    groups.set(l.content_group, g);
  }
  return [...groups.values()];
}

/** Commune-level work approved before `year`, by group (rule 2's second reference). */
function pastUnits(activities: readonly Activity[], year: number): PastUnits[] {
  const byGroup = new Map<ContentGroup, PastUnits>();
  for (const a of activities) {
    if (!(a.year < year && a.level === "xa" && committedStatuses.includes(a.status) && a.approved_amount !== undefined)) continue;
    const u = byGroup.get(a.content_group) ?? {content_group: a.content_group, approved: 0n, outputs: 0};
    u.approved += a.approved_amount;
    u.outputs += Math.max(1, a.output_qty);
    byGroup.set(a.content_group, u);
  }
  return [...byGroup.values()];
}

/** The targets of `targetYear`, each with the groups of the plan lines its activities were booked on. */
function targetBases(targets: readonly PlanTarget[], previous: readonly PlanLine[], activities: readonly Activity[], targetYear: number): TargetBasis[] {
  const lineNos = new Map<string, Set<number>>();
  for (const a of activities) {
    if (a.year !== targetYear || a.indicator === undefined || a.line_no === undefined) continue;
    const set = lineNos.get(a.indicator) ?? new Set<number>();
    set.add(a.line_no);
    lineNos.set(a.indicator, set);
  }
  return targets.map((t) => {
    const on = lineNos.get(t.indicator) ?? new Set<number>();
    return {
      indicator: t.indicator,
      content_group: t.content_group,
      description: t.description,
      unit: t.unit,
      target_min: t.target_min,
      target_max: t.target_max,
      groups: [...new Set(previous.filter((l) => on.has(l.line_no)).map((l) => l.content_group))]
    };
  });
}

// ---- the steps of draftPlan ------------------------------------------------------------------

type Overrides = Readonly<Record<string, number>>;
type Pricing = ReadonlyMap<ContentGroup, {unit: bigint; how: string}>;
type Previous = ReadonlyMap<ContentGroup, PlanGroup>;
interface CappedRequest {
  row: DraftRequest;
  cap: bigint | undefined;
  capped: bigint;
  capNote: string;
}
type RankedCapped = CappedRequest & {last: number | null};
type Decisions = ReadonlyMap<string, {status: RequestStatus; reason: string}>;

/** Staff's quantity for line `key`, when they set a usable one. */
function overrideOf(overrides: Overrides, key: string): number | undefined {
  const raw = overrides[key];
  return raw === undefined || !Number.isFinite(raw) ? undefined : Math.max(0, Math.floor(raw));
}

/** 1. Every request of the year, capped by the norms in force on 1 January. */
function capRequests(inputs: DraftInputs, normDate: string): CappedRequest[] {
  return inputs.requests.map((r) => {
    const {cap, note} = capFor(r, normsFor(inputs.norms, r.content_group, normDate));
    return {row: r, cap, capped: cap === undefined ? r.requested_support : min(r.requested_support, cap), capNote: note};
  });
}

/** 2. The unit of each line: standing lines keep theirs; the others are priced per group. */
function priceGroups(
  groups: readonly ContentGroup[],
  c: {inputs: DraftInputs; previous: Previous; capped: readonly CappedRequest[]; normDate: string}
): Pricing {
  const pricing = new Map<ContentGroup, {unit: bigint; how: string}>();
  for (const g of groups) {
    const kept = c.previous.get(g)?.standing;
    const requested = c.capped.filter((r) => r.row.content_group === g).map((r) => r.capped);
    pricing.set(g, kept ? standingUnit(kept, g, c.inputs.norms, c.normDate) : unitFor(g, c.inputs, c.previous.get(g), requested, c.normDate));
  }
  return pricing;
}

/** 3. The requests in priority order, each with its facility's last year of support. */
function rankRequests(capped: readonly CappedRequest[]): RankedCapped[] {
  return capped.map((c) => ({...c, last: c.row.lastSupported ?? null})).sort((a, b) => compareRequests(a, b));
}

/**
 * 4. The envelope: the standing lines first (as staff set them); then, in rank order, each line
 * of the plan up to its earlier quantity; then the money left, in rank order. A request is taken
 * whole, at what it is proposed, while it fits.
 */
function placeRequests(
  ranked: readonly RankedCapped[],
  c: {previous: Previous; pricing: Pricing; envelope: bigint | null; overrides: Overrides}
): Decisions {
  const {pricing, envelope} = c;
  const groups = [...c.previous.values()];
  let used = sum(groups.flatMap((g) => (g.standing ? [BigInt(overrideOf(c.overrides, g.content_group) ?? g.standing.quantity) * pricing.get(g.content_group)!.unit] : [])));
  const seats = new Map(groups.filter((g) => !g.standing).map((g) => [g.content_group, g.seats]));
  const decided = new Map<string, {status: RequestStatus; reason: string}>();
  const fits = (amount: bigint) => envelope === null || used + amount <= envelope;
  for (const round of ["plan", "rest"] as const) {
    ranked.forEach((r, i) => {
      if (decided.has(r.row.survey_id)) return;
      const g = r.row.content_group;
      const unit = pricing.get(g)?.unit ?? 0n;
      const proposed = min(r.capped, unit);
      const kept = c.previous.get(g)?.standing;
      if (kept) {
        decided.set(r.row.survey_id, {status: "left_out", reason: `Nội dung do xã tổ chức chung (dòng ${kept.line_no} năm ${kept.year}: ${withoutFinalDots(kept.description)}); không bố trí hỗ trợ riêng cho cơ sở`});
      } else if (unit === 0n || r.capped === 0n) {
        decided.set(r.row.survey_id, {status: "left_out", reason: "Không có mức hỗ trợ để bố trí (đề nghị hoặc định mức bằng 0)"});
      } else if (round === "plan" && (seats.get(g) ?? 0) > 0 && fits(proposed)) {
        used += proposed;
        seats.set(g, seats.get(g)! - 1);
        decided.set(r.row.survey_id, {status: "included", reason: `Xếp thứ ${i + 1} theo thứ tự ưu tiên, trong số suất của dòng theo kế hoạch năm trước; đề xuất hỗ trợ ${formatMoney(proposed)}`});
      } else if (round === "rest" && fits(proposed)) {
        used += proposed;
        decided.set(r.row.survey_id, {status: "included", reason: `Xếp thứ ${i + 1} theo thứ tự ưu tiên, bố trí từ kinh phí còn lại; đề xuất hỗ trợ ${formatMoney(proposed)}`});
      } else if (round === "rest") {
        decided.set(r.row.survey_id, {status: "left_out", reason: `Ngoài tổng mức kinh phí: còn lại ${formatMoney(envelope! - used)}, đề nghị này cần ${formatMoney(proposed)}`});
      }
    });
  }
  return decided;
}

/** A ranked request as the page and the document show it. */
function rankedRequest(c: RankedCapped, i: number, pricing: Pricing, decided: Decisions): RankedRequest {
  const {status, reason} = decided.get(c.row.survey_id)!;
  const name = c.row.establishment_name;
  const communeWide = c.row.establishment_id === undefined && name === undefined;
  return {
    rank: i + 1,
    survey_id: c.row.survey_id,
    ...(c.row.establishment_id === undefined ? {} : {establishment_id: c.row.establishment_id}),
    ...(name === undefined ? {} : {establishment_name: name}),
    content_group: c.row.content_group,
    description: c.row.description,
    ...(c.row.priority === undefined ? {} : {priority: c.row.priority}),
    ...(c.row.surveyed_on === undefined ? {} : {surveyed_on: c.row.surveyed_on}),
    ...(c.row.estimated_cost === undefined ? {} : {estimated_cost: c.row.estimated_cost}),
    requested: c.row.requested_support,
    ...(c.cap === undefined ? {} : {cap: c.cap}),
    capped: c.capped,
    capNote: c.capNote,
    proposed: min(c.capped, pricing.get(c.row.content_group)?.unit ?? 0n),
    lastSupportedYear: c.last,
    supportNote: communeWide ? "Đề nghị chung của xã" : c.last === null ? "Chưa từng được hỗ trợ" : `Hỗ trợ gần nhất năm ${c.last}`,
    lineKey: c.row.content_group,
    status,
    reason
  };
}

/** The year's new lines, in the plan's order. */
function newLines(
  groups: readonly ContentGroup[],
  c: {previous: Previous; pricing: Pricing; requests: readonly RankedRequest[]},
  overrides: Overrides
): DraftLine[] {
  return groups.map((g) => {
    const price = c.pricing.get(g)!;
    const prev = c.previous.get(g);
    const kept = prev?.standing;
    const all = c.requests.filter((r) => r.content_group === g);
    const included = all.filter((r) => r.status === "included");
    const explanation = kept
      ? `Hoạt động chung của xã, giữ số lượng của kế hoạch năm ${kept.year} (${kept.quantity})`
      : all.length === 0
        ? "Chưa có đề nghị trong phiếu khảo sát"
        : `${included.length}/${all.length} đề nghị được bố trí`;
    return makeLine(
      {
        key: g,
        kind: "new",
        origin: kept ? "standing" : "requests",
        content_group: g,
        funding_source: "xa",
        description: prev?.description ?? DEFAULT_DESCRIPTION[g],
        suggestedQuantity: kept ? kept.quantity : included.length,
        unitAmount: price.unit,
        // The placed requests first, then (when staff raise the quantity) the next ones in rank order.
        slots: kept ? [] : [...included, ...all.filter((r) => r.status !== "included" && r.proposed > 0n)].map((r) => ({id: r.survey_id, amount: r.proposed})),
        note: prev?.note ?? "",
        explanation,
        pricing: price.how,
        sources: []
      },
      overrides
    );
  });
}

/** 5. Carry-over: the evaluation's proposal for the year before, by its rule (carry-over.ts). */
function carryOverLines(inputs: DraftInputs, fromYear: number, overrides: Overrides): DraftLine[] {
  return inputs.carryOver.map((c) =>
      makeLine(
        {
          key: `chuyen_nguon:${c.activity_id}`,
          kind: "carry_over",
          origin: "carry_over",
          content_group: c.content_group ?? "may_moc_thiet_bi",
          funding_source: "chuyen_nguon",
          description: `Chuyển nguồn năm ${fromYear}: ${c.title}${c.establishment_name ? ` (${c.establishment_name})` : ""}`,
          suggestedQuantity: 1,
          unitAmount: c.remainder,
          note: `Kinh phí năm ${fromYear} chuyển sang${c.decision_no ? `; QĐ số ${c.decision_no}` : ""}`,
          explanation: `Hoạt động ${c.activity_id} (${c.status.toLowerCase()}); phê duyệt ${formatMoney(c.approved)}, đã chi ${formatMoney(c.disbursed)}${c.limit ? `; chỉ đề nghị ${formatMoney(c.remainder)} vì ${c.limit}` : ""}`,
          pricing: "Số đề nghị chuyển nguồn trong báo cáo đánh giá năm trước",
          sources: [c.activity_id]
        },
        overrides
      )
  );
}

/** Row numbers over the printed lines (a line of quantity 0 is not printed). */
function numberLines(lines: DraftLine[]): void {
  let stt = 0;
  for (const l of lines) l.stt = l.quantity > 0 ? ++stt : null;
}

function draftTotals(lines: readonly DraftLine[], envelope: bigint | null): DraftTotals {
  const newTotal = sum(lines.filter((l) => l.kind === "new").map((l) => l.totalAmount));
  const carryOverTotal = sum(lines.filter((l) => l.kind === "carry_over").map((l) => l.totalAmount));
  return {
    newTotal,
    carryOverTotal,
    grandTotal: newTotal + carryOverTotal,
    envelope,
    remaining: envelope === null ? null : envelope - newTotal,
    overEnvelope: envelope !== null && newTotal > envelope
  };
}

/** The year's new money: the plan lines of `year` not funded by money carried over. */
export function newMoney(planLines: readonly Pick<PlanLine, "year" | "funding_source" | "total_amount">[], year: number): bigint {
  return sum(planLines.filter((l) => l.year === year && l.funding_source !== "chuyen_nguon").map((l) => l.total_amount));
}

type LineDraft = Omit<DraftLine, "stt" | "quantity" | "totalAmount" | "adjusted"> & {
  /** Requests the line can stand for, in order, with what each is proposed; the line stands for the first `quantity` (its sources), and a slot beyond them costs the unit. */
  slots?: readonly {id: string; amount: bigint}[];
};

function makeLine({slots, ...d}: LineDraft, overrides: Overrides): DraftLine {
  const override = overrideOf(overrides, d.key);
  const quantity = override ?? d.suggestedQuantity;
  const adjusted = override !== undefined && override !== d.suggestedQuantity;
  const explanation = adjusted ? `${d.explanation}; số lượng do cán bộ điều chỉnh: ${quantity} (theo quy tắc: ${d.suggestedQuantity})` : d.explanation;
  const named = (slots ?? []).slice(0, quantity);
  const totalAmount = slots ? sum(named.map((n) => n.amount)) + BigInt(quantity - named.length) * d.unitAmount : BigInt(quantity) * d.unitAmount;
  return {...d, ...(slots ? {sources: named.map((n) => n.id)} : {}), stt: null, quantity, totalAmount, explanation, adjusted};
}

/**
 * A line of the plan that does not come from facility requests (a study tour, the survey and
 * database): its year's activities were not tied to a facility; a line without activities is
 * standing when nobody asked for its group in the survey.
 */
function isStanding(line: PlanLine, activities: readonly Activity[], survey: readonly DemandSurvey[]): boolean {
  const on = activities.filter((a) => a.year === line.year && a.line_no === line.line_no && a.status !== "huy");
  if (on.length > 0) return on.every((a) => a.establishment_id === undefined);
  return !survey.some((r) => r.content_group === line.content_group);
}

function standingUnit(line: NonNullable<PlanGroup["standing"]>, group: ContentGroup, norms: readonly Norm[], normDate: string): {unit: bigint; how: string} {
  const normMax = minOf(normsFor(norms, group, normDate).flatMap((n) => (n.max_amount === undefined ? [] : [n.max_amount])));
  const how = `Mức của dòng ${line.line_no} kế hoạch năm ${line.year}: ${formatMoney(line.unit_amount)}`;
  if (normMax !== undefined && normMax < line.unit_amount) return {unit: normMax, how: `${how}; giới hạn bởi mức tối đa của định mức ${formatMoney(normMax)}. Đơn giá: ${formatMoney(normMax)}`};
  return {unit: line.unit_amount, how: `${how}. Đơn giá: ${formatMoney(line.unit_amount)}`};
}

/** A target of section IV: the plan's target fields, and how the range was set (Vietnamese), for the page. */
export type DraftTarget = Pick<PlanTarget, "indicator" | "content_group" | "description" | "unit" | "target_min" | "target_max"> & {basis: string};

/**
 * Section IV's targets from the latest earlier plan's: an indicator whose activities were booked
 * on a plan line now runs from that line's funded quantity to it plus the earlier range's width
 * (work the province or the nation funds); the others keep their range. Years in the wording move
 * on by the gap between the plans.
 */
function draftTargets(inputs: DraftInputs, lines: readonly DraftLine[]): DraftTarget[] {
  const from = inputs.targetYear;
  if (from === undefined) return [];
  const shift = inputs.year - from;
  const moved = (text: string) => text.replace(/\b(20\d\d)\b/g, (y) => (Number(y) >= from ? String(Number(y) + shift) : y));
  return inputs.targets.map((t) => {
    const funded = lines.filter((l) => l.kind === "new" && t.groups.includes(l.content_group));
    const base = {indicator: t.indicator, content_group: t.content_group, description: moved(t.description), unit: t.unit};
    if (funded.length === 0) return {...base, target_min: t.target_min, target_max: t.target_max, basis: `Giữ chỉ tiêu năm ${from}`};
    const q = funded.reduce((s, l) => s + l.quantity, 0);
    const width = t.target_max - t.target_min;
    return {...base, target_min: q, target_max: q + width, basis: `Từ số lượng được bố trí kinh phí (${q}) đến thêm ${width} như khoảng chỉ tiêu năm ${from}`};
  });
}

// ---- norms ----------------------------------------------------------------------------------

/**
 * Norms of a group that govern support of programme `level` on `date`: valid that day and set for
 * that level (or for every level when none is set for it); of those, the latest issued.
 */
export function normsFor(norms: readonly Norm[], group: ContentGroup, date: string, level: Norm["level"] = "xa"): Norm[] {
  const inForce = norms.filter(
    (n) => n.content_group === group && n.valid_from <= date && (n.valid_to === undefined || n.valid_to >= date) && (n.level === undefined || n.level === level)
  );
  const own = inForce.filter((n) => n.level === level);
  const valid = own.length > 0 ? own : inForce;
  if (valid.length === 0) return [];
  const latest = valid.reduce((m, n) => (n.valid_from > m ? n.valid_from : m), valid[0]!.valid_from);
  return valid.filter((n) => n.valid_from === latest);
}

/** The strictest cap of `norms` for one request, with how it was found. */
export function capFor(r: Pick<DemandSurvey, "requested_support" | "estimated_cost">, norms: readonly Norm[]): {cap?: bigint; note: string} {
  if (norms.length === 0) return {note: "Chưa có định mức còn hiệu lực cho nhóm nội dung này; chưa đối chiếu mức tối đa"};
  let best: {cap: bigint; note: string} | undefined;
  const missingCost: string[] = [];
  for (const n of norms) {
    const parts: {cap: bigint; note: string}[] = [];
    if (n.max_amount !== undefined) parts.push({cap: n.max_amount, note: `mức tối đa ${formatMoney(n.max_amount)} (${n.legal_basis})`});
    if (n.max_percent !== undefined) {
      if (r.estimated_cost === undefined) missingCost.push(`${formatPercentPlain(n.max_percent)}%`);
      else {
        const cap = percentOf(r.estimated_cost, n.max_percent);
        parts.push({cap, note: `${formatPercentPlain(n.max_percent)}% × ${formatMoney(r.estimated_cost)} = ${formatMoney(cap)} (${n.legal_basis})`});
      }
    }
    for (const p of parts) if (best === undefined || p.cap < best.cap) best = p;
  }
  if (best === undefined) {
    return {note: `Thiếu tổng chi phí dự kiến nên chưa áp được tỷ lệ tối đa ${missingCost.join(", ")}`};
  }
  const lack = missingCost.length > 0 ? `; thiếu tổng chi phí dự kiến nên chưa áp tỷ lệ ${missingCost.join(", ")}` : "";
  const applied = r.requested_support > best.cap ? `giảm còn ${formatMoney(best.cap)}` : "trong mức";
  return {cap: best.cap, note: `Đề nghị ${formatMoney(r.requested_support)}; ${best.note}: ${applied}${lack}`};
}

/** floor(amount × percent / 100), percent with up to two decimals. */
export function percentOf(amount: bigint, percent: number): bigint {
  const basisPoints = BigInt(Math.round(percent * 100));
  return (amount * basisPoints) / 10_000n;
}

function formatPercentPlain(p: number): string {
  return String(Math.round(p * 100) / 100).replace(".", ",");
}

// ---- pricing --------------------------------------------------------------------------------

/** The latest earlier plan's new-money lines (never a carry-over line: it is no template), in line order. */
function previousPlan(planLines: readonly PlanLine[], year: number): PlanLine[] {
  const earlier = planLines.filter((l) => l.year < year && l.funding_source !== "chuyen_nguon");
  if (earlier.length === 0) return [];
  const latest = Math.max(...earlier.map((l) => l.year));
  return earlier.filter((l) => l.year === latest).sort((a, b) => a.line_no - b.line_no);
}

/** Groups in table order: the earlier plan's, then the seed's, then any other requested group. */
function lineOrder(previous: readonly PlanGroup[], requested: readonly ContentGroup[]): ContentGroup[] {
  const order: ContentGroup[] = [];
  const add = (g: ContentGroup) => {
    if (!order.includes(g)) order.push(g);
  };
  if (previous.length > 0) previous.forEach((l) => add(l.content_group));
  else SEED_ORDER.forEach(add);
  const listOrder = codeLists.content_group.map((e) => e.code as ContentGroup);
  [...new Set(requested)].sort((a, b) => listOrder.indexOf(a) - listOrder.indexOf(b)).forEach(add);
  return order;
}

function unitFor(g: ContentGroup, inputs: DraftInputs, previous: PlanGroup | undefined, cappedRequests: readonly bigint[], normDate: string): {unit: bigint; how: string} {
  const normMax = minOf(normsFor(inputs.norms, g, normDate).flatMap((n) => (n.max_amount === undefined ? [] : [n.max_amount])));
  const prev = previous?.unit;
  const past = inputs.pastUnits.find((u) => u.content_group === g);
  let reference: bigint | undefined;
  let how: string;
  if (prev) {
    reference = prev.amount;
    how = `Mức hỗ trợ của nội dung này trong kế hoạch năm ${prev.year}: ${formatMoney(prev.amount)}`;
  } else {
    if (past) {
      reference = roundDown(past.approved / BigInt(past.outputs));
      how = `Bình quân kinh phí phê duyệt của ${past.outputs} suất hỗ trợ cấp xã các năm trước: ${formatMoney(reference)}`;
    } else if (cappedRequests.length > 0) {
      reference = roundDown(sum(cappedRequests) / BigInt(cappedRequests.length));
      how = `Chưa có đơn giá các năm trước; bình quân ${cappedRequests.length} đề nghị sau khi áp định mức: ${formatMoney(reference)}`;
    } else {
      how = "Chưa có đơn giá các năm trước và chưa có đề nghị";
    }
  }
  const candidates: {v: bigint; why: string}[] = [];
  if (reference !== undefined) candidates.push({v: reference, why: ""});
  if (normMax !== undefined) candidates.push({v: normMax, why: `giới hạn bởi mức tối đa của định mức ${formatMoney(normMax)}`});
  const maxRequest = cappedRequests.length > 0 ? cappedRequests.reduce((m, v) => (v > m ? v : m)) : undefined;
  if (maxRequest !== undefined) candidates.push({v: maxRequest, why: `không vượt đề nghị lớn nhất ${formatMoney(maxRequest)}`});
  if (candidates.length === 0) return {unit: 0n, how};
  const chosen = candidates.reduce((m, c) => (c.v < m.v ? c : m));
  if (reference === undefined) how = `${how}; ${chosen.why}`;
  else if (chosen.v < reference) how = `${how}; ${chosen.why}`;
  return {unit: chosen.v, how: `${how}. Đơn giá: ${formatMoney(chosen.v)}`};
}

/** Down to whole triệu, or whole nghìn below one triệu. */
function roundDown(v: bigint): bigint {
  if (v >= MILLION) return (v / MILLION) * MILLION;
  return (v / THOUSAND) * THOUSAND;
}

// ---- facilities and support history --------------------------------------------------------

interface FacilityIndex {
  /** A facility's key: its id, or its register id found by name, or its folded name. */
  keyOf(id: string | undefined, name: string | undefined): string | undefined;
  nameOf(id: string | undefined, name: string | undefined): string | undefined;
}

function facilityIndex(inputs: DraftRows): FacilityIndex {
  const nameById = new Map<string, string>();
  const idByName = new Map<string, string>();
  for (const e of inputs.establishments ?? []) {
    nameById.set(e.establishment_id, e.name);
    idByName.set(nameKey(e.name), e.establishment_id);
  }
  return {
    keyOf(id, name) {
      if (id !== undefined) return `id:${id}`;
      if (name === undefined) return undefined;
      const found = idByName.get(nameKey(name));
      return found !== undefined ? `id:${found}` : `name:${nameKey(name)}`;
    },
    nameOf(id, name) {
      return (id !== undefined ? nameById.get(id) : undefined) ?? name;
    }
  };
}

/** Facility key → last year it was supported (any project; any approved, not cancelled activity). */
function supportHistory(inputs: DraftRows, year: number, facilities: FacilityIndex): Map<string, number> {
  const last = new Map<string, number>();
  const mark = (key: string | undefined, y: number) => {
    if (key === undefined) return;
    const prev = last.get(key);
    if (prev === undefined || y > prev) last.set(key, y);
  };
  for (const p of inputs.projects) if (p.year < year) mark(facilities.keyOf(p.establishment_id, p.establishment_name), p.year);
  for (const a of inputs.activities) {
    if (a.year < year && committedStatuses.includes(a.status)) mark(facilities.keyOf(a.establishment_id, undefined), a.year);
  }
  return last;
}

// ---- ordering -------------------------------------------------------------------------------

interface Rankable {
  row: Pick<DemandSurvey, "survey_id" | "priority" | "surveyed_on">;
  last: number | null;
}

/** Never supported first, then oldest support; priority 1→3; earlier survey date; survey id. */
export function compareRequests(a: Rankable, b: Rankable): number {
  const lastA = a.last ?? -Infinity;
  const lastB = b.last ?? -Infinity;
  if (lastA !== lastB) return lastA < lastB ? -1 : 1;
  const pa = a.row.priority ?? 4;
  const pb = b.row.priority ?? 4;
  if (pa !== pb) return pa - pb;
  const da = a.row.surveyed_on ?? "9999-99-99";
  const db = b.row.surveyed_on ?? "9999-99-99";
  if (da !== db) return da < db ? -1 : 1;
  return naturalCompare(a.row.survey_id, b.row.survey_id);
}

/** "KS-2" before "KS-10"; plain code-unit order otherwise (no locale, so it is the same everywhere). */
export function naturalCompare(a: string, b: string): number {
  const re = /(\d+)|(\D+)/g;
  const pa = a.match(re) ?? [];
  const pb = b.match(re) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    if (x === y) continue;
    const nx = /^\d/.test(x);
    const ny = /^\d/.test(y);
    if (nx && ny) {
      const bx = BigInt(x);
      const by = BigInt(y);
      if (bx !== by) return bx < by ? -1 : 1;
      continue;
    }
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length || (a < b ? -1 : a > b ? 1 : 0);
}

// ---- bigint helpers -------------------------------------------------------------------------

function min(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

function minOf(values: readonly bigint[]): bigint | undefined {
  return values.length === 0 ? undefined : values.reduce(min);
}

function sum(values: readonly bigint[]): bigint {
  return values.reduce((s, v) => s + v, 0n);
}
