// The engine's public face: load a corpus from a source store, check drafts against it.
import type { SourceStore } from "./store";
import type { Corpus } from "./index/corpus";
import { isSourcePath, MAX_SOURCE_BYTES, SourceSet, type Problem } from "./source-set";

export type { SourceStore, SourceEntry } from "./store";
export { MemoryStore } from "./store";
export { Corpus } from "./index/corpus";
export { SourceSet, isSourcePath, MAX_SOURCE_BYTES, type Problem } from "./source-set";
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
}

/** Reads every source of a store into a corpus; a bad file is reported and skipped. */
export async function loadCorpus(store: SourceStore): Promise<LoadResult> {
  const set = new SourceSet();
  const entries = (await store.list()).sort((a, b) => a.path.localeCompare(b.path));
  for (const entry of entries) {
    if (!isSourcePath(entry.path)) {
      set.upsert(entry.path, new Uint8Array());
      continue;
    }
    if (entry.size !== undefined && entry.size > MAX_SOURCE_BYTES) {
      set.skip(entry.path, `skipped: ${(entry.size / 1048576).toFixed(0)} MB is over the ${MAX_SOURCE_BYTES / 1048576} MB limit for one source`);
      continue;
    }
    try {
      set.upsert(entry.path, await store.read(entry.path));
    } catch (error) {
      set.skip(entry.path, `unreadable: ${(error as Error).message}`);
    }
  }
  return { corpus: set.corpus(), problems: set.allProblems() };
}
