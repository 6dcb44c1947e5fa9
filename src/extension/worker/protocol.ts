// Messages between the extension and the engine worker. Everything is plain data.
import type { CitationStyle, ConflictSummary, Evidence, Finding, Mention, Problem } from "../../engine/index";

export interface SourceSummary {
  path: string;
  title: string;
  outlet?: string;
  date?: string;
  sentences: number;
}

export interface CorpusSummary {
  sources: SourceSummary[];
  problems: Problem[];
  conflicts: number;
}

export interface CheckReply {
  findings: Finding[];
  mentions: Mention[];
  warnings: string[];
}

export type Request =
  | { op: "reset"; root: string }
  | { op: "upsert"; root: string; path: string; bytes: Uint8Array }
  | { op: "remove"; root: string; path: string }
  | { op: "summary"; root: string }
  | { op: "check"; root: string; path: string; text: string; citationStyle: CitationStyle }
  | { op: "search"; root: string; query: string }
  | { op: "conflicts"; root: string };

export interface Replies {
  reset: null;
  upsert: Problem[];
  remove: null;
  summary: CorpusSummary;
  check: CheckReply;
  search: Evidence[];
  conflicts: ConflictSummary[];
}

export type Envelope = { id: number; request: Request };
export type Answer = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };
