import { test } from "node:test";
import assert from "node:assert/strict";
import { IdRanges } from "../../src/engine/index/id-ranges";

test("id runs per source: a source given a new run leaves its old ids dead, and a build's ids follow source order", () => {
  const ids = new IdRanges();
  assert.equal(ids.add(0, 2), 0);
  assert.equal(ids.add(1, 3), 2);
  assert.equal(ids.add(2, 1), 5);
  // Source 1 replaced in place: two items now, ids 6 and 7.
  assert.equal(ids.add(1, 2), 6);
  assert.deepEqual([ids.placeOf(2), ids.placeOf(4), ids.placeOf(6), ids.placeOf(7), ids.placeOf(8)], [-1, -1, 0, 1, -1]);
  assert.equal(ids.sourceOf(7), 1);
  assert.deepEqual(ids.idsOf(1), [6, 7]);
  assert.deepEqual(ids.counts(), [2, 2, 1]);
  const build = ids.inBuild();
  assert.equal(build.size, 5);
  assert.deepEqual(Array.from({ length: ids.size }, (_, id) => build.id(id)), [0, 1, -1, -1, -1, 4, 2, 3]);
});

test("id runs past the room first kept: every id keeps its source and place as the room grows", () => {
  const ids = new IdRanges();
  const runs = [700, 500, 5000, 0, 3, 20000];
  const firsts = runs.map((n, source) => ids.add(source, n));
  assert.equal(ids.size, runs.reduce((a, b) => a + b, 0));
  runs.forEach((n, source) => {
    for (const k of [0, n >> 1, n - 1]) {
      if (k < 0 || k >= n) continue;
      assert.equal(ids.sourceOf(firsts[source]! + k), source);
      assert.equal(ids.placeOf(firsts[source]! + k), k);
    }
  });
  assert.equal(ids.placeOf(ids.size), -1, "an id not given");
  assert.equal(ids.placeOf(-1), -1);
});
