// Candidate source values for a draft value, without scoring the whole corpus: an inverted index
// from the words of each value's clause, and the entities it is said of, to the value records.
// A draft value's candidates are the records that share its rarest words and entities, ranked
// by the summed rarity (IDF) of what they share; only the best few are compared in full.
import type { ValueContext } from "../extract/context";
import type { Idf } from "./similarity";

export interface Indexed {
  context: ValueContext;
}

/** Words shared by more values than this say little about which values are alike. */
const MAX_POSTING = 5000;

export class ValueIndex<R extends Indexed> {
  private readonly postings = new Map<string, R[]>();

  add(record: R): void {
    for (const key of keysOf(record.context)) {
      const list = this.postings.get(key);
      if (list) list.push(record);
      else this.postings.set(key, [record]);
    }
  }

  remove(record: R): void {
    for (const key of keysOf(record.context)) {
      const list = this.postings.get(key);
      if (!list) continue;
      const i = list.indexOf(record);
      if (i >= 0) list.splice(i, 1);
    }
  }

  /** The `limit` records that share the most (and rarest) of the context's words and entities. */
  candidates(context: ValueContext, idf: Idf, limit: number): R[] {
    const score = new Map<R, number>();
    for (const key of keysOf(context)) {
      const list = this.postings.get(key);
      if (!list || list.length > MAX_POSTING) continue;
      const w = key.startsWith("@") ? 2 : idf.weight(key);
      for (const r of list) score.set(r, (score.get(r) ?? 0) + w);
    }
    return [...score].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([r]) => r);
  }
}

function* keysOf(context: ValueContext): Iterable<string> {
  yield* context.local;
  for (const e of context.entities) yield `@${e}`;
  for (const p of context.persons) yield `@${p}`;
}
