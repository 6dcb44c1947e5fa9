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

/**
 * The word tokens of text[from, to) that begin with a letter or mark, as extract/tokens' TOKEN
 * finds them: /[\p{L}\p{M}]+(?:['’][\p{L}]+)*(?:(?<=s)['’](?![\p{L}]))?/u ("don’t", "workers’").
 * Its other tokens (numbers, currency signs) hold no letters, so they never touch these.
 */
export function forEachLetterWord(text: string, from: number, to: number, visit: (start: number, end: number) => void): void {
  const isA = (cp: number, cls: number) => (classOf(cp) & cls) !== 0;
  const at = (i: number) => codePointAt(text, i);
  /** Past a run of characters of the class from i, none crossing `to`. */
  const run = (i: number, cls: number) => {
    while (i < to) {
      const cp = at(i);
      if (!isA(cp, cls) || i + width(cp) > to) break;
      i += width(cp);
    }
    return i;
  };
  for (let i = from; i < to; ) {
    const cp = at(i);
    if (!isA(cp, LETTER | MARK) || i + width(cp) > to) {
      i += width(cp);
      continue;
    }
    const start = i;
    let end = run(i, LETTER | MARK);
    // "don’t", "O'Brien": an apostrophe and letters (not marks) after it.
    for (;;) {
      const q = end < to ? text.charCodeAt(end) : -1;
      if (q !== APOSTROPHE && q !== RIGHT_QUOTE) break;
      const after = run(end + 1, LETTER);
      if (after === end + 1) break;
      end = after;
    }
    // "workers’": a closing apostrophe after an s, when no letter follows it.
    const q = end < to ? text.charCodeAt(end) : -1;
    if ((q === APOSTROPHE || q === RIGHT_QUOTE) && text.charCodeAt(end - 1) === 0x73 && !(end + 1 < to && isA(at(end + 1), LETTER) && end + 1 + width(at(end + 1)) <= to)) end++;
    visit(start, end);
    i = end;
  }
}
