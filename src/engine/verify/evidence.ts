// Evidence items: the source sentence that says it, where, and who published it.
import type { Evidence, Mention, Sentence } from "../types";
import type { AnalysedSource } from "../index/corpus";
import { displayValue } from "../index/corpus";
import { formatDate } from "../extract/dates";

export function evidenceFor(source: AnalysedSource, sentence: Sentence, value?: Mention): Evidence {
  const { doc, lines } = source;
  const pos = lines.position(sentence.start);
  const collapse = (a: number, b: number) => doc.text.slice(a, b).replace(/\s+/g, " ");
  const e: Evidence = {
    source: doc.meta.path,
    title: doc.meta.title,
    quote: collapse(sentence.start, sentence.end).trim(),
    line: pos.line,
    column: pos.column,
    start: sentence.start,
    end: sentence.end,
  };
  if (doc.meta.outlet) e.outlet = doc.meta.outlet;
  if (doc.meta.date) e.date = formatDate(doc.meta.date);
  if (doc.meta.url) e.url = doc.meta.url;
  if (value) {
    e.valueStart = value.start;
    e.valueEnd = value.end;
    e.says = displayValue(value);
    const from = collapse(sentence.start, value.start).trimStart().length;
    e.highlight = [from, from + collapse(value.start, value.end).length];
  }
  return e;
}

/** The label of a source, without building an evidence item. */
export function sourceLabelOf(source: AnalysedSource): string {
  const m = source.doc.meta;
  return sourceLabel({ title: m.title, ...(m.outlet ? { outlet: m.outlet } : {}), ...(m.date ? { date: formatDate(m.date) } : {}) });
}

/** "Harbour Post (6 October 2017)", or the title when the outlet is not known. */
export function sourceLabel(e: Pick<Evidence, "title" | "outlet" | "date">): string {
  const who = e.outlet ?? `“${e.title.length > 50 ? e.title.slice(0, 47) + "…" : e.title}”`;
  return e.date ? `${who} (${e.date})` : who;
}

/** One evidence per sentence, first come first kept. */
export function uniqueEvidence(items: Evidence[], limit = 6): Evidence[] {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const e of items) {
    const key = `${e.source}:${e.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
    if (out.length >= limit) break;
  }
  return out;
}
