// Before `observable build` / `observable preview`: the offline cache (scripts/offline-cache.ts)
// and, at the same time, every stale data loader run in parallel (scripts/loaders.ts).
import {prepareOfflineCache} from "./offline-cache.js";
import {runLoaders, type LoaderRun} from "./loaders.js";

const started = performance.now();
try {
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
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
