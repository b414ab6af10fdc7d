// A small static server for the built site (dist/). No dependency.
//   npm start              builds, then serves on http://127.0.0.1:3000/ (PORT to change)
//   npm start -- --lan     the same, reachable from the commune's other machines too
//   npm run serve [-- --lan] serves the existing dist/
// On this machine only by default: opening it to the LAN is the office's choice to make.
// Clean URLs (/hoat-dong → hoat-dong.html), directory index, a 404 page, no path escapes.
import {createReadStream, existsSync} from "node:fs";
import {stat} from "node:fs/promises";
import http from "node:http";
import type {AddressInfo} from "node:net";
import os from "node:os";
import path from "node:path";
import {fileURLToPath} from "node:url";

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

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** The file a URL path names inside `root`, or undefined (404). Never a file outside `root`. */
export async function resolveFile(root: string, urlPath: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes("\0")) return undefined;
  const target = path.resolve(root, "." + path.posix.normalize("/" + decoded));
  if (target !== root && !target.startsWith(root + path.sep)) return undefined;
  const candidates = decoded.endsWith("/")
    ? [path.join(target, "index.html")]
    : [target, `${target}.html`, path.join(target, "index.html")];
  for (const file of candidates) if (await isFile(file)) return file;
  return undefined;
}

export interface StaticServer {
  server: http.Server;
  url: string;
  close(): Promise<void>;
}

/** Serves `root` on `host` (127.0.0.1 unless told) :`port` (0 = any free port). */
export async function startServer(options: {root?: string; port?: number; host?: string} = {}): Promise<StaticServer> {
  const root = path.resolve(options.root ?? path.join(projectRoot, "dist"));
  const host = options.host ?? "127.0.0.1";
  if (!existsSync(root)) throw new Error(`Không thấy thư mục ${root}: chạy "npm run build" trước.`);
  const server = http.createServer(async (req, res) => {
    const method = req.method ?? "GET";
    if (method !== "GET" && method !== "HEAD") {
      res.writeHead(405, {Allow: "GET, HEAD", "Content-Type": "text/plain; charset=utf-8"}).end("Phương thức không được hỗ trợ");
      return;
    }
    const urlPath = new URL(req.url ?? "/", "http://localhost").pathname;
    const file = await resolveFile(root, urlPath);
    const headers: Record<string, string> = {"X-Content-Type-Options": "nosniff", "Cache-Control": "no-cache"};
    if (!file) {
      const notFound = path.join(root, "404.html");
      const body = existsSync(notFound) ? notFound : undefined;
      res.writeHead(404, {...headers, "Content-Type": "text/html; charset=utf-8"});
      if (method === "HEAD") res.end();
      else if (body) createReadStream(body).pipe(res);
      else res.end(`<!doctype html><meta charset="utf-8"><title>Không tìm thấy trang</title><p>Không tìm thấy trang. <a href="/">Về trang Tổng quan</a></p>`);
      return;
    }
    const info = await stat(file);
    // Framework's hashed assets (name.abcd1234.js) never change: cache them long.
    if (/\.[0-9a-f]{8}\.\w+$/.test(file)) headers["Cache-Control"] = "public, max-age=31536000, immutable";
    res.writeHead(200, {...headers, "Content-Type": mimeType(file), "Content-Length": String(info.size)});
    if (method === "HEAD") res.end();
    else createReadStream(file).on("error", () => res.destroy()).pipe(res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const {port} = server.address() as AddressInfo;
  return {
    server,
    url: `http://${host}:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      })
  };
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
