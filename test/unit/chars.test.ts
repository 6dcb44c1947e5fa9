import { test } from "node:test";
import assert from "node:assert/strict";
import { forEachIndexWord, forEachLetterWord, forEachLowerWord, forEachToken, hasLowerThenUpper, startsLower, startsUpper } from "../../src/engine/extract/chars";

// Letters of several scripts and cases, marks, digits, astral letters, lone surrogates, quotes.
const PIECES = ["s'", "s’", "s's", "'", "a", "Z", "é", "É", "ß", "ñ", "Ж", "ж", "ı", "ǅ", "\u0301", "\u0308", "1", "٣", "Ⅻ", "𝐀", "𝐚", "𐐨", "\ud801", "\udc28", "'", "’", "-", " ", ".", ",", "\n", "“", "—", "_", "$", "ab", "The", "co-op", "don’t"];

function randomText(seed: number, length: number): string {
  let x = seed;
  let out = "";
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += PIECES[x % PIECES.length];
  }
  return out;
}

/** The tokenizer's regex, as it was before the scanner: the reference. */
const TOKEN = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[\p{L}\p{M}]+(?:['’][\p{L}]+)*(?:(?<=s)['’](?![\p{L}]))?|[€$£%]/gu;
const NUMERIC = ["0", "1", "12", "123", "1234", ",", ",000", ",12", ".", ".5", "€", "$", "£", "%", " ", "s", "s'", "a", "é", "\u0301", "𝐚", "’"];

const collect = (scan: (visit: (w: string) => void) => void) => {
  const words: string[] = [];
  scan((w) => words.push(w));
  return words;
};

test("scanners: the same words as the regular expressions they stand for, on random text of many scripts", () => {
  for (let seed = 1; seed <= 400; seed++) {
    const text = randomText(seed, 1 + (seed % 60));
    const lower = [...text.matchAll(/(?<![\p{L}\p{M}])\p{Ll}[\p{L}\p{M}]*/gu)].map((m) => m[0]);
    assert.deepEqual(collect((v) => forEachLowerWord(text, (a, b) => v(text.slice(a, b)))), lower, `lower-case words of ${JSON.stringify(text)}`);
    let from = seed % 7 < text.length ? seed % 7 : 0;
    // Ranges are sentences: they never begin inside a surrogate pair (where the regex reads on oddly).
    if (from > 0 && /[\ud800-\udbff]/.test(text[from - 1]!) && /[\udc00-\udfff]/.test(text[from]!)) from++;
    const to = Math.max(from, text.length - (seed % 5));
    const slice = text.slice(from, to);
    const indexed = [...slice.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)].map((m) => m[0]);
    assert.deepEqual(collect((v) => forEachIndexWord(text, from, to, (a, b) => v(text.slice(a, b)))), indexed, `indexed words of ${JSON.stringify(slice)}`);
    const re = new RegExp(TOKEN);
    re.lastIndex = from;
    const letterTokens = [...text.slice(0, to).matchAll(re)].filter((m) => /^[\p{L}\p{M}]/u.test(m[0])).map((m) => [m.index, m.index + m[0].length]);
    const spans: number[][] = [];
    forEachLetterWord(text, from, to, (a, b) => spans.push([a, b]));
    assert.deepEqual(spans, letterTokens, `letter tokens of ${JSON.stringify(slice)}`);
  }
});

test("character tests: the same answers as the regular expressions they stand for, on random text of many scripts", () => {
  for (let seed = 1; seed <= 3000; seed++) {
    const text = randomText(seed, seed % 6);
    assert.equal(startsUpper(text), /^\p{Lu}/u.test(text), `capital first in ${JSON.stringify(text)}`);
    assert.equal(startsLower(text), /^\p{Ll}/u.test(text), `lower case first in ${JSON.stringify(text)}`);
    assert.equal(hasLowerThenUpper(text), /\p{Ll}\p{Lu}/u.test(text), `a capital after a lower-case letter in ${JSON.stringify(text)}`);
  }
  assert.deepEqual(["PayPal", "eBay", "McDonald", "NATO", "Ana", "ǅemal", "Ökonom", ""].map(hasLowerThenUpper), [true, true, true, false, false, false, false, false]);
});

test("scanners: ordinary prose", () => {
  const text = "Ana Ruiz’s co-op said: “we’ll appeal” on 3 May — naïve Ökonomen vote.";
  assert.deepEqual(collect((v) => forEachLowerWord(text, (a, b) => v(text.slice(a, b)))), ["s", "co", "op", "said", "we", "ll", "appeal", "on", "naïve", "vote"]);
  assert.deepEqual(collect((v) => forEachIndexWord(text, 0, text.length, (a, b) => v(text.slice(a, b)))), ["Ana", "Ruiz’s", "co-op", "said", "we’ll", "appeal", "on", "3", "May", "naïve", "Ökonomen", "vote"]);
});

test("scanners: tokens as the tokenizer's regex finds them, numbers with separators and decimals included", () => {
  for (let seed = 1; seed <= 3000; seed++) {
    let x = seed;
    let text = "";
    for (let i = 0; i < 1 + (seed % 25); i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      text += seed % 3 ? NUMERIC[x % NUMERIC.length] : PIECES[x % PIECES.length];
    }
    // A range cut anywhere (not inside a surrogate pair): tokens stop at its end as if the text ended there.
    const to = Math.max(0, text.length - (seed % 4));
    const cut = /[\ud800-\udbff]/.test(text[to - 1] ?? "") ? to - 1 : to;
    const expected = [...text.slice(0, cut).matchAll(TOKEN)].map((m) => [m.index, m.index + m[0].length]);
    const spans: number[][] = [];
    forEachToken(text, 0, cut, (a, b) => spans.push([a, b]));
    assert.deepEqual(spans, expected, `tokens of ${JSON.stringify(text.slice(0, cut))}`);
  }
});
