// npm run dev: prebuild (offline cache, Plot bundle, stale data loaders), then Framework's live
// preview of the pages.
import {runFramework} from "./framework.js";
import {prebuild} from "./prebuild.js";

await prebuild();
process.exitCode = (await runFramework("preview")) ?? 1;
