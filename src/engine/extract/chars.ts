// Unicode character classes looked up by code point in a table filled on first use. Scanning a
// corpus with property escapes (/\p{L}/u) took seconds at 10,000 sources: a word loop that asks
// the table is several times faster and makes no match objects. Each scanner here matches what
// the regular expression in its comment matches (property-tested in test/unit/chars.test.ts).

const LETTER = 1;
const MARK = 2;
const NUMBER = 4;
const LOWER = 8;
const UPPER = 16;
const KNOWN = 128;

const bmp = new Uint8Array(0x10000);
const astral = new Map<number, number>();

function computeClass(cp: number): number {
  const ch = String.fromCodePoint(cp);
  return KNOWN | (/\p{L}/u.test(ch) ? LETTER : 0) | (/\p{M}/u.test(ch) ? MARK : 0) | (/\p{N}/u.test(ch) ? NUMBER : 0) | (/\p{Ll}/u.test(ch) ? LOWER : 0) | (/\p{Lu}/u.test(ch) ? UPPER : 0);
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

/** Whether the text begins with a capital: /^\p{Lu}/u. */
export function startsUpper(text: string): boolean {
  return text.length > 0 && (classOf(codePointAt(text, 0)) & UPPER) !== 0;
}

/** Whether the text begins with a lower-case letter: /^\p{Ll}/u. */
export function startsLower(text: string): boolean {
  return text.length > 0 && (classOf(codePointAt(text, 0)) & LOWER) !== 0;
}

/** Whether a capital follows a lower-case letter somewhere in the text ("PayPal", "eBay"): /\p{Ll}\p{Lu}/u. */
export function hasLowerThenUpper(text: string): boolean {
  let afterLower = false;
  for (let i = 0; i < text.length; ) {
    const cp = codePointAt(text, i);
    const c = classOf(cp);
    if (afterLower && c & UPPER) return true;
    afterLower = (c & LOWER) !== 0;
    i += width(cp);
  }
  return false;
}

/**
 * Words as /(?<![\p{L}\p{M}])\p{Ll}[\p{L}\p{M}]*\/gu finds them: those that begin with a
 * lower-case letter not preceded by a letter or mark. Each is given by where it starts and ends.
 */
export function forEachLowerWord(text: string, visit: (start: number, end: number) => void): void {
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
      visit(start, i);
      afterLetter = true;
      continue;
    }
    afterLetter = (c & (LETTER | MARK)) !== 0;
    i += width(cp);
  }
}

/**
 * Words as /[\p{L}\p{N}][\p{L}\p{N}'’-]*\/gu finds them in text[from, to): a letter or digit,
 * then letters, digits, apostrophes and hyphens. Each is given by where it starts and ends.
 */
export function forEachIndexWord(text: string, from: number, to: number, visit: (start: number, end: number) => void): void {
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
    visit(start, i);
  }
}

const isLetterOrMark = (cp: number) => (classOf(cp) & (LETTER | MARK)) !== 0;
const isLetter = (cp: number) => (classOf(cp) & LETTER) !== 0;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const COMMA = 0x2c;
const DOT = 0x2e;
const LOWER_S = 0x73;
/** € $ £ %: tokens by themselves. */
const SIGNS = new Set([0x20ac, 0x24, 0xa3, 0x25]);

/** Past a run of code points of text[i, to) that pass the test, none crossing `to`. */
function runEnd(text: string, i: number, to: number, test: (cp: number) => boolean): number {
  while (i < to) {
    const cp = codePointAt(text, i);
    if (!test(cp) || i + width(cp) > to) break;
    i += width(cp);
  }
  return i;
}

/** The end of the letter word that begins at i: /[\p{L}\p{M}]+(?:['’][\p{L}]+)*(?:(?<=s)['’](?![\p{L}]))?/u. */
function letterWordEnd(text: string, i: number, to: number): number {
  let end = runEnd(text, i, to, isLetterOrMark);
  // "don’t", "O'Brien": an apostrophe and letters (not marks) after it.
  for (;;) {
    const q = end < to ? text.charCodeAt(end) : -1;
    if (q !== APOSTROPHE && q !== RIGHT_QUOTE) break;
    const after = runEnd(text, end + 1, to, isLetter);
    if (after === end + 1) break;
    end = after;
  }
  // "workers’": a closing apostrophe after an s, when no letter follows it.
  const q = end < to ? text.charCodeAt(end) : -1;
  if ((q === APOSTROPHE || q === RIGHT_QUOTE) && text.charCodeAt(end - 1) === LOWER_S && runEnd(text, end + 1, to, isLetter) === end + 1) end++;
  return end;
}

/** The end of the number that begins at i: /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/ ("75,000", "1.2"). */
function numberEnd(text: string, i: number, to: number): number {
  const digitsEnd = (k: number) => {
    while (k < to && isDigit(text.charCodeAt(k))) k++;
    return k;
  };
  const decimals = (k: number) => (k + 1 < to && text.charCodeAt(k) === DOT && isDigit(text.charCodeAt(k + 1)) ? digitsEnd(k + 1) : k);
  const run = digitsEnd(i);
  // Thousands groups follow one to three digits only (after fewer, a digit stands where the comma would).
  if (run - i <= 3) {
    let end = run;
    while (end + 4 <= to && text.charCodeAt(end) === COMMA && isDigit(text.charCodeAt(end + 1)) && isDigit(text.charCodeAt(end + 2)) && isDigit(text.charCodeAt(end + 3))) end += 4;
    if (end > run) return decimals(end);
  }
  return decimals(run);
}

/**
 * The tokens of text[from, to) as extract/tokens' TOKEN regex finds them when the text ends at
 * `to`: numbers, words with their apostrophes, and the signs € $ £ %.
 */
export function forEachToken(text: string, from: number, to: number, visit: (start: number, end: number) => void): void {
  for (let i = from; i < to; ) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) {
      const end = numberEnd(text, i, to);
      visit(i, end);
      i = end;
      continue;
    }
    if (SIGNS.has(c)) {
      visit(i, i + 1);
      i++;
      continue;
    }
    const cp = codePointAt(text, i);
    if (isLetterOrMark(cp) && i + width(cp) <= to) {
      const end = letterWordEnd(text, i, to);
      visit(i, end);
      i = end;
      continue;
    }
    i += width(cp);
  }
}

/**
 * The word tokens of text[from, to) that begin with a letter or mark, as forEachToken finds them.
 * The other tokens (numbers, signs) hold no letters, so they never touch these.
 */
export function forEachLetterWord(text: string, from: number, to: number, visit: (start: number, end: number) => void): void {
  for (let i = from; i < to; ) {
    const cp = codePointAt(text, i);
    if (!isLetterOrMark(cp) || i + width(cp) > to) {
      i += width(cp);
      continue;
    }
    const end = letterWordEnd(text, i, to);
    visit(i, end);
    i = end;
  }
}
