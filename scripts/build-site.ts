// npm run build:site: prebuild (offline cache, Plot bundle, stale data loaders), `observable
// build`, postbuild (lang="vi"), in one process that holds a lock for the whole build. Two builds
// in one checkout (a developer's `npm start` and the test site's build, say) share
// src/.observablehq/cache: without the lock they would rename files under each other.
import path from "node:path";
import {fileURLToPath} from "node:url";
import {runFramework} from "./framework.js";
import {withLock} from "./lock.js";
import {postbuild} from "./postbuild.js";
import {prebuild} from "./prebuild.js";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const lockDir = path.join(projectRoot, "src", ".observablehq", "build.lock");

try {
  await withLock(
    lockDir,
    async () => {
      await prebuild();
      const code = await runFramework("build");
      if (code !== 0) throw new Error(`observable build thất bại (mã ${code})`);
      postbuild(path.resolve(projectRoot, process.env.KC_SITE_OUT ?? "dist"));
    },
    {onWait: (owner) => console.log(`Đang chờ một lần dựng trang khác (tiến trình ${owner}) dùng chung thư mục src/.observablehq xong…`)}
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
