import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { fromColumns, rowReader, toColumns } from "../../src/host/columns";
import { readAligned, serialiseAligned } from "../../src/host/aligned-serialise";
import { docsFromColumns, docsToColumns, madeYet, textBytesIn, type TextBytes } from "../../src/host/persisted-docs";
import { readSource } from "../../src/engine/source-set";
import { withViews, type PreparedDocument } from "../../src/engine/ingest/document";

/** Through v8's serialisation, as the cache keeps them. */
const kept = <T>(x: T): T => deserialize(serialize(x)) as T;

/** Every object's own properties in order, with their values (JSON loses -0, NaN, undefined and Maps: this does not). */
function shapes(list: unknown[]): unknown[] {
  return list.map((o) => (o && typeof o === "object" && !Array.isArray(o) && !(o instanceof Map) ? Object.entries(o).map(([k, v]) => [k, shapes([v])[0]]) : o));
}

test("columns give back the objects they were made from: values, missing and undefined properties, and each object's order", () => {
  const list: Array<Record<string, unknown>> = [
    { start: 0, end: 12, block: 0 },
    { end: 30, start: 13, block: 1, note: "reordered" },
    { start: -5, end: 2 ** 31, block: 0.5 },
    { start: 1, end: 2, block: -0, value: { year: 2017, month: 9, day: undefined, precision: "day" } },
    { start: 3, end: 4, block: NaN, value: { precision: "year", year: 2016 } },
    { start: 5, end: 6, block: 2, value: null, list: [1, "two", { three: 3 }], flag: true, seen: new Map([["a", 1]]) },
    {},
  ];
  const back = fromColumns(kept(toColumns(list)));
  assert.deepEqual(back, list);
  assert.deepEqual(shapes(back), shapes(list));
  assert.ok(Object.is(back[3]!.block, -0), "-0 stays -0");
  assert.ok("day" in (back[3]!.value as object), "a property set to undefined stays set");
  assert.ok(!("note" in back[0]!), "a missing property stays missing");
});

test("columns of many random objects give them back", () => {
  let seed = 11;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  const values = [() => next() % 1000, () => next() / 7, () => `s${next() % 50}`, () => next() % 2 === 0, () => undefined, () => ({ a: next() % 9, ...(next() % 2 ? { b: "x" } : {}) })];
  const keys = ["a", "b", "c", "d", "e"];
  const list = Array.from({ length: 500 }, () => {
    const o: Record<string, unknown> = {};
    for (const k of keys) if (next() % 3) o[k] = values[next() % values.length]!();
    return o;
  });
  const back = fromColumns(kept(toColumns(list)));
  assert.deepEqual(shapes(back), shapes(list));
});

test("prepared documents kept as columns come back as they were, in their own property order; the originals are not changed", () => {
  const dir = join(__dirname, "..", "fixtures", "harbour", "sources");
  const docs: Array<PreparedDocument | undefined> = readdirSync(dir).sort().map((f) => readSource(join(dir, f), readFileSync(join(dir, f))).doc);
  docs.splice(1, 0, undefined); // a file that could not be read has no document
  const before = docs.map((d) => d && Object.keys(d));
  const own = (d: PreparedDocument | undefined) => d && Object.fromEntries(Object.entries(d));
  const expected = kept(docs.map(own));
  const { columns, texts } = docsToColumns(docs);
  assert.ok(!("sentences" in columns.rest.columns) && !("meta" in columns.rest.columns), "the lists are kept apart");
  assert.deepEqual(docs.map((d) => d && Object.keys(d)), before, "the documents given are not changed");
  const back = docsFromColumns(kept(columns), textBytesIn(texts));
  assert.deepEqual(back.map(own), expected);
  assert.deepEqual(back.map((d) => d && Object.keys(d)), before);
  assert.ok(back[0]!.sentences.length > 3 && back[0]!.dates.length > 0, "the fixture has sentences and dates");
});

test("columns keep Int16Arrays and Int32Arrays each kind as one array and give each back as a view into it, of its own kind, with its own values", () => {
  const list = [{ table: Int32Array.of(1, 2, 3) }, { table: Int16Array.of(-1, 32767) }, { table: new Int32Array(0) }, { table: new Int16Array(0) }, { table: Int32Array.of(-7, 2 ** 31 - 1) }, { table: Int16Array.of(-32768, 5, 6) }];
  const columns = kept(toColumns(list));
  const back = fromColumns(columns);
  assert.deepEqual(back, list);
  const tables = back.map((o) => o.table as Int16Array | Int32Array);
  assert.deepEqual(tables.map((t) => t.constructor), list.map((o) => o.table.constructor), "each of its own kind");
  assert.equal(new Set(tables.map((t) => t.buffer)).size, 2, "one buffer for each kind: read at once");
  const column = columns.columns.table as unknown as { int16s: Int16Array; int32s: Int32Array };
  assert.deepEqual([column.int16s.length, column.int32s.length], [5, 5], "two bytes a number where they fit");
  tables[0]![0] = 99;
  tables[1]![1] = 99;
  assert.deepEqual([...tables[4]!], [-7, 2 ** 31 - 1], "a view's own values only");
  assert.deepEqual([...tables[5]!], [-32768, 5, 6], "a view's own values only");
});

test("columns of typed arrays whose lengths do not add up are damaged when read", () => {
  const columns = kept(toColumns([{ table: Int16Array.of(1, 2) }, { table: Int32Array.of(3) }]));
  const column = columns.columns.table as unknown as { lengths: Int32Array; wide: Uint8Array };
  column.wide[0] = 1; // the two-byte array said to be of four bytes
  assert.throws(() => rowReader(columns), /damaged: column table/);
});

test("a column of whole numbers is kept two bytes each when every one fits, four otherwise, and gives back the numbers", () => {
  for (const values of [[0, -32768, 32767, 7], [0, 32768, -1], [2 ** 31 - 1, -(2 ** 31)]]) {
    const list = values.map((v) => ({ v }));
    const columns = kept(toColumns(list));
    assert.deepEqual(fromColumns(columns), list);
    const ints = (columns.columns.v as unknown as { ints: Int16Array | Int32Array }).ints;
    assert.equal(ints.constructor, values.every((v) => v >= -32768 && v <= 32767) ? Int16Array : Int32Array, `${values}`);
  }
});

test("columns of strings come back equal: short repeated ones kept once, one-byte ones joined, wide ones as they are", () => {
  const kinds = Array.from({ length: 200 }, (_, i) => ["duration", "count", "money"][i % 3]!);
  const texts = Array.from({ length: 100 }, (_, i) => `Workers of plant ${i} said: ${"é".repeat(i % 5)} the strike goes on`);
  const wide = Array.from({ length: 100 }, (_, i) => `“quoted ${i}” — said`);
  const mixed = Array.from({ length: 100 }, (_, i) => (i === 50 ? "" : `part ${i}`));
  for (const values of [kinds, texts, wide, mixed]) {
    const list = values.map((v) => ({ v }));
    const columns = kept(toColumns(list));
    assert.deepEqual(fromColumns(columns), list);
    const kind = Object.keys(columns.columns.v!)[0];
    assert.equal(kind, values === kinds ? "strings" : values === wide ? "values" : "joined", `the strings ${values[1]} are kept as ${kind}`);
  }
});

test("objects whose property names are not plain identifiers come back as they were, names never run as code", () => {
  const list: Array<Record<string, unknown>> = [
    JSON.parse('{"__proto__": {"polluted": true}, "b": 1}'),
    { "two words": "x", "a}; throw new Error(); ({": 2 },
    { b: 2, 10: "ten", "1": "one" },
  ];
  const back = fromColumns(kept(toColumns(list)));
  assert.deepEqual(shapes(back), shapes(list));
  assert.equal(Object.getPrototypeOf(back[0]), Object.prototype, "an own __proto__ does not set the prototype");
  assert.deepEqual(Object.keys(back[2]!), ["1", "10", "b"]);
});

test("columns keep arrays of whole numbers as one typed array and give back plain arrays; arrays with holes or other values as they are", () => {
  const lists = Array.from({ length: 100 }, (_, i) => Array.from({ length: i % 4 }, (_, k) => (k - 1) * i * 1000));
  const holey = lists.map((l) => l.slice());
  holey[7] = [1, , 3] as unknown as number[];
  const mixed = lists.map((l) => l.slice());
  mixed[9] = [1, 2.5];
  for (const values of [lists, holey, mixed]) {
    const list = values.map((v) => ({ v }));
    const columns = kept(toColumns(list));
    const back = fromColumns(columns);
    assert.deepEqual(back, list);
    assert.ok(back.every((o) => Array.isArray(o.v)), "plain arrays");
    assert.equal(Object.keys(columns.columns.v!)[0], values === lists ? "intLists" : "values");
  }
  assert.equal(Object.keys((fromColumns(kept(toColumns(holey.map((v) => ({ v }))))))[7]!.v as number[]).length, 2, "the hole stays a hole");
});

test("a row reader gives any range of the objects, as fromColumns gives them all, whatever their shapes", () => {
  let seed = 5;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  const list = Array.from({ length: 300 }, (_, i) => {
    const o: Record<string, unknown> = { start: i };
    if (next() % 2) o.value = next() % 3 ? { year: 2017, ...(next() % 2 ? { month: next() % 12 } : {}) } : { precision: "year" };
    if (next() % 3 === 0) o.text = `text ${i}`;
    if (next() % 4 === 0) o.table = Int32Array.of(i, -i);
    return o;
  });
  const columns = kept(toColumns(list));
  const all = fromColumns(columns);
  const reader = rowReader(columns);
  for (const [from, to] of [[0, 300], [0, 0], [17, 18], [120, 121], [250, 300], [299, 300], [3, 150]] as const) {
    assert.deepEqual(shapes(reader.range(from, to)), shapes(all.slice(from, to)), `${from}-${to}`);
  }
  assert.throws(() => reader.range(290, 301), RangeError);
});

test("a prepared document from the cache makes each of its lists and its text when first read, and keeps them; one set is kept as set", () => {
  const dir = join(__dirname, "..", "fixtures", "harbour", "sources");
  const docs: PreparedDocument[] = readdirSync(dir).sort().map((f) => readSource(join(dir, f), readFileSync(join(dir, f))).doc!);
  // As a source set takes them: with their views (text, prose, names) given back.
  const { columns, texts } = docsToColumns(docs);
  let textsRead = 0;
  const counted: TextBytes = { length: texts.length, latin1: (start, end) => (textsRead++, textBytesIn(texts).latin1(start, end)) };
  const back = (docsFromColumns(kept(columns), counted) as PreparedDocument[]).map(withViews);
  const textOwner = (d: PreparedDocument) => (d.narrowText ?? d) as unknown as object;
  const textKey = (d: PreparedDocument) => (d.narrowText ? "base" : "text");
  assert.ok(back.every((d) => !madeYet(d, "dates") && !madeYet(d, "quotes") && !madeYet(textOwner(d), textKey(d))), "nothing made on loading");
  assert.equal(textsRead, 0, "no text read on loading");
  const dates = back[1]!.dates;
  assert.deepEqual(dates, docs[1]!.dates);
  assert.equal(back[1]!.dates, dates, "made once, then kept");
  assert.ok(!madeYet(back[0]!, "dates") && !madeYet(back[1]!, "terms"), "only the list read is made");
  assert.equal(back[2]!.text, docs[2]!.text, "a text kept narrow");
  assert.ok(!madeYet(textOwner(back[1]!), textKey(back[1]!)));
  assert.equal(back[1]!.text, docs[1]!.text, "a text kept as it is");
  assert.ok(madeYet(textOwner(back[2]!), textKey(back[2]!)) && !madeYet(textOwner(back[0]!), textKey(back[0]!)), "only the text read is made");
  assert.equal(back[2]!.text, docs[2]!.text);
  assert.equal(textsRead, 2, "each text read once");
  back[0]!.quotes = [];
  assert.deepEqual(back[0]!.quotes, [], "a list set stays set");
  assert.deepEqual(Object.keys(back[0]!), Object.keys(docs[0]!), "in its own place among the properties");
});

test("the cache's serialisation gives back what it was given, its typed arrays as views into the bytes read, none copied", () => {
  const value = { odd: "x", ints: Int32Array.of(1, -2, 3), nested: { floats: Float64Array.of(0.5, -0), bytes: Uint8Array.of(7), big: BigInt64Array.of(-5n) }, list: [Uint16Array.of(9, 10), "y"], buffer: Buffer.from("abc") };
  for (let pad = 0; pad < 8; pad++) {
    const withPad = { ...value, odd: "x".repeat(pad) }; // moves the typed arrays about in the v8 part
    const bytes = Buffer.concat(serialiseAligned(withPad));
    const back = readAligned(bytes) as typeof value;
    assert.deepEqual(back, withPad);
    assert.ok(Buffer.isBuffer(back.buffer), "a Buffer stays a Buffer");
    for (const view of [back.ints, back.nested.floats, back.nested.bytes, back.nested.big, back.list[0] as Uint16Array, back.buffer]) {
      assert.equal(view.buffer, bytes.buffer, "a view into the bytes read");
    }
    assert.ok(Object.is(back.nested.floats[1], -0));
  }
  const bytes = Buffer.concat(serialiseAligned(value));
  assert.throws(() => readAligned(bytes.subarray(0, bytes.length - 4)), /out of bounds|cut short/, "cut short");
  assert.throws(() => readAligned(Buffer.from("not a cache at all")), /not a Corroborate cache file/);
});

test("a document's quotations come back from the cache with their words, taken from its prose: the cache does not keep the words", () => {
  const dirs = [join(__dirname, "..", "fixtures", "harbour", "sources"), join(__dirname, "..", "..", "examples", "kazakhstan", "sources")];
  const docs: PreparedDocument[] = dirs.flatMap((dir) => readdirSync(dir).sort().map((f) => readSource(join(dir, f), readFileSync(join(dir, f))).doc!)).filter(Boolean);
  const quoted = docs.filter((d) => d.quotes.length);
  assert.ok(quoted.length >= 3 && quoted.some((d) => d.quotes.some((q) => /[^\u0000-\u00ff]/.test(q.text))), "quotations to keep, wide characters among them");
  const { columns, texts } = docsToColumns(docs);
  assert.ok(!("text" in columns.lists.quotes.columns), "no words kept");
  const back = (docsFromColumns(kept(columns), textBytesIn(texts)) as PreparedDocument[]).map(withViews);
  assert.ok(back.every((d) => !madeYet(d, "quotes")), "made when read");
  back.forEach((d, i) => assert.deepEqual(shapes(d.quotes), shapes(docs[i]!.quotes), docs[i]!.meta.path));
});
