// Messages between the extension and the engine worker. Everything is plain data.
import type { CitationStyle, ConflictSummary, Evidence, Finding, Mention, Problem } from "../../engine/index";
import type { CorpusSummary } from "./packed-sources";

/**
 * Files the extension sends the engine at once while a folder is indexed: enough for the pool's
 * threads to be given whole batches while they read others (two threads, two batches of sixteen
 * each: see host/prepare-pool).
 */
export const SENDING_AT_ONCE = 64;

export interface CheckReply {
  findings: Finding[];
  mentions: Mention[];
  warnings: string[];
}

export type Request =
  /** Starts a folder afresh; `cacheDir`: where its prepared sources are kept between sessions. */
  | { op: "reset"; root: string; cacheDir?: string }
  | { op: "upsert"; root: string; path: string; bytes: Uint8Array }
  /** Sources given by their sizes and modification times: those the folder's cache knows so are taken from it (the others' bytes must be sent). */
  | { op: "known"; root: string; files: Array<{ path: string; size: number; mtime: number }> }
  | { op: "remove"; root: string; path: string }
  | { op: "summary"; root: string }
  | { op: "check"; root: string; path: string; text: string; citationStyle: CitationStyle }
  | { op: "search"; root: string; query: string }
  | { op: "conflicts"; root: string }
  /** The folder is indexed (or its sources changed): writes its cache of prepared sources, stops the reading threads. */
  | { op: "persist"; root: string };

export interface Replies {
  /** What was wrong with the folder's cache, if anything. */
  reset: string | null;
  upsert: Problem[];
  /** What was wrong with the sources taken from the cache, and the paths of those whose bytes must be sent. */
  known: { problems: Problem[]; unknown: string[] };
  remove: null;
  /** The folder's sources, packed (see packed-sources), and its problems. */
  summary: CorpusSummary;
  check: CheckReply;
  search: Evidence[];
  conflicts: ConflictSummary[];
  /** Why the cache could not be written, if it could not. */
  persist: string | null;
}

export type Envelope = { id: number; request: Request };
export type Answer = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };
