// One worker of the prepare pool: reads sources' bytes into prepared documents, a batch at a
// time. Started on its own (see count-thread), it counts a corpus's word rarity and word index instead.
import { parentPort } from "node:worker_threads";
import { readSources, unreadable, type SourceReading } from "../engine/source-set";
import { WordCounting, type CorpusCounts, type CountingSource } from "../engine/index/word-counts";
import { runInBackground } from "./background-thread";

runInBackground();

/** Files to read, answered with their readings in the same order; or sources to count. */
type Job = { files: Array<{ path: string; bytes: Uint8Array }> } | { count: CountingSource[]; last: boolean };

let counting: WordCounting | undefined;
let failed: string | undefined;

parentPort?.on("message", (job: Job) => {
  if ("count" in job) return count(job.count, job.last);
  let readings: SourceReading[];
  try {
    readings = readSources(job.files);
  } catch (error) {
    readings = job.files.map(({ path }) => unreadable(path, error));
  }
  parentPort!.postMessage(readings);
});

/** Counts one part of the sources; after the last, answers with the counts (or why there are none). */
function count(sources: CountingSource[], last: boolean): void {
  try {
    if (!failed) (counting ??= new WordCounting()).addAll(sources);
  } catch (error) {
    failed = (error as Error)?.message ?? String(error);
  }
  if (!last) return;
  if (failed) parentPort!.postMessage({ error: failed });
  else {
    const counts: CorpusCounts = (counting ?? new WordCounting()).counts();
    // The word index's numbers are handed over, not copied.
    const { counts: n, ids } = counts.words;
    parentPort!.postMessage({ counts }, [n.buffer as ArrayBuffer, ids.buffer as ArrayBuffer]);
  }
  // The thread ends at once, its memory given back while the corpus is still being built (the
  // answer is delivered all the same: a thread's messages are taken before its exit is told).
  process.exit(0);
}
