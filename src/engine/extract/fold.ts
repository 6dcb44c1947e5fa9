// Spelling-insensitive forms of names: case, diacritics and typographic punctuation folded.

/** Letters that Unicode does not decompose into a base letter and a mark. */
const LETTERS: Record<string, string> = { ø: "o", Ø: "O", æ: "ae", Æ: "Ae", œ: "oe", Œ: "Oe", ß: "ss", ł: "l", Ł: "L", đ: "d", Đ: "D", ð: "d", Ð: "D", þ: "th", Þ: "Th", ı: "i" };

const nameCache = new Map<string, string>();
const wordCache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

function memo(cache: Map<string, string>, s: string, f: (s: string) => string): string {
  let v = cache.get(s);
  if (v === undefined) {
    if (cache.size > CACHE_LIMIT) cache.clear();
    cache.set(s, (v = f(s)));
  }
  return v;
}

export function foldName(s: string): string {
  return memo(nameCache, s, computeFoldName);
}

/** foldQuote for one word, memoised (words recur all through a corpus). */
export function foldWord(s: string): string {
  return memo(wordCache, s, foldQuote);
}

function computeFoldName(s: string): string {
  return s
    .replace(/[øØæÆœŒßłŁđĐðÐþÞı]/g, (c) => LETTERS[c]!)
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/[’‘`´]/g, "'")
    .replace(/['’]s$/u, "")
    .toLowerCase()
    .replace(/ı/g, "i")
    .replace(/[^\p{L}\p{N}& ]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Folds quotes, apostrophes, dashes and whitespace so a quotation compares by its words alone. */
export function foldQuote(s: string): string {
  return s
    .normalize("NFKC")
    .replace(/[’‘`´]/g, "'")
    .replace(/[“”„«»]/g, '"')
    .replace(/[–—]/g, "-")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}'\- ]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}
