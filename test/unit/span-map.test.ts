import { test } from "node:test";
import assert from "node:assert/strict";
import { SpanMap } from "../../src/engine/span-map";

const PIECES = ["a", "b", "ab", "é", "e\u0301", "𝐚", "\ud801", "\udc28", "’", "-", "1", "The", "the", "court", "courts"];

test("span map: a word looked up where it stands finds what a Map by the word's string finds, across growth, astral and lone surrogates", () => {
  const byString = new Map<string, number>();
  const bySpan = new SpanMap<number>();
  let made = 0;
  let x = 7;
  let text = "";
  for (let i = 0; i < 20_000; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    text += PIECES[x % PIECES.length];
  }
  // Every span of up to 6 code units at every 3rd place: thousands of words, many seen again.
  for (let start = 0; start < text.length; start += 3) {
    for (let end = start; end <= Math.min(text.length, start + 6); end++) {
      const word = text.slice(start, end);
      const expected = byString.get(word);
      const e = bySpan.find(text, start, end);
      assert.equal(e >= 0 ? bySpan.value(e) : undefined, expected, `find ${JSON.stringify(word)}`);
      const got = bySpan.get(text, start, end, (w) => (assert.equal(w, word), made++));
      if (expected === undefined) byString.set(word, got);
      assert.equal(got, byString.get(word), `get ${JSON.stringify(word)}`);
    }
  }
  assert.equal(made, byString.size, "each word made once");
  assert.ok(byString.size > 2000, `${byString.size} words`);
  assert.deepEqual([...bySpan.toMap()], [...byString], "the same words and values, in the order added");
});

test("span map: past its limit it lets every word go at once, and makes a word's value again when asked", () => {
  const text = "appeal court appeal verdict ban";
  const memo = new SpanMap<string | undefined>(3);
  const asked: string[] = [];
  const make = (w: string) => (asked.push(w), w.length > 4 ? w.toUpperCase() : undefined);
  const at = (w: string) => memo.get(text, text.indexOf(w), text.indexOf(w) + w.length, make);
  assert.deepEqual(["appeal", "court", "appeal", "ban"].map(at), ["APPEAL", "COURT", "APPEAL", undefined]);
  assert.deepEqual(asked, ["appeal", "court", "ban"]);
  assert.equal(memo.size, 3);
  at("verdict");
  assert.equal(memo.size, 1, "emptied before the fourth word");
  assert.equal(memo.find(text, 0, 6), -1, "appeal let go");
  assert.equal(at("appeal"), "APPEAL");
  assert.deepEqual(asked, ["appeal", "court", "ban", "verdict", "appeal"]);
  // Emptied again and again (its table of slots too, or it would fill up): still each word's own value.
  const many = Array.from({ length: 5000 }, (_, i) => `w${i}`).join(" ");
  const small = new SpanMap<number>(100);
  for (let start = 0, i = 0; start < many.length; start = many.indexOf(" ", start) + 1 || many.length, i++) {
    const end = many.indexOf(" ", start) < 0 ? many.length : many.indexOf(" ", start);
    assert.equal(small.get(many, start, end, () => i), i);
    assert.equal(small.get(many, start, end, () => -1), i);
  }
  assert.equal(small.size, 5000 % 100 || 100);
});
