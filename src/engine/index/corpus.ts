// The indexed corpus: every source read, its mentions typed and linked to entities, the context
// of every date and figure, a sentence index, and the points on which the sources disagree.
import type { Mention, Sentence } from "../types";
import { prepareDocument, type PreparedDocument } from "../ingest/document";
import { LineMap } from "../ingest/lines";
import { formatDate, isoDate } from "../extract/dates";
import { contentClasses, valueContexts, type ValueContext } from "../extract/context";
import { buildEntities, type EntityTable } from "./entities";
import { Idf } from "./similarity";
import { SentenceIndex } from "./sentence-index";
import { findConflicts, type Conflict } from "./conflicts";

export interface AnalysedSource {
  index: number;
  doc: PreparedDocument;
  mentions: Mention[];
  lines: LineMap;
  contexts: Map<Mention, ValueContext>;
}

export interface ValueRecord {
  source: number;
  mention: Mention;
  sentence: Sentence;
  context: ValueContext;
}

export interface SourceFile {
  path: string;
  text: string;
}

export class Corpus {
  readonly sources: AnalysedSource[] = [];
  readonly values: ValueRecord[] = [];
  readonly idf = new Idf();
  readonly sentenceIndex = new SentenceIndex();
  readonly entities: EntityTable;
  readonly conflicts: Conflict[];
  private readonly byKey = new Map<string, ValueRecord[]>();
  private readonly bySource: ValueRecord[][] = [];
  private readonly conflictOf = new Map<ValueRecord, Conflict>();

  constructor(prepared: PreparedDocument[]) {
    this.entities = buildEntities(prepared);
    prepared.forEach((doc, index) => {
      const mentions = mentionsOf(doc, this.entities);
      const contexts = valueContexts(doc.prose, doc.sentences, mentions);
      const source: AnalysedSource = { index, doc, mentions, lines: new LineMap(doc.text), contexts };
      this.sources.push(source);
      doc.sentences.forEach((s, si) => {
        this.idf.addSentence(contentClasses(doc.prose, s.start, s.end, []));
        this.sentenceIndex.add({ source: index, sentence: si }, doc.prose.slice(s.start, s.end));
      });
      this.bySource[index] = [];
      for (const [mention, context] of contexts) {
        const sentence = doc.sentences.find((s) => s.start <= mention.start && mention.end <= s.end)!;
        const record: ValueRecord = { source: index, mention, sentence, context };
        this.values.push(record);
        this.bySource[index]!.push(record);
        const key = valueKey(mention);
        this.byKey.set(key, [...(this.byKey.get(key) ?? []), record]);
      }
    });
    this.conflicts = findConflicts(this);
    for (const c of this.conflicts) for (const r of c.records) this.conflictOf.set(r, c);
  }

  static fromFiles(files: SourceFile[]): Corpus {
    return new Corpus(files.map((f) => prepareDocument(f.path, f.text)));
  }

  /** Source values written exactly as this one ("28 September", "100 hours"), wherever they stand. */
  sameValued(m: Mention): ValueRecord[] {
    return this.byKey.get(valueKey(m)) ?? [];
  }

  conflictFor(r: ValueRecord): Conflict | undefined {
    return this.conflictOf.get(r);
  }

  /** Value records in the sentences most like `query`. */
  valuesNear(query: string, limit = 60): ValueRecord[] {
    const out: ValueRecord[] = [];
    for (const ref of this.sentenceIndex.find(query, limit)) {
      const sentence = this.sources[ref.source]!.doc.sentences[ref.sentence]!;
      for (const r of this.bySource[ref.source]!) if (r.sentence === sentence) out.push(r);
    }
    return out;
  }
}

/** Names, dates and terms of a document as mentions, names linked to the corpus's entities. */
export function mentionsOf(doc: PreparedDocument, entities: EntityTable): Mention[] {
  const mentions: Mention[] = [];
  for (const n of entities.resolve(doc.names)) {
    const m: Mention = { start: n.start, end: n.end, type: n.type, text: n.text, value: n.entity?.name ?? n.text };
    if (n.entity) m.entityId = n.entity.id;
    mentions.push(m);
  }
  for (const d of doc.dates) mentions.push({ start: d.start, end: d.end, type: "date", text: doc.text.slice(d.start, d.end), value: isoDate(d.value), date: d.value });
  for (const t of doc.terms) mentions.push({ start: t.start, end: t.end, type: "term", text: doc.text.slice(t.start, t.end), value: t.value.display, term: t.value });
  return mentions.sort((a, b) => a.start - b.start || b.end - a.end);
}

export function valueKey(m: Mention): string {
  if (m.date) {
    const d = m.date;
    return d.precision === "day" ? `d:${d.month}-${d.day}` : d.precision === "month" ? `d:${d.year}-${d.month}` : `d:${d.year}`;
  }
  const t = m.term!;
  const amount = Math.round(t.amount * 1000) / 1000;
  return t.kind === "money" ? `t:money:${t.unit}:${amount}` : `t:${t.kind}:${amount}`;
}

export function displayValue(m: Mention): string {
  return m.date ? formatDate(m.date) : m.term ? m.text : m.value;
}
