// A province's site is built by several `observable build` processes side by side, one per core:
// Framework builds its pages one after another on one core, and a province's hundreds of commune
// pages (eight per commune) were most of its build time. Each process (a shard) builds its share
// of the communes' pages (KC_SITE_SHARD, read by observablehq.config.ts) into a folder of its own,
// and the shards' folders are then merged into the site.
//
// Shard 0 builds from src/ itself: the site's own pages, its data loader and its share of the
// communes. Every other shard builds from a root of its own, src/.observablehq/shards/<k>
// (Framework skips .observablehq folders when it looks for pages), holding hard links to the
// communes' pages, the modules they import and their datasets. The site's own pages are there as
// empty placeholders (Framework builds every page of the menu, and each commune's page carries the
// same menu), left out of the merge: such a shard never runs the data loader. Each root has its own
// Framework cache: the client bundles a build writes into it are rewritten in place, which two
// builds sharing one cache could read half-written. What shards have in common (Framework's
// client, the components, npm modules) is written alike by each, under the same content-hashed
// names; the merge checks that and keeps one copy.
import {existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from "node:fs";
import {availableParallelism, freemem} from "node:os";
import path from "node:path";

/** The shard a build process is, from KC_SITE_SHARD ("k/n"); one shard when unset. */
export interface Shard {
  index: number;
  count: number;
}

export function shardFromEnv(value = process.env.KC_SITE_SHARD): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(value ?? "");
  if (!m) return {index: 0, count: 1};
  const shard = {index: Number(m[1]), count: Number(m[2])};
  if (shard.count < 1 || shard.index >= shard.count) throw new Error(`KC_SITE_SHARD=${value}: cần dạng k/n với 0 ≤ k < n`);
  return shard;
}

/** The communes a shard builds: every n-th, so that each shard gets as many as the others. */
export function communesOf<T>(communes: readonly T[], {index, count}: Shard): T[] {
  return communes.filter((_, i) => i % count === index);
}

/** What one shard may hold at most: the largest measured at 80 communes in two shards was 1,6 GB. */
export const SHARD_BYTES = 2 * 1024 ** 3;

/**
 * How many shards build a site of `communes` communes: one per core, as many as the memory free
 * now holds (`SHARD_BYTES` each), one for a single commune. KC_SITE_SHARDS, when set, decides.
 */
export function shardCount(communes: number, {cores = availableParallelism(), free = freemem(), set = process.env.KC_SITE_SHARDS} = {}): number {
  if (communes <= 1) return 1;
  const wanted = Number(set) || Math.min(cores, Math.floor(free / SHARD_BYTES));
  return Math.max(1, Math.min(wanted, communes));
}

/** Where shard `index` (≥ 1) builds from. */
export function shardRoot(root: string, index: number): string {
  return path.join(root, ".observablehq", "shards", String(index));
}

/**
 * The root of a shard that builds communes' pages only: `root` linked file by file, with the site's
 * own pages (its top-level .md files) as empty placeholders, without its data loader, and with
 * Framework's cache but for the npm modules and Node bundles (read only; a build adds what is
 * missing into its own copy).
 */
export function linkShardRoot(root: string, target: string): void {
  rmSync(target, {recursive: true, force: true});
  linkTree(root, target, "", (rel) => rel === ".observablehq" || isSitePage(rel) || /^data\.\w+\.\w+$/.test(rel));
  for (const page of readdirSync(root)) if (isSitePage(page)) writeFileSync(path.join(target, page), "");
  const cache = path.join(root, ".observablehq", "cache");
  for (const shared of ["_npm", "_node"]) {
    if (existsSync(path.join(cache, shared))) linkTree(path.join(cache, shared), path.join(target, ".observablehq", "cache", shared), "", () => false);
  }
}

/** A page of the site's own (not a commune's), as a path relative to the root. */
function isSitePage(rel: string): boolean {
  return !rel.includes("/") && rel.endsWith(".md");
}

function linkTree(from: string, to: string, rel: string, skip: (rel: string) => boolean): void {
  mkdirSync(to, {recursive: true});
  for (const entry of readdirSync(from, {withFileTypes: true})) {
    const child = rel ? `${rel}/${entry.name}` : entry.name;
    if (skip(child)) continue;
    if (entry.isDirectory()) linkTree(path.join(from, entry.name), path.join(to, entry.name), child, skip);
    else if (entry.isFile()) linkSync(path.join(from, entry.name), path.join(to, entry.name));
  }
}

/**
 * Moves what shard folder `from` built into the site folder `into`, less its placeholders of the
 * site's own pages. A file both hold must be the same bytes (the shards build the shared files
 * alike): a difference would leave pages of one shard pointing at another's version, so it stops
 * the build with the file's name.
 */
export function mergeShard(from: string, into: string, rel = ""): void {
  for (const entry of readdirSync(path.join(from, rel), {withFileTypes: true})) {
    const child = path.join(rel, entry.name);
    if (rel === "" && entry.name.endsWith(".html")) continue;
    const source = path.join(from, child);
    const target = path.join(into, child);
    if (!existsSync(target)) {
      mkdirSync(path.dirname(target), {recursive: true});
      renameSync(source, target);
    } else if (entry.isDirectory()) mergeShard(from, into, child);
    else if (statSync(source).size !== statSync(target).size || !readFileSync(source).equals(readFileSync(target))) {
      throw new Error(`Hai phần dựng song song ghi khác nhau tệp ${child.split(path.sep).join("/")}; trang cũ được giữ nguyên.`);
    }
  }
}
