// Helpers for the server's adversarial tests: `npm run serve` as its own process (a crash then
// shows as a dead process, as the office would see it), and requests written as raw bytes.
import {spawn, spawnSync, type ChildProcess} from "node:child_process";
import net from "node:net";
import {startServer} from "../../scripts/serve.js";
import {projectRoot} from "../scripts/build.js";

/**
 * Root reads every file, so a test of an unreadable file runs its command as nobody (65534) when
 * run as root. Nobody can do so only if it can reach the checkout: a clone under a folder closed to
 * others (mktemp's 0700) cannot, and such a test is then reported as skipped, not passed. The
 * probe reads a file of the checkout: running tsx alone is not proof, as Node finds tsx in any
 * node_modules of a folder above the clone (a clone under a folder beside such a link failed the
 * three tests instead of skipping them).
 */
const isRoot = process.getuid?.() === 0;
export const asUnprivileged: {uid?: number} = isRoot ? {uid: 65534} : {};
const readsCheckout = `require("node:fs").accessSync(${JSON.stringify(`${projectRoot}/package.json`)})`;
export const unprivilegedCannotRun =
  isRoot && spawnSync(process.execPath, ["--import", "tsx", "-e", readsCheckout], {cwd: projectRoot, uid: 65534, gid: 65534}).status !== 0;

export interface ServeProcess {
  port: number;
  out: string;
  child: ChildProcess;
  /** Whether the process still runs. */
  alive(): boolean;
  stop(): void;
}

/** `npm run serve` (scripts/serve.ts) serving `root` on a free port, with `args`; resolves once it has said where it is. */
export async function serveProcess(root: string, args: string[] = [], options: {uid?: number} = {}): Promise<ServeProcess> {
  const probe = await startServer({root, port: 0});
  const port = Number(new URL(probe.url).port);
  await probe.close();
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts", ...args], {
    cwd: projectRoot,
    env: {...process.env, PORT: String(port), KC_SITE_OUT: root},
    stdio: ["ignore", "pipe", "pipe"],
    ...(options.uid === undefined ? {} : {uid: options.uid, gid: options.uid})
  });
  let exited = false;
  child.on("exit", () => (exited = true));
  let out = "";
  child.stderr!.setEncoding("utf8").on("data", (d: string) => (out += d));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.setEncoding("utf8").on("data", (d: string) => {
      out += d;
      if (out.includes("Ctrl+C")) resolve();
    });
    child.on("exit", (code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
  return {
    port,
    get out() {
      return out;
    },
    child,
    alive: () => !exited,
    stop: () => child.kill()
  };
}

/** Writes `request` as it is to 127.0.0.1:`port` and returns what comes back until the server closes (or `waitMs`). */
export function rawRequest(port: number, request: string | Buffer, waitMs = 1500): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(Buffer.concat(chunks).toString("latin1"));
    };
    const timer = setTimeout(done, waitMs);
    socket.on("data", (d) => chunks.push(d));
    socket.on("error", done);
    socket.on("close", done);
    socket.on("connect", () => socket.write(request));
  });
}

/** The status code of a raw HTTP response, or undefined when the server sent nothing. */
export function statusOf(response: string): number | undefined {
  const m = /^HTTP\/1\.[01] (\d{3})/.exec(response);
  return m ? Number(m[1]) : undefined;
}
