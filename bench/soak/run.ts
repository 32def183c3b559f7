/**
 * bench:soak: memory over a long, steady run. Ten members type into five work programmes
 * (each replacing its own paragraph, so documents stay the same size) while others read
 * pages; the server's RSS and heap are sampled after a full GC every minute, and the growth
 * per 10 minutes after the warm-up is a least-squares slope. At the end every edit must be
 * in the database. See bench/README.md.
 */
import { BUILD_DIR, settingsFromEnv } from "./settings";
import { ensureBuild } from "../collab/build";
import { runSoak } from "./soak";
import { SAMPLE_HEADER, sampleLine, summaryLines } from "./report";

const settings = settingsFromEnv();
const log = (line: string) => console.log(line);

ensureBuild((message) => log(`[build] ${message}`));
log(
  `bench:soak on ${BUILD_DIR}/: ${settings.minutes} min (warm-up ${settings.warmupMinutes} min), ${settings.members} members × ${settings.editsPerMemberPerSecond} edits/s, ` +
    `${settings.pageReadsPerSecond} page reads/s${settings.heapSnapshots ? ", heap snapshots" : ""}`,
);
let headerPrinted = false;
const result = await runSoak(settings, (line) => log(`  ${line}`), (sample) => {
  if (!headerPrinted) log(`memory in MiB; "RSS /proc" is read before the forced GC, everything else after it\n${SAMPLE_HEADER}`);
  headerPrinted = true;
  log(sampleLine(sample));
});
log("");
for (const line of summaryLines(result)) log(line);
process.exit(result.stored.problems.length === 0 && result.unsavedAtEnd === 0 ? 0 : 1);
