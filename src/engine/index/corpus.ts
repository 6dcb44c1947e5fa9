// The indexed corpus: every source read, its mentions typed and linked to entities, the context
// of every date and figure, a sentence index, and the points on which the sources disagree.
import type { Mention, Sentence } from "../types";
import { prepareDocument, type PreparedDocument } from "../ingest/document";
import { LineMap } from "../ingest/lines";
import { formatDate, isoDate } from "../extract/dates";
import { analyseContexts, type ValueContext } from "../extract/context";
import { buildEntities, type EntityTable } from "./entities";
import { Idf } from "./similarity";
import { SentenceIndex, type SentenceRef } from "./sentence-index";
import { WordIndex } from "./word-index";
import { findConflicts, type Conflict } from "./conflicts";
import { ValueIndex } from "./value-index";

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
  readonly words = new WordIndex();
  /** Global sentence ids: the n-th sentence of the corpus, in source order. */
  readonly sentenceRefs: SentenceRef[] = [];
  readonly entities: EntityTable;
  private found: Conflict[] | undefined;
  private search: SentenceIndex | undefined;
  private readonly byKey = new Map<string, ValueRecord[]>();
  private readonly byContext = new ValueIndex<ValueRecord>();
  private readonly bySource: ValueRecord[][] = [];
  /** Where each entity is mentioned: source index and mention. */
  readonly mentionsOf = new Map<string, Array<{ source: number; mention: Mention }>>();
  private readonly conflictOf = new Map<ValueRecord, Conflict>();

  constructor(prepared: PreparedDocument[]) {
    this.entities = buildEntities(prepared);
    prepared.forEach((doc, index) => {
      const mentions = mentionsOf(doc, this.entities);
      const { contexts, classes } = analyseContexts(doc.prose, doc.sentences, mentions);
      const source: AnalysedSource = { index, doc, mentions, lines: new LineMap(doc.text), contexts };
      this.sources.push(source);
      doc.sentences.forEach((s, si) => {
        this.idf.addSentence(classes[si]!);
        this.words.add(this.sentenceRefs.length, doc.prose.slice(s.start, s.end));
        this.sentenceRefs.push({ source: index, sentence: si });
      });
      for (const m of mentions) {
        if (!m.entityId) continue;
        const list = this.mentionsOf.get(m.entityId);
        if (list) list.push({ source: index, mention: m });
        else this.mentionsOf.set(m.entityId, [{ source: index, mention: m }]);
      }
      this.bySource[index] = [];
      let si = 0;
      for (const [mention, context] of contexts) {
        while (si < doc.sentences.length - 1 && doc.sentences[si]!.end < mention.end) si++;
        const record: ValueRecord = { source: index, mention, sentence: doc.sentences[si]!, context };
        this.values.push(record);
        this.bySource[index]!.push(record);
        const key = valueKey(mention);
        const same = this.byKey.get(key);
        if (same) same.push(record);
        else this.byKey.set(key, [record]);
      }
    });
    for (const r of this.values) this.byContext.add(r);
  }

  /** Every point on which the sources disagree: worked out on first request, then kept. */
  get conflicts(): Conflict[] {
    if (!this.found) {
      this.found = findConflicts(this);
      for (const c of this.found) for (const r of c.records) this.conflictOf.set(r, c);
    }
    return this.found;
  }

  /** Full-text search of the sentences (for picking one to cite), built on first use. */
  get sentenceIndex(): SentenceIndex {
    if (!this.search) {
      this.search = new SentenceIndex();
      for (const ref of this.sentenceRefs) {
        const s = this.sources[ref.source]!.doc;
        const sentence = s.sentences[ref.sentence]!;
        this.search.add(ref, s.prose.slice(sentence.start, sentence.end));
      }
    }
    return this.search;
  }

  static fromFiles(files: SourceFile[]): Corpus {
    return new Corpus(files.map((f) => prepareDocument(f.path, f.text)));
  }

  /** Source values written exactly as this one ("28 September", "100 hours"), wherever they stand. */
  sameValued(m: Mention): ValueRecord[] {
    return this.byKey.get(valueKey(m)) ?? [];
  }

  /** The values of one source. */
  valuesOf(source: number): ValueRecord[] {
    return this.bySource[source] ?? [];
  }

  conflictFor(r: ValueRecord): Conflict | undefined {
    void this.conflicts;
    return this.conflictOf.get(r);
  }

  /** Source values said in contexts most like this one (sharing its rarest words and entities). */
  valuesLike(context: ValueContext, limit = 300): ValueRecord[] {
    return this.byContext.candidates(context, this.idf, limit);
  }
}

/** Names, dates and terms of a document as mentions, names linked to the corpus's entities. */
export function mentionsOf(doc: PreparedDocument, entities: EntityTable): Mention[] {
  const mentions: Mention[] = [];
  for (const n of entities.resolve(doc.names)) {
    // The mention's text is the document's own (with any markup inside); the value is the clean name.
    const m: Mention = { start: n.start, end: n.end, type: n.type, text: doc.text.slice(n.start, n.end), value: n.entity?.name ?? n.text };
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
