// Word rarity and the word index counted in a thread of their own while the corpus's names and
// values are worked out in this one (see engine/index/word-counts): once the sources are read,
// building the corpus would otherwise leave every core but one idle. Node only.
import { Worker } from "node:worker_threads";
import type { CorpusCounts, CountingSource, WordCounter } from "../engine/index";
import { defaultSize, workerScript, worthPooling } from "./prepare-pool";

/** Sources sent to the thread in one message. */
const PART = 256;

/**
 * The counter for a corpus of this many sources read by `jobs` threads: a thread of its own when
 * there is more than one core and enough sources to be worth starting one (as for a reading pool).
 */
export function counterFor(sources: number, jobs = defaultSize()): WordCounter | undefined {
  return jobs > 1 && worthPooling(sources) ? countInThread() : undefined;
}

/** A counter that starts a thread (the prepare worker's script) for one count, and stops it once answered. */
export function countInThread(script = workerScript()): WordCounter {
  return (sources: CountingSource[]) =>
    new Promise<CorpusCounts>((resolve, reject) => {
      const worker = new Worker(script);
      const stop = () => void worker.terminate();
      worker.once("message", (answer: { counts?: CorpusCounts; error?: string }) => {
        stop();
        if (answer.counts) resolve(answer.counts);
        else reject(new Error(answer.error ?? "the counting thread gave no counts"));
      });
      worker.once("error", (error) => {
        stop();
        reject(error);
      });
      worker.once("exit", (code) => reject(new Error(`the counting thread stopped (exit code ${code})`)));
      // In parts: the thread lets each part's texts go once counted (all at once, it held them all).
      // No sources still make one part, the last, so that the thread answers.
      for (let i = 0; i === 0 || i < sources.length; i += PART) worker.postMessage({ count: sources.slice(i, i + PART), last: i + PART >= sources.length });
    });
}
