// The engine's public face: load a corpus from a source store, check drafts against it.
import type { SourceEntry, SourceStore } from "./store";
import type { Corpus } from "./index/corpus";
import { isSourcePath, MAX_SOURCE_BYTES, readSource, SourceSet, tooBig, unreadable, type EarlierAnalyses, type Problem, type SourceReading, type WordCounter } from "./source-set";

export type { SourceStore, SourceEntry } from "./store";
export { MemoryStore } from "./store";
export { Corpus } from "./index/corpus";
export type { PackedCorpus } from "./index/analysis-pack";
export { SourceSet, isSourcePath, readSource, MAX_SOURCE_BYTES, type EarlierAnalyses, type Problem, type SourceReading, type WordCounter } from "./source-set";
export type { CorpusCounts, CountingSource } from "./index/word-counts";
export { checkDraft, type CheckResult, type CheckOptions } from "./verify/check";
export { searchSources, conflictSummaries, type ConflictSummary } from "./verify/lookup";
export { citationFix, type CitationStyle } from "./verify/fixes";
export { describeSides, listValues } from "./verify/values";
export { RED_KINDS, SEVERITY } from "./verify/findings";
export { decodeBytes } from "./ingest/decode";
export * from "./types";

export interface LoadResult {
  corpus: Corpus;
  problems: Problem[];
  /** The sources read, to change one later without reading the others again. */
  set: SourceSet;
}

/** Reads one file into a prepared document; a host may run it in other threads. */
export type SourceReader = (path: string, bytes: Uint8Array) => Promise<SourceReading>;

/** Reads in this thread. */
export const readHere: SourceReader = async (path, bytes) => readSource(path, bytes);

/** Files read ahead while earlier ones are prepared elsewhere, unless the reader says how many it takes (see LoadOptions.readAhead). */
const READ_AHEAD = 32;

export interface LoadOptions {
  /** Reads files elsewhere (a pool of worker threads), given how many are left to read (not known already); by default, here, one after another. */
  readerFor?: (files: number) => SourceReader | undefined;
  /** How many files to have in flight with the reader readerFor gives, to keep it busy (READ_AHEAD by default). */
  readAhead?: number;
  /** A source already prepared (a persisted cache that knows this file's size and date): not read again. */
  known?: (entry: SourceEntry) => SourceReading | undefined;
  /** Called once every file is read, before the corpus is built (to stop reading threads: their memory). */
  afterReading?: () => Promise<void> | void;
  /**
   * Asked once every file is read, with how many sources there are: what counts word rarity and
   * the word index elsewhere (another thread) while the rest of the corpus is built here; none,
   * they are counted here.
   */
  counter?: (sources: number) => WordCounter | undefined;
  /**
   * For a host that persists the corpus's analyses: gives, once every file is read, those of an
   * earlier build of the same files (with the readings then of those changed since); the corpus
   * is then kept packed, to persist again.
   */
  analyses?: () => EarlierAnalyses | undefined;
}

/** Reads every source of a store into a corpus; a bad file is reported and skipped. */
export async function loadCorpus(store: SourceStore, options: LoadOptions = {}): Promise<LoadResult> {
  const set = new SourceSet({ pack: Boolean(options.analyses) });
  const entries = (await store.list()).sort((a, b) => a.path.localeCompare(b.path));
  // The files already known (a cache) first: the reading threads are started only if many are left to read.
  const known = entries.map((entry) => (isSourcePath(entry.path) ? options.known?.(entry) : undefined));
  const pooled = options.readerFor?.(entries.filter((e, i) => !known[i] && isSourcePath(e.path)).length);
  const reader = pooled ?? readHere;
  const one = async (entry: SourceEntry, i: number): Promise<SourceReading> => {
    const { path, size } = entry;
    if (!isSourcePath(path)) return readSource(path, new Uint8Array());
    const cached = known[i];
    if (cached) return cached;
    if (size !== undefined && size > MAX_SOURCE_BYTES) return { list: [{ path, message: tooBig(size) }] };
    try {
      return await reader(path, await store.read(path));
    } catch (error) {
      return unreadable(path, error);
    }
  };
  // A window of files in flight; results are taken in order, so the corpus is the same however read.
  const width = pooled ? (options.readAhead ?? READ_AHEAD) : 1;
  const inFlight: Array<Promise<SourceReading>> = [];
  let next = 0;
  for (let i = 0; i < entries.length; i++) {
    while (next < entries.length && next < i + width) inFlight.push(one(entries[next]!, next++));
    set.accept(entries[i]!.path, await inFlight.shift()!);
  }
  await options.afterReading?.();
  const earlier = options.analyses?.();
  if (earlier) set.reopen(earlier);
  const count = options.counter?.(set.size);
  const corpus = count ? await set.corpusCounting(count) : set.corpus();
  return { corpus, problems: set.allProblems(), set };
}
