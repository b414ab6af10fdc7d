// Encodings and delimiters (docs/du-lieu.md, "Quy tắc chung"): UTF-8 with or without BOM
// and UTF-16 with BOM load identically, `,` `;` and tab are detected; any other encoding refuses
// the whole run with a message naming the file and how to re-save it, and the previous warehouse
// stays exactly as it was.
import {readdirSync, readFileSync} from "node:fs";
import {dirname} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {BOM, cleanup, closeAll, csv, ingestFiles, ingestRefused, openWarehouse, tableRows, utf16, type Files, type Warehouse} from "./helpers.js";

const HEADER = ["Mã cơ sở", "Tên cơ sở", "Loại hình", "Ngành nghề", "Xã cũ", "Số lao động"];
/** Two facilities; the second file cell has commas (must survive a `,` file quoted). */
function rows(prefix: string): string[][] {
  return [
    [`${prefix}-1`, "Cơ sở nước mắm Hoà Bình", "Hộ kinh doanh", "Chế biến nông, lâm, thủy sản, thực phẩm", "Vĩnh Thủy", "12"],
    [`${prefix}-2`, "Xưởng mộc Đức Thành", "HTX", "Mộc dân dụng, mỹ nghệ", "Vĩnh Lâm", "1.200"]
  ];
}
/** What every one of those files must load as (hand-written). */
const EXPECTED = [
  {n: "1", name: "Cơ sở nước mắm Hoà Bình", kind: "ho_kinh_doanh", sector: "che_bien_nlts", former_unit: "Vĩnh Thủy", workers: 12, source_line: 2},
  {n: "2", name: "Xưởng mộc Đức Thành", kind: "hop_tac_xa", sector: "moc", former_unit: "Vĩnh Lâm", workers: 1200, source_line: 3}
];

const variants: {file: string; prefix: string; encoding: string; delimiter: string; content: string | Buffer}[] = [
  {file: "establishments_1.csv", prefix: "U8", encoding: "utf-8", delimiter: ";", content: csv(HEADER, rows("U8"))},
  {file: "establishments_2.csv", prefix: "BOM", encoding: "utf-8-bom", delimiter: ";", content: BOM + csv(HEADER, rows("BOM"))},
  {file: "establishments_3.csv", prefix: "LE", encoding: "utf-16le", delimiter: ";", content: utf16(csv(HEADER, rows("LE")), "le")},
  {file: "establishments_4.csv", prefix: "BE", encoding: "utf-16be", delimiter: ";", content: utf16(csv(HEADER, rows("BE")), "be")},
  {file: "establishments_5.csv", prefix: "COMMA", encoding: "utf-8-bom", delimiter: ",", content: BOM + csv(HEADER, rows("COMMA"), {delimiter: ","})},
  {file: "establishments_6.csv", prefix: "TAB", encoding: "utf-8", delimiter: "tab", content: csv(HEADER, rows("TAB"), {delimiter: "\t", eol: "\n"})},
  {file: "establishments_7.csv", prefix: "LE16C", encoding: "utf-16le", delimiter: "tab", content: utf16(csv(HEADER, rows("LE16C"), {delimiter: "\t"}), "le")}
];

let w: Warehouse;
beforeAll(async () => {
  w = await ingestFiles(Object.fromEntries(variants.map((v) => [v.file, v.content])));
});
afterAll(() => {
  closeAll();
  cleanup();
});

describe("encodings and delimiters", () => {
  it("the test files really are in the encodings they claim", () => {
    const le = variants[2]!.content as Buffer;
    const be = variants[3]!.content as Buffer;
    expect([...le.subarray(0, 4)]).toEqual([0xff, 0xfe, 0x4d, 0x00]); // BOM, "M"
    expect([...be.subarray(0, 4)]).toEqual([0xfe, 0xff, 0x00, 0x4d]);
  });

  it.each(variants)("$file ($encoding, $delimiter) loads both rows as written", async (v) => {
    const sf = await w.query(`SELECT encoding, delimiter, rows_read, rows_loaded, rows_rejected FROM source_files WHERE source_file = '${v.file}'`);
    expect(sf).toEqual([{encoding: v.encoding, delimiter: v.delimiter, rows_read: 2, rows_loaded: 2, rows_rejected: 0}]);
    const loaded = await w.query(
      `SELECT establishment_id, name, kind, sector, former_unit, workers, source_line FROM establishments WHERE source_file = '${v.file}' ORDER BY source_line`
    );
    expect(loaded).toEqual(EXPECTED.map(({n, ...rest}) => ({establishment_id: `${v.prefix}-${n}`, ...rest})));
  });

  it("nothing was rejected", async () => {
    expect(await w.query("SELECT * FROM rejects")).toEqual([]);
    expect(await w.scalar("SELECT count(*) FROM establishments")).toBe(String(2 * variants.length));
  });
});

describe("a file in another encoding refuses the run", () => {
  // "Cơ sở Hòa Bình" as Windows-1258 writes it (ơ = F5, hook above = D2, ò = F2, ì = EC), and
  // "Cơ sở" as TCVN3 writes it (ơ = AC, ở = EB): neither is UTF-8.
  const cp1258 = Buffer.concat([Buffer.from("Ma co so;Ten co so;Loai hinh;Nganh nghe\r\nCS01;C"), Buffer.from([0xf5, 0x20, 0x73, 0xf5, 0xd2, 0x20, 0x48, 0xf2]), Buffer.from("a B"), Buffer.from([0xec]), Buffer.from("nh;HKD;moc\r\n")]);
  const tcvn3 = Buffer.concat([Buffer.from("Ma co so;Ten co so;Loai hinh;Nganh nghe\r\nCS01;Co so moc;HKD;moc\r\nCS02;C"), Buffer.from([0xac, 0x20, 0x73, 0xeb]), Buffer.from(" may;HKD;det_may\r\n")]);
  const good: Files = {"establishments_1.csv": variants[0]!.content};

  async function refusedOver(files: Files): Promise<string> {
    const before = readFileSync(w.dbPath);
    const error = await ingestRefused({...good, ...files}, {dbPath: w.dbPath});
    // The previous warehouse: byte for byte the same, no build left beside it, and it still opens
    // with its rows.
    expect(readFileSync(w.dbPath).equals(before)).toBe(true);
    expect(readdirSync(dirname(w.dbPath)).filter((f) => f.includes(".tmp-"))).toEqual([]);
    const again = await openWarehouse(w.dbPath);
    try {
      expect(await tableRows(again, "establishments")).toEqual(await tableRows(w, "establishments"));
    } finally {
      again.close();
    }
    return error.message;
  }

  it("Windows-1258: refused, the message names the file and says CSV UTF-8", async () => {
    const message = await refusedOver({"establishments_cp1258.csv": cp1258});
    expect(message).toContain("establishments_cp1258.csv");
    expect(message).toContain("CSV UTF-8");
    expect(message).toContain("dòng 2"); // where the first wrong byte is
    expect(message).toContain("Kho cũ được giữ nguyên");
  });

  it("TCVN3: refused the same way, the bad line named", async () => {
    const message = await refusedOver({"establishments_tcvn3.csv": tcvn3});
    expect(message).toContain("establishments_tcvn3.csv");
    expect(message).toContain("CSV UTF-8");
    expect(message).toContain("dòng 3");
  });

  it("UTF-16 without its BOM cannot be read with certainty: refused", async () => {
    const noBom = utf16(csv(HEADER, rows("X")), "le").subarray(2);
    const message = await refusedOver({"establishments_nobom.csv": noBom});
    expect(message).toContain("establishments_nobom.csv");
    expect(message).toContain("CSV UTF-8");
  });

  it("a UTF-8 BOM followed by bytes that are not UTF-8 is refused too", async () => {
    const message = await refusedOver({"establishments_bombad.csv": Buffer.concat([Buffer.from(BOM), cp1258])});
    expect(message).toContain("establishments_bombad.csv");
    expect(message).toContain("CSV UTF-8");
  });
});
