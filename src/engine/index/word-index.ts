// Which sentences contain a word: folded words (quotes, apostrophes and case do not count) to
// sentence ids, for finding a quotation's source. Function words are not indexed.
import { foldWord } from "../extract/fold";
import { STOPWORDS } from "../extract/lexicon";

export class WordIndex {
  private readonly postings = new Map<string, number[]>();

  add(id: number, text: string): void {
    let last = "";
    for (const m of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)) {
      const w = foldWord(m[0]);
      if (w.length < 2 || STOPWORDS.has(w) || w === last) continue;
      last = w;
      const list = this.postings.get(w);
      if (!list) this.postings.set(w, [id]);
      else if (list[list.length - 1] !== id) list.push(id);
    }
  }

  /** Sentences with all of the words (the rarest first, so the intersection stays small). */
  withAll(words: string[], limit = 50): number[] {
    const lists = [...new Set(words.filter((w) => w.length >= 2 && !STOPWORDS.has(w)))].map((w) => this.postings.get(w) ?? []);
    if (!lists.length || lists.some((l) => !l.length)) return [];
    lists.sort((a, b) => a.length - b.length);
    let result = lists[0]!;
    for (const l of lists.slice(1)) {
      const set = new Set(l);
      result = result.filter((id) => set.has(id));
      if (!result.length) break;
    }
    return result.slice(0, limit);
  }

  /** Sentences with the most of the words, rarer words counting more. */
  withMost(words: string[], limit = 12): number[] {
    const score = new Map<number, number>();
    for (const w of new Set(words)) {
      const list = this.postings.get(w);
      if (!list || list.length > 20_000 || STOPWORDS.has(w)) continue;
      const weight = 1 / Math.log(2 + list.length);
      for (const id of list) score.set(id, (score.get(id) ?? 0) + weight);
    }
    return [...score].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([id]) => id);
  }
}
