// A persisted cache of prepared sources, so that a folder read before opens without preparing
// again the files that did not change. Each entry is keyed by the file's path and checked
// against its size, modification time and a SHA-1 of its content: a file touched but unchanged
// is still taken from the cache, a changed one is read anew. With them, the analyses of the
// corpus built from them (entities, contexts: most of a build's time), taken again only when
// every file is the same as then (the same paths, the same contents). One file per cache folder
// (see cache-file), written whole (to a temporary name, then renamed) so a crash never leaves
// half a cache.
// Node only (v8 serialisation, crypto); the engine stays free of it.
import { createHash } from "node:crypto";
import { closeSync, mkdirSync, openSync, renameSync, writeSync } from "node:fs";
import type { EarlierAnalyses, SourceReading } from "../engine/source-set";
import type { PackedCorpus, PackedSource } from "../engine/index/analysis-pack";
import { readAligned, serialiseAligned } from "./aligned-serialise";
import { cacheFileIn, cacheFileParts, letGoOf, openCacheFile, type CacheRead, type OpenedCacheFile } from "./cache-file";
import { fromColumns, toColumns, type Columns } from "./columns";
import { docsFromColumns, docsToColumns, type DocColumns, type TextBytes } from "./persisted-docs";

/** Bumped whenever what a prepared document or a packed corpus holds changes: an older cache is then ignored. */
export const CACHE_FORMAT = 14;

interface Entry {
  size: number;
  mtime?: number;
  hash: string;
  reading: SourceReading;
}

/** The cache file's content. */
interface Persisted {
  format: number;
  version: string;
  /** The entries, each with its path, as columns; their documents left out (undefined): `docColumns` holds them. */
  entries: Columns;
  docColumns: DocColumns;
  analyses?: PersistedAnalyses;
}

/** A corpus's analyses, with the files they were made from (see `fingerprint`). */
interface Analyses {
  fingerprint: string;
  corpus: PackedCorpus;
}

/** Analyses as the file keeps them: each source's packed analysis as columns (they load several times faster). */
interface PersistedAnalyses {
  fingerprint: string;
  corpus: Omit<PackedCorpus, "sources">;
  sources: Columns;
}

export interface CacheStats {
  reused: number;
  read: number;
  /** Time to read and decode the cache file. */
  loadMs: number;
}

export class ReadingCache {
  private entries = new Map<string, Entry>();
  private readonly fresh = new Map<string, Entry>();
  private earlier: Analyses | undefined;
  /** Whether anything differs from the file as loaded (an entry read anew, re-dated or gone). */
  private changed = false;
  /** The analyses loaded were given back: the file holds those of this run's files, unless something `changed`. */
  private analysesTaken = false;
  /** Modification times of the files asked about (a store that lists them gives them). */
  private readonly mtimes = new Map<string, number>();
  readonly stats: CacheStats = { reused: 0, read: 0, loadMs: 0 };
  /** Why an existing cache file could not be used, if it could not. */
  problem: string | undefined;

  constructor(private readonly dir: string) {}

  /**
   * Loads the cache file, if there is one; a damaged or older one is set aside (and reported).
   * The file's data is read as `read` says, or was being read already (`openCacheFile` of this
   * folder's file); its texts are not read until asked for (see cache-file).
   */
  async load(read: CacheRead | Promise<OpenedCacheFile | undefined> = "in parts"): Promise<this> {
    const start = performance.now();
    try {
      const opened = await (typeof read === "string" ? openCacheFile(cacheFileIn(this.dir), read) : read);
      if (opened === "older format") this.problem = "made by another version: rebuilt";
      else if (opened && !this.decode(opened.data, opened.texts)) opened.texts.close();
    } catch (error) {
      this.problem = `unreadable (${(error as Error).message}): rebuilt`;
    }
    this.stats.loadMs = performance.now() - start;
    return this;
  }

  /** Takes the cache's entries and analyses; whether its documents were taken (they read their texts from `texts`). */
  private decode(bytes: Buffer, texts: TextBytes): boolean {
    try {
      const data = readAligned(bytes) as Persisted;
      if (data.format !== CACHE_FORMAT || data.version !== engineVersion()) {
        this.problem = "made by another version: rebuilt";
        return false;
      }
      const rows = fromColumns(data.entries) as unknown as Array<Entry & { path: string }>;
      const docs = docsFromColumns(data.docColumns, texts);
      // Taken whole or not at all: a damaged file leaves no entries half made.
      const entries = new Map<string, Entry>();
      rows.forEach(({ path, ...entry }, i) => {
        if (docs[i]) entry.reading.doc = docs[i];
        entries.set(path, entry);
      });
      this.entries = entries;
      const analyses = data.analyses;
      if (analyses) this.earlier = { fingerprint: analyses.fingerprint, corpus: { ...analyses.corpus, sources: fromColumns(analyses.sources) as unknown as PackedSource[] } };
      return true;
    } catch (error) {
      this.problem = `unreadable (${(error as Error).message}): rebuilt`;
      return false;
    }
  }

  /** A file whose size and modification time are those cached: taken as it is, without reading it. */
  unchanged = (entry: { path: string; size?: number; mtime?: number }): SourceReading | undefined => {
    if (entry.mtime !== undefined) this.mtimes.set(entry.path, entry.mtime);
    const known = this.entries.get(entry.path);
    if (!known || entry.mtime === undefined || known.mtime !== entry.mtime || known.size !== entry.size) return undefined;
    this.stats.reused++;
    this.fresh.set(entry.path, known);
    return known.reading;
  };

  /** A reader that takes files with the cached content from the cache and reads the others with `read`. */
  wrap(read: (path: string, bytes: Uint8Array) => Promise<SourceReading>) {
    return async (path: string, bytes: Uint8Array): Promise<SourceReading> => {
      const hash = createHash("sha1").update(bytes).digest("hex");
      const known = this.entries.get(path) ?? this.fresh.get(path);
      const entry: Entry =
        known && known.size === bytes.length && known.hash === hash
          ? (this.stats.reused++, { ...known, mtime: this.mtimes.get(path) })
          : (this.stats.read++, { size: bytes.length, mtime: this.mtimes.get(path), hash, reading: await read(path, bytes) });
      if (entry.reading !== known?.reading || entry.mtime !== known.mtime) this.changed = true;
      this.fresh.set(path, entry);
      return entry.reading;
    };
  }

  /**
   * The analyses saved with the cache, once every file is read: if the files of this run are those
   * they were made from (the same paths; none added or gone), with the readings then of the files
   * whose contents changed since (asked once: then let go).
   */
  analyses = (): EarlierAnalyses | undefined => {
    const earlier = this.earlier;
    if (!earlier) return undefined;
    this.earlier = undefined;
    // The files as they were when the analyses were saved: the entries loaded, for this run's paths.
    const then = new Map<string, Entry>();
    const before: EarlierAnalyses["before"] = [];
    for (const [path, entry] of this.fresh) {
      const old = this.entries.get(path);
      if (!old) return undefined; // a file added since
      then.set(path, old);
      if (old.hash !== entry.hash || old.size !== entry.size) before.push({ path, reading: old.reading });
    }
    if (fingerprint(then) !== earlier.fingerprint) return undefined; // a file gone since
    this.analysesTaken = true;
    return { corpus: earlier.corpus, before };
  };

  /** A source gone: not kept at the next save. */
  forget(path: string): void {
    if (this.fresh.delete(path)) this.changed = true;
  }

  /** Once a folder is read: what the cache held and this run did not use is let go (memory). */
  settle(): void {
    this.entries = new Map();
    this.earlier = undefined;
  }

  /**
   * Writes the entries of this run (files gone since are dropped), with the analyses of the corpus
   * built from them when given (packed only if the file is written). Returns why it could not, if
   * it could not.
   */
  save(corpus?: { packed(): PackedCorpus | undefined }): string | undefined {
    // Opened again with nothing changed: the file already says it all (writing it takes a second at 10,000 sources).
    if (this.analysesTaken && !this.changed) return undefined;
    try {
      mkdirSync(this.dir, { recursive: true });
      const file = cacheFileIn(this.dir);
      const tmp = `${file}.${process.pid}.tmp`;
      // The file is to be replaced: the documents loaded from it take their texts into memory now,
      // in one read, so that those written below are not read one by one first (and again after).
      letGoOf(file);
      const packed = corpus?.packed();
      const analyses: PersistedAnalyses | undefined = packed && persistedAnalyses(fingerprint(this.fresh), packed);
      // The documents' long lists go apart, as columns: they load several times faster.
      const fresh = [...this.fresh];
      const { columns: docColumns, texts } = docsToColumns(fresh.map(([, e]) => e.reading.doc));
      const rows = fresh.map(([path, e]) => ({ path, ...e, ...(e.reading.doc ? { reading: { ...e.reading, doc: undefined } } : {}) }));
      const data: Persisted = { format: CACHE_FORMAT, version: engineVersion(), entries: toColumns(rows), docColumns, ...(analyses ? { analyses } : {}) };
      writeParts(tmp, cacheFileParts(serialiseAligned(data), texts));
      renameSync(tmp, file);
      return undefined;
    } catch (error) {
      return (error as Error).message;
    }
  }
}

function writeParts(path: string, parts: Uint8Array[]): void {
  const fd = openSync(path, "w");
  try {
    for (const part of parts) for (let at = 0; at < part.length; ) at += writeSync(fd, part, at);
  } finally {
    closeSync(fd);
  }
}

function persistedAnalyses(fingerprint: string, { sources, ...corpus }: PackedCorpus): PersistedAnalyses {
  return { fingerprint, corpus, sources: toColumns(sources as unknown as Array<Record<string, unknown>>) };
}

/** The paths and content hashes of some files, as one hash. */
function fingerprint(entries: Map<string, Entry>): string {
  const hash = createHash("sha1");
  for (const [path, entry] of [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) hash.update(`${path}\0${entry.size}\0${entry.hash}\n`);
  return hash.digest("hex");
}

declare const __VERSION__: string;
/** The engine's version: a cache made by another build may hold documents prepared differently. */
function engineVersion(): string {
  return typeof __VERSION__ === "string" ? __VERSION__ : "dev";
}
