// Lists of plain objects (a corpus's hundreds of thousands of sentences, dates, terms, quotes)
// kept as columns, one per property: whole numbers in one typed array, objects as columns in
// turn. v8's deserialiser makes objects one property at a time, several times slower than
// making them here from columns (measured at 10,000 sources: sentences 141 ms as objects, 24 ms
// from columns). Each object keeps its own properties in its own order (its "shape"), so that
// what is made again is what was given, to the key order of a JSON report.

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

type Column = { ints: Int32Array } | { floats: Float64Array } | { objects: Columns } | { values: unknown[] };

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
  for (const [k, vs] of values) columns[k] = columnOf(vs);
  return { n: list.length, shapes: shapes.list, shapeOf, columns };
}

function columnOf(vs: unknown[]): Column {
  if (vs.every(isInt)) return { ints: Int32Array.from(vs as number[]) };
  if (vs.every((v) => typeof v === "number")) return { floats: Float64Array.from(vs as number[]) };
  if (vs.every(isPlainObject)) return { objects: toColumns(vs) };
  return { values: vs };
}

/** The objects `toColumns` was given, made again: the same properties, in the same order. */
export function fromColumns(c: Columns): Plain[] {
  const names = Object.keys(c.columns);
  const index = new Map(names.map((k, i) => [k, i]));
  const lists = names.map((k) => valuesOf(c.columns[k]!));
  const cursors = new Int32Array(names.length);
  const shapes = c.shapes.map((keys) => keys.map((k) => index.get(k)!));
  const out = new Array<Plain>(c.n);
  for (let i = 0; i < c.n; i++) {
    const o: Plain = {};
    for (const k of shapes[c.shapeOf[i]!]!) o[names[k]!] = lists[k]![cursors[k]!++];
    out[i] = o;
  }
  return out;
}

function valuesOf(column: Column): ArrayLike<unknown> {
  if ("ints" in column) return column.ints;
  if ("floats" in column) return column.floats;
  if ("objects" in column) return fromColumns(column.objects);
  return column.values;
}
