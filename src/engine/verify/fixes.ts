// Quick fixes, computed once with the finding: replace the value with the sources', or insert a
// citation to the evidence (a Markdown footnote; the editor may render other styles from it).
import type { Evidence, Fix } from "../types";
import { Remembered } from "../remembered";

export function replaceFix(start: number, end: number, newText: string): Fix {
  return { title: `Replace with “${newText}”`, kind: "replace", edits: [{ start, end, newText }] };
}

/** The footnote ids a draft defines ("[^id]: …" at the start of a line). */
export function definedFootnotes(draft: string): Set<string> {
  return new Set([...draft.matchAll(/^\[\^([^\]\n]+)\]:/gm)].map((m) => m[1]!));
}

/** A footnote goes after the sentence's closing punctuation and quotation mark. */
export function citationPoint(text: string, end: number): number {
  let at = end;
  while (at < text.length && /["”’)\]]/.test(text[at]!)) at++;
  return at;
}

/** Where the sentence's full stop (and any closing quote after it) begins: an inline citation goes there. */
function stopBefore(draft: string, end: number): number {
  let at = end;
  while (at > 0 && /["”’)]/.test(draft[at - 1]!)) at--;
  return at > 0 && /[.!?]/.test(draft[at - 1]!) ? at - 1 : end;
}

const ids = new Remembered<string>(10_000);

export function footnoteId(e: Evidence): string {
  return ids.get(`${e.outlet ?? ""}\u0000${e.title}\u0000${e.date ?? ""}`, () => computeFootnoteId(e));
}

function computeFootnoteId(e: Evidence): string {
  const base = (e.outlet ?? e.title.split(/\s+/).slice(0, 3).join(" ")).toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  const year = /\b(\d{4})\b/.exec(e.date ?? "")?.[1];
  return [base || "source", year].filter(Boolean).join("-");
}

export function footnoteDefinition(e: Evidence): string {
  const parts = [`“${e.title}”`];
  if (e.outlet) parts.push(e.outlet);
  if (e.date) parts.push(e.date);
  if (e.url) parts.push(`<${e.url}>`);
  else parts.push(e.source.split(/[\\/]/).pop()!);
  return `${parts.join(", ")}.`;
}

export type CitationStyle = "footnote" | "inline" | "pandoc";

/**
 * A citation of the evidence for the claim whose sentence ends at `sentenceEnd`:
 * - footnote: `[^id]` after the sentence and, unless the draft defines it already, the
 *   footnote's definition at the end of the draft;
 * - inline: a parenthesised link before the sentence's full stop;
 * - pandoc: `[@id]` before the full stop, for a bibliography kept elsewhere.
 */
export function citationFix(draft: string, sentenceEnd: number, e: Evidence, style: CitationStyle = "footnote", defined: Set<string> = definedFootnotes(draft)): Fix {
  const { title, id, definition } = citing(e);
  const beforeStop = stopBefore(draft, sentenceEnd);
  if (style === "inline") {
    const label = [e.outlet ?? e.title, e.date].filter(Boolean).join(", ");
    const link = e.url ? `[${label}](${e.url})` : label;
    return { title, kind: "cite", edits: [{ start: beforeStop, end: beforeStop, newText: ` (${link})` }] };
  }
  if (style === "pandoc") return { title, kind: "cite", edits: [{ start: beforeStop, end: beforeStop, newText: ` [@${id}]` }] };
  const ref = `[^${id}]`;
  const edits = [{ start: sentenceEnd, end: sentenceEnd, newText: ref }];
  if (!defined.has(id)) {
    const tail = draft.endsWith("\n\n") ? "" : draft.endsWith("\n") ? "\n" : "\n\n";
    edits.push({ start: draft.length, end: draft.length, newText: `${tail}[^${id}]: ${definition}\n` });
  }
  return { title, kind: "cite", edits };
}

/** A citation's words for a piece of evidence. */
interface Citing {
  title: string;
  id: string;
  definition: string;
}

/**
 * Worked out once per piece of evidence: every check of a draft cites its supported claims anew
 * (85 citations in the benchmark draft; making them allocated 44 of the 238 MB of 200 re-checks
 * of it, 12 MB with their words kept), and the evidence is the same objects, kept with each
 * paragraph's result.
 */
const citings = new WeakMap<Evidence, Citing>();

function citing(e: Evidence): Citing {
  let c = citings.get(e);
  if (!c) citings.set(e, (c = { title: `Cite ${e.outlet ?? e.title}${e.date ? ` (${e.date})` : ""}`, id: footnoteId(e), definition: footnoteDefinition(e) }));
  return c;
}
