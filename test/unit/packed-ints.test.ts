import { test } from "node:test";
import assert from "node:assert/strict";
import { isPackedInts, packInts } from "../../src/engine/packed-ints";
import { prepareDocument } from "../../src/engine/ingest/document";
import { Corpus } from "../../src/engine/index/corpus";

test("whole numbers are packed two bytes each when every one fits, four otherwise, with the same values", () => {
  for (const values of [[], [0, -1, 32767, -32768], [1, 2, 32768], [-32769], [5, 2 ** 31 - 1, -(2 ** 31)]]) {
    const packed = packInts(values);
    const fits = values.every((v) => v >= -32768 && v <= 32767);
    assert.equal(packed.constructor, fits ? Int16Array : Int32Array, `${values}`);
    assert.deepEqual([...packed], values);
    assert.ok(isPackedInts(packed));
  }
  const given = Int32Array.of(1, 70000);
  assert.equal(packInts(given), given, "an Int32Array that does not fit is kept, not copied");
  assert.ok(!isPackedInts(Uint16Array.of(1)) && !isPackedInts([1]) && !isPackedInts(Float64Array.of(1)));
});

const paragraph = "Yerlan Dauletov of the Federation of Trade Unions met Maria Santos in Astana on 28 September 2017. ";

test("a document's name table is two bytes a number when its offsets allow, four in a long one, and its names are the same either way", () => {
  const short = prepareDocument("short.txt", paragraph.repeat(3));
  const long = prepareDocument("long.txt", paragraph.repeat(400)); // some 40,000 characters: offsets past 32,767
  assert.ok(short.nameTable instanceof Int16Array);
  assert.ok(long.nameTable instanceof Int32Array);
  assert.ok(short.names.length >= 6, "the fixture has names");
  const tail = long.names.slice(-short.names.length);
  const shift = tail[0]!.start - short.names[0]!.start;
  assert.ok(shift > 32767, "the long document's last names lie past two bytes");
  assert.deepEqual(tail.map((n) => ({ ...n, start: n.start - shift, end: n.end - shift })), short.names);
});

test("a source's packed analysis is two bytes a number when it fits, four otherwise", () => {
  const docs = [prepareDocument("short.txt", paragraph.repeat(3)), prepareDocument("long.txt", paragraph.repeat(400))];
  const corpus = new Corpus(docs, { pack: true });
  const [short, long] = corpus.packed()!.sources;
  assert.ok(short!.names instanceof Int16Array && short!.contexts instanceof Int16Array);
  assert.ok(long!.names instanceof Int32Array, "names' offsets past two bytes");
  assert.ok(long!.contexts instanceof Int16Array, "its contexts still fit: indexes into short lists");
});
