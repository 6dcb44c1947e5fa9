// Word rarity counted sentence after sentence, as Idf.addSentence counts the classes classify
// gives (see extract/context), without the lists and sets made per sentence: each word's class
// is kept by the word (looked up where it stands, see span-map) as a number, and a sentence's
// classes are told apart by the number of the sentence that last counted them. Counting the
// benchmark's 10,000 sources so is a counting thread's work while the corpus is built.
import { forEachClassedWord, lemmaClass } from "../extract/context";
import { SpanMap } from "../span-map";
import { doubled } from "../packed-ints";
import { Numbering } from "./numbering";
import type { IdfData } from "./similarity";

export class RarityCounts {
  /** A word's class number, or -1 when it has none; let go past the limit (see Remembered). */
  private readonly classOfWord = new SpanMap<number>(200_000);
  /** Classes numbered in the order first counted (an Idf's map of them is in that order too). */
  private readonly classes = new Numbering();
  /** Sentences with each class. */
  private df: Int32Array = new Int32Array(1024);
  /** The last sentence (counted from 1) that counted each class. */
  private lastSentence: Int32Array = new Int32Array(1024);
  private sentences = 0;

  private readonly numberOf = (word: string): number => {
    const c = lemmaClass(word);
    if (c === undefined) return -1;
    const n = this.classes.numberOf(c);
    if (n === this.df.length) [this.df, this.lastSentence] = [doubled(this.df), doubled(this.lastSentence)];
    return n;
  };

  /** Counts the sentence text[from, to). */
  addSentence(text: string, from: number, to: number): void {
    const sentence = ++this.sentences;
    forEachClassedWord(text, from, to, (start, end) => {
      const n = this.classOfWord.get(text, start, end, this.numberOf);
      if (n < 0 || this.lastSentence[n] === sentence) return;
      this.lastSentence[n] = sentence;
      this.df[n]!++;
    });
  }

  toData(): IdfData {
    return { df: new Map(this.classes.keys.map((c, n) => [c, this.df[n]!])), docs: this.sentences };
  }
}
