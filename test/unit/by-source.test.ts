import { test } from "node:test";
import assert from "node:assert/strict";
import { BySource } from "../../src/engine/index/by-source";

test("items by source: a changed source's items leave, and come back in its place", () => {
  const list = new BySource<string>();
  for (const [source, item] of [[0, "a0"], [0, "b0"], [1, "a1"], [2, "a2"], [2, "b2"], [4, "a4"]] as const) list.push(source, item);
  list.dropSource(2);
  assert.deepEqual(list.items, ["a0", "b0", "a1", "a4"]);
  list.push(2, "c2");
  list.push(2, "d2");
  list.settle(2);
  assert.deepEqual(list.items, ["a0", "b0", "a1", "c2", "d2", "a4"]);
  assert.deepEqual([...list.entries()].map((e) => e.source), [0, 0, 1, 2, 2, 4]);
  list.dropSource(3); // none: nothing moves
  list.dropSource(0);
  list.push(0, "z0");
  list.settle(0);
  assert.deepEqual([...list.entries()].map((e) => `${e.source}:${e.item}`), ["0:z0", "1:a1", "2:c2", "2:d2", "4:a4"]);
  list.push(5, "a5");
  list.settle(5); // already in its place
  assert.equal(list.items.at(-1), "a5");
  assert.equal(list.length, 6);
});

test("items given by their place are made when first read, once, and move with their source", () => {
  const made: string[] = [];
  const list = new BySource<string>((source, place) => (made.push(`${source}.${place}`), `m${source}.${place}`));
  list.pushPlace(0, 3);
  list.pushPlace(1, 0);
  list.pushPlace(1, 4);
  list.pushPlace(3, 2);
  assert.deepEqual(made, [], "nothing made before it is read");
  const first = list.entries()[Symbol.iterator]().next().value;
  assert.deepEqual(first, { source: 0, item: "m0.3" });
  list.dropSource(1);
  list.push(1, "given");
  list.settle(1);
  assert.deepEqual(list.items, ["m0.3", "given", "m3.2"]);
  assert.deepEqual(made, ["0.3", "3.2"], "each made once; the dropped ones never");
  assert.deepEqual([...list.entries()].map((e) => e.source), [0, 1, 3]);
  list.pushPlace(3, 5);
  const before = made.length;
  assert.deepEqual([...list.sourceList()], [0, 1, 3], "each source once, in order");
  assert.equal(made.length, before, "listing the sources makes no item");
});
