// Closeness of names. fuse.js finds the few candidates in a short list of entity names; the
// decision is ours: Damerau-Levenshtein and Jaro-Winkler similarity on folded name parts.
import Fuse from "fuse.js";
import { Remembered } from "../remembered";

export function damerauLevenshtein(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) => Array.from({ length: n + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[m]![n]!;
}

export function editSimilarity(a: string, b: string): number {
  if (!a.length && !b.length) return 1;
  return 1 - damerauLevenshtein(a, b) / Math.max(a.length, b.length);
}

export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const range = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatch = new Array<boolean>(a.length).fill(false);
  const bMatch = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = Math.max(0, i - range); j < Math.min(b.length, i + range + 1); j++) {
      if (!bMatch[j] && a[i] === b[j]) {
        aMatch[i] = bMatch[j] = true;
        matches++;
        break;
      }
    }
  }
  if (!matches) return 0;
  let t = 0;
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    if (!aMatch[i]) continue;
    while (!bMatch[k]) k++;
    if (a[i] !== b[k]) t++;
    k++;
  }
  const jaro = (matches / a.length + matches / b.length + (matches - t / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/**
 * Two spellings of one name part ("kushakbayev"/"kushakbaev", "burrow"/"burrows")? Slavic
 * feminine endings ("ivanov"/"ivanova") are different people, not spellings.
 */
export function closeSpelling(a: string, b: string, loose = false): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) < (loose ? 3 : 4)) return false;
  if (a + "a" === b || b + "a" === a) return false;
  if (a[0] !== b[0]) return false;
  // The edit distance is at least the difference in length: too different, no need to count.
  if (!loose && Math.abs(a.length - b.length) > 0.2 * Math.max(a.length, b.length)) return false;
  // The length makes the pair unambiguous.
  return closeAnswers.get(`${loose ? 1 : 0}${a.length}:${a}${b}`, () => {
    const edit = editSimilarity(a, b);
    return loose ? edit >= 0.7 || jaroWinkler(a, b) >= 0.9 : edit >= 0.8;
  });
}

/**
 * Answers kept: the entity table compares the same name parts again each time it is rebuilt
 * (a changed source's clues can rebuild it), some tens of thousands of pairs in a large corpus.
 */
const closeAnswers = new Remembered<boolean>(200_000);

/** A short list of names to search fuzzily (entity names, quick picks). */
export class NameList<T> {
  private readonly fuse: Fuse<{ key: string; item: T }>;

  constructor(entries: Array<{ key: string; item: T }>) {
    this.fuse = new Fuse(entries, { keys: ["key"], includeScore: true, threshold: 0.45, ignoreLocation: true });
  }

  /** Answers kept by query: the list never changes, and a draft asks for the same names again and again. */
  private readonly answers = new Remembered<T[]>(10_000);

  candidates(query: string, limit = 8): T[] {
    return this.answers.get(`${limit}|${query}`, () => this.fuse.search(query, { limit }).map((r) => r.item.item));
  }
}
