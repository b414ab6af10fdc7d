// One installed package as one self-contained browser module (esbuild), for the build's npm cache
// (scripts/npm-cache.ts, scripts/plot-bundle.ts).
import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import path from "node:path";
import {fileURLToPath} from "node:url";
import {build} from "esbuild";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(path.join(projectRoot, "package.json"));

/** node_modules/<name> as Node finds it from the project. */
export function packageDir(name: string): string {
  try {
    return path.dirname(require.resolve(`${name}/package.json`));
  } catch {
    // A package whose "exports" hide package.json: its entry's folder, walked up to the package.
    const entry = require.resolve(name);
    const marker = `${path.sep}node_modules${path.sep}${name.split("/").join(path.sep)}${path.sep}`;
    return entry.slice(0, entry.lastIndexOf(marker) + marker.length - 1);
  }
}

export function installedVersion(name: string): string {
  return (JSON.parse(readFileSync(path.join(packageDir(name), "package.json"), "utf8")) as {version: string}).version;
}

export interface Bundle {
  code: string;
  /** package.json files of the packages inside, with their versions. */
  packages: Record<string, string>;
}

/** `export * from "<name>"` bundled with everything it imports, for browsers. */
export async function bundle(name: string, {minify}: {minify: boolean}): Promise<Bundle> {
  const result = await build({
    stdin: {contents: `export * from "${name}";`, resolveDir: projectRoot, loader: "js"},
    absWorkingDir: projectRoot, // the metafile's input paths are relative to it
    bundle: true,
    write: false,
    metafile: true,
    format: "esm",
    platform: "browser",
    // Framework's own settings for the modules it bundles; no licence comments, which would put
    // outside URLs in dist/.
    target: ["es2022", "chrome96", "firefox96", "safari16"],
    define: {"process.env.NODE_ENV": JSON.stringify("production")},
    minify,
    legalComments: "none",
    logLevel: "error"
  });
  const packages: Record<string, string> = {};
  for (const input of Object.keys(result.metafile.inputs)) {
    const packageJson = owningPackageJson(path.resolve(projectRoot, input));
    if (packageJson) packages[packageJson] = (JSON.parse(readFileSync(packageJson, "utf8")) as {version: string}).version;
  }
  return {code: result.outputFiles[0]!.text, packages};
}

/** node_modules/<name>/package.json (scoped names too) of the package a bundled file belongs to. */
function owningPackageJson(file: string): string | undefined {
  const parts = file.split(path.sep);
  const i = parts.lastIndexOf("node_modules");
  if (i < 0) return undefined;
  const nameParts = parts[i + 1]?.startsWith("@") ? 2 : 1;
  return [...parts.slice(0, i + 1 + nameParts), "package.json"].join(path.sep);
}
