// Property: whatever the office writes, the warehouse holds what the contract (validateRow) says
// the cells mean, and nothing it would refuse. The ingest casts most rows in SQL for speed and
// sends the rest to zod; this test is what catches the two disagreeing.
//
// fast-check writes data folders of every kind of the contract (none, one or two files each)
// with varied but valid spellings (money forms and suffixes, date forms, codes as codes or Vietnamese labels, NFD text, odd blanks, quoted cells holding delimiters, quotes and
// line breaks, columns in any order under any alias, extra columns, `,` `;` tab, UTF-8 with or
// without BOM, UTF-16), mutates cells (junk, fractions, impossible dates, empty required cells,
// unknown codes, duplicated keys, broken references) and rows (blank, ragged), ingests, and
// checks against an oracle built from the contract alone (oracle.ts: validateRow, keys, references):
//   - every file: rows read = loaded + rejected, each as the oracle counts them;
//   - exactly the rows the oracle keeps are loaded, each value equal to validateRow's;
//   - each rejected row is in `rejects` under the columns the oracle names;
//   - extra columns are kept as written.
// Half the spoilt rows have every other cell plain (test/lib/contract/rows.ts cleanCell), so that the
// SQL fast path, not zod, decides them: with that, the SQL money cast widened to a negative amount
// failed this test in 4 of 5 runs (it passed every run before). The deterministic guard of the
// casts is the near-miss matrix (test/lib/contract/near-miss.test.ts).
// A failure prints fast-check's seed and path; rerun with KC_FC_SEED=<seed> KC_FC_PATH=<path>
// (KC_FC_RUNS sets the number of runs, 12 by default; KC_FC_KEEP=1 keeps the folders).
import fc from "fast-check";
import {afterAll, describe, expect, it} from "vitest";
import {codeLists, type CodeEntry, type CodeListName} from "../../src/lib/contract/codes.js";
import {columnMeta, type ColumnMeta, type FieldType} from "../../src/lib/contract/fields.js";
import {kindOrder, kinds, type KindName, type KindSpec} from "../../src/lib/contract/kinds.js";
import {cleanText, foldKey} from "../../src/lib/parse/text.js";
import {cleanCell, fileName} from "../lib/contract/rows.js";
import {cleanup, closeAll, ingestFiles, quoteCell, utf16} from "./helpers.js";
import {differences, oracle, type WrittenFile} from "./oracle.js";


// ---------------------------------------------------------------- cell spellings

const pad2 = (n: number) => String(n).padStart(2, "0");
const group = (digits: string, sep: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);

const WORDS = ["Cơ sở", "nước mắm", "Hoà Bình", "Hòa", "Thủy", "Thuỷ", "xưởng", "mộc", "Đức", "tạm ứng", "đợt 2", "máy", "chiết rót", "HTX", "Nguyễn Văn An", "bao bì", "OCOP", "Vĩnh Lâm", "thôn 3", "Ông", "Bà", "ĐỒNG", "ý", "Ưu"];
/** Inserted somewhere in a text: delimiters, quotes, line breaks, odd blanks and characters NFC rewrites. */
const SPECIAL = [";", ",", '"', '""', "\n", "\r\n", "\t", "'", "  ", "%", "đ", "\u00a0", "\u3000", "\u2000", "\u2126", "\u212b", "e\u0301", "\u1100\u1161", "\u0085", "\ufeff", "\u200b", "ﬁ", "—", "€"];
const PADS = ["", "", "", " ", "  ", "\u00a0", "\t", "\u3000", "\ufeff", "\u2002", "\n"];

/**
 * Text with delimiters, quotes, line breaks, NFD, odd blanks at its ends. A row with any cell the
 * SQL is unsure of goes to zod whole, so these are kept to one text in five: the other rows must
 * reach the SQL fast path for the near misses of their numbers and dates to test it.
 */
const exoticTextArb: fc.Arbitrary<string> = fc
  .record({
    words: fc.array(fc.constantFrom(...WORDS), {minLength: 1, maxLength: 4}),
    special: fc.option(fc.constantFrom(...SPECIAL), {nil: undefined}),
    at: fc.nat(60),
    nfd: fc.boolean(),
    left: fc.constantFrom(...PADS),
    right: fc.constantFrom(...PADS)
  })
  .map(({words, special, at, nfd, left, right}) => {
    let s = words.join(" ");
    if (special !== undefined) {
      const i = at % (s.length + 1);
      s = s.slice(0, i) + special + s.slice(i);
    }
    return left + (nfd ? s.normalize("NFD") : s) + right;
  });

const textArb: fc.Arbitrary<string> = fc.oneof(
  {weight: 4, arbitrary: fc.array(fc.constantFrom(...WORDS), {minLength: 1, maxLength: 4}).map((w) => w.join(" "))},
  {weight: 1, arbitrary: exoticTextArb}
);

function moneyArb(signed: boolean): fc.Arbitrary<string> {
  return fc
    .record({
      v: fc.oneof(
        {weight: 2, arbitrary: fc.bigInt(1n, 999n)},
        {weight: 6, arbitrary: fc.bigInt(1n, 99_999_999_999n)},
        {weight: 1, arbitrary: fc.constantFrom(0n, 1000n, 20_000_000n, 9_999_999_999_999n, 10_000_000_000_000n)}
      ),
      form: fc.constantFrom("plain", ".", ",", " ", "\u00a0", "dec,00", "dec.00", "plain,00"),
      suffix: fc.constantFrom("", "", "đ", " đ", " đồng", " Đồng", " VNĐ", "VND", " vnđ", " đ."),
      sign: signed ? fc.constantFrom("", "", "", "", "", "-", "-", "paren", "- ") : fc.constant("")
    })
    .map(({v, form, suffix, sign}) => {
      const d = v.toString();
      const body =
        form === "plain"
          ? d
          : form === "dec,00"
            ? `${group(d, ".")},00`
            : form === "dec.00"
              ? `${group(d, ",")}.00`
              : form === "plain,00"
                ? `${d},00`
                : group(d, form);
      const signed_ = sign === "paren" ? `(${body})` : sign + body;
      return signed_ + suffix;
    });
}

const EPOCH = Date.UTC(2018, 0, 1);
const dateArb: fc.Arbitrary<string> = fc.record({days: fc.integer({min: -100, max: 3600}), form: fc.constantFrom("dmy", "d/m", "iso")}).map(({days, form}) => {
  const d = new Date(EPOCH + days * 86_400_000);
  const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  return form === "iso" ? `${y}-${pad2(m)}-${pad2(day)}` : form === "dmy" ? `${pad2(day)}/${pad2(m)}/${y}` : `${day}/${m}/${y}`;
});

function countArb(min: number, max: number): fc.Arbitrary<string> {
  const wide = max > 100_000;
  return fc
    .record({v: wide ? fc.integer({min: 0, max: 2_000_000}) : fc.integer({min: Math.max(0, min - 1), max: max + 1}), form: fc.constantFrom("plain", "plain", ".", ",", " ", "0")})
    .map(({v, form}) => (form === "plain" ? String(v) : form === "0" ? `0${v}` : group(String(v), form)));
}

function codeArb(list: CodeListName): fc.Arbitrary<string> {
  const entries = codeLists[list] as readonly CodeEntry[];
  return fc.record({e: fc.constantFrom(...entries), how: fc.constantFrom("code", "label", "alias", "upper", "nfd", "folded", "spaced")}).map(({e, how}) => {
    switch (how) {
      case "code":
        return e.code;
      case "label":
        return e.label;
      case "alias":
        return e.aliases?.[0] ?? e.label;
      case "upper":
        return e.label.toUpperCase();
      case "nfd":
        return e.label.normalize("NFD");
      case "folded":
        return foldKey(e.label);
      default:
        return e.code.replaceAll("_", " ").toUpperCase();
    }
  });
}

const percentArb = fc.record({v: fc.integer({min: 0, max: 1010}), form: fc.constantFrom("int", "int%", "int %", "dec,", "dec.", "dec%")}).map(({v, form}) => {
  const whole = String(Math.floor(v / 10));
  const dec = `${whole}${form === "dec." ? "." : ","}${v % 10}`;
  return form === "int" ? whole : form === "int%" ? `${whole}%` : form === "int %" ? `${whole} %` : form === "dec%" ? `${dec}%` : dec;
});

function goodArb(type: FieldType): fc.Arbitrary<string> {
  switch (type.kind) {
    case "text":
      return textArb;
    case "year":
      return type.min < 2000 ? fc.constantFrom("1995", "2010", "1899", "2026", "2027") : fc.constantFrom("2026", "2026", "2025", "2027");
    case "count":
      return countArb(type.min, type.max);
    case "money":
      return moneyArb(type.signed);
    case "date":
      return dateArb;
    case "percent":
      return percentArb;
    case "code":
      return codeArb(type.list);
  }
}

/** What a careless hand or Excel makes of a cell. Any string will do: the oracle decides. */
const JUNK: readonly string[] = [
  "",
  "   ",
  "\u00a0",
  "abc",
  "1.000,5",
  "0,5",
  "31/02/2026",
  "29/02/2026",
  "2026-02-30",
  "00/01/2026",
  "13/13/2026",
  "zzz",
  "Ngân sách thôn",
  "-5",
  "-0",
  "0",
  "1.2.3",
  "20.00.000",
  "10.000.000.000.000",
  "1e3",
  "(5.000)",
  "٢٠٢٦",
  "２０２６",
  "１２",
  "2026.0",
  "Đã hủy",
  "hoan thanh",
  "xa",
  "1,5",
  "  12  ",
  "#N/A",
  "=SUM(A1:A3)"
];

/** Keys and references drawn from small pools, so duplicates and dangling references happen. */
const keyArbs: Partial<Record<KindName, Record<string, fc.Arbitrary<string>>>> = {
  establishments: {establishment_id: fc.integer({min: 1, max: 40}).map((n) => `CS${n}`)},
  plan_lines: {
    year: fc.constantFrom("2026", "2026", "2025"),
    line_no: fc.integer({min: 1, max: 40}).map(String)
  },
  activities: {
    activity_id: fc.integer({min: 1, max: 50}).map((n) => `A${n}`),
    year: fc.constantFrom("2026", "2026", "2026", "2026", "2025", "2027"),
    line_no: fc.oneof(fc.integer({min: 1, max: 42}).map(String), fc.constant(""), fc.constant("")),
    establishment_id: fc.oneof(fc.integer({min: 1, max: 42}).map((n) => `CS${n}`), fc.constant(""), fc.constant("")),
    indicator: fc.oneof({weight: 8, arbitrary: fc.constant("")}, {weight: 1, arbitrary: fc.constant("may_moc_xa")})
  },
  disbursements: {voucher_no: fc.integer({min: 1, max: 150}).map((n) => `PC${n}`), activity_id: fc.integer({min: 1, max: 52}).map((n) => `A${n}`)},
  plan_targets: {year: fc.constantFrom("2026", "2026", "2025"), indicator: fc.constantFrom("may_moc_xa", "bao_bi", "dao_tao")},
  projects: {
    project_id: fc.integer({min: 1, max: 30}).map((n) => `DA${n}`),
    establishment_id: fc.oneof(fc.integer({min: 1, max: 42}).map((n) => `CS${n}`), fc.constant(""), fc.constant(""))
  },
  demand_survey: {
    survey_id: fc.integer({min: 1, max: 30}).map((n) => `KS${n}`),
    establishment_id: fc.oneof(fc.integer({min: 1, max: 42}).map((n) => `CS${n}`), fc.constant(""), fc.constant(""))
  }
};

/** A cell as written when the office gets it right (an optional cell may be left empty). */
function cellArb(kind: KindName, name: string, meta: ColumnMeta): fc.Arbitrary<string> {
  const good = keyArbs[kind]?.[name] ?? goodArb(meta.type);
  const padded = fc.tuple(fc.constantFrom(...PADS), good, fc.constantFrom(...PADS)).map(([l, g, r]) => l + g + r);
  return fc.oneof({weight: 14, arbitrary: good}, {weight: 1, arbitrary: padded}, {weight: meta.required ? 0 : 4, arbitrary: fc.constant("")});
}

/** Near misses of each cell type: spellings at the edge of what the contract accepts. */
const NEAR: Record<FieldType["kind"], readonly string[]> = {
  money: ["1.000,5", "20.000.000,50", "1,5", "2.5", "0,5", "10.000.000.000.000", "99999999999999999999", "1.2.3", "20.00.000", "2.0000", "-5", "(5.000)", "- 5", "\u22125", "5-", "+5", "1e3", "0x1F", "5.000 đ.", "đ 5.000", "5.000 USD", "5.000,000", "5,000.000", "0", "-0", "00", " 1 000 ", "1  000", "1 000 000,00", "1.000.000.00", "1.000.000,00 đ", "9.999.999.999.999", "-9.999.999.999.999"],
  count: ["1,5", "1.2", "-1", "1e3", "1.000.000.001", "99999999999", "12 người", "0", "1.0", "1 0", "\u0663", "1.000", "01", "1,000,000"],
  year: ["26", "2.026", "02026", "2026.0", "1999", "2101", "1900", "20 26", "\uff12\uff10\uff12\uff16", "2026 "],
  date: ["31/02/2026", "29/02/2026", "2026-02-30", "00/01/2026", "13/13/2026", "1/1/26", "2026/01/05", "05-01-2026", "5.1.2026", "29/02/2024", "31/12/1899", "2026-1-5", "01/01/1900", "31/12/2100", "1/13/2026"],
  percent: ["100,5", "101", "-5", "30%%", "30 %", "1/2", "abc", "100", "0,0", "30.5%", ".5", "5."],
  code: ["zzz", "Ngân sách thôn", "khac ", "may_moc", "Đã huỷ", "hoan", "xa", "1", "KHAC", "Khác."],
  text: ["", "   ", "\u00a0", "\u200b", "\ufeff", "x\u0301", "\u2000x", "\u212b"]
};

/** Most rows are left alone; the others get one or two cells spoilt, mostly with a near miss. */
const mutationsArb = fc.oneof(
  {weight: 2, arbitrary: fc.constant<{at: number; pick: number; near: boolean}[]>([])},
  {weight: 2, arbitrary: fc.array(fc.record({at: fc.nat(40), pick: fc.nat(1000), near: fc.constantFrom(true, true, true, false)}), {minLength: 1, maxLength: 2})}
);

// ---------------------------------------------------------------- files

/** Header spelling → column, as the contract defines it (the later column wins a shared spelling). */
function headerIndex(spec: KindSpec): Map<string, string> {
  const index = new Map<string, string>();
  for (const [name, schema] of Object.entries(spec.schema.shape)) {
    const meta = columnMeta(schema);
    for (const s of [name, meta.header, ...meta.aliases]) index.set(foldKey(s), name);
  }
  return index;
}

function spellings(spec: KindSpec, name: string): string[] {
  const meta = columnMeta(spec.schema.shape[name]!);
  const index = headerIndex(spec);
  const all = [name, meta.header, ...meta.aliases, name.toUpperCase(), meta.header.toUpperCase(), foldKey(meta.header), meta.header.normalize("NFD"), ` ${meta.header} `];
  return [...new Set(all)].filter((s) => index.get(foldKey(s)) === name);
}

// A quote in a header or a file name is the office's text reaching the SQL: bound, never spliced
// (proved by splicing the file name into typedInsert's SQL once: every run failed on a syntax error).
const EXTRA_HEADERS = ["Người nhập liệu", "Sổ tay", "GHI CHU NOI BO", "Ghi chú 'nội bộ'"];

interface FilePlan {
  kind: KindName;
  name: string;
  /** Canonical column or extra header, in file order. */
  columns: {name: string; header: string; extra: boolean}[];
  /** Rows of cells in file order; a row may be blank or ragged on purpose. */
  rows: string[][];
  delimiter: "," | ";" | "\t";
  encoding: "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be";
  eol: "\n" | "\r\n";
  trailingEol: boolean;
  /** Blank lines inserted before these row positions (sends the file to papaparse). */
  blankBefore: number[];
  /** Cells quoted though they need not be. */
  forceQuote: boolean[][];
}

function fileArb(kind: KindName, name: string): fc.Arbitrary<FilePlan> {
  const spec = kinds[kind] as KindSpec;
  const shape = Object.entries(spec.schema.shape).map(([n, s]) => ({name: n, meta: columnMeta(s)}));
  const headerArbs = shape.map((c) =>
    fc.record({include: c.meta.required ? fc.constant(true) : fc.constantFrom(true, true, true, false), header: fc.constantFrom(...spellings(spec, c.name))})
  );
  const extraIndex = headerIndex(spec);
  const extras = EXTRA_HEADERS.filter((h) => extraIndex.get(foldKey(h)) === undefined);
  return fc
    .record({
      headers: fc.tuple(...headerArbs),
      extra: fc.option(fc.constantFrom(...extras), {nil: undefined}),
      order: fc.array(fc.nat(1000), {minLength: shape.length + 1, maxLength: shape.length + 1}),
      delimiter: fc.constantFrom<FilePlan["delimiter"]>(",", ";", ";", "\t"),
      encoding: fc.constantFrom<FilePlan["encoding"]>("utf-8", "utf-8-bom", "utf-8-bom", "utf-8", "utf-16le", "utf-16be"),
      eol: fc.constantFrom<FilePlan["eol"]>("\r\n", "\n"),
      trailingEol: fc.boolean(),
      rows: fc.array(
        fc.record({
          cells: fc.tuple(...shape.map((c) => cellArb(kind, c.name, c.meta))),
          mutations: mutationsArb,
          // A spoilt row with every other cell plain, so the SQL fast path alone decides it.
          alone: fc.boolean(),
          extra: fc.oneof(textArb, fc.constant("")),
          shape: fc.oneof({weight: 30, arbitrary: fc.constant("ok")}, {weight: 1, arbitrary: fc.constantFrom("blank", "more", "fewer")}),
          quote: fc.array(fc.boolean(), {minLength: shape.length + 1, maxLength: shape.length + 1})
        }),
        // fast-check keeps arrays short by default; a file of up to 40 rows costs the ingest
        // next to nothing and gives the near misses more rows to land in.
        {minLength: 0, maxLength: 40, size: "max"}
      ),
      blankBefore: fc.oneof({weight: 4, arbitrary: fc.constant<number[]>([])}, {weight: 1, arbitrary: fc.array(fc.nat(10), {maxLength: 2})})
    })
    .map((g): FilePlan => {
      const cols: (FilePlan["columns"][number] & {source: number; rank: number})[] = [];
      shape.forEach((c, i) => {
        if (g.headers[i]!.include) cols.push({name: c.name, header: g.headers[i]!.header, extra: false, source: i, rank: g.order[i]!});
      });
      if (g.extra !== undefined) cols.push({name: g.extra, header: g.extra, extra: true, source: -1, rank: g.order[shape.length]!});
      cols.sort((a, b) => a.rank - b.rank || a.source - b.source);
      const rows: string[][] = [];
      const forceQuote: boolean[][] = [];
      for (const r of g.rows) {
        const plain = (c: (typeof cols)[number]) =>
          keyArbs[kind]?.[c.name] === undefined ? cleanCell(shape[c.source]!.meta.type, c.name) : (cleanText(r.cells[c.source]) ?? "");
        let cells = cols.map((c) => (c.extra ? r.extra : r.alone && r.mutations.length > 0 ? plain(c) : r.cells[c.source]!));
        for (const m of r.mutations) {
          const at = m.at % cells.length;
          const col = cols[at]!;
          const list = m.near && !col.extra ? NEAR[shape[col.source]!.meta.type.kind] : JUNK;
          cells[at] = list[m.pick % list.length]!;
        }
        if (r.shape === "blank") cells = cells.map(() => "");
        if (r.shape === "more") cells = [...cells, "thừa"];
        if (r.shape === "fewer" && cells.length > 1) cells = cells.slice(0, -1);
        rows.push(cells);
        forceQuote.push(cells.map((c, i) => c !== "" && (r.quote[i] ?? false)));
      }
      return {
        kind,
        name,
        columns: cols.map(({name: n, header, extra}) => ({name: n, header, extra})),
        rows,
        delimiter: g.delimiter,
        encoding: g.encoding,
        eol: g.eol,
        trailingEol: g.trailingEol,
        blankBefore: g.blankBefore.filter((i) => i < g.rows.length),
        forceQuote
      };
    });
}

interface Record_ {
  line: number;
  cells: string[];
}

/** The file's bytes, and its records as a spreadsheet numbers them (header = 1). */
function render(plan: FilePlan): {content: string | Buffer; records: Record_[]} {
  const lines: string[] = [plan.columns.map((c) => quoteCell(c.header, plan.delimiter)).join(plan.delimiter)];
  const records: Record_[] = [];
  plan.rows.forEach((cells, i) => {
    for (const b of plan.blankBefore) {
      if (b === i) {
        lines.push("");
        records.push({line: lines.length, cells: [""]});
      }
    }
    lines.push(cells.map((c, j) => (plan.forceQuote[i]![j] && !/["\r\n]/.test(c) && !c.includes(plan.delimiter) ? `"${c}"` : quoteCell(c, plan.delimiter))).join(plan.delimiter));
    records.push({line: lines.length, cells});
  });
  const text = lines.join(plan.eol) + (plan.trailingEol ? plan.eol : "");
  const content =
    plan.encoding === "utf-8" ? text : plan.encoding === "utf-8-bom" ? `\ufeff${text}` : utf16(text, plan.encoding === "utf-16le" ? "le" : "be");
  return {content, records};
}

/** Every kind, each in no, one or two files (a key may repeat across a kind's files). */
const folderArb = fc
  .tuple(...kindOrder.map((kind) => fc.array(fc.constantFrom("1", "2 'bổ sung'").chain((n) => fileArb(kind, fileName(kind, `_${n}`))), {maxLength: 2})))
  .map((perKind) => {
    const seen = new Set<string>();
    return perKind.flat().filter((p) => !seen.has(p.name) && seen.add(p.name));
  });

// ---------------------------------------------------------------- the property

const RUNS = Number(process.env.KC_FC_RUNS ?? 12);
const SEED = process.env.KC_FC_SEED === undefined ? undefined : Number(process.env.KC_FC_SEED);
const PATH = process.env.KC_FC_PATH;

/** KC_FC_KEEP=1 keeps the data folders and warehouses of the run for a look (their paths are printed). */
const KEEP = process.env.KC_FC_KEEP === "1";

afterAll(() => {
  closeAll();
  if (!KEEP) cleanup();
});

describe("the SQL fast path and zod agree", () => {
  // A run cut short by the time limit fails (markInterruptAsFailure): fewer runs than asked are
  // not a pass. Proved by setting the limit to 1 ms once: the test failed with "interrupted".
  it(
    "on generated folders of every kind: counts, loaded rows, values, rejects and extra columns as validateRow says",
    async () => {
      await fc.assert(
        fc.asyncProperty(folderArb, async (plans) => {
          const written: WrittenFile[] = [];
          const files: Record<string, string | Buffer> = {};
          for (const p of plans) {
            const {content, records} = render(p);
            files[p.name] = content;
            written.push({kind: p.kind, name: p.name, columns: p.columns, records});
          }
          const expected = oracle(written);
          const w = await ingestFiles(files);
          if (KEEP) console.log(`data ${w.dataDir}, warehouse ${w.dbPath}`);
          try {
            expect(await differences(w, written, expected)).toEqual([]);
          } finally {
            w.close();
          }
        }),
        {numRuns: RUNS, seed: SEED, path: PATH, endOnFailure: PATH === undefined ? false : true, interruptAfterTimeLimit: 150_000, markInterruptAsFailure: true}
      );
    },
    240_000
  );
});
