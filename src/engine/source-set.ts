// A changing set of sources: added, replaced and removed one at a time, each read once, the
// corpus rebuilt only when asked for after a change. The CLI, the editor's worker and the
// benchmark all load sources through it.
import { Corpus } from "./index/corpus";
import { lowerBound } from "./index/sorted";
import type { PackedCorpus } from "./index/analysis-pack";
import { countingSource, type CorpusCounts, type CountingSource } from "./index/word-counts";
import { decodeBytes } from "./ingest/decode";
import { prepareDocument, prepareDocuments, SOURCE_EXTENSIONS, withViews, type PreparedDocument } from "./ingest/document";

export interface Problem {
  path: string;
  message: string;
}

/** Largest source read; bigger files are skipped with a message (a 50 MB dump is not an article). */
export const MAX_SOURCE_BYTES = 20 * 1024 * 1024;

export function isSourcePath(path: string): boolean {
  const lower = path.toLowerCase();
  return SOURCE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

export class SourceSet {
  private readonly docs = new Map<string, PreparedDocument>();
  private readonly problems = new Map<string, Problem[]>();
  private built: Corpus | undefined;
  private offered: PackedCorpus | undefined;

  /** `pack`: the corpus keeps its analyses packed, for a host to persist (`Corpus.packed`). */
  constructor(private readonly options: { pack?: boolean } = {}) {}

  /**
   * Analyses persisted from an earlier build of these sources: the corpus, when built next, takes
   * them, unless it is built already or a source changes before (they would not be its sources').
   */
  private offer(packed: PackedCorpus): void {
    if (!this.built) this.offered = packed;
  }

  /**
   * Analyses persisted from an earlier build, with the readings then of the files changed since:
   * the corpus is built from them as it was, and each changed file then replaces its earlier
   * version, in place when it leaves the entities as they were (else the corpus is built anew).
   */
  reopen(earlier: EarlierAnalyses): void {
    const now = earlier.before.map(({ path }): [string, SourceReading] => [path, this.readingOf(path)]);
    for (const { path, reading } of earlier.before) this.accept(path, reading);
    this.offer(earlier.corpus);
    if (!now.length) return;
    this.corpus();
    for (const [path, reading] of now) this.accept(path, reading);
  }

  /** A source as read (what was wrong with it, and its document if it could be read). */
  private readingOf(path: string): SourceReading {
    const doc = this.docs.get(path);
    const list = this.problems.get(path) ?? [];
    return doc ? { doc, list } : { list };
  }

  /** Reads one source (replacing an earlier version). Returns what was wrong with it, if anything. */
  upsert(path: string, bytes: Uint8Array): Problem[] {
    return this.accept(path, readSource(path, bytes));
  }

  /** Takes a source read elsewhere (by `readSource`, perhaps in another thread). */
  accept(path: string, reading: SourceReading): Problem[] {
    if (reading.doc) withViews(reading.doc);
    // A source changed in place is re-indexed alone when it leaves the entities as they were.
    const replaced = this.built && reading.doc && this.docs.has(path) ? placeOf(this.built, path) : -1;
    if (replaced < 0 || !this.built!.replaceSource(replaced, reading.doc!)) this.built = undefined;
    this.offered = undefined;
    this.docs.delete(path);
    if (reading.doc) this.docs.set(path, reading.doc);
    this.problems.set(path, reading.list);
    return reading.list;
  }

  remove(path: string): void {
    this.built = undefined;
    this.offered = undefined;
    this.docs.delete(path);
    this.problems.delete(path);
  }

  has(path: string): boolean {
    return this.docs.has(path);
  }

  get size(): number {
    return this.docs.size;
  }

  allProblems(): Problem[] {
    return [...this.problems.values()].flat();
  }

  corpus(): Corpus {
    if (!this.built) {
      const docs = this.sortedDocs();
      const reuse = this.offered;
      this.offered = undefined;
      this.built = reuse ? reusing(docs, reuse) : new Corpus(docs, { pack: this.options.pack ?? false });
    }
    return this.built;
  }

  /**
   * The corpus, its word rarity and word index counted by `count` (in another thread) while this
   * one builds the rest; counted here if `count` fails. As `corpus()` when the corpus is built
   * already or taken from persisted analyses (which hold the counts).
   */
  async corpusCounting(count: WordCounter): Promise<Corpus> {
    if (this.built || this.offered) return this.corpus();
    const docs = this.sortedDocs();
    // Started before the build, which holds this thread until it is done.
    const counting = count(docs.map(countingSource));
    const corpus = new Corpus(docs, { pack: this.options.pack ?? false, countedElsewhere: true });
    try {
      corpus.takeCounts(await counting);
    } catch {
      // The counts only save time: a thread that failed, or counted other sentences, is not trusted.
      corpus.countHere();
    }
    // A source changed while the counts were awaited: this corpus is not of the sources now.
    if (this.built === undefined && docs.length === this.docs.size && docs.every((d) => this.docs.get(d.meta.path) === d)) this.built = corpus;
    return corpus;
  }

  private sortedDocs(): PreparedDocument[] {
    return [...this.docs.values()].sort((a, b) => a.meta.path.localeCompare(b.meta.path));
  }
}

/**
 * Where a built corpus has the source of `path`, or -1. Its sources are in the order of their
 * paths (see sortedDocs), so it is found by bisection: a scan of 10,000 took 6 ms of the first
 * re-index after indexing, its code not yet optimised.
 */
function placeOf(corpus: Corpus, path: string): number {
  const sources = corpus.sources;
  const at = lowerBound(sources.length, (i) => sources[i]!.doc.meta.path.localeCompare(path) < 0);
  if (sources[at]?.doc.meta.path === path) return at;
  // Paths the locale's order holds equal (one name in two Unicode normalisations): one by one.
  for (let i = 0; i < sources.length; i++) if (sources[i]!.doc.meta.path === path) return i;
  return -1;
}

/** Counts word rarity and the word index of sources given in corpus order (see index/word-counts). */
export type WordCounter = (sources: CountingSource[]) => Promise<CorpusCounts>;

/**
 * The corpus built from persisted analyses; built anew if they cannot be read (a damaged cache
 * that still decoded): they only save time, and the build must not fail for them.
 */
function reusing(docs: PreparedDocument[], reuse: PackedCorpus): Corpus {
  try {
    return new Corpus(docs, { reuse });
  } catch {
    return new Corpus(docs, { pack: true });
  }
}

/** Why a file this big is not read. */
export function tooBig(bytes: number): string {
  return `skipped: ${(bytes / 1048576).toFixed(0)} MB is over the ${MAX_SOURCE_BYTES / 1048576} MB limit for one source`;
}

/** Analyses persisted from an earlier build, and the files changed since as they were then. */
export interface EarlierAnalyses {
  corpus: PackedCorpus;
  before: Array<{ path: string; reading: SourceReading }>;
}

/** One source read: its prepared document, unless it could not be read, and what was wrong with it. */
export interface SourceReading {
  doc?: PreparedDocument;
  list: Problem[];
}

/** Reads one file into a prepared document. Pure: it depends on this file alone, so it may run in any thread. */
export function readSource(path: string, bytes: Uint8Array): SourceReading {
  return readSources([{ path, bytes }])[0]!;
}

/**
 * readSource for several files, read together (see ingest/document prepareDocuments): each
 * reading is the one readSource gives. A file that throws fails alone, the others read again one by one.
 */
export function readSources(files: ReadonlyArray<{ path: string; bytes: Uint8Array }>): SourceReading[] {
  const out: SourceReading[] = [];
  const texts: Array<{ at: number; path: string; text: string; warnings: string[] }> = [];
  files.forEach(({ path, bytes }, at) => {
    if (!isSourcePath(path)) out[at] = { list: [{ path, message: `skipped: not a source format (${SOURCE_EXTENSIONS.join(", ")})` }] };
    else if (bytes.length > MAX_SOURCE_BYTES) out[at] = { list: [{ path, message: tooBig(bytes.length) }] };
    else if (bytes.length === 0) out[at] = { list: [{ path, message: "empty file: nothing to read" }] };
    else {
      const decoded = decodeBytes(bytes);
      if (!decoded.ok) out[at] = { list: [{ path, message: `skipped: ${decoded.problem}` }] };
      else texts.push({ at, path, text: decoded.text, warnings: decoded.warnings });
    }
  });
  if (texts.length > 1) {
    let docs: PreparedDocument[] | undefined;
    try {
      docs = prepareDocuments(texts);
    } catch {
      // One of them throws: which, reading each alone says (and only that one fails).
    }
    if (docs) {
      texts.forEach(({ at, path, warnings }, k) => (out[at] = readingOf(path, warnings, docs![k]!)));
      return out;
    }
  }
  for (const { at, path, text, warnings } of texts) {
    try {
      out[at] = readingOf(path, warnings, prepareDocument(path, text));
    } catch (error) {
      // Alone, it throws to the caller, as readSource does; in a batch, it fails alone.
      if (texts.length === 1) throw error;
      out[at] = unreadable(path, error);
    }
  }
  return out;
}

/** A file whose reading threw: what it says, and no document. */
export function unreadable(path: string, error: unknown): SourceReading {
  return { list: [{ path, message: `unreadable: ${(error as Error)?.message ?? String(error)}` }] };
}

function readingOf(path: string, warnings: string[], doc: PreparedDocument): SourceReading {
  return { doc, list: [...warnings, ...doc.warnings].map((message) => ({ path, message })) };
}
