// scripts/serve.ts: MIME types, clean URLs, 404, no escape from the served folder; this machine
// only, unless `--lan` opens it to the commune's other machines.
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import os from "node:os";
import path from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {lanUrls, mimeType, startServer, type StaticServer} from "../../scripts/serve.js";
import {serveProcess} from "../hardening/server.js";

let root: string;
let server: StaticServer;

beforeAll(async () => {
  const base = mkdtempSync(path.join(os.tmpdir(), "kc-serve-"));
  root = path.join(base, "dist");
  mkdirSync(path.join(root, "_file", "data"), {recursive: true});
  mkdirSync(path.join(root, "sub"), {recursive: true});
  writeFileSync(path.join(root, "index.html"), "<h1>Tổng quan</h1>");
  writeFileSync(path.join(root, "hoat-dong.html"), "<h1>Hoạt động</h1>");
  writeFileSync(path.join(root, "sub", "index.html"), "<h1>sub</h1>");
  writeFileSync(path.join(root, "404.html"), "<h1>Không tìm thấy trang</h1>");
  writeFileSync(path.join(root, "_file", "data", "x.1234abcd.json"), "{}");
  writeFileSync(path.join(root, "app.js"), "export {}");
  writeFileSync(path.join(base, "secret.txt"), "secret");
  server = await startServer({root, port: 0});
});

afterAll(async () => {
  await server.close();
  rmSync(path.dirname(root), {recursive: true, force: true});
});

const get = (p: string) => fetch(new URL(p, server.url), {redirect: "manual"});

describe("static server", () => {
  it("listens on 127.0.0.1", () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it("serves / and clean URLs", async () => {
    const home = await get("/");
    expect(home.status).toBe(200);
    expect(home.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await home.text()).toContain("Tổng quan");
    expect(await (await get("/hoat-dong")).text()).toContain("Hoạt động");
    expect((await get("/hoat-dong.html")).status).toBe(200);
    expect(await (await get("/sub/")).text()).toContain("sub");
    expect((await get("/hoat-dong?x=1#y")).status).toBe(200);
  });

  it("sends the right MIME types and caches hashed files", async () => {
    const json = await get("/_file/data/x.1234abcd.json");
    expect(json.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(json.headers.get("cache-control")).toContain("immutable");
    expect((await get("/app.js")).headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(mimeType("a.css")).toBe("text/css; charset=utf-8");
    expect(mimeType("a.xlsx")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(mimeType("a.unknown")).toBe("application/octet-stream");
  });

  it("answers 404 with the site's 404 page", async () => {
    const missing = await get("/khong-co");
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("Không tìm thấy trang");
  });

  it("never serves a file outside its folder", async () => {
    for (const p of ["/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/%2e%2e%2fsecret.txt", "/%00"]) {
      const res = await get(p);
      // A NUL byte is no path at all (400); the others name nothing inside the folder (404).
      expect(res.status, p).toBe(p === "/%00" ? 400 : 404);
      expect(await res.text()).not.toContain("secret");
    }
  });

  it("refuses other methods", async () => {
    expect((await fetch(new URL("/", server.url), {method: "POST"})).status).toBe(405);
    const head = await fetch(new URL("/", server.url), {method: "HEAD"});
    expect(head.status).toBe(200);
  });
});

describe("the commune's LAN", () => {
  it("lanUrls: every IPv4 address of the machine but loopback", () => {
    const interfaces = {
      lo: [{address: "127.0.0.1", family: "IPv4", internal: true}],
      eth0: [
        {address: "192.168.1.10", family: "IPv4", internal: false},
        {address: "fe80::1", family: "IPv6", internal: false}
      ],
      wlan0: [{address: "10.0.0.7", family: "IPv4", internal: false}]
    } as unknown as NodeJS.Dict<os.NetworkInterfaceInfo[]>;
    expect(lanUrls(3000, interfaces)).toEqual(["http://192.168.1.10:3000/", "http://10.0.0.7:3000/"]);
  });

  it("by default only this machine is served; with --lan the others are too, at the addresses it prints", async () => {
    const local = await serveProcess(root);
    try {
      expect(local.out).toContain(`http://127.0.0.1:${local.port}/ (trên máy này)`);
      expect(local.out).not.toContain("mạng LAN");
      for (const url of lanUrls(local.port)) await expect(fetch(url)).rejects.toThrow();
    } finally {
      local.stop();
    }
    const lan = await serveProcess(root, ["--lan"]);
    try {
      const urls = lanUrls(lan.port);
      expect(lan.out).toContain(
        urls.length > 0 ? `Máy khác trong mạng LAN của xã mở: ${urls.join(" hoặc ")}` : "Máy này chưa nối mạng LAN"
      );
      for (const url of urls) expect((await fetch(url)).status, url).toBe(200);
      expect((await fetch(`http://127.0.0.1:${lan.port}/`)).status).toBe(200);
    } finally {
      lan.stop();
    }
  });
});
