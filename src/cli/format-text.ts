// Human-readable output, one line per finding or mention, in the file:line:col form editors
// and terminals turn into links.
import type { Finding } from "../engine/types";
import { LineMap } from "../engine/ingest/lines";
import { displayPath } from "./fs-store";

export function findingLines(path: string, text: string, findings: Finding[], all: boolean): string[] {
  const lines = new LineMap(text);
  const out: string[] = [];
  for (const f of findings) {
    if (!all && f.kind === "supported") continue;
    const { line, column } = lines.position(f.start);
    out.push(`${displayPath(path)}:${line}:${column}: ${f.severity} ${f.kind} ${f.code}: ${f.message}`);
    for (const e of f.evidence.slice(0, 4)) {
      out.push(`    > ${truncate(e.quote, 220)}`);
      out.push(`      — ${e.outlet ?? e.title}${e.date ? `, ${e.date}` : ""} (${displayPath(e.source)}:${e.line}:${e.column})`);
    }
  }
  return out;
}

export function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
