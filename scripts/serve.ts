// A small static server for the built site (dist/). No dependency.
//   npm start              builds, then serves on http://127.0.0.1:3000/ (PORT to change)
//   npm start -- --lan     the same, reachable from the commune's other machines too
//   npm run serve [-- --lan] serves the existing dist/
// On this machine only by default: opening it to the LAN is the office's choice to make.
//
// With --lan any machine of the commune can send it anything, so no request can stop it: the
// request target is parsed by hand (400 when it is not a path), only GET and HEAD are served
// (405), and every file error answers that one request (404, or 500) instead of escaping.
// Files are opened once and read through their handle: a build that swaps dist/ (scripts/
// build-site.ts) between a lookup and the read cannot make the read fail. While the folder
// itself is missing for the instant of the swap, a lookup waits for it rather than answer 404.
//
// Clean URLs (/hoat-dong → hoat-dong.html), directory index, a 404 page, no path escapes;
// gzip/brotli (compressed on first request, kept in memory), ETag/Last-Modified (304), single
// byte ranges (206/416), long caching of Framework's content-hashed files, and security headers:
// a Content-Security-Policy allowing exactly the page's own inline scripts (by hash), nosniff,
// no framing.
import {createHash} from "node:crypto";
import {existsSync, type Stats} from "node:fs";
import {open, stat, type FileHandle} from "node:fs/promises";
import http from "node:http";
import type {AddressInfo} from "node:net";
import type {Duplex} from "node:stream";
import {finished} from "node:stream/promises";
import os from "node:os";
import path from "node:path";
import {fileURLToPath} from "node:url";
import {promisify} from "node:util";
import zlib from "node:zlib";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export const MIME_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".tsv": "text/tab-separated-values; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".wasm": "application/wasm",
  ".arrow": "application/vnd.apache.arrow.file",
  ".parquet": "application/vnd.apache.parquet",
  ".pdf": "application/pdf",
  ".zip": "application/zip",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".map": "application/json; charset=utf-8"
};

export function mimeType(file: string): string {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
}

/** Worth compressing: text formats (images, fonts, archives and Office files are compressed already). */
const COMPRESSIBLE = /^(text\/|application\/(json|xml|wasm|vnd\.apache\.arrow)|image\/svg)/;
/** Below this a compressed answer saves less than its headers cost. */
const COMPRESS_MIN_BYTES = 1024;
/** Larger files are sent as they are (streamed from disk, not held in memory compressed). */
const COMPRESS_MAX_BYTES = 16 * 1024 * 1024;
/** Memory kept for compressed files; the oldest are dropped beyond it (a site is ~1 MB compressed). */
const CACHE_BYTES = 64 * 1024 * 1024;
// Brotli 6 is nearly as small as 9 at a third of its time, and 11 too slow for a first request
// (figures in scripts/SITE.md); gzip 6 for clients without brotli.
const BROTLI = {params: {[zlib.constants.BROTLI_PARAM_QUALITY]: 6}};
const GZIP = {level: 6};
const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * Framework's content-hashed files (`/_observablehq/client.096f96b2.js`, `/_npm/htl@0.3.1/
 * 6a1f2b3c.js`, `/_file/data/run.38535a1a.json`, `/_import/…`, `/_node/…`): a new content gets a
 * new name, so a browser may keep them a year. Pages are revalidated on every visit (no-cache +
 * ETag: a 304 when unchanged), so a rebuilt site is seen at once.
 */
export function isHashedAsset(urlPath: string): boolean {
  return /^\/_(observablehq|npm|node|file|import)\//.test(urlPath) && /(^|[./])[0-9a-f]{8}\.[a-z0-9]+$/i.test(path.posix.basename(urlPath));
}

/** The path of a request target, or undefined when it is not one (answered 400). */
export function targetPath(target: string): string | undefined {
  let raw: string;
  if (target.startsWith("/")) raw = target;
  else if (/^https?:\/\//i.test(target)) {
    // The absolute form (`GET http://host/path`), which a proxy sends; `http://[` is not a URL.
    try {
      raw = new URL(target).pathname;
    } catch {
      return undefined;
    }
  } else return undefined;
  const pathname = raw.replace(/[?#].*$/s, "");
  try {
    const decoded = decodeURIComponent(pathname);
    return decoded.includes("\0") ? undefined : decoded;
  } catch {
    return undefined;
  }
}

/** Where a decoded URL path may be found inside `root`, in order; none outside `root`. */
export function candidates(root: string, decoded: string): string[] {
  const target = path.resolve(root, "." + path.posix.normalize("/" + decoded.replaceAll("\\", "/")));
  if (target !== root && !target.startsWith(root + path.sep)) return [];
  return decoded.endsWith("/") ? [path.join(target, "index.html")] : [target, `${target}.html`, path.join(target, "index.html")];
}

const MISSING = new Set(["ENOENT", "ENOTDIR", "EISDIR", "ENAMETOOLONG", "ELOOP", "EINVAL"]);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** How long a lookup waits for the site folder during a build's swap (two renames: microseconds). */
const SWAP_WAIT_MS = 2000;

interface OpenFile {
  file: string;
  handle: FileHandle;
  info: Stats;
}

/** Which folder `root` is now (the build swaps a new one in), or undefined while it is missing. */
async function folderId(root: string): Promise<string | undefined> {
  const info = await stat(root).catch(() => undefined);
  return info && `${info.ino}:${info.birthtimeMs}`;
}

/**
 * The first candidate that is a regular file, opened; undefined if none (404). A miss counts only
 * if the site folder was the same one, present, before and after the lookup: a lookup that a
 * build's swap crossed (the folder renamed away, or replaced, midway) is made again.
 */
async function openFirst(root: string, files: readonly string[]): Promise<OpenFile | undefined> {
  for (let waited = 0; ; waited += 20) {
    const before = await folderId(root);
    for (const file of files) {
      let handle: FileHandle;
      try {
        handle = await open(file, "r");
      } catch (error) {
        if (MISSING.has((error as NodeJS.ErrnoException).code ?? "")) continue;
        throw error;
      }
      const info = await handle.stat().catch(async (error: unknown) => {
        await handle.close();
        throw error;
      });
      if (info.isFile()) return {file, handle, info};
      await handle.close();
    }
    const after = await folderId(root);
    if ((before !== undefined && before === after) || waited >= SWAP_WAIT_MS) return undefined;
    if (after === undefined) await sleep(20);
  }
}

/** The whole file from its handle (from byte 0, whatever the handle read before). */
async function readAll({handle, info}: OpenFile): Promise<Buffer> {
  const bytes = Buffer.alloc(info.size);
  let read = 0;
  while (read < bytes.length) {
    const {bytesRead} = await handle.read(bytes, read, bytes.length - read, read);
    if (bytesRead === 0) break;
    read += bytesRead;
  }
  return bytes.subarray(0, read);
}

const BASE_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Opener-Policy": "same-origin"
};
/** Anything but a page: nothing runs, nothing frames it. */
const PLAIN_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

/**
 * A page's policy. Framework writes each page's code as inline `<script>` elements: those exact
 * scripts are allowed by hash, and scripts from this server; no other inline or outside script
 * runs (a value that slipped into the page as HTML could not execute). Styles may be inline:
 * Plot writes a <style> into each chart, and components set style attributes. Images may be
 * data:/blob: URLs (the favicon is `data:,`); fetches go to this server only.
 */
/**
 * htl (Observable Inputs' templates) writes an event handler first as a placeholder attribute,
 * `oninput="::3"`, then swaps in the function: the browser checks the placeholder against the
 * policy (9 reports on the draft-plan page). Exactly those strings are allowed, by hash: each is a
 * JavaScript syntax error, so allowing it runs nothing, and every other inline handler stays blocked.
 */
const HTL_PLACEHOLDERS = Array.from({length: 31}, (_, i) => `'sha256-${createHash("sha256").update(`::${i + 1}`).digest("base64")}'`).join(" ");

export function pageCsp(html: string): string {
  const hashes = [...html.matchAll(/<script\b(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script\s*>/gi)].map(
    (m) => `'sha256-${createHash("sha256").update(m[1]!, "utf8").digest("base64")}'`
  );
  return [
    "default-src 'self'",
    `script-src 'self' ${[...new Set(hashes)].join(" ")}`.trim(),
    `script-src-attr 'unsafe-hashes' ${HTL_PLACEHOLDERS}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'"
  ].join("; ");
}

type Encoding = "br" | "gzip" | "identity";

/** The best encoding the client accepts (q > 0): brotli, then gzip, else none. */
export function chooseEncoding(accept: string | undefined): Encoding {
  const accepted = new Map<string, number>();
  for (const part of (accept ?? "").split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (name) accepted.set(name.trim(), q === undefined ? 1 : Number(q) || 0);
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get("*") ?? 0) > 0;
  return ok("br") ? "br" : ok("gzip") ? "gzip" : "identity";
}

/** A single `bytes=` range of a `size`-byte file; "unsatisfiable" (416), or undefined to send it all. */
export function parseRange(header: string, size: number): {start: number; end: number} | "unsatisfiable" | undefined {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  // Several ranges, or another unit: the whole file (RFC 9110 allows ignoring Range).
  if (!m || (m[1] === "" && m[2] === "")) return undefined;
  if (m[1] === "") {
    const suffix = Number(m[2]);
    if (suffix === 0) return "unsatisfiable";
    return {start: Math.max(0, size - suffix), end: size - 1};
  }
  const start = Number(m[1]);
  const end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size || end < start) return "unsatisfiable";
  return {start, end};
}

/** Compressed bodies (and pages' policies), by file version and encoding; oldest dropped first. */
class BodyCache {
  private entries = new Map<string, Promise<Buffer>>();
  private sizes = new Map<string, number>();
  private total = 0;

  get(key: string, make: () => Promise<Buffer>): Promise<Buffer> {
    const hit = this.entries.get(key);
    if (hit) {
      // Most recently used last.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const made = make();
    this.entries.set(key, made);
    made.then(
      (body) => {
        if (this.entries.get(key) !== made) return;
        this.sizes.set(key, body.length);
        this.total += body.length;
        for (const [old] of this.entries) {
          if (this.total <= CACHE_BYTES || old === key) break;
          this.drop(old);
        }
      },
      () => this.drop(key)
    );
    return made;
  }

  private drop(key: string): void {
    this.entries.delete(key);
    this.total -= this.sizes.get(key) ?? 0;
    this.sizes.delete(key);
  }
}

export interface StaticServer {
  server: http.Server;
  url: string;
  close(): Promise<void>;
}

/** Serves `root` on `host` (127.0.0.1 unless told) :`port` (0 = any free port). */
export async function startServer(options: {root?: string; port?: number; host?: string} = {}): Promise<StaticServer> {
  const site = new SiteFiles(siteFolder(options.root));
  const host = options.host ?? "127.0.0.1";
  const server = http.createServer(requestListener(site));
  server.on("clientError", refuseUnparsed);
  await listen(server, options.port ?? 0, host);
  const {port} = server.address() as AddressInfo;
  return {server, url: `http://${host}:${port}/`, close: () => closeNow(server)};
}

function siteFolder(root: string | undefined): string {
  const folder = path.resolve(root ?? path.join(projectRoot, "dist"));
  if (!existsSync(folder)) throw new Error(`Không thấy thư mục ${folder}: chạy "npm run build" trước.`);
  return folder;
}

function listen(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
}

/** Open connections (a browser's keep-alive) would keep close() waiting. */
function closeNow(server: http.Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

/** A request Node cannot parse at all: 400 and close, as Node would, but never an uncaught error. */
function refuseUnparsed(error: NodeJS.ErrnoException, socket: Duplex): void {
  const status = error.code === "HPE_HEADER_OVERFLOW" ? "431 Request Header Fields Too Large" : "400 Bad Request";
  if (error.code !== "ECONNRESET" && socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  else socket.destroy();
}

/** A file of the site opened to answer a request. */
interface Found extends OpenFile {
  /** 200, or 404 when it is the site's 404 page. */
  status: number;
  /** The file's version (path, inode, size, time): what its cached bodies, policy and ETag stand for. */
  version: string;
  etag: string;
}

/** The site's files, opened by URL path, with their bodies (compressed) and pages' policies kept by version. */
class SiteFiles {
  private cache = new BodyCache();
  private policies = new Map<string, string>();

  constructor(private readonly root: string) {}

  /** The file a URL path names, else the site's 404 page; undefined when there is neither. */
  async open(urlPath: string): Promise<Found | undefined> {
    const file = await openFirst(this.root, candidates(this.root, urlPath));
    if (file) return found(file, 200);
    const notFound = await openFirst(this.root, [path.join(this.root, "404.html")]);
    return notFound && found(notFound, 404);
  }

  /** The body of a file, as read or compressed, from its open handle. */
  body(file: Found, encoding: Encoding): Promise<Buffer> {
    return this.cache.get(`${file.version}\0${encoding}`, async () => {
      if (encoding === "identity") return readAll(file);
      const bytes = await this.body(file, "identity");
      return encoding === "br" ? brotli(bytes, BROTLI) : gzip(bytes, GZIP);
    });
  }

  /** A page's policy, worked out once per version of the file (hashing its scripts each time cost a read). */
  async policy(page: Found): Promise<string> {
    let csp = this.policies.get(page.version);
    if (csp === undefined) {
      csp = pageCsp((await this.body(page, "identity")).toString("utf8"));
      // A site has a dozen pages; old versions pile up only across many rebuilds.
      if (this.policies.size >= 1000) this.policies.clear();
      this.policies.set(page.version, csp);
    }
    return csp;
  }
}

function found(file: OpenFile, status: number): Found {
  const version = `${file.file}\0${file.info.ino}\0${file.info.size}\0${file.info.mtimeMs}`;
  return {...file, status, version, etag: `"${createHash("sha1").update(version).digest("base64url").slice(0, 20)}"`};
}

function requestListener(site: SiteFiles): http.RequestListener {
  return (req, res) => {
    res.on("error", () => res.destroy());
    answer(site, req, res).catch(() => plain(res, 500, "Lỗi máy chủ khi đọc tệp."));
  };
}

async function answer(site: SiteFiles, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const method = req.method ?? "";
  if (method !== "GET" && method !== "HEAD") return plain(res, 405, "Phương thức không được hỗ trợ.", {Allow: "GET, HEAD"});
  const urlPath = targetPath(req.url ?? "");
  if (urlPath === undefined) return plain(res, 400, "Yêu cầu không hợp lệ.");
  const file = await site.open(urlPath);
  if (!file) return noPage(req, res);
  try {
    await send(site, req, res, file, urlPath);
  } finally {
    await file.handle.close().catch(() => {});
  }
}

function plain(res: http.ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  if (res.headersSent) return void res.destroy();
  res.writeHead(status, {...BASE_HEADERS, "Content-Security-Policy": PLAIN_CSP, "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...extra});
  res.end(text);
}

/** A site built without a 404 page still answers one. */
function noPage(req: http.IncomingMessage, res: http.ServerResponse): void {
  res.writeHead(404, {...BASE_HEADERS, "Content-Security-Policy": PLAIN_CSP, "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-cache"});
  res.end(req.method === "HEAD" ? undefined : `<!doctype html><meta charset="utf-8"><title>Không tìm thấy trang</title><p>Không tìm thấy trang. <a href="/">Về trang Tổng quan</a></p>`);
}

async function send(site: SiteFiles, req: http.IncomingMessage, res: http.ServerResponse, file: Found, urlPath: string): Promise<void> {
  const headers = await fileHeaders(site, file, urlPath);
  if (file.status === 200 && unchanged(req, file)) return void res.writeHead(304, headers).end();
  const range = requestedRange(req, file);
  if (range === undefined) return sendWhole(site, req, res, file, headers);
  if (range === "unsatisfiable") return void res.writeHead(416, {...headers, "Content-Range": `bytes */${file.info.size}`, "Content-Length": "0"}).end();
  res.writeHead(206, {...headers, "Content-Range": `bytes ${range.start}-${range.end}/${file.info.size}`, "Content-Length": String(range.end - range.start + 1)});
  return streamFrom(req, res, file, range);
}

async function fileHeaders(site: SiteFiles, file: Found, urlPath: string): Promise<Record<string, string>> {
  const type = mimeType(file.file);
  return {
    ...BASE_HEADERS,
    "Content-Type": type,
    "Cache-Control": file.status === 200 && isHashedAsset(urlPath) ? "public, max-age=31536000, immutable" : "no-cache",
    "Last-Modified": file.info.mtime.toUTCString(),
    "Accept-Ranges": "bytes",
    Vary: "Accept-Encoding",
    "Content-Security-Policy": type.startsWith("text/html") ? await site.policy(file) : PLAIN_CSP,
    ...(file.status === 200 ? {ETag: file.etag} : {})
  };
}

/** Whether the client's copy is this version (a 304): by ETag when it sends one, else by date. */
function unchanged(req: http.IncomingMessage, file: Found): boolean {
  const inm = req.headers["if-none-match"];
  const ims = req.headers["if-modified-since"];
  return inm !== undefined
    ? inm.split(",").some((t) => t.trim().replace(/^W\//, "") === file.etag || t.trim() === "*")
    : ims !== undefined && Date.parse(ims) >= Math.floor(file.info.mtimeMs / 1000) * 1000;
}

/** The range asked of a found file, unless If-Range names another version; undefined for the whole file. */
function requestedRange(req: http.IncomingMessage, file: Found): ReturnType<typeof parseRange> {
  const header = file.status === 200 ? req.headers.range : undefined;
  const ifRange = req.headers["if-range"];
  return header !== undefined && (ifRange === undefined || ifRange === file.etag) ? parseRange(header, file.info.size) : undefined;
}

async function sendWhole(site: SiteFiles, req: http.IncomingMessage, res: http.ServerResponse, file: Found, headers: Record<string, string>): Promise<void> {
  const {size} = file.info;
  const encoding: Encoding =
    COMPRESSIBLE.test(mimeType(file.file)) && size >= COMPRESS_MIN_BYTES && size <= COMPRESS_MAX_BYTES ? chooseEncoding(req.headers["accept-encoding"]) : "identity";
  if (encoding === "identity") {
    // As it is (an image, a workbook, a client without compression): streamed, not kept in memory.
    res.writeHead(file.status, {...headers, "Content-Length": String(size)});
    return streamFrom(req, res, file, {start: 0});
  }
  const bytes = await site.body(file, encoding);
  res.writeHead(file.status, {...headers, "Content-Encoding": encoding, "Content-Length": String(bytes.length)});
  res.end(req.method === "HEAD" ? undefined : bytes);
}

/** The file's bytes from `start` (to `end`) through its handle, the answer's headers written; none for HEAD. */
async function streamFrom(req: http.IncomingMessage, res: http.ServerResponse, file: Found, range: {start: number; end?: number}): Promise<void> {
  if (req.method === "HEAD") return void res.end();
  file.handle.createReadStream({...range, autoClose: false}).on("error", () => res.destroy()).pipe(res);
  // A client gone before this point (a half-closed socket) has already closed the answer: its
  // "close" event will not come again, and waiting for it kept the file open until garbage
  // collection.
  await finished(res).catch(() => {});
}

/** Where the other machines of the LAN reach this one: its IPv4 addresses, loopback left out. */
export function lanUrls(port: number, interfaces: NodeJS.Dict<os.NetworkInterfaceInfo[]> = os.networkInterfaces()): string[] {
  return Object.values(interfaces)
    .flatMap((list) => list ?? [])
    .filter((i) => i.family === "IPv4" && !i.internal)
    .map((i) => `http://${i.address}:${port}/`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 3000);
  const lan = process.argv.includes("--lan");
  // The folder the build wrote (KC_SITE_OUT, as observablehq.config.ts reads it).
  startServer({root: path.resolve(projectRoot, process.env.KC_SITE_OUT ?? "dist"), port, host: lan ? "0.0.0.0" : "127.0.0.1"})
    .then(() => {
      console.log(`Trang tổng hợp khuyến công đang chạy tại http://127.0.0.1:${port}/ (trên máy này)`);
      if (lan) {
        const urls = lanUrls(port);
        console.log(
          urls.length > 0
            ? `Máy khác trong mạng LAN của xã mở: ${urls.join(" hoặc ")} (nếu Windows hỏi, cho phép Node.js qua tường lửa).`
            : "Máy này chưa nối mạng LAN: chưa có địa chỉ để máy khác mở."
        );
      }
      console.log("Mở địa chỉ trên bằng trình duyệt. Nhấn Ctrl+C để dừng.");
    })
    .catch((error: unknown) => {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EADDRINUSE") console.error(`Cổng ${port} đang được dùng: đặt PORT khác, ví dụ PORT=3001 npm start`);
      else console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
