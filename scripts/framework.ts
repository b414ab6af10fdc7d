// Framework's own command (`observable build`, `observable preview`), run as `node <its script>`:
// node_modules/.bin/observable is a shell script on Windows (observable.cmd), which spawn() cannot
// start without a shell, and the commune's machines may well run Windows. Telemetry is off: no
// request leaves the machine.
import {spawn} from "node:child_process";
import path from "node:path";
import {fileURLToPath} from "node:url";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BIN = path.join(projectRoot, "node_modules", "@observablehq", "framework", "dist", "bin", "observable.js");

/** Runs `observable <command>` in the project, output to this terminal; resolves to its exit code. */
export function runFramework(command: "build" | "preview", env: NodeJS.ProcessEnv = {}): Promise<number | null> {
  return new Promise((resolve, reject) => {
    // A larger young generation: Framework parses every page's HTML several times (jsdom), and a
    // province's hundreds of pages otherwise spent much of the build collecting that garbage.
    const child = spawn(process.execPath, ["--max-semi-space-size=64", BIN, command], {
      cwd: projectRoot,
      stdio: "inherit",
      env: {...process.env, ...env, OBSERVABLE_TELEMETRY_DISABLE: "true"}
    });
    child.on("error", reject);
    child.on("close", (code) => resolve(code));
  });
}

