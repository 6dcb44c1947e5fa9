// A persisted cache of prepared sources, so that a folder read before opens without preparing
// again the files that did not change. Each entry is keyed by the file's path and checked
// against its size, modification time and a SHA-1 of its content: a file touched but unchanged
// is still taken from the cache, a changed one is read anew. One file per cache folder,
// written whole (to a temporary name, then renamed) so a crash never leaves half a cache.
// Node only (v8 serialisation, crypto); the engine stays free of it.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import type { SourceReading } from "../engine/source-set";

/** Bumped whenever what a prepared document holds changes: an older cache is then ignored. */
export const CACHE_FORMAT = 3;
const FILE = "corroborate-index.v8";

interface Entry {
  size: number;
  mtime?: number;
  hash: string;
  reading: SourceReading;
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
  /** Modification times of the files asked about (a store that lists them gives them). */
  private readonly mtimes = new Map<string, number>();
  readonly stats: CacheStats = { reused: 0, read: 0, loadMs: 0 };
  /** Why an existing cache file could not be used, if it could not. */
  problem: string | undefined;

  constructor(private readonly dir: string) {}

  /** Loads the cache file, if there is one; a damaged or older one is set aside (and reported). */
  load(): this {
    const start = performance.now();
    this.loadFile();
    this.stats.loadMs = performance.now() - start;
    return this;
  }

  private loadFile(): void {
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(this.dir, FILE));
    } catch {
      return; // no cache yet
    }
    try {
      const data = deserialize(bytes) as { format: number; version: string; entries: Array<[string, Entry]> };
      if (data.format !== CACHE_FORMAT || data.version !== engineVersion()) this.problem = "made by another version: rebuilt";
      else this.entries = new Map(data.entries);
    } catch (error) {
      this.problem = `unreadable (${(error as Error).message}): rebuilt`;
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
      this.fresh.set(path, entry);
      return entry.reading;
    };
  }

  /** A source gone: not kept at the next save. */
  forget(path: string): void {
    this.fresh.delete(path);
  }

  /** Once a folder is read: what the cache held and this run did not use is let go (memory). */
  settle(): void {
    this.entries = new Map();
  }

  /** Writes the entries of this run (files gone since are dropped). Returns why it could not, if it could not. */
  save(): string | undefined {
    try {
      mkdirSync(this.dir, { recursive: true });
      const tmp = join(this.dir, `${FILE}.${process.pid}.tmp`);
      writeFileSync(tmp, serialize({ format: CACHE_FORMAT, version: engineVersion(), entries: [...this.fresh] }));
      renameSync(tmp, join(this.dir, FILE));
      return undefined;
    } catch (error) {
      return (error as Error).message;
    }
  }
}

declare const __VERSION__: string;
/** The engine's version: a cache made by another build may hold documents prepared differently. */
function engineVersion(): string {
  return typeof __VERSION__ === "string" ? __VERSION__ : "dev";
}
