// The indexed corpus: every source read, its mentions typed and linked to entities, the context
// of every date and figure, a sentence index, and the points on which the sources disagree.
import type { Mention, Sentence } from "../types";
import { prepareDocument, type PreparedDocument } from "../ingest/document";
import { LineMap } from "../ingest/lines";
import { inOnePass } from "../ingest/recent";
import { detached, textPart } from "../ingest/text-view";
import { formatDate, isoDate } from "../extract/dates";
import { analyseContexts, type ValueContext } from "../extract/context";
import { buildEntities, EntityTable } from "./entities";
import { AnalysisPacker, checkPacked, forEachPackedEntity, packedNames, placesOfEntity, unpackContexts, type NameMention, type PackedCorpus, type PackedSource as PackedNumbers, type SourceAnalysis } from "./analysis-pack";
import type { NamePlace } from "../extract/roles";
import { IdRanges } from "./id-ranges";
import { Idf } from "./similarity";
import { SentenceIndex, type SentenceRef } from "./sentence-index";
import { WordIndex } from "./word-index";
import { ConflictSet, type Conflict } from "./conflicts";
import { keysOf, ValueIndex } from "./value-index";
import { BySource } from "./by-source";
import { countingSource, countWords, type CorpusCounts } from "./word-counts";

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

export interface CorpusOptions {
  /** The analyses of an earlier build of these same sources (persisted by a host): taken, not worked out again. */
  reuse?: PackedCorpus;
  /** Keeps every source's analysis packed, for `packed()` (a host that persists the corpus). */
  pack?: boolean;
  /**
   * Word rarity and the word index are counted elsewhere (see word-counts): given by `takeCounts`
   * (or counted by `countHere`) before the corpus is used.
   */
  countedElsewhere?: boolean;
}

export interface SourceFile {
  path: string;
  text: string;
}

export class Corpus {
  readonly sources: AnalysedSource[] = [];
  private counted: { idf: Idf; words: WordIndex };
  /** Counts still to be given (see CorpusOptions.countedElsewhere). */
  private awaitingCounts: boolean;
  /** Global sentence ids (the word index's), in runs per source (an object per sentence took 4.3 MB at 3,000 sources). */
  private readonly sentenceIds = new IdRanges();
  readonly entities: EntityTable;
  /** Goes up whenever a source is replaced in place: what was worked out from the corpus before is stale. */
  version = 0;
  private found: ConflictSet | undefined;
  private search: SentenceIndex | undefined;
  private readonly byContext: ValueIndex<ValueRecord>;
  /** Each source's value records; made when first asked for, for a source taken from persisted analyses. */
  private readonly bySource: Array<ValueRecord[] | undefined> = [];
  /** All the values in source order, once asked for (see `values`). */
  private valueList: ValueRecord[] | undefined;
  /** Value record ids (the context index's), in runs per source. */
  private readonly recordIds = new IdRanges();
  /** Where each entity is mentioned: its mentions, with their sources. */
  readonly mentionsOf = new Map<string, BySource<Mention>>();
  private readonly packer: AnalysisPacker | undefined;

  constructor(prepared: PreparedDocument[], options: CorpusOptions = {}) {
    const reuse = options.reuse && fits(options.reuse, prepared) ? options.reuse : undefined;
    this.entities = reuse ? EntityTable.fromData(reuse.entities) : inOnePass(() => buildEntities(prepared));
    this.packer = reuse ? new AnalysisPacker(reuse.strings, reuse.sources) : options.pack ? new AnalysisPacker() : undefined;
    // Word rarity and the word index are taken whole when persisted (and the sentences' words not read again).
    this.counted = { idf: new Idf(reuse?.idf), words: new WordIndex(reuse?.words) };
    this.awaitingCounts = !reuse && Boolean(options.countedElsewhere);
    this.byContext = new ValueIndex<ValueRecord>((id) => this.recordAt(id), (id) => this.recordIds.sourceOf(id), reuse?.values.index);
    // The entities' lists by their index in the table, for the sources taken from persisted analyses.
    const listsByIndex: Array<BySource<Mention>> = [];
    inOnePass(() =>
      prepared.forEach((doc, index) => {
        if (reuse) this.takePacked(index, doc, reuse, listsByIndex);
        else this.analyse(index, doc);
      }),
    );
  }

  get idf(): Idf {
    return this.counted.idf;
  }

  get words(): WordIndex {
    return this.counted.words;
  }

  /** Takes word rarity and the word index counted elsewhere; throws if they are not of these sources' sentences. */
  takeCounts(counts: CorpusCounts): void {
    if (!this.awaitingCounts) throw new Error("this corpus counted its own words");
    if (counts.idf.docs !== this.sentenceIds.size) throw new Error(`the counts are of ${counts.idf.docs} sentences, not ${this.sentenceIds.size}`);
    // Its lists stay views into the counts' ids (a source re-indexed adds tails to them: see WordIndex).
    this.counted = { idf: new Idf(counts.idf), words: new WordIndex(counts.words) };
    this.awaitingCounts = false;
  }

  /** Counts word rarity and the word index here, when they were to be counted elsewhere and could not be. */
  countHere(): void {
    this.takeCounts(countWords(this.sources.map((s) => countingSource(s.doc))));
  }

  /** How many sentences each source has, in source order (without making any source's list of them). */
  sentenceCounts(): readonly number[] {
    return this.sentenceIds.counts();
  }

  /** Every value of the corpus, in source order (made whole on first request: the conflicts want them all). */
  get values(): ValueRecord[] {
    return (this.valueList ??= this.sources.flatMap((_, i) => this.valuesOf(i)));
  }

  /** The analyses of every source, packed to persist; undefined unless built with `pack` or `reuse`. */
  packed(): PackedCorpus | undefined {
    if (!this.packer) return undefined;
    // Once a source was replaced in place, its new ids came last: the indexes are saved with the ids a build gives.
    const words = this.words.toData(this.version ? this.sentenceIds.inBuild().id : undefined);
    const values = { index: this.byContext.toData(this.version ? this.recordIds.inBuild() : undefined), counts: Int32Array.from(this.recordIds.counts()) };
    const sentences = Int32Array.from(this.sentenceCounts());
    return { paths: this.sources.map((s) => s.doc.meta.path), entities: this.entities.toData(), idf: this.idf.toData(), words, values, sentences, strings: this.packer.strings, sources: this.packer.sources };
  }

  /**
   * Replaces one source by its new version in place, when that leaves the entities as they are
   * (see EntityTable.keepsThrough): only that source is analysed again, and the indexes lose its
   * old records and gain the new. Returns false, changing nothing, when the corpus must be built anew.
   */
  replaceSource(index: number, doc: PreparedDocument): boolean {
    const old = this.sources[index];
    if (!old || old.doc.meta.path !== doc.meta.path || !this.entities.keepsThrough(old.doc, doc)) return false;
    const oldRecords = this.valuesOf(index);
    for (const classes of analyseContexts(old.doc.prose, old.doc.sentences, old.mentions).classes) this.idf.removeSentence(classes);
    this.words.remove(this.sentenceIds.idsOf(index));
    for (const id of new Set(old.mentions.map((m) => m.entityId))) if (id) this.mentionsOf.get(id)?.dropSource(index);
    this.byContext.remove(this.recordIds.firstOf(index), this.recordIds.firstOf(index) + oldRecords.length);

    // Its sentences and records get new ids (the old ones are dead from now).
    const records = this.analyse(index, doc);
    // The new entries, added at the ends of their lists, go to their source's place, as if built anew.
    for (const id of new Set(this.sources[index]!.mentions.map((m) => m.entityId))) if (id) this.mentionsOf.get(id)!.settle(index);
    this.valueList = undefined; // made again in source order when next asked for
    if (this.found) {
      this.found.replace(oldRecords, records);
    }
    if (this.search) {
      this.search.removeSource(index, old.doc.sentences.map((s) => old.doc.prose.slice(s.start, s.end)));
      for (const [si, s] of doc.sentences.entries()) this.search.add({ source: index, sentence: si }, doc.prose.slice(s.start, s.end));
    }
    this.version++;
    return true;
  }

  /**
   * Runs for source `index` what replacing it runs before anything is changed, and changes
   * nothing: its value records made (as a check makes them), its names' facts and lower-case
   * words counted, its names linked and its contexts worked out again. See host/warm-up.
   */
  rehearseReplacing(index: number): void {
    const source = this.sources[index];
    if (!source) return;
    this.valuesOf(index);
    this.entities.rehearse(source.doc);
    analyseContexts(source.doc.prose, source.doc.sentences, mentionsOf(source.doc, this.entities));
  }

  /** Analyses one source and adds it to every index; returns its value records. */
  private analyse(index: number, doc: PreparedDocument): ValueRecord[] {
    const mentions = mentionsOf(doc, this.entities);
    // The values' weights are worked out when first compared, unless they are to be packed now.
    const analysis = { mentions, ...analyseContexts(doc.prose, doc.sentences, mentions, !this.awaitingCounts, this.packer ? undefined : doc) };
    this.packer?.add(index, analysis, this.entities);
    return this.take(index, doc, analysis);
  }

  /**
   * Adds a source's analysis to every index; returns its value records. Its sentences' classes
   * count for word rarity; their words are indexed.
   */
  private take(index: number, doc: PreparedDocument, analysis: SourceAnalysis): ValueRecord[] {
    const { mentions, contexts, classes } = analysis;
    this.sources[index] = { index, doc, mentions, lines: lineMapOf(doc), contexts };
    this.addSentences(index, doc, classes);
    for (const m of mentions) if (m.entityId) this.entityList(m.entityId).push(index, m);
    const records = (this.bySource[index] = recordsOf(index, doc, contexts));
    // The ids first: the value index asks for their sources.
    this.recordIds.add(index, records.length);
    for (const r of records) this.byContext.add(keysOf(r.context), index);
    return records;
  }

  /**
   * Adds a source from persisted analyses: its mentions, contexts and records are made when first
   * asked for. The entities' lists learn of its names from the packed numbers; word rarity, the
   * word index and the value index were persisted whole, so only its ids are given.
   */
  private takePacked(index: number, doc: PreparedDocument, packed: PackedCorpus, listsByIndex: Array<BySource<Mention>>): void {
    const source = packed.sources[index]!;
    checkPacked(source);
    this.sources[index] = new PackedSource(index, doc, lineMapOf(doc), source, analysisLater(packed, index, doc, this.entities));
    // Counted from the analyses: a document taken from a host's cache makes its sentences only when they are read.
    this.sentenceIds.add(index, packed.sentences[index]!);
    // Found by the entity's index, not looked up by its id: half a million names at 10,000 sources.
    forEachPackedEntity(source, this.entities.entities, (entity, place, e) => (listsByIndex[e] ??= this.entityList(entity.id)).pushPlace(index, place));
    this.recordIds.add(index, packed.values.counts[index]!);
  }

  /** Gives the source's sentences their ids; with their classes, counts them for word rarity and indexes their words (unless counted elsewhere). */
  private addSentences(index: number, doc: PreparedDocument, classes: string[][]): void {
    const first = this.sentenceIds.add(index, doc.sentences.length);
    if (this.awaitingCounts) return;
    const prose = doc.prose;
    doc.sentences.forEach((s, si) => {
      this.idf.addSentence(classes[si]!);
      this.words.add(first + si, prose, s.start, s.end);
    });
  }

  /** An entity's mentions (an empty list made for it the first time). */
  private entityList(id: string): BySource<Mention> {
    let list = this.mentionsOf.get(id);
    if (!list) this.mentionsOf.set(id, (list = new BySource(this.namedAt)));
    return list;
  }

  /**
   * A source's name mentions, among them those of the entity: all its mentions, or for a source
   * taken from persisted analyses and not yet made, the entity's alone, read from the packed numbers.
   */
  placesNamed(source: number, entityId: string): readonly NamePlace[] {
    const s = this.sources[source]!;
    if (!(s instanceof PackedSource) || s.isMade) return s.mentions;
    return placesOfEntity(s.numbers, this.entities.indexOf(entityId), entityId);
  }

  /** The name mention at a place among a persisted source's names (for entities' lists made from the packed numbers). */
  private readonly namedAt = (source: number, place: number): Mention => (this.sources[source] as PackedSource).nameAt(place);

  /** The value record of a context-index id (one not removed). */
  private recordAt(id: number): ValueRecord {
    return this.valuesOf(this.recordIds.sourceOf(id))[this.recordIds.placeOf(id)]!;
  }

  /** Every point on which the sources disagree: worked out on first request, then kept. */
  get conflicts(): Conflict[] {
    if (!this.found) {
      this.found = new ConflictSet(this);
    }
    return this.found.list;
  }

  /** Full-text search of the sentences (for picking one to cite), built on first use. */
  get sentenceIndex(): SentenceIndex {
    if (!this.search) {
      const search = (this.search = new SentenceIndex());
      inOnePass(() => {
        for (let id = 0; id < this.sentenceIds.size; id++) {
          const ref = this.sentenceRef(id);
          if (!ref) continue;
          const s = this.sources[ref.source]!.doc;
          const sentence = s.sentences[ref.sentence]!;
          search.add(ref, s.prose.slice(sentence.start, sentence.end));
        }
      });
    }
    return this.search;
  }

  /** The source and sentence of a global sentence id; undefined once its source changed. */
  sentenceRef(id: number): SentenceRef | undefined {
    const sentence = this.sentenceIds.placeOf(id);
    return sentence < 0 ? undefined : { source: this.sentenceIds.sourceOf(id), sentence };
  }

  /** Sentences with every one of the words, in source order. */
  sentencesWithAll(words: string[], limit = 50): SentenceRef[] {
    const ids = this.words.withAll(words);
    // Ids are in source order until a source is replaced in place (its new sentences come last).
    if (this.version === 0) return ids.slice(0, limit).map((id) => this.sentenceRef(id)!);
    return ids.map((id) => this.sentenceRef(id)!).sort(inSourceOrder).slice(0, limit);
  }

  /** Sentences with the most of the words (rarer words counting more), best first, ties in source order. */
  sentencesWithMost(words: string[], limit = 12): SentenceRef[] {
    // The best few kept in order as the scores go by (the scored sentences may be tens of thousands).
    const top: Array<{ ref: SentenceRef; score: number }> = [];
    const before = (a: { ref: SentenceRef; score: number }, b: { ref: SentenceRef; score: number }) => a.score > b.score || (a.score === b.score && inSourceOrder(a.ref, b.ref) < 0);
    const scored = this.words.withMost(words, limit);
    for (let k = 0; k < scored.ids.length; k++) {
      const id = scored.ids[k]!;
      const score = scored.scores[k]!;
      if (top.length === limit && score < top[limit - 1]!.score) continue;
      const item = { ref: this.sentenceRef(id)!, score };
      let at = top.length;
      while (at > 0 && before(item, top[at - 1]!)) at--;
      if (at >= limit) continue;
      top.splice(at, 0, item);
      if (top.length > limit) top.pop();
    }
    return top.map((x) => x.ref);
  }

  static fromFiles(files: SourceFile[]): Corpus {
    return new Corpus(files.map((f) => prepareDocument(f.path, f.text)));
  }

  /** The values of one source. */
  valuesOf(source: number): ValueRecord[] {
    let records = this.bySource[source];
    if (!records) {
      const s = this.sources[source];
      if (!s) return [];
      this.bySource[source] = records = recordsOf(source, s.doc, s.contexts);
    }
    return records;
  }

  /** Source values said in contexts most like this one (sharing its rarest words and entities). */
  valuesLike(context: ValueContext, limit = 300): ValueRecord[] {
    return this.byContext.candidates(context, this.idf, limit);
  }
}

function inSourceOrder(a: SentenceRef, b: SentenceRef): number {
  return a.source - b.source || a.sentence - b.sentence;
}

/**
 * A source's line map, its text read on the first question. Made here, not where the corpus takes
 * a source: a function made there would keep alive everything its neighbours there use (the prose
 * made for the moment, the classes of every sentence: 100 MB more at 10,000 sources, measured).
 */
function lineMapOf(doc: PreparedDocument): LineMap {
  return new LineMap(() => doc.text);
}

/** A value worked out from a corpus once, and kept until a source of the corpus changes. */
export function perCorpus<T>(make: (corpus: Corpus) => T): (corpus: Corpus) => T {
  const kept = new WeakMap<Corpus, { version: number; value: T }>();
  return (corpus) => {
    let k = kept.get(corpus);
    if (!k || k.version !== corpus.version) kept.set(corpus, (k = { version: corpus.version, value: make(corpus) }));
    return k.value;
  };
}

/** Names, dates and terms of a document as mentions, names linked to the corpus's entities. */
export function mentionsOf(doc: PreparedDocument, entities: EntityTable): Mention[] {
  const names = entities.resolve(doc.names).map((n): NameMention => {
    // The prose is made again when read: a name not an entity's is kept apart from it.
    const value = n.entity?.name ?? detached(n.text);
    return n.entity ? { start: n.start, end: n.end, type: n.type, value, entityId: n.entity.id } : { start: n.start, end: n.end, type: n.type, value };
  });
  return mentionsFrom(doc, names).mentions;
}

/** A packed source's analysis as made again: with its name mentions in the order packed. */
type MadeAnalysis = { mentions: Mention[]; names: Mention[]; contexts: Map<Mention, ValueContext> };

/** A source taken from persisted analyses: its mentions and contexts made when first asked for. */
class PackedSource implements AnalysedSource {
  private made: MadeAnalysis | undefined;

  constructor(
    readonly index: number,
    readonly doc: PreparedDocument,
    readonly lines: LineMap,
    /** Its analysis as persisted. */
    readonly numbers: PackedNumbers,
    private readonly make: () => MadeAnalysis,
  ) {}

  get isMade(): boolean {
    return this.made !== undefined;
  }

  get mentions(): Mention[] {
    return (this.made ??= this.make()).mentions;
  }

  get contexts(): Map<Mention, ValueContext> {
    return (this.made ??= this.make()).contexts;
  }

  /** The name mention at a place among its names, in the order packed. */
  nameAt(place: number): Mention {
    return (this.made ??= this.make()).names[place]!;
  }
}

/**
 * How a packed source's analysis is made when asked for. A function of its own: one made where
 * the corpus takes the source would keep alive all that is in use there.
 */
function analysisLater(packed: PackedCorpus, index: number, doc: PreparedDocument, entities: EntityTable): () => MadeAnalysis {
  return () => {
    const source = packed.sources[index]!;
    const { mentions, names } = mentionsFrom(doc, packedNames(source, entities.entities));
    return { mentions, names, contexts: unpackContexts(source, packed.strings, mentions) };
  };
}

/** A source's value records, from its contexts (in their order) and its sentences. */
function recordsOf(index: number, doc: PreparedDocument, contexts: Map<Mention, ValueContext>): ValueRecord[] {
  const records: ValueRecord[] = [];
  let si = 0;
  for (const [mention, context] of contexts) {
    while (si < doc.sentences.length - 1 && doc.sentences[si]!.end < mention.end) si++;
    records.push({ source: index, mention, sentence: doc.sentences[si]!, context });
  }
  return records;
}

/** Whether packed analyses are those of these documents (the host checked that their contents are the same). */
function fits(packed: PackedCorpus, docs: PreparedDocument[]): boolean {
  const values = packed.values;
  if (!packed.words || !values || values.counts.length !== docs.length || values.counts.reduce((sum, n) => sum + n, 0) !== values.index.size) return false;
  if (packed.sentences?.length !== docs.length) return false;
  return packed.sources.length === docs.length && packed.paths.length === docs.length && docs.every((d, i) => d.meta.path === packed.paths[i]);
}

/** A document's mentions: its names as resolved, with its dates and terms, sorted; and the name mentions in the order given. */
function mentionsFrom(doc: PreparedDocument, names: NameMention[]): { mentions: Mention[]; names: Mention[] } {
  const mentions: Mention[] = [];
  for (const n of names) {
    // The mention's text is the document's own (with any markup inside); the value is the clean name.
    const written = textPart(doc, n.start, n.end);
    // Mostly the entity's own name: that one string is kept, not a copy per mention (half a million at 10,000 sources).
    const m: Mention = { start: n.start, end: n.end, type: n.type, text: written === n.value ? n.value : written, value: n.value };
    if (n.entityId) m.entityId = n.entityId;
    mentions.push(m);
  }
  const named = mentions.slice();
  for (const d of doc.dates) mentions.push({ start: d.start, end: d.end, type: "date", text: textPart(doc, d.start, d.end), value: isoDate(d.value), date: d.value });
  for (const t of doc.terms) mentions.push({ start: t.start, end: t.end, type: "term", text: textPart(doc, t.start, t.end), value: t.value.display, term: t.value });
  return { mentions: mentions.sort((a, b) => a.start - b.start || b.end - a.end), names: named };
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
