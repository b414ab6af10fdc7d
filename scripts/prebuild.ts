// Before `observable build` / `observable preview`: the offline cache and the Plot bundle
// (scripts/offline-cache.ts) and, at the same time, every stale data loader (scripts/loaders.ts).
import path from "node:path";
import {fileURLToPath} from "node:url";
import {prepareOfflineCache} from "./offline-cache.js";
import {runLoaders, type LoaderRun} from "./loaders.js";

export async function prebuild(): Promise<void> {
  const started = performance.now();
  let runs: LoaderRun[] = [];
  await prepareOfflineCache({
    log: (line) => console.log(line),
    alongside: async () => {
      runs = await runLoaders();
    }
  });
  if (runs.length) {
    const ok = runs.filter((r) => r.ok).length;
    console.log(`prebuild: ${ok}/${runs.length} data loader, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await prebuild();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
