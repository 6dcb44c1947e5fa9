// Which sentences contain a word: folded words (quotes, apostrophes and case do not count) to
// sentence ids, for finding a quotation's source. Function words are not indexed.
import { foldWord } from "../extract/fold";
import { STOPWORDS } from "../extract/lexicon";

export class WordIndex {
  private readonly postings = new Map<string, number[]>();
  /** Sentences of sources since changed: left in the postings, never returned. */
  private readonly removed = new Set<number>();

  /** Forgets sentences (their source changed; its new sentences come with new ids). */
  remove(ids: Iterable<number>): void {
    for (const id of ids) this.removed.add(id);
  }

  /** Posting lists by the word as written (null: not indexed), so that each word is folded once. */
  private readonly byRaw = new Map<string, number[] | null>();

  add(id: number, text: string): void {
    let last: number[] | null = null;
    for (const m of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)) {
      let list = this.byRaw.get(m[0]);
      if (list === undefined) {
        const w = foldWord(m[0]);
        list = w.length < 2 || STOPWORDS.has(w) ? null : (this.postings.get(w) ?? this.postings.set(w, []).get(w)!);
        if (this.byRaw.size > 500_000) this.byRaw.clear();
        this.byRaw.set(m[0], list);
      }
      // The same word twice in a row is one posting (as are repeats: the list ends with this id).
      if (!list || list === last) continue;
      last = list;
      if (list[list.length - 1] !== id) list.push(id);
    }
  }

  /** Sentences with all of the words (the rarest first, so the intersection stays small). */
  withAll(words: string[]): number[] {
    const lists = [...new Set(words.filter((w) => w.length >= 2 && !STOPWORDS.has(w)))].map((w) => this.postings.get(w) ?? []);
    if (!lists.length || lists.some((l) => !l.length)) return [];
    lists.sort((a, b) => a.length - b.length);
    // Posting lists are in ascending order: the few candidates are looked up in the long lists by bisection.
    let result = lists[0]!;
    for (const l of lists.slice(1)) {
      result = result.filter((id) => contains(l, id));
      if (!result.length) break;
    }
    return this.removed.size ? result.filter((id) => !this.removed.has(id)) : result;
  }

  /** Sentences with any of the words, scored: rarer words count more. */
  withMost(words: string[]): Map<number, number> {
    const score = new Map<number, number>();
    for (const w of new Set(words)) {
      const list = this.postings.get(w);
      if (!list || list.length > 20_000 || STOPWORDS.has(w)) continue;
      const weight = 1 / Math.log(2 + list.length);
      for (const id of list) if (!this.removed.has(id)) score.set(id, (score.get(id) ?? 0) + weight);
    }
    return score;
  }

}

function contains(sorted: number[], id: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid]!;
    if (v === id) return true;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
