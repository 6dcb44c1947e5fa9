// A word index built sentence after sentence, as WordIndex.add builds one (see word-index), for
// a counting thread that hands it over as data: each sentence's words are kept as numbers, one
// after another, and the posting lists made once at the end, instead of an array per word grown
// one id at a time (most of them kept, so copied by the collector as they grew).
import { forEachIndexWord } from "../extract/chars";
import { SpanMap } from "../span-map";
import { doubled } from "../packed-ints";
import { Numbering } from "./numbering";
import { indexKey, type WordIndexData } from "./word-index";

export class WordPostings {
  /** A word as written: the number of its folded form, or -1 when it is not indexed; let go past the limit. */
  private readonly numberOfWord = new SpanMap<number>(500_000);
  /** Folded words numbered in the order first indexed (a WordIndex's keys are in that order). */
  private readonly words = new Numbering();
  /** Each sentence's words' numbers (each once), one sentence after another. */
  private postings: Int32Array = new Int32Array(1 << 16);
  private length = 0;
  /** Where each sentence's numbers end in `postings`, by sentence id. */
  private ends: number[] = [];
  /** The last sentence that listed each word (-1: none). */
  private lastSentence: Int32Array = new Int32Array(1024).fill(-1);

  private readonly numberOf = (word: string): number => {
    const w = indexKey(word);
    if (w === undefined) return -1;
    const n = this.words.numberOf(w);
    if (n === this.lastSentence.length) this.lastSentence = doubled(this.lastSentence, -1);
    return n;
  };

  /** Indexes the words of text[from, to), the sentence that has the next id (ids from 0, one after another). */
  addSentence(text: string, from: number, to: number): void {
    const id = this.ends.length;
    forEachIndexWord(text, from, to, (start, end) => {
      const n = this.numberOfWord.get(text, start, end, this.numberOf);
      if (n < 0 || this.lastSentence[n] === id) return;
      this.lastSentence[n] = id;
      if (this.length === this.postings.length) this.postings = doubled(this.postings);
      this.postings[this.length++] = n;
    });
    this.ends.push(this.length);
  }

  toData(): WordIndexData {
    const keys = this.words.keys;
    const counts = new Int32Array(keys.length);
    for (let k = 0; k < this.length; k++) counts[this.postings[k]!]!++;
    // Each word's list starts where the lists before it end; sentences are gone through in order, so each list is ascending.
    const next = new Int32Array(keys.length);
    for (let n = 1; n < next.length; n++) next[n] = next[n - 1]! + counts[n - 1]!;
    const ids = new Int32Array(this.length);
    let k = 0;
    this.ends.forEach((end, id) => {
      for (; k < end; k++) ids[next[this.postings[k]!]!++] = id;
    });
    return { keys: [...keys], counts, ids };
  }
}
