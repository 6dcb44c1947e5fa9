// Lists of plain objects (a corpus's hundreds of thousands of sentences, dates, terms, quotes)
// kept as columns, one per property: whole numbers in one typed array, objects as columns in
// turn. v8's deserialiser makes objects one property at a time, several times slower than
// making them here from columns (measured at 10,000 sources: sentences 141 ms as objects, 24 ms
// from columns). Each object keeps its own properties in its own order (its "shape"), so that
// what is made again is what was given, to the key order of a JSON report.
//
// Values the deserialiser is slow with are kept whole too. Typed arrays (a document's name table,
// a source's packed analysis: 40,000 of them at 10,000 sources) go through a call into JavaScript
// each: one Int16Array of the two-byte ones and one Int32Array of the others (see
// engine/packed-ints) are read at once, and each made again as a view into its own; arrays of
// whole numbers likewise, made again as arrays. Strings are read one by one: a column of short
// strings that repeat (a term's kind, unit, a date's precision) keeps each distinct one once; a
// column of one-byte strings (the files' paths) is kept as one string, cut again into its parts.
// Views and parts keep the whole alive: a document replaced later leaves its part of it until
// every document loaded with it is (the documents' texts are kept apart: see persisted-docs).

import { isPackedInts, packInts, type PackedInts } from "../engine/packed-ints";

export interface Columns {
  /** How many objects. */
  n: number;
  /** Each distinct list of property names, in order. */
  shapes: string[][];
  /** The shape of each object. */
  shapeOf: Int32Array;
  /** Per property, the values of the objects that have it, in order. */
  columns: Record<string, Column>;
}

type Column =
  /** Whole numbers, two bytes each when every one fits (see engine/packed-ints). */
  | { ints: PackedInts }
  | { floats: Float64Array }
  | { objects: Columns }
  /** Int16Arrays and Int32Arrays, each kind one after another: each one's length, and whether it is an Int32Array (1) or not (0). */
  | { int16s: Int16Array; int32s: Int32Array; lengths: Int32Array; wide: Uint8Array }
  /** Arrays of whole numbers, one after another, and each one's length. */
  | { intLists: Int32Array; lengths: Int32Array }
  /** Strings by their number in a list of the distinct ones. */
  | { strings: string[]; ids: Int32Array }
  /** One-byte strings, one after another, and each one's length. */
  | { joined: string; lengths: Int32Array }
  | { values: unknown[] };

/** A string column whose strings are all at most this long, and repeat on average four times, keeps each once. */
const SHORT = 64;
const REPEATS = 4;
/** Below this many strings, a column is kept as it is (joining saves nothing worth the code path). */
const FEW = 64;

type Plain = Record<string, unknown>;

function isPlainObject(v: unknown): v is Plain {
  if (typeof v !== "object" || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function isInt(v: unknown): boolean {
  return typeof v === "number" && (v | 0) === v && !Object.is(v, -0);
}

/** Distinct lists of property names, each kept once, numbered in the order first seen. */
export class Shapes {
  readonly list: string[][] = [];
  private readonly ids = new Map<string, number>();

  /** The number of this list of names. */
  of(keys: string[]): number {
    const key = keys.join("\u0000");
    let id = this.ids.get(key);
    if (id === undefined) {
      this.ids.set(key, (id = this.list.length));
      this.list.push(keys);
    }
    return id;
  }
}

/** The objects as columns; each must be a plain object (anything else inside is kept as it is). */
export function toColumns(list: readonly Plain[]): Columns {
  const shapes = new Shapes();
  const shapeOf = new Int32Array(list.length);
  const values = new Map<string, unknown[]>();
  list.forEach((o, i) => {
    const keys = Object.keys(o);
    shapeOf[i] = shapes.of(keys);
    for (const k of keys) {
      let column = values.get(k);
      if (!column) values.set(k, (column = []));
      column.push(o[k]);
    }
  });
  const columns: Record<string, Column> = {};
  // Defined, not assigned: a property named "__proto__" would set the prototype instead.
  for (const [k, vs] of values) Object.defineProperty(columns, k, { value: columnOf(vs), writable: true, enumerable: true, configurable: true });
  return { n: list.length, shapes: shapes.list, shapeOf, columns };
}

function columnOf(vs: unknown[]): Column {
  if (vs.every(isInt)) return { ints: packInts(vs as number[]) };
  if (vs.every((v) => typeof v === "number")) return { floats: Float64Array.from(vs as number[]) };
  if (vs.every(isPlainObject)) return { objects: toColumns(vs) };
  if (vs.length && vs.every(isPackedInts)) return packedIntsOf(vs as PackedInts[]);
  if (vs.length >= FEW && vs.every(isIntList)) {
    const lists = (vs as number[][]).map((v) => Int32Array.from(v));
    return { intLists: concatenated(Int32Array, lists), lengths: Int32Array.from(lists, (a) => a.length) };
  }
  if (vs.length >= FEW && vs.every((v) => typeof v === "string")) return stringsOf(vs as string[]);
  return { values: vs };
}

/** A plain array of whole numbers, without holes (an array of them is read one value at a time). */
function isIntList(v: unknown): v is number[] {
  return Array.isArray(v) && Object.getPrototypeOf(v) === Array.prototype && Object.keys(v).length === v.length && v.every(isInt);
}

function packedIntsOf(arrays: PackedInts[]): Column {
  const wide = Uint8Array.from(arrays, (a) => (a instanceof Int32Array ? 1 : 0));
  const int16s = concatenated(Int16Array, arrays.filter((a): a is Int16Array => a instanceof Int16Array));
  const int32s = concatenated(Int32Array, arrays.filter((a): a is Int32Array => a instanceof Int32Array));
  return { int16s, int32s, lengths: Int32Array.from(arrays, (a) => a.length), wide };
}

/** The arrays one after another in one of their kind. */
function concatenated<T extends Int16Array | Int32Array>(C: new (n: number) => T, arrays: readonly T[]): T {
  const all = new C(arrays.reduce((sum, a) => sum + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    all.set(a, at);
    at += a.length;
  }
  return all;
}

const WIDE = /[^\u0000-\u00ff]/;

function stringsOf(vs: string[]): Column {
  const distinct = new Map<string, number>();
  let short = true;
  for (const v of vs) {
    if (v.length > SHORT) short = false;
    if (!distinct.has(v)) distinct.set(v, distinct.size);
  }
  if (short && distinct.size * REPEATS <= vs.length) return { strings: [...distinct.keys()], ids: Int32Array.from(vs, (v) => distinct.get(v)!) };
  // One two-byte character would make the whole joined string two bytes per character.
  if (vs.some((v) => WIDE.test(v))) return { values: vs };
  return { joined: vs.join(""), lengths: Int32Array.from(vs, (v) => v.length) };
}

/** The objects `toColumns` was given, made again: the same properties, in the same order. */
export function fromColumns(c: Columns): Plain[] {
  const names = Object.keys(c.columns);
  const index = new Map(names.map((k, i) => [k, i]));
  const lists = names.map((k) => valuesOf(c.columns[k]!));
  const cursors = new Int32Array(names.length);
  const makers = c.shapes.map((keys) => makerOf(keys, keys.map((k) => index.get(k)!)));
  const out = new Array<Plain>(c.n);
  for (let i = 0; i < c.n; i++) out[i] = makers[c.shapeOf[i]!]!(lists, cursors);
  return out;
}

type Maker = (lists: ReadonlyArray<ArrayLike<unknown>>, cursors: Int32Array) => Plain;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Makes the objects of one shape: each takes the next value of each of its columns. */
function makerOf(keys: readonly string[], columns: readonly number[]): Maker {
  return shapeMaker(keys, columns, ["lists", "cursors"], (c) => `lists[${c}][cursors[${c}]++]`, (c, lists, cursors) => lists[c]![cursors[c]!++]);
}

/**
 * A maker of objects of one shape, the value of each property taken from its column as `code`
 * (the source of an expression over `params`) or `value` says. Where the property names are plain
 * identifiers, through an object literal compiled for the shape: the documents' 390,000 objects
 * at 10,000 sources took 114-197 ms made a property at a time, with names only known when run,
 * and 55-163 ms this way. The names are checked, never run as code.
 */
function shapeMaker<A extends unknown[]>(keys: readonly string[], columns: readonly number[], params: string[], code: (column: number) => string, value: (column: number, ...args: A) => unknown): (...args: A) => Plain {
  if (keys.every((k) => IDENTIFIER.test(k) && k !== "__proto__")) {
    const fields = keys.map((k, j) => `${k}: ${code(columns[j]!)}`);
    return new Function(...params, `return { ${fields.join(", ")} };`) as (...args: A) => Plain;
  }
  return (...args) => {
    const o: Plain = {};
    keys.forEach((k, j) => {
      // An own "__proto__" (from JSON) stays a property, as given, and does not set the prototype.
      Object.defineProperty(o, k, { value: value(columns[j]!, ...args), writable: true, enumerable: true, configurable: true });
    });
    return o;
  };
}

/**
 * A column's values. Typed arrays among them are views into the one read: a view sent to another
 * thread takes the whole buffer with it (see index/word-counts).
 */
function valuesOf(column: Column): ArrayLike<unknown> {
  if ("ints" in column) return column.ints;
  if ("floats" in column) return column.floats;
  if ("objects" in column) return fromColumns(column.objects);
  if ("values" in column) return column.values;
  const n = "ids" in column ? column.ids.length : column.lengths.length;
  const get = getterOf(column);
  const out = new Array<unknown>(n);
  for (let p = 0; p < n; p++) out[p] = get(p);
  return out;
}

/**
 * The objects of some columns read by their place, each made when asked for (`fromColumns` makes
 * them all at once): for a list read in parts, a document's part when it is first wanted.
 */
export interface RowReader {
  /** The objects from `from` to `to` (not included), made anew. */
  range(from: number, to: number): Plain[];
}

type Getter = (place: number) => unknown;

/** Throws, as a damaged file, when the columns are not whole: what is read later must not fail then. */
export function rowReader(c: Columns): RowReader {
  checkColumns(c);
  const at = objectReader(c);
  return {
    range(from, to) {
      if (from < 0 || to > c.n || from > to) throw new RangeError(`objects ${from} to ${to} of ${c.n}`);
      const out = new Array<Plain>(to - from);
      for (let i = from; i < to; i++) out[i - from] = at(i);
      return out;
    },
  };
}

/** Throws unless every column holds one value for each object that has its property. */
function checkColumns(c: Columns): void {
  const names = Object.keys(c.columns);
  const counts = new Map(names.map((k) => [k, 0]));
  const perShape = new Int32Array(c.shapes.length);
  if (c.shapeOf.length !== c.n) throw new Error("damaged: shapes");
  // Indexed loops here and in sumOf: run once each on loading, a typed array's iterator made an
  // object for each of the cache's million values (11 MB, some 40 ms at 10,000 sources).
  for (let i = 0; i < c.n; i++) {
    const shape = c.shapeOf[i]!;
    if (!(shape >= 0 && shape < c.shapes.length)) throw new Error("damaged: shapes");
    perShape[shape]++;
  }
  c.shapes.forEach((keys, s) => keys.forEach((k) => counts.set(k, (counts.get(k) ?? NaN) + perShape[s]!)));
  for (const [k, n] of counts) if (n !== countOf(c.columns[k])) throw new Error(`damaged: column ${k}`);
}

/** How many values a column holds (NaN: it is not whole). */
function countOf(column: Column | undefined): number {
  if (!column) return NaN;
  if ("ints" in column) return column.ints.length;
  if ("floats" in column) return column.floats.length;
  if ("objects" in column) return checkColumns(column.objects), column.objects.n;
  if ("wide" in column) {
    const kinds = packedStarts(column);
    return kinds && kinds.narrow === column.int16s.length && kinds.wide === column.int32s.length ? column.lengths.length : NaN;
  }
  if ("intLists" in column) return sumOf(column.lengths) === column.intLists.length ? column.lengths.length : NaN;
  if ("strings" in column) return column.ids.every((id) => id >= 0 && id < column.strings.length) ? column.ids.length : NaN;
  if ("joined" in column) return sumOf(column.lengths) === column.joined.length ? column.lengths.length : NaN;
  return column.values.length;
}

/**
 * Where each typed array starts in its kind's column, and how long the two kinds' columns are by
 * the lengths; undefined when a length or a kind is out of range.
 */
function packedStarts({ lengths, wide }: { lengths: Int32Array; wide: Uint8Array }): { starts: Float64Array; narrow: number; wide: number } | undefined {
  if (wide.length !== lengths.length) return undefined;
  const starts = new Float64Array(lengths.length);
  let narrow = 0;
  let wideAt = 0;
  for (let p = 0; p < lengths.length; p++) {
    const n = lengths[p]!;
    if (n < 0 || wide[p]! > 1) return undefined;
    if (wide[p]) {
      starts[p] = wideAt;
      wideAt += n;
    } else {
      starts[p] = narrow;
      narrow += n;
    }
  }
  return { starts, narrow, wide: wideAt };
}

function sumOf(lengths: Int32Array): number {
  let sum = 0;
  for (let i = 0; i < lengths.length; i++) {
    const n = lengths[i]!;
    if (n < 0) return NaN;
    sum += n;
  }
  return sum;
}

/** Object `i` of the columns, made when asked for. */
function objectReader(c: Columns): (i: number) => Plain {
  const names = Object.keys(c.columns);
  const index = new Map(names.map((k, i) => [k, i]));
  const getters = names.map((k) => getterOf(c.columns[k]!));
  // Where each object's value stands in each column: the object's own place when every object has every property.
  const everyOneAll = c.shapes.length === 1 && c.shapes[0]!.length === names.length;
  let places: Int32Array[] | undefined;
  const makers = c.shapes.map((keys) => placeMakerOf(keys, keys.map((k) => index.get(k)!)));
  return (i) => makers[c.shapeOf[i]!]!(getters, everyOneAll ? undefined : (places ??= placesOf(c, names.length, index)), i);
}

/** For each column, each object's place in it (-1: the object has no such property). */
function placesOf(c: Columns, columns: number, index: Map<string, number>): Int32Array[] {
  const places = Array.from({ length: columns }, () => new Int32Array(c.n).fill(-1));
  const counts = new Int32Array(columns);
  const shapeColumns = c.shapes.map((keys) => keys.map((k) => index.get(k)!));
  for (let i = 0; i < c.n; i++) for (const j of shapeColumns[c.shapeOf[i]!]!) places[j]![i] = counts[j]!++;
  return places;
}

type PlaceMaker = (getters: readonly Getter[], places: readonly Int32Array[] | undefined, i: number) => Plain;

/** As `makerOf`, for one object by its place. */
function placeMakerOf(keys: readonly string[], columns: readonly number[]): PlaceMaker {
  return shapeMaker(
    keys,
    columns,
    ["getters", "places", "i"],
    (c) => `getters[${c}](places === undefined ? i : places[${c}][i])`,
    (c, getters: readonly Getter[], places: readonly Int32Array[] | undefined, i: number) => getters[c]!(places === undefined ? i : places[c]![i]!),
  );
}

/** A column's value at a place. */
function getterOf(column: Column): Getter {
  if ("ints" in column) return (p) => column.ints[p];
  if ("floats" in column) return (p) => column.floats[p];
  if ("objects" in column) return objectReader(column.objects);
  if ("wide" in column) {
    const { int16s, int32s, lengths, wide } = column;
    const starts = packedStarts(column)?.starts;
    if (!starts) throw new Error("damaged: typed arrays' lengths");
    return (p) => (wide[p] ? int32s : int16s).subarray(starts[p], starts[p]! + lengths[p]!);
  }
  if ("intLists" in column) {
    const starts = startsOf(column.lengths);
    return (p) => plainArrayOf(column.intLists, starts[p]!, starts[p + 1]!);
  }
  if ("strings" in column) return (p) => column.strings[column.ids[p]!];
  if ("joined" in column) {
    const starts = startsOf(column.lengths);
    return (p) => column.joined.slice(starts[p], starts[p + 1]);
  }
  return (p) => column.values[p];
}

/**
 * A plain array of the numbers from `from` to `to` (Array.from over a typed array took 20-40 ms
 * for 10,000 short ones; this, a few).
 */
function plainArrayOf(numbers: Int32Array, from: number, to: number): number[] {
  const out: number[] = [];
  for (let k = from; k < to; k++) out.push(numbers[k]!);
  return out;
}

/** Where each part starts, by their lengths, and where the last ends. */
export function startsOf(lengths: ArrayLike<number>): Float64Array {
  const starts = new Float64Array(lengths.length + 1);
  for (let i = 0; i < lengths.length; i++) starts[i + 1] = starts[i]! + lengths[i]!;
  return starts;
}
