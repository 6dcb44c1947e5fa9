// Full-text search over the corpus's sentences, through minisearch (an inverted index with
// fuzzy and prefix matching), behind this small interface so it can be swapped.
import MiniSearch from "minisearch";

export interface SentenceRef {
  source: number;
  sentence: number;
}

export class SentenceIndex {
  private readonly search = new MiniSearch<{ id: number; text: string }>({ fields: ["text"], storeFields: [] });
  private readonly refs: SentenceRef[] = [];

  private readonly idsOf = new Map<number, number[]>();

  add(ref: SentenceRef, text: string): void {
    const id = this.refs.length;
    this.search.add({ id, text });
    this.refs.push(ref);
    const ids = this.idsOf.get(ref.source);
    if (ids) ids.push(id);
    else this.idsOf.set(ref.source, [id]);
  }

  /** Forgets the sentences of one source, given their texts (it changed; its new sentences are added after). */
  removeSource(source: number, texts: string[]): void {
    (this.idsOf.get(source) ?? []).forEach((id, k) => this.search.remove({ id, text: texts[k]! }));
    this.idsOf.delete(source);
  }

  find(query: string, limit = 40, fuzzy = 0): SentenceRef[] {
    if (!query.trim()) return [];
    return this.search
      .search(query, { fuzzy, prefix: false, combineWith: "OR" })
      .map((r) => ({ score: r.score, ref: this.refs[r.id as number]! }))
      // Equal scores in source order, however the sentences were added.
      .sort((a, b) => b.score - a.score || a.ref.source - b.ref.source || a.ref.sentence - b.ref.sentence)
      .slice(0, limit)
      .map((r) => r.ref);
  }
}
