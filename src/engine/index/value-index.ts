// Candidate source values for a draft value, without scoring the whole corpus: an inverted index
// from the words of each value's clause, and the entities it is said of, to the value records.
// A draft value's candidates are the records that share its rarest words and entities, ranked
// by the summed rarity (IDF) of what they share; only the best few are compared in full.
import type { ValueContext } from "../extract/context";
import type { Idf } from "./similarity";
import { Remembered } from "../remembered";
import { lowerBound } from "./sorted";
import { insertId, postingsFromData, postingsToData, type PostingList, type PostingsData } from "./postings";

export interface Indexed {
  context: ValueContext;
}

/** Words shared by more values than this say little about which values are alike. */
const MAX_POSTING = 5000;
/** How many records a look-up takes into view before common keys may only raise their scores. */
const MAX_IN_VIEW = 3000;

/**
 * Records are known by ids, numbered from 0 as they are added, and asked of `recordAt` only when
 * a look-up returns them (a corpus opened from the cache makes a source's records only then).
 */
/** A value index as plain data: how many records, and the keys' posting lists (see postings.ts). */
export interface ValueIndexData {
  size: number;
  postings: PostingsData;
}

export class ValueIndex<R extends Indexed> {
  private size: number;
  /** Ids of removed records (their source changed): their postings stay, and are skipped. */
  private gone = new Uint8Array(1024);
  private readonly postings: Map<string, PostingList>;
  // Score accumulator, reused across look-ups (a classic inverted-index trick: no maps per query).
  private scores = new Float64Array(1024);

  /** `sourceOf` gives a record's source: the lists are kept in source order, as a build makes them. */
  constructor(
    private readonly recordAt: (id: number) => R,
    private readonly sourceOf: (id: number) => number,
    data?: ValueIndexData,
  ) {
    this.size = data?.size ?? 0;
    this.postings = data ? postingsFromData(data.postings) : new Map();
  }

  /**
   * The index as plain data. Once records were removed (a source replaced), `renumber` must give
   * the ids as a build would (-1 for a removed record's), and how many there are.
   */
  toData(renumber?: { id: (id: number) => number; size: number }): ValueIndexData {
    return renumber ? { size: renumber.size, postings: postingsToData(this.postings, renumber.id) } : { size: this.size, postings: postingsToData(this.postings) };
  }

  /** Adds a record of `source` with the next id, known by its context's keys (see `keysOf`); returns its id. */
  add(keys: readonly string[], source: number): number {
    const id = this.size++;
    for (const key of keys) {
      const list = this.postings.get(key);
      const last = list?.[list.length - 1];
      if (last === id) continue;
      // A changed source's records come last: they go to their source's place, so that a look-up,
      // which stops taking records in once it has enough, stops where it would in a corpus built anew.
      if (last === undefined || this.sourceOf(last) <= source) insertId(this.postings, key, list, id);
      else {
        const at = lowerBound(list!.length, (i) => this.sourceOf(list![i]!) <= source);
        if (list![at - 1] !== id) insertId(this.postings, key, list, id, at); // a key twice (an entity also a person): once
      }
    }
    return id;
  }

  /** Forgets the records of ids [from, to) (their source changed). */
  remove(from: number, to: number): void {
    if (this.gone.length < this.size) {
      const grown = new Uint8Array(this.size * 2);
      grown.set(this.gone);
      this.gone = grown;
    }
    this.gone.fill(1, from, to);
  }

  /** The `limit` records that share the most (and rarest) of the context's words and entities. */
  candidates(context: ValueContext, idf: Idf, limit: number): R[] {
    if (this.scores.length < this.size) this.scores = new Float64Array(this.size * 2);
    const gone = this.gone;
    const scores = this.scores;
    const lists = [...new Set(keysOf(context))]
      .map((key) => ({ key, list: this.postings.get(key) }))
      .filter((x): x is { key: string; list: PostingList } => Boolean(x.list && x.list.length <= MAX_POSTING))
      .sort((a, b) => a.list.length - b.list.length);
    const touched: number[] = [];
    for (const { key, list } of lists) {
      // Rarest keys first; once enough records are in view, common keys only add to their scores.
      const w = key.startsWith("@") ? 2 : idf.weight(key);
      const open = touched.length < MAX_IN_VIEW;
      for (const id of list) {
        if (gone[id]) continue;
        if (scores[id] === 0) {
          if (!open) continue;
          touched.push(id);
        }
        scores[id] += w;
      }
    }
    touched.sort((a, b) => scores[b]! - scores[a]!);
    const out: R[] = [];
    for (const id of touched.slice(0, limit)) out.push(this.recordAt(id));
    for (const id of touched) scores[id] = 0;
    return out;
  }
}

/** A context's keys: its clause's classes, and its entities and persons (marked "@"). */
export function keysOf(context: ValueContext): string[] {
  const keys = [...context.local];
  for (const e of context.entities) keys.push(entityKey(e));
  for (const p of context.persons) keys.push(entityKey(p));
  return keys;
}

/** "@" and an entity id: made once per entity, not once per value (a hundred thousand values at 10,000 sources). */
const entityKeys = new Remembered<string>(100_000);
const markEntity = (id: string) => `@${id}`;
export function entityKey(id: string): string {
  return entityKeys.get(id, markEntity);
}
