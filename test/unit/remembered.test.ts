import { test } from "node:test";
import assert from "node:assert/strict";
import { Remembered } from "../../src/engine/remembered";

test("remembered: an answer, undefined ones included, is worked out once per question until the limit lets all go", () => {
  const asked: string[] = [];
  const memo = new Remembered<string | undefined>(3);
  const answer = (key: string) => (asked.push(key), key.length > 2 ? key.toUpperCase() : undefined);
  assert.deepEqual(["of", "court", "of", "court", "of"].map((k) => memo.get(k, answer)), [undefined, "COURT", undefined, "COURT", undefined]);
  assert.deepEqual(asked, ["of", "court"]);
  // Past the limit every answer is let go, and worked out again when asked.
  memo.get("ban", answer);
  memo.get("to", answer);
  assert.equal(memo.get("of", answer), undefined);
  assert.deepEqual(asked, ["of", "court", "ban", "to", "of"]);
});
