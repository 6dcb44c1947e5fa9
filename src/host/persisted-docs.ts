// Prepared documents as the index cache keeps them: their long lists (sentences, dates, terms,
// quotes), their metadata and the rest (text, name table...) kept as columns over all the
// documents at once (see columns.ts). Made again on loading, each document as it was.
import type { PreparedDocument } from "../engine/ingest/document";
import { fromColumns, Shapes, toColumns, type Columns } from "./columns";

const LISTS = ["sentences", "dates", "terms", "quotes"] as const;
type ListField = (typeof LISTS)[number];

export interface DocColumns {
  /** Per document (-1: none), how many items of each list it has. */
  lengths: Record<ListField, Int32Array>;
  lists: Record<ListField, Columns>;
  meta: Columns;
  /** The rest of each document (its text, its name table...), as columns in turn. */
  rest: Columns;
  /** Each document's property names in order (distinct orders once), so that it is made again in its own order. */
  orders: string[][];
  orderOf: Int32Array;
}

type Plain = Record<string, unknown>;
const TAKEN = new Set<string>([...LISTS, "meta"]);

/** The documents as columns (the documents given are not changed); where there is none, `orderOf` says -1. */
export function docsToColumns(docs: ReadonlyArray<PreparedDocument | undefined>): DocColumns {
  const present = docs.filter((d): d is PreparedDocument => Boolean(d));
  const lengths = {} as Record<ListField, Int32Array>;
  const lists = {} as Record<ListField, Columns>;
  for (const field of LISTS) {
    lengths[field] = Int32Array.from(docs, (d) => (d ? d[field].length : -1));
    lists[field] = toColumns(present.flatMap((d) => d[field] as unknown as Plain[]));
  }
  const meta = toColumns(present.map((d) => d.meta as unknown as Plain));
  const orders = new Shapes();
  const orderOf = new Int32Array(docs.length).fill(-1);
  const rests: Plain[] = [];
  docs.forEach((d, i) => {
    if (!d) return;
    // Own enumerable properties only: the views made when read (text, prose, names) are not kept.
    const keys = Object.keys(d);
    orderOf[i] = orders.of(keys);
    const rest: Plain = {};
    for (const k of keys) if (!TAKEN.has(k)) rest[k] = (d as unknown as Plain)[k];
    rests.push(rest);
  });
  return { lengths, lists, meta, rest: toColumns(rests), orders: orders.list, orderOf };
}

/** The documents as they were given to `docsToColumns`, from what it gave. */
export function docsFromColumns(columns: DocColumns): Array<PreparedDocument | undefined> {
  const metas = fromColumns(columns.meta);
  const items = {} as Record<ListField, Plain[]>;
  for (const field of LISTS) items[field] = fromColumns(columns.lists[field]);
  const rests = fromColumns(columns.rest);
  const at = { sentences: 0, dates: 0, terms: 0, quotes: 0, meta: 0, rest: 0 };
  return Array.from(columns.orderOf, (order, i) => {
    if (order < 0) return undefined;
    const rest = rests[at.rest++]!;
    const doc: Plain = {};
    for (const k of columns.orders[order]!) {
      if (k === "meta") doc.meta = metas[at.meta++];
      else if (TAKEN.has(k)) {
        const field = k as ListField;
        const n = columns.lengths[field][i]!;
        doc[k] = items[field].slice(at[field], (at[field] += n));
      } else doc[k] = rest[k];
    }
    return doc as unknown as PreparedDocument;
  });
}
