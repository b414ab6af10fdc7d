// The Decree 30/2020/NĐ-CP layout shared by the commune's plan and report: A4 portrait, Times New
// Roman, margins top/bottom 20 mm, left 30 mm, right 15 mm; the two-column heading without
// borders; title and subject; body 14 pt justified with a 1 cm first-line indent; budget tables;
// signature block and recipients; page numbers top centre from page 2. Browser-safe (docx only).
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  HighlightColor,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type FileChild
} from "docx";
import {formatDateLong} from "../format.js";
import {moneyToWords, type WordsOptions} from "../words.js";
import {issuingCommune, type DocumentMeta} from "./models.js";

export const FONT = "Times New Roman";
/** Twips (1/1440 inch): 1 mm = 56.69 twips. */
export const A4 = {width: 11906, height: 16838} as const;
export const MARGIN = {top: 1134, bottom: 1134, left: 1701, right: 850, header: 567, footer: 567} as const;
export const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right; // 9355
export const INDENT = 567; // 1 cm
/** Half-points. */
const PT = (n: number) => n * 2;
export const BODY_SIZE = PT(14);

export const AUTHORITY = "ỦY BAN NHÂN DÂN";

/** A piece of text: plain, or with emphasis, or a marked blank for staff to fill. */
export type Seg = string | {text: string; bold?: boolean; italics?: boolean; placeholder?: boolean; size?: number};

export const PLACEHOLDER_PREFIX = "[Cán bộ bổ sung: ";

/** A marked place for staff to write: highlighted, italic, "[Cán bộ bổ sung: …]". */
export function blank(what: string): Seg {
  return {text: `${PLACEHOLDER_PREFIX}${what}]`, placeholder: true};
}

export function runs(segs: readonly Seg[], base: {size?: number; bold?: boolean; italics?: boolean} = {}): TextRun[] {
  return segs.map((s) => {
    const seg = typeof s === "string" ? {text: s} : s;
    return new TextRun({
      text: seg.text,
      font: FONT,
      size: seg.size ?? base.size ?? BODY_SIZE,
      bold: seg.bold ?? base.bold ?? false,
      italics: seg.italics ?? (seg.placeholder ? true : (base.italics ?? false)),
      ...(seg.placeholder ? {highlight: HighlightColor.YELLOW} : {})
    });
  });
}

const BODY_SPACING = {before: 120, after: 0, line: 300, lineRule: LineRuleType.AUTO} as const;

/** A body paragraph: justified, first line indented 1 cm. */
export function para(...segs: Seg[]): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: {firstLine: INDENT},
    spacing: BODY_SPACING,
    children: runs(segs)
  });
}

/** A "- item" paragraph of a list inside the body. */
export function dash(...segs: Seg[]): Paragraph {
  return para("- ", ...segs);
}

/** "I. CĂN CỨ …" */
function heading1(text: string): Paragraph {
  return new Paragraph({alignment: AlignmentType.JUSTIFIED, indent: {firstLine: INDENT}, spacing: {...BODY_SPACING, before: 180}, keepNext: true, children: runs([text], {bold: true})});
}

/** "1. Mục đích" */
function heading2(text: string): Paragraph {
  return new Paragraph({alignment: AlignmentType.JUSTIFIED, indent: {firstLine: INDENT}, spacing: BODY_SPACING, keepNext: true, children: runs([text], {bold: true})});
}

/** "a) …" */
function heading3(text: string): Paragraph {
  return new Paragraph({alignment: AlignmentType.JUSTIFIED, indent: {firstLine: INDENT}, spacing: BODY_SPACING, keepNext: true, children: runs([text], {bold: true, italics: true})});
}

/** A part of a document: the words of its heading, without the number, and what it holds. */
export interface Section {
  title: string;
  body: readonly FileChild[];
}

function roman(n: number): string {
  const numerals: [number, string][] = [[10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]];
  let out = "";
  for (const [value, numeral] of numerals) {
    for (; n >= value; n -= value) out += numeral;
  }
  return out;
}

/** The numbered heading of each level: "I. …", "1. …", "a) …". */
const HEADINGS: Record<1 | 2 | 3, (n: number, title: string) => Paragraph> = {
  1: (n, title) => heading1(`${roman(n)}. ${title}`),
  2: (n, title) => heading2(`${n}. ${title}`),
  3: (n, title) => heading3(`${String.fromCharCode(96 + n)}) ${title}`)
};

/** Sections under headings numbered in order at `level` (1: "I., II.", 2: "1., 2.", 3: "a), b)"); one left out (undefined) takes no number. */
export function numbered(level: 1 | 2 | 3, sections: readonly (Section | undefined)[]): FileChild[] {
  const heading = HEADINGS[level];
  return sections.filter((s) => s !== undefined).flatMap((s, i) => [heading(i + 1, s.title), ...s.body]);
}

function centred(segs: readonly Seg[], opts: {size: number; bold?: boolean; italics?: boolean; before?: number; after?: number; newPage?: boolean}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: {before: opts.before ?? 0, after: opts.after ?? 0},
    ...(opts.newPage ? {pageBreakBefore: true, keepNext: true} : {}),
    children: runs(segs, opts)
  });
}

/** A horizontal rule of `length` twips centred in a box of `box` twips (a thin bordered paragraph). */
function rule(box: number, length: number, after = 0): Paragraph {
  const side = Math.max(0, Math.round((box - length) / 2));
  return new Paragraph({
    indent: {left: side, right: side},
    spacing: {before: 40, after, line: 40, lineRule: LineRuleType.EXACT},
    border: {bottom: {style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1}},
    children: [new TextRun({text: "", size: 2, font: FONT})]
  });
}

const NO_BORDERS = {
  top: {style: BorderStyle.NONE, size: 0, color: "FFFFFF"},
  bottom: {style: BorderStyle.NONE, size: 0, color: "FFFFFF"},
  left: {style: BorderStyle.NONE, size: 0, color: "FFFFFF"},
  right: {style: BorderStyle.NONE, size: 0, color: "FFFFFF"}
} as const;

function plainCell(children: Paragraph[], width: number): TableCell {
  return new TableCell({
    width: {size: width, type: WidthType.DXA},
    borders: NO_BORDERS,
    margins: {left: 0, right: 0, top: 0, bottom: 0},
    children
  });
}

function layoutTable(widths: readonly number[], cells: Paragraph[][], opts: {cantSplit?: boolean} = {}): Table {
  return new Table({
    width: {size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA},
    columnWidths: [...widths],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [new TableRow({...(opts.cantSplit ? {cantSplit: true} : {}), children: cells.map((c, i) => plainCell(c, widths[i]!))})]
  });
}

const HEAD_LEFT = 3600;
const HEAD_RIGHT = TEXT_WIDTH - HEAD_LEFT;

/** "ngày 05 tháng 01 năm 2027", or blanks for day and month to be filled at signing. */
export function issueDate(meta: DocumentMeta, year: number): string {
  if (meta.date) return formatDateLong(meta.date);
  return `ngày       tháng       năm ${year}`;
}

/**
 * The heading of a state document: issuing body and number on the left, national motto and place
 * and date on the right; then the kind of document and its subject.
 */
function documentHead(opts: {meta: DocumentMeta; symbol: "KH-UBND" | "BC-UBND"; year: number; kind: string; subject: string; draft?: boolean}): FileChild[] {
  const number = opts.meta.number ? `Số: ${opts.meta.number}/${opts.symbol}` : `Số:        /${opts.symbol}`;
  const left = [
    centred([AUTHORITY], {size: PT(13), bold: true}),
    centred([issuingCommune(opts.meta).toLocaleUpperCase("vi")], {size: PT(13), bold: true}),
    rule(HEAD_LEFT, 1000, 100),
    centred([number], {size: PT(13), before: 60})
  ];
  const right = [
    centred(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], {size: PT(13), bold: true}),
    centred(["Độc lập - Tự do - Hạnh phúc"], {size: PT(14), bold: true}),
    rule(HEAD_RIGHT, 3560, 100),
    centred([`${opts.meta.commune?.name ?? "……"}, ${issueDate(opts.meta, opts.year)}`], {size: PT(14), italics: true, before: 60})
  ];
  const out: FileChild[] = [];
  if (opts.meta.isSample) {
    out.push(centred([{text: "SỐ LIỆU MẪU - CHỈ ĐỂ THỬ, KHÔNG BAN HÀNH", bold: true, placeholder: true, italics: false}], {size: PT(12), after: 120}));
  }
  if (opts.draft) out.push(new Paragraph({alignment: AlignmentType.RIGHT, spacing: {after: 60}, children: runs(["DỰ THẢO"], {bold: true, size: PT(13)})}));
  out.push(layoutTable([HEAD_LEFT, HEAD_RIGHT], [left, right]));
  out.push(centred([opts.kind], {size: PT(14), bold: true, before: 480}));
  out.push(centred([opts.subject], {size: PT(14), bold: true}));
  out.push(rule(TEXT_WIDTH, 2800, 240));
  return out;
}

/** Signature block on the right, recipients on the left, "- Lưu: VT." last. */
function signatureBlock(meta: DocumentMeta, defaults: readonly string[]): Table {
  const recipients = [...(meta.recipients ?? defaults), "Lưu: VT."];
  const left = [
    new Paragraph({spacing: {before: 240}, children: runs(["Nơi nhận:"], {size: PT(12), bold: true, italics: true})}),
    ...recipients.map((r) => new Paragraph({children: runs([`- ${r}`], {size: PT(11)})}))
  ];
  // The name's blank is upright bold and plain, as the signed name is, so a typed name inherits
  // the right style (a highlighted italic blank would pass its look on to the name).
  const signer: Seg = {text: meta.signerName ?? `${PLACEHOLDER_PREFIX}họ và tên người ký]`, bold: true};
  const right = [
    centred(["TM. ỦY BAN NHÂN DÂN"], {size: PT(14), bold: true, before: 240}),
    centred(["CHỦ TỊCH"], {size: PT(14), bold: true}),
    new Paragraph({spacing: {before: 1600}, children: []}),
    centred([signer], {size: PT(14), bold: true})
  ];
  // One row that cannot split: recipients, title and name move to the next page together.
  return layoutTable([4700, TEXT_WIDTH - 4700], [left, right], {cantSplit: true});
}

/** Closing sentence of the body, ending with "./." as the founding plan does; kept on the page of the signature block that follows it. */
function closing(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: {firstLine: INDENT},
    spacing: BODY_SPACING,
    keepNext: true,
    keepLines: true,
    children: runs([`${text}./.`])
  });
}

// ---- tables ---------------------------------------------------------------------------------

export interface Column {
  header: string;
  width: number;
  align?: "left" | "center" | "right";
}

export type CellValue = string | {text: string; bold?: boolean; italics?: boolean; placeholder?: boolean};

const LINE = {style: BorderStyle.SINGLE, size: 4, color: "000000"} as const;
const GRID = {top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE} as const;

function align(a: Column["align"]) {
  return a === "right" ? AlignmentType.RIGHT : a === "center" ? AlignmentType.CENTER : AlignmentType.LEFT;
}

function gridCell(value: CellValue, col: Column, opts: {bold?: boolean; size: number; span?: number; width?: number; alignOverride?: Column["align"]}): TableCell {
  const v = typeof value === "string" ? {text: value} : value;
  const lines = v.text.split("\n");
  return new TableCell({
    width: {size: opts.width ?? col.width, type: WidthType.DXA},
    verticalAlign: VerticalAlign.CENTER,
    margins: {left: 70, right: 70, top: 30, bottom: 30},
    ...(opts.span && opts.span > 1 ? {columnSpan: opts.span} : {}),
    children: lines.map(
      (line) =>
        new Paragraph({
          alignment: align(opts.alignOverride ?? col.align),
          spacing: {before: 20, after: 20},
          children: runs([{...v, text: line}], {size: opts.size, bold: v.bold ?? opts.bold ?? false, italics: v.italics ?? false})
        })
    )
  });
}

export interface TableRowSpec {
  cells: CellValue[];
  bold?: boolean;
  /** Merge the first `merge` cells into one (used by the TỔNG row). */
  merge?: number;
}

/** A bordered table with a bold, repeated header row. */
export function dataTable(columns: readonly Column[], rows: readonly TableRowSpec[], size = PT(13)): Table {
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((c) => gridCell(c.header, c, {bold: true, size, alignOverride: "center"}))
  });
  const body = rows.map((r) => {
    const merge = r.merge ?? 1;
    const cells: TableCell[] = [];
    if (merge > 1) {
      const width = columns.slice(0, merge).reduce((s, c) => s + c.width, 0);
      cells.push(gridCell(r.cells[0] ?? "", columns[0]!, {bold: r.bold ?? false, size, span: merge, width, alignOverride: "center"}));
      r.cells.slice(1).forEach((v, i) => cells.push(gridCell(v, columns[merge + i]!, {bold: r.bold ?? false, size})));
    } else {
      r.cells.forEach((v, i) => cells.push(gridCell(v, columns[i]!, {bold: r.bold ?? false, size})));
    }
    return new TableRow({cantSplit: true, children: cells});
  });
  return new Table({
    width: {size: columns.reduce((s, c) => s + c.width, 0), type: WidthType.DXA},
    columnWidths: columns.map((c) => c.width),
    layout: TableLayoutType.FIXED,
    borders: GRID,
    rows: [header, ...body]
  });
}

/** "ĐVT: Đồng" over a money table, right-aligned and italic. */
function unitLine(): Paragraph {
  return new Paragraph({alignment: AlignmentType.RIGHT, spacing: {before: 120, after: 60}, keepNext: true, children: runs(["ĐVT: Đồng"], {italics: true, size: PT(13)})});
}

/** The TỔNG row of a money table: bold, its label over the first two columns. */
export function totalRow(...cells: CellValue[]): TableRowSpec {
  return {cells: ["TỔNG", ...cells], bold: true, merge: 2};
}

/** "ĐVT: Đồng" over the table, and under it `inWords` ("Bằng chữ: …") when given. */
export function moneyTable(columns: readonly Column[], rows: readonly TableRowSpec[], opts: {size?: number; inWords?: string} = {}): FileChild[] {
  return [unitLine(), dataTable(columns, rows, opts.size), ...(opts.inWords === undefined ? [] : [afterTable(opts.inWords)])];
}

/** "Bằng chữ: Một trăm triệu đồng". */
export function totalInWords(amount: bigint, words?: WordsOptions): string {
  return `Bằng chữ: ${moneyToWords(amount, words)}`;
}

/** An italic line under a table ("Bằng chữ: …", notes). */
export function afterTable(...segs: Seg[]): Paragraph {
  return new Paragraph({alignment: AlignmentType.JUSTIFIED, indent: {firstLine: INDENT}, spacing: {before: 100, after: 0}, children: runs(segs, {italics: true})});
}

/** "Chế biến nông, lâm, thủy sản" → "chế biến nông, lâm, thủy sản", keeping acronyms ("CNNT"). */
export function lowerFirst(text: string): string {
  return text.replace(/^\p{Lu}(?!\p{Lu})/u, (c) => c.toLowerCase());
}

/** A centred line (appendix titles); `newPage`: the line starts a page by its own page-break-before, never an empty paragraph. */
export function centredLine(text: string, opts: {bold?: boolean; italics?: boolean; size?: number; before?: number; after?: number; newPage?: boolean} = {}): Paragraph {
  return centred([text], {size: opts.size ?? BODY_SIZE, ...opts});
}

export {count2} from "./models.js";

// ---- the document ---------------------------------------------------------------------------

/** A state document: its heading, the body, the closing sentence and the signature block, then any appendix. */
export function packStateDocument(opts: {
  meta: DocumentMeta;
  symbol: "KH-UBND" | "BC-UBND";
  year: number;
  kind: string;
  title: string;
  subject: string;
  draft?: boolean;
  body: readonly FileChild[];
  closing: string;
  recipients: readonly string[];
  appendix?: readonly FileChild[];
}): Promise<Uint8Array> {
  const children = [...documentHead(opts), ...opts.body, closing(opts.closing), signatureBlock(opts.meta, opts.recipients), ...(opts.appendix ?? [])];
  return packDocument({title: opts.title, subject: opts.subject, meta: opts.meta, children});
}

async function packDocument(opts: {title: string; subject: string; meta: DocumentMeta; children: FileChild[]}): Promise<Uint8Array> {
  const doc = new Document({
    creator: `UBND ${issuingCommune(opts.meta)}`,
    title: opts.title,
    subject: opts.subject,
    styles: {
      default: {
        document: {run: {font: FONT, size: BODY_SIZE, language: {value: "vi-VN"}}, paragraph: {spacing: {after: 0}}}
      }
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: {width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT},
            margin: {...MARGIN}
          }
        },
        headers: {
          first: new Header({children: [new Paragraph({children: []})]}),
          default: new Header({
            children: [new Paragraph({alignment: AlignmentType.CENTER, children: [new TextRun({children: [PageNumber.CURRENT], font: FONT, size: PT(13)})]})]
          })
        },
        children: opts.children
      }
    ]
  });
  const buffer = await Packer.toArrayBuffer(doc);
  return new Uint8Array(buffer);
}
