// Which sentences contain a word: folded words (quotes, apostrophes and case do not count) to
// sentence ids, for finding a quotation's source. Function words are not indexed.
import { foldWord } from "../extract/fold";
import { STOPWORDS } from "../extract/lexicon";
import { containsSorted } from "./sorted";
import { SpanMap } from "../span-map";
import { forEachIndexWord } from "../extract/chars";
import { postingsFromData, postingsToData, type PostingList, type PostingsData } from "./postings";

/** A word index as plain data: the words' posting lists (see postings.ts). */
export type WordIndexData = PostingsData;

/** The form a word as written is indexed under (folded), or undefined for a word not indexed (a function word, a letter). */
export function indexKey(word: string): string | undefined {
  const w = foldWord(word);
  return w.length < 2 || STOPWORDS.has(w) ? undefined : w;
}

export class WordIndex {
  /** Sentence ids by word, ascending. */
  private readonly postings: Map<string, PostingList>;
  /** Sentences of sources since changed: left in the postings, never returned. */
  private readonly removed = new Set<number>();

  constructor(data?: WordIndexData) {
    this.postings = data ? postingsFromData(data) : new Map();
  }

  /**
   * The index as plain data. Once sentences were removed (a source replaced), `renumber` must give
   * the ids as a build would (-1 for a removed sentence's).
   */
  toData(renumber?: (id: number) => number): WordIndexData {
    if (!this.tails.size) return postingsToData(this.postings, renumber);
    const all = new Map<string, PostingList>();
    for (const word of this.postings.keys()) all.set(word, this.listOf(word)!);
    return postingsToData(all, renumber);
  }

  /** Forgets sentences (their source changed; its new sentences come with new ids). */
  remove(ids: Iterable<number>): void {
    for (const id of ids) this.removed.add(id);
  }

  /**
   * Ids added to a word whose list is a view into the ids loaded with the index (see
   * postingsFromData), kept apart: copied whole as a changed source's words came (tens of
   * thousands of ids for a common word), such lists took 34 ms of the first source re-indexed
   * after opening 10,000 again. A new sentence's id is larger than any loaded, so a word's list
   * is its view, then its tail.
   */
  private readonly tails = new Map<string, number[]>();
  /** A view and its tail as one list, made when the word is looked up, until ids are added again. */
  private readonly joined = new Map<string, Int32Array>();

  /** A word's sentence ids, ascending. */
  private listOf(word: string): PostingList | undefined {
    const list = this.postings.get(word);
    const tail = this.tails.get(word);
    if (!tail) return list;
    let all = this.joined.get(word);
    if (!all) {
      all = new Int32Array(list!.length + tail.length);
      all.set(list!);
      all.set(tail, list!.length);
      this.joined.set(word, all);
    }
    return all;
  }

  /**
   * By the word as written, so that each word is folded once: the list its ids are pushed to (its
   * posting list, or the tail of a list loaded as a view), or null when it is not indexed. Looked
   * up by where the word stands, without a string made of it (see span-map).
   */
  private readonly byRaw = new SpanMap<number[] | null>(500_000);
  private readonly listFor = (word: string): number[] | null => {
    const key = indexKey(word);
    return key === undefined ? null : this.pushedTo(key);
  };

  /** Indexes the words of text[from, to) (a sentence) under its id. */
  add(id: number, text: string, from = 0, to = text.length): void {
    if (this.joined.size) this.joined.clear();
    let last: number[] | null = null;
    forEachIndexWord(text, from, to, (start, end) => {
      const list = this.byRaw.get(text, start, end, this.listFor);
      // The same word twice in a row is one posting (as are repeats: the list ends with this id).
      if (!list || list === last) return;
      last = list;
      if (list[list.length - 1] !== id) list.push(id);
    });
  }

  /** The list a word's new ids are pushed to: its posting list made here, or its tail when the list is a loaded view. */
  private pushedTo(word: string): number[] {
    const list = this.postings.get(word);
    if (Array.isArray(list)) return list;
    let made = list ? this.tails.get(word) : undefined;
    if (!made) {
      made = [];
      if (list) this.tails.set(word, made);
      else this.postings.set(word, made);
    }
    return made;
  }

  /** Sentences with all of the words (the rarest first, so the intersection stays small). */
  withAll(words: string[]): number[] {
    const lists = [...new Set(words.filter((w) => w.length >= 2 && !STOPWORDS.has(w)))].map((w) => this.listOf(w) ?? []);
    if (!lists.length || lists.some((l) => !l.length)) return [];
    lists.sort((a, b) => a.length - b.length);
    // Posting lists are in ascending order: the few candidates are looked up in the long lists by bisection.
    let result = Array.from(lists[0]!);
    for (const l of lists.slice(1)) {
      result = result.filter((id) => containsSorted(l, id));
      if (!result.length) break;
    }
    return this.removed.size ? result.filter((id) => !this.removed.has(id)) : result;
  }

  /**
   * Sentences with any of the words, scored (rarer words count more), among them every one that
   * can be among the `limit` best. Rare words first; once a common word's weight, with all the
   * words after it, could no longer lift a sentence not yet seen to the `limit`-th best score so
   * far, that word only adds to the sentences already seen (the best are the same; a quote's
   * common words no longer bring in tens of thousands of sentences).
   */
  withMost(words: string[], limit = Infinity): ScoredSentences {
    const lists = [...new Set(words)]
      .map((w) => this.listOf(w) ?? [])
      .filter((list, i, all) => list.length && list.length <= 20_000 && all.indexOf(list) === i)
      .sort((a, b) => a.length - b.length);
    const weights = lists.map((list) => 1 / Math.log(2 + list.length));
    // What a sentence not seen before word i can still gain: the weights from i on.
    const rest = [...weights];
    for (let i = rest.length - 2; i >= 0; i--) rest[i]! += rest[i + 1]!;
    const score = this.scores(Math.max(0, ...lists.map((list) => list[list.length - 1]! + 1)));
    // The sentences scored, in the order first seen (a score is never 0 once seen: weights are positive).
    // Indexed loops: this runs a few times per check, too rarely to be optimised, and unoptimised
    // for-of loops and Array.from make an object per element.
    const seen: number[] = [];
    let closed = false; // once closed, it stays so: what is left only shrinks, the bar only rises
    for (let i = 0; i < lists.length; i++) {
      const list = lists[i]!;
      const weight = weights[i]!;
      closed ||= seen.length >= limit && rest[i]! < nthLargest(score, seen, limit);
      if (!closed) {
        for (let k = 0; k < list.length; k++) {
          const id = list[k]!;
          if (this.removed.has(id)) continue;
          if (score[id] === 0) seen.push(id);
          score[id] += weight;
        }
      } else if (seen.length * 16 < list.length) {
        for (let k = 0; k < seen.length; k++) if (containsSorted(list, seen[k]!)) score[seen[k]!] += weight;
      } else {
        for (let k = 0; k < list.length; k++) if (score[list[k]!]! > 0) score[list[k]!] += weight;
      }
    }
    const scored = { ids: new Int32Array(seen.length), scores: new Float64Array(seen.length) };
    for (let k = 0; k < seen.length; k++) {
      scored.ids[k] = seen[k]!;
      scored.scores[k] = score[seen[k]!]!;
      score[seen[k]!] = 0;
    }
    return scored;
  }

  /**
   * Scores by sentence id, all 0, for `withMost` to add to (and set back to 0): kept from one call
   * to the next. A map of the scores (a new number object at every addition) and loops through
   * iterators made some 2 MB per call on the benchmark's quotations; 1 MB now.
   */
  private scores(size: number): Float64Array {
    if (this.scratch.length < size) this.scratch = new Float64Array(Math.max(size, this.scratch.length * 2));
    return this.scratch;
  }

  private scratch = new Float64Array(0);
}

/** Sentences scored by `withMost`, in no particular order: ids and their scores, side by side. */
export interface ScoredSentences {
  ids: Int32Array;
  scores: Float64Array;
}

/** The n-th largest of the scores of the sentences seen (n ≤ their number). */
function nthLargest(score: Float64Array, seen: number[], n: number): number {
  const values = new Float64Array(seen.length);
  for (let k = 0; k < seen.length; k++) values[k] = score[seen[k]!]!;
  values.sort();
  return values[values.length - n]!;
}
