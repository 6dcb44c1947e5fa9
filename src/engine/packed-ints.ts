// Whole numbers kept two bytes each when every one of a list fits, four otherwise. A document's
// name table and a source's packed analysis are offsets into its text and indexes into short
// tables: in a news article they fit in two bytes. At 10,000 sources, four bytes each, they were 36
// of the 72 MB of the index cache's data; reading it costs mostly the first touch of the memory.

/** Whole numbers, two bytes each when they all fit (see `packInts`); read by index either way. */
export type PackedInts = Int16Array | Int32Array;

const MIN16 = -0x8000;
const MAX16 = 0x7fff;

/** The numbers in an Int16Array when every one fits, an Int32Array otherwise (each must fit in 32 bits). */
export function packInts(values: ArrayLike<number>): PackedInts {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < MIN16 || v > MAX16) return values instanceof Int32Array ? values : Int32Array.from(values);
  }
  return Int16Array.from(values);
}

/** Exactly one of the two kinds (not a subclass, not another typed array). */
export function isPackedInts(v: unknown): v is PackedInts {
  return (v instanceof Int16Array && v.constructor === Int16Array) || (v instanceof Int32Array && v.constructor === Int32Array);
}

/** A copy of the numbers with twice the room, the new half holding `fill`: lists kept by number, grown as numbers come. */
export function doubled(a: Int32Array, fill = 0): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  if (fill !== 0) b.fill(fill, a.length);
  return b;
}
