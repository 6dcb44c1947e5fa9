// Word tokens with their offsets. Numbers keep their thousands separators and decimals
// ("75,000", "1.2"); hyphenated words are split, with the separator remembered, so that
// "two-and-a-half-year" can be read word by word. The tokens are those of the regex
// /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[\p{L}\p{M}]+(?:['’][\p{L}]+)*(?:(?<=s)['’](?![\p{L}]))?|[€$£%]/u,
// found by a scanner (extract/chars) that is several times faster.
import { forEachToken, hasLowerThenUpper, startsLower, startsUpper } from "./chars";
import { SpanMap } from "../span-map";

export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  /** What stands between the previous token and this one: "" (nothing), " ", "-", or punctuation. */
  before: string;
  /** How many characters stand between: markup blanked out of the prose leaves long gaps. */
  gap: number;
}

/** A token's text and its lower case, kept once per word: most tokens are words seen before (see span-map). */
interface Spelling {
  text: string;
  lower: string;
}
const spellings = new SpanMap<Spelling>(200_000);
const spell = (word: string): Spelling => ({ text: word, lower: word.toLowerCase() });

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  // Scanned in place, without copying the sentence out; a token stops at `to` as if the text ended there.
  let last = from;
  forEachToken(text, from, to, (start, end) => {
    const word = spellings.get(text, start, end, spell);
    const gap = start - last;
    tokens.push({ text: word.text, lower: word.lower, start, end, before: gap === 0 ? "" : gap === 1 && text[last] === " " ? " " : between(text.slice(last, start)), gap });
    last = end;
  });
  return tokens;
}

function between(s: string): string {
  return /^\s+$/.test(s) ? " " : s.trim() === "-" ? "-" : s.trim() || " ";
}

export const isCapitalised = startsUpper;
export const isLowerWord = startsLower;
export const isAcronym = (t: string): boolean => /^[\p{Lu}][\p{Lu}\d&]{1,7}$/u.test(t) && /\p{Lu}.*\p{Lu}/u.test(t);
/** "PayPal", "eBay", "McDonald": a capital after a lower-case letter. */
export const isCamelCase = hasLowerThenUpper;

/** A crude lemma for comparing contexts: case, possessive and common inflections stripped. */
export function lemma(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/, "").replace(/['’]$/, "");
  if (w.length > 5 && w.endsWith("ies")) w = w.slice(0, -3) + "y";
  else if (w.length > 4 && w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us")) w = w.slice(0, -1);
  return w;
}
