// Prepared documents as the index cache keeps them: their long lists (sentences, dates, terms,
// quotes), their metadata and the rest (name table...) kept as columns over all the documents at
// once (see columns.ts), and their texts as the bytes of one Latin-1 run, kept apart (the cache
// file reads a text from its end when first asked for: see cache-file). Made again on loading,
// each document as it was, but for what it holds most of: its lists and its text are made when
// first read. Opening the 10,000 sources of the benchmark again, making every list took 0.3 s and
// the texts (from bytes in memory) 0.15 s (each megabyte of memory first touched costs some 3-4
// ms on these machines); the first check of its draft then read the sentences, dates and terms of
// 2,058-2,060 of them, no quotes, and the texts of 7,678 (the sources naming a person the draft
// gives a role).
// A quotation's words are not kept: they are its document's prose from its start to its end
// (see extract/quotes), taken from there when the list is made. Kept, the 36,671 quotations of
// the benchmark's sources were 11 of the cache's 122 MB, and reading them back 40 ms or more.
import { withViews, type PreparedDocument } from "../engine/ingest/document";
import { fromColumns, rowReader, Shapes, startsOf, toColumns, type Columns } from "./columns";

const LISTS = ["sentences", "dates", "terms", "quotes"] as const;
type ListField = (typeof LISTS)[number];

/** Where a document's text was: none kept apart, its narrow text's base (see ingest/text-view), or its own `text`. */
const NO_TEXT = 0;
const NARROW_BASE = 1;
const OWN_TEXT = 2;

export interface DocColumns {
  /** Per document (-1: none), how many items of each list it has. */
  lengths: Record<ListField, Int32Array>;
  lists: Record<ListField, Columns>;
  meta: Columns;
  /** The rest of each document (its name table...), as columns in turn; its text left apart (a 0 in its place). */
  rest: Columns;
  /** Where each document's one-byte text was, and each text's length (the texts are kept apart: see `docsToColumns`). */
  texts: { where: Int8Array; lengths: Int32Array };
  /** Each document's property names in order (distinct orders once), so that it is made again in its own order. */
  orders: string[][];
  orderOf: Int32Array;
}

type Plain = Record<string, unknown>;
const TAKEN = new Set<string>([...LISTS, "meta"]);
const WIDE = /[^\u0000-\u00ff]/;

/** Where the documents' texts are read from, when first read: the bytes of one Latin-1 run. */
export interface TextBytes {
  readonly length: number;
  latin1(start: number, end: number): string;
}

/** Texts read from bytes in memory. */
export function textBytesIn(bytes: Uint8Array): TextBytes {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { length: buffer.length, latin1: (start, end) => buffer.toString("latin1", start, end) };
}

/**
 * The documents as columns (the documents given are not changed); where there is none, `orderOf`
 * says -1. Their one-byte texts apart, one after another, in Latin-1.
 */
export function docsToColumns(docs: ReadonlyArray<PreparedDocument | undefined>): { columns: DocColumns; texts: Uint8Array } {
  const present = docs.filter((d): d is PreparedDocument => Boolean(d));
  const lengths = {} as Record<ListField, Int32Array>;
  const lists = {} as Record<ListField, Columns>;
  for (const field of LISTS) {
    lengths[field] = Int32Array.from(docs, (d) => (d ? d[field].length : -1));
    lists[field] = toColumns(present.flatMap((d) => itemsKept(d, field)));
  }
  const meta = toColumns(present.map((d) => d.meta as unknown as Plain));
  const orders = new Shapes();
  const orderOf = new Int32Array(docs.length).fill(-1);
  const rests: Plain[] = [];
  const texts: string[] = [];
  const where = new Int8Array(docs.length);
  docs.forEach((d, i) => {
    if (!d) return;
    // Own enumerable properties only: the views made when read (text, prose, names) are not kept.
    const keys = Object.keys(d);
    orderOf[i] = orders.of(keys);
    const rest: Plain = {};
    for (const k of keys) if (!TAKEN.has(k)) rest[k] = (d as unknown as Plain)[k];
    const narrow = rest.narrowText as Plain | undefined;
    if (narrow && typeof narrow.base === "string" && !WIDE.test(narrow.base)) {
      texts.push(narrow.base);
      // Left out, not kept as a 0: made again an accessor in place of a field, each object went
      // into the slow form of objects (11 ms at 10,000 sources; and slower to read ever after).
      const { base: _, ...kept } = narrow;
      rest.narrowText = kept;
      where[i] = NARROW_BASE;
    } else if (typeof rest.text === "string" && !WIDE.test(rest.text)) {
      texts.push(rest.text);
      rest.text = 0;
      where[i] = OWN_TEXT;
    }
    rests.push(rest);
  });
  const bytes = Buffer.from(texts.join(""), "latin1");
  return {
    columns: { lengths, lists, meta, rest: toColumns(rests), texts: { where, lengths: Int32Array.from(texts, (t) => t.length) }, orders: orders.list, orderOf },
    texts: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length),
  };
}

/** A list's items as kept: a quotation without its words (they are made again from the prose, see `docsFromColumns`). */
function itemsKept(doc: PreparedDocument, field: ListField): Plain[] {
  return field === "quotes" ? doc.quotes.map(({ start, end }) => ({ start, end })) : (doc[field] as unknown as Plain[]);
}

/** The documents as they were given to `docsToColumns`, from what it gave; their lists and texts made when first read. */
export function docsFromColumns(columns: DocColumns, textBytes: TextBytes): Array<PreparedDocument | undefined> {
  // What is made later must not find the file damaged then: checked now, whole (a few milliseconds;
  // each list's columns by its reader).
  const docs = columns.orderOf.length;
  const readers = {} as Record<ListField, ReturnType<typeof rowReader>>;
  const starts = {} as Record<ListField, Float64Array>;
  for (const field of LISTS) {
    readers[field] = rowReader(columns.lists[field]);
    starts[field] = startsOf(Array.from(columns.lengths[field], (n) => Math.max(n, 0)));
    if (columns.lengths[field].length !== docs || starts[field][docs] !== columns.lists[field].n) throw new Error(`damaged: ${field}`);
  }
  const { where, lengths } = columns.texts;
  const textStarts = startsOf(lengths);
  const withText = where.filter((w) => w !== NO_TEXT);
  if (where.length !== docs || withText.some((w) => w !== NARROW_BASE && w !== OWN_TEXT) || withText.length !== lengths.length || textStarts[lengths.length] !== textBytes.length) {
    throw new Error("damaged: texts");
  }
  const metas = fromColumns(columns.meta);
  const rests = fromColumns(columns.rest);
  // One getter for each property, shared by every object, which finds what to make from the state
  // the object carries (a closure of its own for each document and property made the 10,000
  // documents in 211 ms, these in 125 ms). What it makes is kept in that state, and the property
  // stays a getter: made a plain property again, each object took a hidden class of its own.
  const rowsOf = (field: ListField, { place }: State) => readers[field].range(starts[field][place]!, starts[field][place + 1]!);
  const listGetters = Object.fromEntries(
    LISTS.map((field, slot) => [field, madeWhenRead(slot, (state) => rowsOf(field, state))]),
  ) as Record<ListField, PropertyDescriptor>;
  listGetters.quotes = madeWhenRead(LISTS.indexOf("quotes"), (state, doc) => {
    // Its views (prose...) are given to a document when a source set takes it; here, if not yet.
    const prose = withViews(doc as unknown as PreparedDocument).prose;
    return rowsOf("quotes", state).map(({ start, end }) => ({ start, end, text: prose.slice(start as number, end as number) }));
  });
  const decode = ({ text }: State) => textBytes.latin1(textStarts[text]!, textStarts[text + 1]!);
  const baseGetter = madeWhenRead(BASE_SLOT, decode);
  const ownTextGetter = madeWhenRead(TEXT_SLOT, decode);
  let text = 0;
  let at = 0;
  return Array.from(columns.orderOf, (order, i) => {
    if (order < 0) return undefined;
    const rest = rests[at]!;
    const meta = metas[at++];
    const doc: Plain = {};
    for (const k of columns.orders[order]!) {
      if (k === "meta") doc.meta = meta;
      else if (TAKEN.has(k)) Object.defineProperty(doc, k, listGetters[k as ListField]);
      // Its text made when read: an accessor from the start, in its place (see narrowText's base).
      else if (k === "text" && where[i] === OWN_TEXT) Object.defineProperty(doc, k, ownTextGetter);
      else doc[k] = rest[k];
    }
    const state: State = { place: i, text: -1, values: [NOT_MADE, NOT_MADE, NOT_MADE, NOT_MADE, NOT_MADE] };
    Object.defineProperty(doc, STATE, { value: state });
    if (where[i] === NARROW_BASE) {
      const narrow = doc.narrowText as Plain;
      Object.defineProperty(narrow, "base", baseGetter);
      Object.defineProperty(narrow, STATE, { value: { place: i, text: text++, values: [NOT_MADE] } satisfies State });
    } else if (where[i] === OWN_TEXT) {
      state.text = text++;
    }
    return doc as unknown as PreparedDocument;
  });
}

/**
 * What an object made again carries, hidden (not enumerable: not copied, not kept): its
 * document's place among all, its text's among the texts (-1: none), and the values made so far.
 */
interface State {
  place: number;
  text: number;
  values: unknown[];
}
const STATE = Symbol("made when read");
const NOT_MADE = Symbol("not made yet");
/** Where each value is kept in `values`: a document's lists (as LISTS), then its own text; a narrow text's base. */
const TEXT_SLOT = LISTS.length;
const BASE_SLOT = 0;

/** A property made when first read, from the object's state (and the object), and kept there (as it is once set). */
function madeWhenRead(slot: number, make: (state: State, owner: object) => unknown): PropertyDescriptor {
  return {
    get(this: Record<symbol, State>) {
      const state = this[STATE]!;
      let value = state.values[slot];
      if (value === NOT_MADE) state.values[slot] = value = make(state, this);
      return value;
    },
    set(this: Record<symbol, State>, value: unknown) {
      this[STATE]!.values[slot] = value;
    },
    enumerable: true,
    configurable: true,
  };
}

/** Whether a property given by `docsFromColumns` to be made when read (a list, a text, a narrow text's base) was made (or set). */
export function madeYet(o: object, key: string): boolean {
  const state = (o as Record<symbol, State | undefined>)[STATE];
  if (!state) return true;
  const slot = key === "base" ? BASE_SLOT : key === "text" ? TEXT_SLOT : LISTS.indexOf(key as ListField);
  return state.values[slot] !== NOT_MADE;
}
