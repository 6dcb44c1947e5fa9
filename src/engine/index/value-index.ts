// Candidate source values for a draft value, without scoring the whole corpus: an inverted index
// from the words of each value's clause, and the entities it is said of, to the value records.
// A draft value's candidates are the records that share its rarest words and entities, ranked
// by the summed rarity (IDF) of what they share; only the best few are compared in full.
import type { ValueContext } from "../extract/context";
import type { Idf } from "./similarity";
import { Remembered } from "../remembered";

export interface Indexed {
  context: ValueContext;
}

/** Words shared by more values than this say little about which values are alike. */
const MAX_POSTING = 5000;
/** How many records a look-up takes into view before common keys may only raise their scores. */
const MAX_IN_VIEW = 3000;

export class ValueIndex<R extends Indexed> {
  /** Records by id; a removed record leaves a hole (its postings stay, and are skipped). */
  private readonly records: Array<R | undefined> = [];
  private readonly postings = new Map<string, number[]>();
  // Score accumulator, reused across look-ups (a classic inverted-index trick: no maps per query).
  private scores = new Float64Array(1024);

  add(record: R): void {
    const id = this.records.length;
    this.records.push(record);
    for (const key of keysOf(record.context)) {
      const list = this.postings.get(key);
      if (!list) this.postings.set(key, [id]);
      else if (list[list.length - 1] !== id) list.push(id);
    }
  }

  /** Forgets records (their source changed). */
  remove(gone: Set<R>): void {
    for (let id = 0; id < this.records.length; id++) if (gone.has(this.records[id]!)) this.records[id] = undefined;
  }

  /** The `limit` records that share the most (and rarest) of the context's words and entities. */
  candidates(context: ValueContext, idf: Idf, limit: number): R[] {
    if (this.scores.length < this.records.length) this.scores = new Float64Array(this.records.length * 2);
    const scores = this.scores;
    const lists = [...new Set(keysOf(context))]
      .map((key) => ({ key, list: this.postings.get(key) }))
      .filter((x): x is { key: string; list: number[] } => Boolean(x.list && x.list.length <= MAX_POSTING))
      .sort((a, b) => a.list.length - b.list.length);
    const touched: number[] = [];
    for (const { key, list } of lists) {
      // Rarest keys first; once enough records are in view, common keys only add to their scores.
      const w = key.startsWith("@") ? 2 : idf.weight(key);
      const open = touched.length < MAX_IN_VIEW;
      for (const id of list) {
        if (this.records[id] === undefined) continue;
        if (scores[id] === 0) {
          if (!open) continue;
          touched.push(id);
        }
        scores[id] += w;
      }
    }
    touched.sort((a, b) => scores[b]! - scores[a]!);
    const out: R[] = [];
    for (const id of touched) {
      if (out.length >= limit) break;
      const r = this.records[id];
      if (r) out.push(r);
    }
    for (const id of touched) scores[id] = 0;
    return out;
  }
}

/** A context's keys: its clause's classes, and its entities and persons (marked "@"). */
function keysOf(context: ValueContext): string[] {
  const keys = [...context.local];
  for (const e of context.entities) keys.push(entityKey(e));
  for (const p of context.persons) keys.push(entityKey(p));
  return keys;
}

/** "@" and an entity id: made once per entity, not once per value (a hundred thousand values at 10,000 sources). */
const entityKeys = new Remembered<string>(100_000);
const markEntity = (id: string) => `@${id}`;
function entityKey(id: string): string {
  return entityKeys.get(id, markEntity);
}
