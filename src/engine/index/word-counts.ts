// Word rarity (IDF) and the word index of a corpus. Both depend on each source's sentences alone,
// not on the entities: a host may count them in another thread while this one links the names
// and works out the values' contexts (see SourceSet.corpusCounting). Sources are given as plain
// data, to post to a thread without the rest of their prepared documents.
import type { PreparedDocument } from "../ingest/document";
import { applyProseTo, type ProseDiff } from "../ingest/prose-view";
import type { NarrowText } from "../ingest/text-view";
import type { IdfData } from "./similarity";
import type { WordIndexData } from "./word-index";
import { RarityCounts } from "./rarity-counts";
import { WordPostings } from "./word-postings";

export interface CorpusCounts {
  idf: IdfData;
  /** With the sentence ids a build gives: sentences numbered one source after another, in corpus order. */
  words: WordIndexData;
}

/** What counting needs of one source: its prose (as stored: see ingest/prose-view and text-view) and its sentences' bounds. */
export interface CountingSource {
  text?: string;
  narrowText?: NarrowText;
  proseDiff?: ProseDiff;
  prose?: string;
  /** Start and end of each sentence, one after another. */
  bounds: Int32Array;
}

/** A document as counting needs it, taken as it is stored (its prose is not made here). */
export function countingSource(doc: PreparedDocument): CountingSource {
  const bounds = new Int32Array(doc.sentences.length * 2);
  doc.sentences.forEach((s, i) => bounds.set([s.start, s.end], i * 2));
  const narrow = doc.narrowText;
  const text = narrow ? { narrowText: { ...narrow, at: ownBuffer(narrow.at) } } : { text: doc.text };
  return doc.proseDiff ? { ...text, proseDiff: doc.proseDiff, bounds } : { prose: doc.prose, bounds };
}

/**
 * The array with a buffer of its own. One loaded from a host's cache may be a view into a buffer
 * shared by every document, and a view posted to a thread takes its whole buffer along.
 */
function ownBuffer(a: Int32Array): Int32Array {
  return a.byteOffset === 0 && a.byteLength === a.buffer.byteLength ? a : a.slice();
}

function proseOf(source: CountingSource): string {
  if (source.prose !== undefined) return source.prose;
  const text = source.narrowText ?? source.text;
  if (text === undefined || !source.proseDiff) throw new Error("a source to count has no prose");
  return applyProseTo(text, source.proseDiff);
}

/** Sources counted at once by countWords (their proses are made for the part). */
const PART = 64;

/** Counts the sentences of every source, in corpus order, as a corpus built here would. */
export function countWords(sources: Iterable<CountingSource>): CorpusCounts {
  const counting = new WordCounting();
  let part: CountingSource[] = [];
  for (const source of sources) {
    part.push(source);
    if (part.length === PART) (counting.addAll(part), (part = []));
  }
  counting.addAll(part);
  return counting.counts();
}

/**
 * Counts sources given one after another, in corpus order (a thread given them in parts): the
 * numbers a corpus counts for itself with Idf.addSentence and WordIndex.add, worked out without
 * an object made per word (see rarity-counts and word-postings).
 */
export class WordCounting {
  private readonly rarity = new RarityCounts();
  private readonly words = new WordPostings();

  /**
   * Sources in corpus order. Every sentence's rarity classes are counted, then every sentence's
   * words indexed: one loop each, not the two steps in turn for each sentence, so that each
   * step's code stays in the processor's caches (the counting thread's time at 10,000 sources, four
   * alternating pairs: 3.3-3.6 s, mean 3.46, against 3.1-4.2 s, mean 3.63, the two steps per sentence).
   */
  addAll(sources: readonly CountingSource[]): void {
    const proses = sources.map(proseOf);
    sources.forEach(({ bounds: b }, i) => {
      for (let k = 0; k < b.length; k += 2) this.rarity.addSentence(proses[i]!, b[k]!, b[k + 1]!);
    });
    sources.forEach(({ bounds: b }, i) => {
      for (let k = 0; k < b.length; k += 2) this.words.addSentence(proses[i]!, b[k]!, b[k + 1]!);
    });
  }

  counts(): CorpusCounts {
    return { idf: this.rarity.toData(), words: this.words.toData() };
  }
}
