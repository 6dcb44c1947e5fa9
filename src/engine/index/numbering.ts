// Strings numbered 0, 1, 2… in the order first seen: the counting thread keeps what it counts of
// a word class or an indexed word in typed arrays by number (see rarity-counts, word-postings),
// and gives the strings back in that order (the order a Map counted here would have them in).

export class Numbering {
  private readonly numbers = new Map<string, number>();
  /** The strings, by number. */
  readonly keys: string[] = [];

  /** The string's number, given it the first time. */
  numberOf(key: string): number {
    let n = this.numbers.get(key);
    if (n === undefined) {
      n = this.keys.length;
      this.numbers.set(key, n);
      this.keys.push(key);
    }
    return n;
  }
}
