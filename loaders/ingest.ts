// Builds the warehouse from the data folder: every file read, typed and checked, then the marts,
// the warnings and the data tests. The warehouse is built whole in a new file beside the old one
// and renamed over it only when everything passed, so a failed or killed run leaves the previous
// warehouse exactly as it was, and a reader never opens a half-built file.
import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import {existsSync, lstatSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, unlinkSync} from "node:fs";
import {tmpdir} from "node:os";
import {basename, dirname, join, resolve} from "node:path";
import {codeLists, committedStatuses, type CodeEntry} from "../src/lib/contract/codes.js";
import {formatNumber} from "../src/lib/format.js";
import {kindOfFile, kindOrder, kinds, type KindName, type KindSpec} from "../src/lib/contract/kinds.js";
import {headerSample, readHeader, sampleComplete, sampleRecords, SAMPLE_BYTES, SAMPLE_MAX_BYTES} from "./read/dialect.js";
import {bomBytes, detectEncoding, toUtf8, type Encoding} from "./read/encoding.js";
import {LockHeld, processAlive, withLock} from "../src/lib/process/lock.js";
import {FileRefused} from "./read/errors.js";
import {readFileStart, readRegularFile} from "./read/open.js";
import {fileFacts, streamFileFacts, type FileFacts} from "./read/facts.js";
import {matchHeaders, type HeaderMap} from "./read/headers.js";
import {rejectAcrossRows} from "./load/integrity.js";
import {inDependencyOrder, takeInTurn} from "./load/connections.js";
import {COMMUNE_TYPE, labelBookkeeping, settleCommunes} from "./load/communes.js";
import {resolveEstablishmentNames, writeNameKeys} from "./load/names.js";
import {appendRows} from "./load/append.js";
import {batchable, loadBatch, loadRaw, scalar, type RawFile, type RawResult} from "./load/raw.js";
import {quoteLiteral} from "./load/sql.js";
import {createKindTable, createNameType, FILE_TYPE, repeatedTexts, settleUnsure} from "./load/typed.js";
import {collectWarnings, createModels, runDataTests, schemaSql, type DataTestResult} from "./sql/run.js";
import {firstRows} from "./summary-rows.js";
import type {ShownReject, ShownWarning} from "../src/lib/rejects.js";

/** The data folder marks itself as sample data with this file. */
export const SAMPLE_MARKER = "DU_LIEU_MAU.txt";
/** Files this large report their progress. */
const LARGE_FILE = 5 * 1024 * 1024;

export interface IngestOptions {
  dataDir: string;
  dbPath: string;
  /** Progress lines (Vietnamese) for long steps. */
  onProgress?: (message: string) => void;
}

export interface FileSummary {
  file: string;
  kind: KindName;
  bytes: number;
  encoding: string;
  delimiter: string;
  reader: RawResult["path"];
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  blankRows: number;
  warnings: number;
}

/** The steps of a run, in order, for the time each took. */
export const INGEST_STEPS = ["files", "rows", "models", "warnings", "tests", "write", "other"] as const;
export type IngestStep = (typeof INGEST_STEPS)[number];

export interface IngestSummary {
  runId: string;
  dataDir: string;
  dbPath: string;
  startedAt: string;
  finishedAt: string;
  isSample: boolean;
  dataAsOf: string | null;
  files: FileSummary[];
  /**
   * What the folder holds that was not loaded, listed so nothing goes unnoticed: a CSV file whose
   * name gives no kind (`unknown_kind`), any other file, such as an Excel workbook (`not_csv`), a
   * folder inside it (`folder`: only the files directly in the data folder are read), a link
   * (`link`: it may point anywhere, /etc/shadow or /dev/zero) or a device, FIFO or socket
   * (`special`): only regular files are read.
   */
  skippedFiles: {source_file: string; reason: "unknown_kind" | "not_csv" | "folder" | "link" | "special"}[];
  rejects: number;
  warnings: number;
  /** The first rejected rows and warnings (SHOWN_ROWS of each), personal values hidden. */
  firstRejects: ShownReject[];
  firstWarnings: ShownWarning[];
  dataTests: DataTestResult[];
  /** Seconds per step: reading and typing the files (cell by cell), rules across rows, models, warnings, data tests, writing the file, the rest (bookkeeping). */
  seconds: Record<IngestStep, number>;
}

/** The run stopped: `message` says why in Vietnamese; the previous warehouse is untouched. */
export class IngestFailed extends Error {
  override name = "IngestFailed";
}

/**
 * One run per warehouse at a time: a second run into the same warehouse waits for the first
 * (saying which process it waits for) instead of both writing it and the slower one's data
 * winning without a word. A run killed outright leaves its lock behind; the next run sees that
 * its process is gone and takes it.
 */
export async function ingest(options: IngestOptions): Promise<IngestSummary> {
  const dbPath = resolve(options.dbPath);
  const progress = options.onProgress ?? (() => {});
  const lockDir = `${dbPath}.lock`;
  try {
    return await withLock(lockDir, () => ingestLocked(options), {
      onWait: (owner) => progress(`Kho ${dbPath} đang được một lần nạp khác ghi (tiến trình ${owner}); chờ lần đó xong…`)
    });
  } catch (error) {
    if (error instanceof LockHeld) {
      throw new IngestFailed(`Kho ${dbPath} vẫn đang được một lần nạp khác ghi (tiến trình ${error.owner}) sau ${Math.round(error.waitedMs / 60_000)} phút chờ; hãy chờ lần đó xong rồi chạy lại.`);
    }
    if ((error as NodeJS.ErrnoException).path === lockDir) {
      throw new IngestFailed(`Không ghi được vào thư mục ${dirname(dbPath)} của kho (${(error as NodeJS.ErrnoException).code}). Kiểm tra quyền ghi của thư mục, hoặc chọn chỗ khác bằng --db. Kho cũ được giữ nguyên.`);
    }
    throw error;
  }
}

async function ingestLocked(options: IngestOptions): Promise<IngestSummary> {
  const {dataDir} = options;
  const dbPath = resolve(options.dbPath);
  const started = new Date();
  const timer = stepTimer();
  const folder = scanDataFolder(dataDir);
  removeStaleBuilds(dbPath);
  const build = await openBuild(dbPath);
  try {
    const {files, dataTests} = await buildWarehouse(build, folder, options, timer.timed);
    const run = runRecord(started, folder, await dataAsOfDate(build.conn));
    await recordRun(build.conn, dataDir, run, dataTests);
    const found = await rejectsAndWarnings(build.conn);
    refuseFailedTests(dataTests);
    await timer.timed("write", () => swapIn(build, dbPath));
    return {...run, dataDir, dbPath, files, skippedFiles: folder.skippedFiles, ...found, dataTests, seconds: timer.finish()};
  } catch (error) {
    if (error instanceof FileRefused) throw new IngestFailed(`${error.message} Kho cũ được giữ nguyên.`);
    throw error;
  } finally {
    build.close();
    removeBuild(build.tmpPath, build.scratch);
  }
}

/** The new warehouse's contents: the files read, the rules across rows, the models, the warnings, the data tests. */
async function buildWarehouse(
  build: Build,
  folder: DataFolder,
  {dataDir, onProgress = () => {}}: IngestOptions,
  timed: StepTimer["timed"]
): Promise<{files: FileSummary[]; dataTests: DataTestResult[]}> {
  // Every file's start (encoding, header) is read ahead, and its facts found as it streams from
  // the disk beside the loads, off DuckDB's path (openFile).
  const opened = new Map(filesOf(folder).map((file) => [file, openFile(resolve(dataDir), file)]));
  const {conn, side} = build;
  await conn.run(schemaSql());
  await insertCodeLists(conn);
  for (const f of folder.skippedFiles) await conn.run("INSERT INTO skipped_files (source_file, reason) VALUES ($file, $reason)", {file: f.source_file, reason: f.reason});
  const {files, topCommune} = await timed("files", () => loadFiles(build, folder, opened, onProgress));
  await timed("rows", () => rejectAcrossKinds(conn, side));
  await timed("models", () => createModels(conn, side));
  await timed("warnings", () => collectWarnings(conn, side));
  await labelBookkeeping(conn, topCommune);
  await countRows(conn, files);
  const dataTests = await timed("tests", () => testWhileWriting(build));
  return {files, dataTests};
}

/**
 * The data tests, the warehouse written out (CHECKPOINT) beside them on a third connection: the
 * tests only read, and the final CHECKPOINT (swapIn) then writes only the run's record. Written
 * after the tests, the million vouchers' table kept one processor idle for most of its writing
 * (bench:ingest). Both have ended when it returns.
 */
async function testWhileWriting(build: Build): Promise<DataTestResult[]> {
  const [tested, written] = await Promise.allSettled([runDataTests(build.conn, build.side), build.writer.run("CHECKPOINT")]);
  if (tested.status === "rejected") throw tested.reason;
  if (written.status === "rejected") throw written.reason;
  return tested.value;
}

function runRecord(started: Date, folder: DataFolder, dataAsOf: string | null): RunRecord {
  return {
    runId: `${started.toISOString().replace(/[-:.TZ]/g, "").slice(0, 14)}-${process.pid}`,
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    isSample: folder.entries.includes(SAMPLE_MARKER),
    dataAsOf
  };
}

async function rejectsAndWarnings(conn: DuckDBConnection): Promise<Pick<IngestSummary, "rejects" | "warnings" | "firstRejects" | "firstWarnings">> {
  const first = await firstRows(conn);
  return {
    rejects: await scalar(conn, "SELECT count(*) FROM rejects"),
    warnings: await scalar(conn, "SELECT count(*) FROM warnings"),
    firstRejects: first.rejects,
    firstWarnings: first.warnings
  };
}

/** A data test that found rows stops the run: the old warehouse stays. */
function refuseFailedTests(dataTests: readonly DataTestResult[]): void {
  const failed = dataTests.filter((t) => t.failures > 0);
  if (failed.length === 0) return;
  const list = failed.map((t) => `${t.test} (${t.failures} dòng sai, ví dụ ${t.example})`).join("; ");
  throw new IngestFailed(`Kiểm thử dữ liệu của kho không đạt: ${list}. Kho cũ được giữ nguyên.`);
}

interface DataFolder {
  entries: string[];
  /** Files by kind, as paths relative to the data folder ("19393/plan_lines_2026.csv" in a commune's folder). */
  byKind: Map<KindName, string[]>;
  sizes: Map<string, number>;
  /** The communes' folders ("19393"), beside the data folder's own files. */
  communeFolders: string[];
  skippedFiles: IngestSummary["skippedFiles"];
}

/** Every file the folder loads, of every kind. */
const filesOf = (folder: DataFolder): string[] => [...folder.byKind.values()].flat();

/** A commune's folder is named by its code: letters, digits, "-" and "_". */
const COMMUNE_FOLDER = /^[\p{L}\p{N}_-]+$/u;

/**
 * The office's files, by kind, and what else the folder holds (skipped, with why). The data folder
 * holds one commune's files, or one sub-folder per commune named by its code and holding its
 * xa.csv (data/<Mã xã>/xa.csv, …), or both. Any other folder (last year's files put aside, say) is
 * skipped, and so is what lies deeper.
 */
function scanDataFolder(dataDir: string): DataFolder {
  if (!existsSync(dataDir) || !statSync(dataDir).isDirectory()) {
    throw new IngestFailed(`Không tìm thấy thư mục dữ liệu ${dataDir}`);
  }
  const entries = listFolder(dataDir);
  const folder: DataFolder = {entries, byKind: new Map(), sizes: new Map(), communeFolders: [], skippedFiles: []};
  scanFolder(dataDir, "", entries, folder);
  for (const kind of folder.byKind.keys()) folder.byKind.get(kind)!.sort();
  return folder;
}

function listFolder(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch (error) {
    throw new IngestFailed(`Không đọc được thư mục dữ liệu ${dir} (${(error as NodeJS.ErrnoException).code === "EACCES" ? "không có quyền đọc" : (error as Error).message}).`);
  }
}

/** Files of one folder (`prefix` "" for the data folder, "19393/" for a commune's). */
function scanFolder(dataDir: string, prefix: string, entries: readonly string[], folder: DataFolder): void {
  for (const name of entries) {
    const file = `${prefix}${name}`;
    const kind = kindOfFile(name);
    const csv = name.toLowerCase().endsWith(".csv");
    if (kind === undefined && !csv && notTheOfficesFile(name)) continue;
    // Not following links: what a name points to is not read, whatever the name says.
    const info = lstatSync(join(dataDir, file), {throwIfNoEntry: false});
    if (info === undefined) continue;
    if (info.isDirectory() && prefix === "" && COMMUNE_FOLDER.test(name) && holdsCommuneFile(join(dataDir, name))) {
      folder.communeFolders.push(name);
      scanFolder(dataDir, `${name}/`, listFolder(join(dataDir, name)), folder);
      continue;
    }
    const other = info.isSymbolicLink() ? "link" : info.isDirectory() ? "folder" : info.isFile() ? undefined : "special";
    if (other !== undefined) folder.skippedFiles.push({source_file: file, reason: other});
    else if (kind !== undefined) {
      folder.byKind.set(kind, [...(folder.byKind.get(kind) ?? []), file]);
      folder.sizes.set(file, info.size);
    } else folder.skippedFiles.push({source_file: file, reason: csv ? "unknown_kind" : "not_csv"});
  }
}

function holdsCommuneFile(dir: string): boolean {
  try {
    return readdirSync(dir).some((name) => kindOfFile(name) === "communes");
  } catch {
    return false;
  }
}

interface Build {
  tmpPath: string;
  scratch: string;
  conn: DuckDBConnection;
  /** A second connection: kinds are read side by side (loadKinds). */
  side: DuckDBConnection;
  /** A third: the warehouse written out while the data tests read it (testWhileWriting). */
  writer: DuckDBConnection;
  close(): void;
}

/**
 * The new warehouse, built beside the old one in `<db>.tmp-<pid>` with a scratch folder. It is
 * attached without a write-ahead log: a run commits a few hundred statements, and each commit
 * logged and synced to the disk lay on the run's critical path. Nothing needs the log: a run
 * that dies leaves a file that is removed, never read, and the final CHECKPOINT (swapIn) writes
 * the whole warehouse out and syncs it before it is renamed into place.
 */
async function openBuild(dbPath: string): Promise<Build> {
  const tmpPath = `${dbPath}.tmp-${process.pid}`;
  // In memory until the build is attached (nothing on disk yet); DuckDB's spill folder where a
  // file database has it by default (removeBuild clears it).
  const instance = await DuckDBInstance.create(":memory:", {temp_directory: `${tmpPath}.tmp`});
  const scratch = mkdtempSync(join(tmpdir(), `${SCRATCH_PREFIX}${process.pid}-`));
  building.set(tmpPath, scratch);
  try {
    const conn = await instance.connect();
    // ATTACH binds no parameter: the path is quoted in, the one value of a run that is.
    await conn.run(`ATTACH ${quoteLiteral(tmpPath)} AS warehouse (RECOVERY_MODE NO_WAL_WRITES); USE warehouse`);
    const side = await instance.connect();
    await side.run("USE warehouse");
    const writer = await instance.connect();
    await writer.run("USE warehouse");
    let closed = false;
    return {
      tmpPath,
      scratch,
      conn,
      side,
      writer,
      close() {
        if (closed) return;
        closed = true;
        writer.closeSync();
        side.closeSync();
        conn.closeSync();
        instance.closeSync();
      }
    };
  } catch (error) {
    instance.closeSync();
    removeBuild(tmpPath, scratch);
    const reason = (error instanceof Error ? error.message : String(error)).split("\n")[0]!.replace(/^[A-Za-z ]*Error: /, "");
    throw new IngestFailed(`Không ghi được kho mới ${tmpPath} (${reason}). Kiểm tra quyền ghi và chỗ trống của thư mục, hoặc chọn chỗ khác bằng --db. Kho cũ được giữ nguyên.`);
  }
}

type StepTimer = ReturnType<typeof stepTimer>;

/** Seconds per step of the run: a wrapper that adds a step's time, and the totals, the rest counted as "other". */
function stepTimer() {
  const clock = performance.now();
  const seconds = Object.fromEntries(INGEST_STEPS.map((s) => [s, 0])) as Record<IngestStep, number>;
  const timed = async <T>(step: IngestStep, work: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    try {
      return await work();
    } finally {
      seconds[step] += (performance.now() - t) / 1000;
    }
  };
  const finish = (): Record<IngestStep, number> => {
    seconds.other = (performance.now() - clock) / 1000 - INGEST_STEPS.reduce((sum, step) => sum + seconds[step], 0);
    return seconds;
  };
  return {timed, finish};
}

/**
 * Every kind's files read into its table, cell by cell; the summaries in the kinds' order. The
 * communes' file first: every other kind's table has a commune column of the communes' type, and
 * its rows take their commune as they go in.
 */
async function loadFiles(
  build: Build,
  folder: DataFolder,
  opened: Map<string, Promise<OpenedFile>>,
  progress: (m: string) => void
): Promise<{files: FileSummary[]; topCommune: string}> {
  let topCommune: string | undefined;
  const loadKind = async (c: DuckDBConnection, kind: KindName): Promise<FileSummary[]> => {
    const spec = kinds[kind] as KindSpec;
    const prepared: PreparedFile[] = [];
    for (const file of folder.byKind.get(kind) ?? []) {
      const ready = await opened.get(file)!;
      opened.delete(file);
      prepared.push(await prepareFile(spec, ready, progress));
    }
    await createKindTable(c, spec, repeatedTextsOf(spec, prepared));
    const batched = await loadBatches(c, spec, prepared, topCommune);
    const summaries: FileSummary[] = [];
    for (const p of prepared) {
      const raw = batched.get(p.raw.name) ?? (await loadRaw(c, spec, p.raw, {tmpDir: build.scratch, top: topCommune}));
      summaries.push(await recordFile(c, spec, p, raw, progress));
    }
    await insertRejects(c, kind, await settleUnsure(c, spec, topCommune));
    if (kind === "communes") topCommune = await settleCommunesOf(c, folder);
    return summaries;
  };
  await createNameType(build.conn, FILE_TYPE, filesOf(folder));
  const bytes = (kind: KindName) => (folder.byKind.get(kind) ?? []).reduce((sum, f) => sum + folder.sizes.get(f)!, 0);
  const largestFirst = kindOrder.filter((kind) => kind !== "communes").sort((a, b) => bytes(b) - bytes(a));
  const loaded = await loadKinds([build.conn, build.side], ["communes", ...largestFirst], loadKind);
  return {files: kindOrder.flatMap((kind) => loaded.get(kind) ?? []), topCommune: topCommune!};
}

/** The communes checked against their folders; their ENUM type made; the data folder's own commune code returned. */
async function settleCommunesOf(conn: DuckDBConnection, folder: DataFolder): Promise<string> {
  const topHasFiles = filesOf(folder).some((f) => !f.includes("/"));
  const top = await settleCommunes(conn, [...(topHasFiles ? [""] : []), ...folder.communeFolders]);
  await createNameType(conn, COMMUNE_TYPE, [top, ...folder.communeFolders]);
  return top;
}

/**
 * The rules across rows, each kind once the kinds it references are settled (a reference only
 * finds rows that stayed); kinds that do not reference each other side by side on the connections.
 */
async function rejectAcrossKinds(...connections: [DuckDBConnection, ...DuckDBConnection[]]): Promise<void> {
  await writeNameKeys(connections[0]);
  const steps = kindOrder.map((kind) => {
    const spec = kinds[kind] as KindSpec;
    const referenced = new Set((spec.references ?? []).map((r) => r.kind).filter((k) => k !== kind));
    return {
      name: kind,
      after: [...referenced],
      run: async (c: DuckDBConnection) => {
        await rejectAcrossRows(c, spec);
        if (kind === "projects" || kind === "demand_survey") await resolveEstablishmentNames(c, kind);
      }
    };
  });
  await inDependencyOrder(connections, steps);
}

type RunRecord = Pick<IngestSummary, "runId" | "startedAt" | "finishedAt" | "isSample" | "dataAsOf">;

async function recordRun(conn: DuckDBConnection, dataDir: string, run: RunRecord, dataTests: readonly DataTestResult[]): Promise<void> {
  await appendRows(conn, "data_tests", dataTests.map((t) => [t.test, t.failures, t.example]));
  await conn.run("INSERT INTO ingest_runs VALUES ($runId, $started, $finished, $dataDir, 'ok', $isSample, CAST($dataAsOf AS DATE))", {
    runId: run.runId,
    started: run.startedAt,
    finished: run.finishedAt,
    dataDir,
    isSample: run.isSample,
    dataAsOf: run.dataAsOf
  });
}

/** The new warehouse written out and renamed over the old one: readers never see it half-built. */
async function swapIn(build: Build, dbPath: string): Promise<void> {
  await build.conn.run("CHECKPOINT");
  build.close();
  // A write-ahead log left beside the old file would be replayed onto the new one.
  if (existsSync(`${dbPath}.wal`)) unlinkSync(`${dbPath}.wal`);
  renameSync(build.tmpPath, dbPath);
}

/**
 * A run's own temporary files: the new warehouse, DuckDB's spill folder (`<file>.tmp`) and the
 * scratch folder. Removed as soon as the run ends, failed or not, and on Ctrl+C (loaders/cli.ts);
 * what a killed run left, the next run removes (removeStaleBuilds).
 */
const building = new Map<string, string>();

function removeBuild(tmpPath: string, scratch: string): void {
  for (const leftover of [tmpPath, `${tmpPath}.tmp`, scratch]) rmSync(leftover, {recursive: true, force: true});
  building.delete(tmpPath);
}

/** Removes the temporary files of every run of this process still going (an interrupted process). */
export function removeRunningBuilds(): void {
  for (const [tmpPath, scratch] of building) removeBuild(tmpPath, scratch);
}

interface OpenedFile {
  file: string;
  path: string;
  bytes: number;
  /** The start of the text as UTF-8 without BOM: all that headerSample() looks at. */
  head: Buffer;
  /** The whole text as UTF-8 without BOM, read when asked. */
  text: () => Promise<Buffer>;
  encoding: Encoding;
  /** Found while the file loads; rejects when its UTF-8 is not valid. */
  facts: Promise<FileFacts>;
}

/**
 * A file's start read (its encoding and header), its facts under way. A UTF-8 file's facts are
 * found as it streams from the disk, and its whole text is read only when asked (a file DuckDB
 * cannot read as it stands): a million-row file is never held in memory. A UTF-16 file is read
 * whole and transcoded. Its failure (a refused encoding) is held until the file's turn, so the
 * run reports files in the same order whatever finished reading first.
 */
function openFile(dataDir: string, file: string): Promise<OpenedFile> {
  const path = join(dataDir, file);
  const opened = readTextStart(path, file).then(async ({start, size}): Promise<OpenedFile> => {
    const encoding = detectEncoding(start, file);
    if (encoding === "utf-8" || encoding === "utf-8-bom") {
      const bom = bomBytes(encoding);
      const facts = streamFileFacts(path, file);
      facts.catch(() => {});
      const text = async () => (await readRegularFile(path, file)).subarray(bom);
      return {file, path, bytes: size, head: start.subarray(bom), text, encoding, facts};
    }
    const bytes = await readRegularFile(path, file);
    const {utf8} = toUtf8(bytes, file);
    const facts = fileFacts(file, bytes, utf8, encoding);
    facts.catch(() => {});
    return {file, path, bytes: bytes.length, head: utf8, text: () => Promise.resolve(utf8), encoding, facts};
  });
  opened.catch(() => {});
  return opened;
}

/** The file's first bytes: a BOM and all that headerSample() looks at (more when the sample's first bytes do not hold it). */
async function readTextStart(path: string, file: string): Promise<{start: Buffer; size: number}> {
  const bom = bomBytes("utf-8-bom");
  const read = await readFileStart(path, file, bom + SAMPLE_BYTES);
  if (read.start.length === read.size || sampleComplete(read.start)) return read;
  return readFileStart(path, file, bom + SAMPLE_MAX_BYTES);
}

/**
 * Every kind read into its table and its cells settled: the first of `order` (the communes') alone,
 * then the others side by side on the connections, taken in order. The ingest gives the largest
 * first: a large kind's insert starts at once and keeps the processors busy, while the small
 * kinds, which cost mostly round trips rather than processor time, go by one after the other on
 * the other connection. A kind's files go one after the other: each file's rows must take
 * consecutive row ids. Row order is kept for the whole load (preserve_insertion_order): a row's
 * spreadsheet number comes from its row id. A failure is reported as takeInTurn does, by load
 * order: the same files always fail the same way.
 */
async function loadKinds(
  connections: readonly [DuckDBConnection, ...DuckDBConnection[]],
  [first, ...then]: readonly [KindName, ...KindName[]],
  loadKind: (c: DuckDBConnection, kind: KindName) => Promise<FileSummary[]>
): Promise<Map<KindName, FileSummary[]>> {
  const keepOrder = (c: DuckDBConnection) => c.run("SET preserve_insertion_order = true");
  await keepOrder(connections[0]);
  const firstLoaded = await loadKind(connections[0], first);
  const loaded = await takeInTurn(connections, then, (kind) => kindOrder.indexOf(kind), loadKind, keepOrder);
  // Nothing after the load depends on row order: letting it go makes those statements parallel.
  for (const c of connections) await c.run("SET preserve_insertion_order = false");
  return loaded.set(first, firstLoaded);
}

/** A file with its header read and matched to the kind's columns, ready to load. */
interface PreparedFile {
  opened: OpenedFile;
  raw: RawFile;
  /** Files with the same key are written alike (delimiter and header line) and may load together. */
  key: string;
  /** The start of the text its header was read from (headerSample), also what its records are sampled from. */
  sample: string;
}

/** The free texts that repeat at the start of the kind's largest file (typed.ts, repeatedTexts). */
function repeatedTextsOf(spec: KindSpec, prepared: readonly PreparedFile[]): Set<string> {
  const largest = [...prepared].sort((a, b) => b.opened.bytes - a.opened.bytes)[0];
  if (largest === undefined) return new Set();
  const {raw, sample} = largest;
  return repeatedTexts(spec, raw.header.columns, sampleRecords(sample, raw.delimiter));
}

async function prepareFile(spec: KindSpec, opened: OpenedFile, progress: (m: string) => void): Promise<PreparedFile> {
  const {file, path, bytes, head, text, encoding, facts} = opened;
  if (bytes > LARGE_FILE) progress(`${file}: đọc ${(bytes / 1024 / 1024).toFixed(0)} MB…`);
  const sample = headerSample(head);
  const {delimiter, header, below} = readHeader(sample);
  const headerMap = await matchHeadersOf(spec, {header, below, file, facts});
  const readable = encoding === "utf-8" || encoding === "utf-8-bom" ? path : "";
  return {opened, raw: {name: file, text, delimiter, header: headerMap, path: readable, facts}, key: [delimiter, ...header].join("\u0000"), sample};
}

/** The small files of a kind written alike, each group read by one statement (loadBatch); the results of those loaded. */
async function loadBatches(conn: DuckDBConnection, spec: KindSpec, prepared: readonly PreparedFile[], top: string | undefined): Promise<Map<string, RawResult>> {
  const groups = new Map<string, RawFile[]>();
  for (const p of prepared) {
    if (p.opened.bytes > LARGE_FILE || !batchable(p.raw)) continue;
    groups.set(p.key, [...(groups.get(p.key) ?? []), p.raw]);
  }
  const results = new Map<string, RawResult>();
  for (const files of groups.values()) {
    if (files.length < 2) continue;
    for (const [name, result] of await loadBatch(conn, spec, files, top)) results.set(name, result);
  }
  return results;
}

/** A loaded file's bookkeeping: its rows that are not rows, its line in source_files, its summary. */
async function recordFile(conn: DuckDBConnection, spec: KindSpec, {opened, raw: file}: PreparedFile, raw: RawResult, progress: (m: string) => void): Promise<FileSummary> {
  const {file: name, bytes, encoding, facts} = opened;
  if (bytes > LARGE_FILE) progress(`${name}: ${formatNumber(raw.rowsRead)} dòng đã đọc, đang kiểm tra…`);
  const {sha256} = await facts;
  await insertRejects(
    conn,
    spec.name,
    raw.broken.map((b) => ({source_file: name, source_line: b.line, column: "", reason: b.reason, raw_value: b.raw}))
  );
  const delimiter = file.delimiter === "\t" ? "tab" : file.delimiter;
  await conn.run(
    `INSERT INTO source_files (source_file, kind, sha256, bytes, encoding, delimiter, reader, rows_read, blank_rows)
     VALUES ($file, $kind, $sha256, $bytes, $encoding, $delimiter, $path, $rowsRead, $blankRows)`,
    {file: name, kind: spec.name, sha256, bytes, encoding, delimiter, path: raw.path, rowsRead: raw.rowsRead, blankRows: raw.blankRows}
  );
  return {
    file: name,
    kind: spec.name,
    bytes,
    encoding,
    delimiter,
    reader: raw.path,
    rowsRead: raw.rowsRead,
    rowsLoaded: 0,
    rowsRejected: 0,
    blankRows: raw.blankRows,
    warnings: 0
  };
}

async function matchHeadersOf(
  spec: KindSpec,
  {header, below, file, facts}: {header: string[]; below: string[][]; file: string; facts: Promise<FileFacts>}
): Promise<HeaderMap> {
  try {
    return matchHeaders(spec, header, file, below);
  } catch (error) {
    await facts;
    throw error;
  }
}

async function insertRejects(
  conn: DuckDBConnection,
  kind: string,
  rejects: readonly {source_file: string; source_line: number; column: string; reason: string; raw_value: string | null}[]
): Promise<void> {
  if (rejects.length === 0) return;
  // commune_code is left empty: labelBookkeeping fills it.
  await appendRows(conn, "rejects", rejects.map((r) => [kind, r.source_file, r.source_line, r.column, r.raw_value, r.reason, null]));
}

async function insertCodeLists(conn: DuckDBConnection): Promise<void> {
  await appendRows(
    conn,
    "code_lists",
    Object.entries(codeLists).flatMap(([list, entries]) => (entries as readonly CodeEntry[]).map((e, position) => [list, e.code, e.label, position + 1]))
  );
  await appendRows(conn, "committed_statuses", committedStatuses.map((status) => [status]));
}

/** Loaded, rejected (distinct rows) and warned rows per file, into source_files and the summary. */
async function countRows(conn: DuckDBConnection, files: FileSummary[]): Promise<void> {
  if (files.length === 0) return;
  // One grouped statement for all files: a statement per file and count made hundreds of round
  // trips (a province's folder holds a thousand files).
  const loaded = [...new Set(files.map((f) => f.kind))].map((k) => `SELECT source_file, count(*) AS n FROM ${k} GROUP BY source_file`).join(" UNION ALL ");
  await conn.run(`
    WITH loaded AS (${loaded}),
         rejected AS (SELECT source_file, count(DISTINCT source_line) AS n FROM rejects GROUP BY source_file),
         warned AS (SELECT source_file, count(*) AS n FROM warnings GROUP BY source_file),
         counts AS (
           SELECT s.source_file, coalesce(l.n, 0) AS loaded, coalesce(r.n, 0) AS rejected, coalesce(w.n, 0) AS warned
           FROM source_files s LEFT JOIN loaded l USING (source_file) LEFT JOIN rejected r USING (source_file) LEFT JOIN warned w USING (source_file)
         )
    UPDATE source_files SET rows_loaded = c.loaded, rows_rejected = c.rejected, warnings = c.warned
    FROM counts c WHERE source_files.source_file = c.source_file`);
  const reader = await conn.runAndReadAll("SELECT source_file, rows_loaded, rows_rejected, warnings FROM source_files");
  const counts = new Map(reader.getRowsJS().map(([file, ...n]) => [String(file), n.map(Number) as [number, number, number]]));
  for (const f of files) [f.rowsLoaded, f.rowsRejected, f.warnings] = counts.get(f.file) ?? [0, 0, 0];
}

/** The latest date the programme's records speak of: "Dữ liệu đến ngày …" on every page. */
async function dataAsOfDate(conn: DuckDBConnection): Promise<string | null> {
  const reader = await conn.runAndReadAll(`
    SELECT CAST(max(d) AS VARCHAR) FROM (
      SELECT max(paid_on) AS d FROM disbursements
      UNION ALL SELECT max(decision_date) FROM activities
      UNION ALL SELECT max(completed_on) FROM activities
      UNION ALL SELECT max(surveyed_on) FROM demand_survey)`);
  const value = reader.getRows()[0]?.[0];
  return value == null ? null : String(value);
}

/**
 * Files of the data folder that are not the office's: the sample marker, the warehouse's own
 * files (it lives there by default), hidden files, and the lock file of a workbook open in Excel
 * (~$…) or LibreOffice (.~lock…).
 */
function notTheOfficesFile(file: string): boolean {
  return file === SAMPLE_MARKER || /^(\.|~\$)/.test(file) || /\.duckdb(\.wal|\.lock|\.tmp-.*)?$/.test(file);
}

const SCRATCH_PREFIX = "kc-ingest-";

/** Builds and scratch folders left by a killed run (their process is gone) are removed. */
function removeStaleBuilds(dbPath: string): void {
  for (const f of readdirSync(tmpdir())) {
    const pid = Number(/^kc-ingest-(\d+)-/.exec(f)?.[1]);
    if (f.startsWith(SCRATCH_PREFIX) && Number.isInteger(pid) && pid > 0 && !processAlive(pid)) {
      // Another user's leftover in the shared temp folder is theirs to remove.
      try {
        rmSync(join(tmpdir(), f), {recursive: true, force: true});
      } catch {}
    }
  }
  const dir = dirname(dbPath);
  if (!existsSync(dir)) return;
  const prefix = `${basename(dbPath)}.tmp-`;
  for (const f of readdirSync(dir)) {
    if (!f.startsWith(prefix)) continue;
    const pid = Number(f.slice(prefix.length).replace(/\.(wal|tmp)$/, ""));
    if (Number.isInteger(pid) && !processAlive(pid)) rmSync(join(dir, f), {recursive: true, force: true});
  }
}
