// Chromium driven by playwright-core (Debian's /usr/bin/chromium, never `playwright install`) on
// the built site served by scripts/serve.ts on an ephemeral 127.0.0.1 port. No vitest here: the
// site benchmark (bench/site.ts) uses it too. Tests use ./harness.ts (useSite).
import {mkdirSync, mkdtempSync, rmSync} from "node:fs";
import os from "node:os";
import path from "node:path";
import {chromium, type BrowserContext, type Page} from "playwright-core";
import {startServer, type StaticServer} from "../../scripts/serve.js";
import {distDir, projectRoot} from "../scripts/build.js";

export const CHROMIUM = process.env.KC_CHROMIUM ?? "/usr/bin/chromium";
/** Flags for Debian's Chromium headless as root in a container (headless itself is passed by playwright). */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync"
];
export const screenshotDir = path.join(projectRoot, "test-results", "screenshots");

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

export function isOutside(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return true;
  }
  if (u.protocol === "data:" || u.protocol === "blob:" || u.protocol === "about:") return false;
  return !LOCAL_HOSTS.has(u.hostname);
}

/**
 * The width of the table in each `figure.<class>` (dataTable) and of its scrolling box: a table
 * wider than its box hides its right-hand columns behind a sideways scroll.
 */
export async function tableWidths(page: Page, figureClasses: readonly string[]): Promise<Record<string, {table: number; box: number}>> {
  const out: Record<string, {table: number; box: number}> = {};
  for (const figure of figureClasses) {
    out[figure] = await page
      .locator(`figure.${figure} .kc-table-wrap`)
      .evaluate((wrap) => ({table: (wrap.querySelector("table") as HTMLElement).scrollWidth, box: (wrap as HTMLElement).clientWidth}));
  }
  return out;
}

export interface OpenedPage {
  page: Page;
  /** Console errors, uncaught exceptions, failed local requests and HTTP errors (≥ 400). */
  errors: string[];
  /** URLs of requests to any host but the local server. */
  outsideRequests: string[];
  /** Milliseconds from navigation until the last DOM change. */
  settledMs: number;
  /** Milliseconds from navigation until the last chart or table (svg, canvas, table) appeared; 0 if none. */
  lastChartMs: number;
  /** Milliseconds from navigation until `keySelector` first matched; 0 if not asked or never. */
  keyMs: number;
  /** Cumulative layout shift (the sum of the layout-shift entries not caused by input). */
  layoutShift: number;
  /** Bytes of the page and everything it loaded (response bodies, from the Resource Timing API;
   * without noCache, files already in the browser cache still count). */
  bytes: number;
  /** The same bodies uncompressed: what grows with the data (repeated rows compress to little). */
  decodedBytes: number;
  screenshot: string;
}

export interface OpenOptions {
  /** Screenshot file name (without .png); default from the path. */
  name?: string;
  /** Extra wait: a CSS selector that must be visible. */
  waitFor?: string;
  /** Quiet period that counts as settled (default 400 ms). */
  quietMs?: number;
  /** Skip the screenshot. */
  noScreenshot?: boolean;
  viewport?: {width: number; height: number};
  /** Bypass the browser cache (so `bytes` is the page's full weight). */
  noCache?: boolean;
  /** When it first appears is reported as keyMs (e.g. the page's key figures). */
  keySelector?: string;
  /** A slow phone: network latency and throughput (CDP Network.emulateNetworkConditions) and a
   * CPU `cpuRate` times slower (Emulation.setCPUThrottlingRate). */
  throttle?: {latencyMs: number; downloadBytesPerSecond: number; uploadBytesPerSecond: number; cpuRate: number};
}

/** Chrome DevTools' "Slow 4G" (1,6 Mbps down, 750 kbps up, 150 ms) with a 4× slower CPU. */
export const SLOW_PHONE = {latencyMs: 150, downloadBytesPerSecond: (1.6 * 1e6) / 8, uploadBytesPerSecond: (750 * 1e3) / 8, cpuRate: 4} as const;

export interface Site {
  readonly url: string;
  readonly context: BrowserContext;
  open(pathname: string, options?: OpenOptions): Promise<OpenedPage>;
}

export interface SiteHandle extends Site {
  close(): Promise<void>;
}

/** Serves `root` and launches Chromium with a fresh profile. */
export async function launchSite(root = distDir): Promise<SiteHandle> {
  const server: StaticServer = await startServer({root, port: 0});
  const profile = mkdtempSync(path.join(os.tmpdir(), "kc-chromium-"));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: {width: 1280, height: 900},
      locale: "vi-VN",
      timezoneId: "Asia/Ho_Chi_Minh",
      acceptDownloads: true
    });
  } catch (error) {
    await server.close();
    rmSync(profile, {recursive: true, force: true});
    throw error;
  }
  // Nothing leaves the machine: requests to other hosts are recorded by open() and aborted here.
  await context.route(
    (url) => isOutside(url.href),
    (route) => route.abort("blockedbyclient")
  );
  mkdirSync(screenshotDir, {recursive: true});

  const open = async (pathname: string, options: OpenOptions = {}): Promise<OpenedPage> => {
    const page = await context.newPage();
    if (options.viewport) await page.setViewportSize(options.viewport);
    if (options.noCache || options.throttle) {
      const cdp = await context.newCDPSession(page);
      if (options.noCache) await cdp.send("Network.setCacheDisabled", {cacheDisabled: true});
      if (options.throttle) {
        const t = options.throttle;
        await cdp.send("Network.enable");
        await cdp.send("Network.emulateNetworkConditions", {offline: false, latency: t.latencyMs, downloadThroughput: t.downloadBytesPerSecond, uploadThroughput: t.uploadBytesPerSecond});
        await cdp.send("Emulation.setCPUThrottlingRate", {rate: t.cpuRate});
      }
    }
    const errors: string[] = [];
    const outsideRequests: string[] = [];
    page.on("console", (msg) => {
      if (msg.type() === "error") errors.push(`console: ${msg.text()}`);
    });
    page.on("pageerror", (error) => errors.push(`exception: ${error.message}`));
    page.on("request", (request) => {
      if (isOutside(request.url())) outsideRequests.push(request.url());
    });
    page.on("requestfailed", (request) => {
      if (!isOutside(request.url())) errors.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ""}`);
    });
    page.on("response", (response) => {
      if (response.status() >= 400) errors.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    await page.addInitScript((keySelector) => {
      const w = window as unknown as {__kcLastChange: number; __kcLastChart: number; __kcKey: number; __kcShift: number};
      w.__kcLastChange = performance.now();
      w.__kcLastChart = 0;
      w.__kcKey = 0;
      w.__kcShift = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as unknown as {value: number; hadRecentInput: boolean}[]) if (!e.hadRecentInput) w.__kcShift += e.value;
      }).observe({type: "layout-shift", buffered: true});
      new MutationObserver((mutations) => {
        const now = performance.now();
        w.__kcLastChange = now;
        if (keySelector && !w.__kcKey && document.querySelector(keySelector)) w.__kcKey = now;
        for (const m of mutations) {
          for (const node of m.addedNodes) {
            const el = node as Element;
            if (el.nodeType === 1 && (el.matches("svg, canvas, table, figure") || el.querySelector?.("svg, canvas, table"))) w.__kcLastChart = now;
          }
        }
      }).observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
    }, options.keySelector ?? "");
    await page.goto(new URL(pathname.replace(/^\//, ""), server.url).href, {waitUntil: "load"});
    await page.waitForFunction(() => document.querySelectorAll("observablehq-loading").length === 0, undefined, {timeout: 15_000});
    if (options.waitFor) await page.locator(options.waitFor).first().waitFor({state: "visible", timeout: 15_000});
    const quiet = options.quietMs ?? 400;
    await page.waitForFunction(
      (q) => performance.now() - (window as unknown as {__kcLastChange: number}).__kcLastChange > q,
      quiet,
      {timeout: 15_000, polling: 100}
    );
    await page.waitForLoadState("networkidle").catch(() => {});
    const {settledMs, lastChartMs, bytes, decodedBytes, keyMs, layoutShift} = await page.evaluate(() => {
      const w = window as unknown as {__kcLastChange: number; __kcLastChart: number; __kcKey: number; __kcShift: number};
      const entries = [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")] as PerformanceResourceTiming[];
      return {
        settledMs: Math.round(w.__kcLastChange),
        lastChartMs: Math.round(w.__kcLastChart),
        keyMs: Math.round(w.__kcKey),
        layoutShift: w.__kcShift,
        bytes: entries.reduce((sum, e) => sum + (e.encodedBodySize || 0), 0),
        decodedBytes: entries.reduce((sum, e) => sum + (e.decodedBodySize || 0), 0)
      };
    });
    const name = options.name ?? (pathname.replace(/^\/|\/$/g, "").replace(/[^\w-]+/g, "_") || "index");
    const screenshot = path.join(screenshotDir, `${name}.png`);
    if (!options.noScreenshot) await page.screenshot({path: screenshot, fullPage: true});
    return {page, errors, outsideRequests, settledMs, lastChartMs, keyMs, layoutShift, bytes, decodedBytes, screenshot};
  };

  return {
    url: server.url,
    context,
    open,
    close: async () => {
      await context.close().catch(() => {});
      await server.close();
      rmSync(profile, {recursive: true, force: true});
    }
  };
}

