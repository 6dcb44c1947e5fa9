// The engine's public face: load a corpus from a source store, check drafts against it.
import type { SourceStore } from "./store";
import { Corpus } from "./index/corpus";
import { decodeBytes } from "./ingest/decode";
import { prepareDocument, SOURCE_EXTENSIONS } from "./ingest/document";

export type { SourceStore, SourceEntry } from "./store";
export { MemoryStore } from "./store";
export { Corpus } from "./index/corpus";
export { checkDraft, type CheckResult } from "./verify/check";
export { describeSides, listValues } from "./verify/values";
export { RED_KINDS, SEVERITY } from "./verify/findings";
export { decodeBytes } from "./ingest/decode";
export * from "./types";

export interface Problem {
  path: string;
  message: string;
}

export interface LoadResult {
  corpus: Corpus;
  problems: Problem[];
}

/** Largest source read; bigger files are skipped with a message (a 50 MB dump is not an article). */
export const MAX_SOURCE_BYTES = 20 * 1024 * 1024;

export async function loadCorpus(store: SourceStore): Promise<LoadResult> {
  const problems: Problem[] = [];
  const prepared = [];
  const entries = (await store.list()).sort((a, b) => a.path.localeCompare(b.path));
  for (const entry of entries) {
    if (!SOURCE_EXTENSIONS.some((ext) => entry.path.toLowerCase().endsWith(ext))) {
      problems.push({ path: entry.path, message: `skipped: not a source format (${SOURCE_EXTENSIONS.join(", ")})` });
      continue;
    }
    if (entry.size !== undefined && entry.size > MAX_SOURCE_BYTES) {
      problems.push({ path: entry.path, message: `skipped: ${(entry.size / 1048576).toFixed(0)} MB is over the ${MAX_SOURCE_BYTES / 1048576} MB limit for one source` });
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = await store.read(entry.path);
    } catch (error) {
      problems.push({ path: entry.path, message: `unreadable: ${(error as Error).message}` });
      continue;
    }
    const decoded = decodeBytes(bytes);
    if (!decoded.ok) {
      problems.push({ path: entry.path, message: `skipped: ${decoded.problem}` });
      continue;
    }
    for (const w of decoded.warnings) problems.push({ path: entry.path, message: w });
    const doc = prepareDocument(entry.path, decoded.text);
    for (const w of doc.warnings) problems.push({ path: entry.path, message: w });
    prepared.push(doc);
  }
  return { corpus: new Corpus(prepared), problems };
}
