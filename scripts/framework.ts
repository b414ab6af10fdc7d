// Framework's own command (`observable build`, `observable preview`), run as `node <its script>`:
// node_modules/.bin/observable is a shell script on Windows (observable.cmd), which spawn() cannot
// start without a shell, and the commune's machines may well run Windows. Telemetry is off: no
// request leaves the machine.
import {spawn} from "node:child_process";
import path from "node:path";
import {fileURLToPath} from "node:url";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BIN = path.join(projectRoot, "node_modules", "@observablehq", "framework", "dist", "bin", "observable.js");

/**
 * Runs `observable <command>` in the project; resolves to its exit code. Its output goes to this
 * terminal, or, `quiet`, is kept and printed only if it fails (a shard of a province's build: two
 * builds' progress lines interleaved would be unreadable).
 */
export function runFramework(command: "build" | "preview", env: NodeJS.ProcessEnv = {}, {quiet = false} = {}): Promise<number | null> {
  return new Promise((resolve, reject) => {
    // A larger young generation: Framework parses every page's HTML several times (jsdom), and a
    // province's hundreds of pages otherwise spent much of the build collecting that garbage.
    const child = spawn(process.execPath, ["--max-semi-space-size=64", BIN, command], {
      cwd: projectRoot,
      stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit",
      env: {...process.env, ...env, OBSERVABLE_TELEMETRY_DISABLE: "true"}
    });
    const output: Buffer[] = [];
    child.stdout?.on("data", (chunk: Buffer) => output.push(chunk));
    child.stderr?.on("data", (chunk: Buffer) => output.push(chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0 && quiet) process.stderr.write(Buffer.concat(output));
      resolve(code);
    });
  });
}
