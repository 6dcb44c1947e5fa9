import { test } from "node:test";
import assert from "node:assert/strict";
import { forEachIndexWord, forEachLetterWord, forEachLowerWord } from "../../src/engine/extract/chars";
import { tokenize } from "../../src/engine/extract/tokens";

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

const collect = (scan: (visit: (w: string) => void) => void) => {
  const words: string[] = [];
  scan((w) => words.push(w));
  return words;
};

test("scanners: the same words as the regular expressions they stand for, on random text of many scripts", () => {
  for (let seed = 1; seed <= 400; seed++) {
    const text = randomText(seed, 1 + (seed % 60));
    const lower = [...text.matchAll(/(?<![\p{L}\p{M}])\p{Ll}[\p{L}\p{M}]*/gu)].map((m) => m[0]);
    assert.deepEqual(collect((v) => forEachLowerWord(text, v)), lower, `lower-case words of ${JSON.stringify(text)}`);
    let from = seed % 7 < text.length ? seed % 7 : 0;
    // Ranges are sentences: they never begin inside a surrogate pair (where the regex reads on oddly).
    if (from > 0 && /[\ud800-\udbff]/.test(text[from - 1]!) && /[\udc00-\udfff]/.test(text[from]!)) from++;
    const to = Math.max(from, text.length - (seed % 5));
    const slice = text.slice(from, to);
    const indexed = [...slice.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)].map((m) => m[0]);
    assert.deepEqual(collect((v) => forEachIndexWord(text, from, to, v)), indexed, `indexed words of ${JSON.stringify(slice)}`);
    const letterTokens = tokenize(text, from, to).filter((t) => /^[\p{L}\p{M}]/u.test(t.text)).map((t) => [t.start, t.end]);
    const spans: number[][] = [];
    forEachLetterWord(text, from, to, (a, b) => spans.push([a, b]));
    assert.deepEqual(spans, letterTokens, `letter tokens of ${JSON.stringify(slice)}`);
  }
});

test("scanners: ordinary prose", () => {
  const text = "Ana Ruiz’s co-op said: “we’ll appeal” on 3 May — naïve Ökonomen vote.";
  assert.deepEqual(collect((v) => forEachLowerWord(text, v)), ["s", "co", "op", "said", "we", "ll", "appeal", "on", "naïve", "vote"]);
  assert.deepEqual(collect((v) => forEachIndexWord(text, 0, text.length, v)), ["Ana", "Ruiz’s", "co-op", "said", "we’ll", "appeal", "on", "3", "May", "naïve", "Ökonomen", "vote"]);
});
