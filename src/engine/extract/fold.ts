// Spelling-insensitive forms of names: case, diacritics and typographic punctuation folded.
import { Remembered } from "../remembered";

/** Letters that Unicode does not decompose into a base letter and a mark. */
const LETTERS: Record<string, string> = { ø: "o", Ø: "O", æ: "ae", Æ: "Ae", œ: "oe", Œ: "Oe", ß: "ss", ł: "l", Ł: "L", đ: "d", Đ: "D", ð: "d", Ð: "D", þ: "th", Þ: "Th", ı: "i" };

const folded = new Remembered<string>(200_000);
const foldedWords = new Remembered<string>(200_000);

export function foldName(s: string): string {
  return folded.get(s, computeFoldName);
}

/** foldQuote for one word, memoised (words recur all through a corpus). */
export function foldWord(s: string): string {
  return foldedWords.get(s, foldQuote);
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
