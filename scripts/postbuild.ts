// After `observable build`: finishing touches Framework 1.13.4 has no option for.
// - <html lang="vi"> on every page (screen readers, hyphenation, the browser's translate offer).
// - pinch-zoom allowed: Framework's viewport says maximum-scale=1, which keeps a leader from
//   enlarging a figure on a phone.
import {readdirSync, readFileSync, writeFileSync} from "node:fs";
import path from "node:path";
import {fileURLToPath} from "node:url";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export function htmlFiles(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(file);
    return entry.name.endsWith(".html") ? [file] : [];
  });
}

export function postbuild(dist = path.join(projectRoot, "dist")): number {
  let changed = 0;
  for (const file of htmlFiles(dist)) {
    const html = readFileSync(file, "utf8");
    const out = html
      .replace(/<html(?![^>]*\blang=)([^>]*)>/i, '<html lang="vi"$1>')
      .replace(/(<meta name="viewport" content="[^"]*?),\s*maximum-scale=1(")/i, "$1$2");
    if (out !== html) {
      writeFileSync(file, out);
      changed++;
    }
  }
  return changed;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  postbuild(path.resolve(projectRoot, process.env.KC_SITE_OUT ?? "dist"));
}
