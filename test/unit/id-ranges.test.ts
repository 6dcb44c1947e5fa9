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
