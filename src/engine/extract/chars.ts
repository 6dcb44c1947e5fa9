// Unicode character classes looked up by code point in a table filled on first use. Scanning a
// corpus with property escapes (/\p{L}/u) took seconds at 10,000 sources: a word loop that asks
// the table is several times faster and makes no match objects. Each scanner here matches what
// the regular expression in its comment matches (property-tested in test/unit/chars.test.ts).

const LETTER = 1;
const MARK = 2;
const NUMBER = 4;
const LOWER = 8;
const KNOWN = 128;

const bmp = new Uint8Array(0x10000);
const astral = new Map<number, number>();

function computeClass(cp: number): number {
  const ch = String.fromCodePoint(cp);
  return KNOWN | (/\p{L}/u.test(ch) ? LETTER : 0) | (/\p{M}/u.test(ch) ? MARK : 0) | (/\p{N}/u.test(ch) ? NUMBER : 0) | (/\p{Ll}/u.test(ch) ? LOWER : 0);
}

function classOf(cp: number): number {
  if (cp < 0x10000) {
    const c = bmp[cp]!;
    return c & KNOWN ? c : (bmp[cp] = computeClass(cp));
  }
  let c = astral.get(cp);
  if (c === undefined) astral.set(cp, (c = computeClass(cp)));
  return c;
}

/** The code point at i, as a regular expression with the u flag reads it (a lone surrogate is itself). */
function codePointAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= text.length) return c;
  const d = text.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff ? (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000 : c;
}

const width = (cp: number) => (cp > 0xffff ? 2 : 1);
const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;
const HYPHEN = 0x2d;

/**
 * Words as /(?<![\p{L}\p{M}])\p{Ll}[\p{L}\p{M}]*\/gu finds them: those that begin with a
 * lower-case letter not preceded by a letter or mark.
 */
export function forEachLowerWord(text: string, visit: (word: string) => void): void {
  let afterLetter = false;
  for (let i = 0; i < text.length; ) {
    const cp = codePointAt(text, i);
    const c = classOf(cp);
    if (c & LOWER && !afterLetter) {
      const start = i;
      i += width(cp);
      while (i < text.length) {
        const next = codePointAt(text, i);
        if (!(classOf(next) & (LETTER | MARK))) break;
        i += width(next);
      }
      visit(text.slice(start, i));
      afterLetter = true;
      continue;
    }
    afterLetter = (c & (LETTER | MARK)) !== 0;
    i += width(cp);
  }
}

/**
 * Words as /[\p{L}\p{N}][\p{L}\p{N}'’-]*\/gu finds them in text[from, to): a letter or digit,
 * then letters, digits, apostrophes and hyphens.
 */
export function forEachIndexWord(text: string, from: number, to: number, visit: (word: string) => void): void {
  for (let i = from; i < to; ) {
    const cp = codePointAt(text, i);
    if (!(classOf(cp) & (LETTER | NUMBER)) || i + width(cp) > to) {
      i += width(cp);
      continue;
    }
    const start = i;
    i += width(cp);
    while (i < to) {
      const next = codePointAt(text, i);
      if (!(next === APOSTROPHE || next === RIGHT_QUOTE || next === HYPHEN || classOf(next) & (LETTER | NUMBER)) || i + width(next) > to) break;
      i += width(next);
    }
    visit(text.slice(start, i));
  }
}
