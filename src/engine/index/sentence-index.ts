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

  add(ref: SentenceRef, text: string): void {
    this.search.add({ id: this.refs.length, text });
    this.refs.push(ref);
  }

  find(query: string, limit = 40, fuzzy = 0): SentenceRef[] {
    if (!query.trim()) return [];
    return this.search
      .search(query, { fuzzy, prefix: false, combineWith: "OR" })
      .slice(0, limit)
      .map((r) => this.refs[r.id as number]!);
  }
}
