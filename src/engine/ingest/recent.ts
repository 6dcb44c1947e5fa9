// The few views made last (a document's prose, its name candidates), kept so that a pass that
// asks for the same document's view twice in a row makes it once. Keyed by the owning object.
//
// While a corpus is built (see inOnePass), every document's views are asked for once per pass,
// one document after another: then only the last document's are kept, so that the views die
// young instead of outliving the young generation and leaving the old one full of garbage (the
// peak memory of indexing 10,000 sources: 697-710 MB keeping the last two, 571-640 the last one;
// some 830 MB among the 64 that checks keep). Checks ask for the same sources' prose again and
// again: they keep more.

/** How many passes over a whole corpus are running. */
let passes = 0;
const IN_PASS = 1;

/** Runs a pass over every document of a corpus (see above). */
export function inOnePass<T>(pass: () => T): T {
  passes++;
  try {
    return pass();
  } finally {
    passes--;
  }
}

export class Recent<V> {
  private readonly made = new Map<object, V>();
  /** Views made during a pass over a corpus: apart, so that a pass does not evict what checks keep. */
  private readonly passing = new Map<object, V>();

  constructor(private readonly keep: number) {}

  get(owner: object, make: () => V): V {
    const kept = this.made.get(owner);
    if (kept !== undefined) {
      this.made.delete(owner); // most recently used last
      this.made.set(owner, kept);
      return kept;
    }
    const passed = this.passing.get(owner);
    if (passed !== undefined) return passed;
    const value = make();
    const into = passes ? this.passing : this.made;
    if (into.size >= (passes ? IN_PASS : this.keep)) into.delete(into.keys().next().value!);
    into.set(owner, value);
    if (!passes && this.passing.size) this.passing.clear();
    return value;
  }
}
