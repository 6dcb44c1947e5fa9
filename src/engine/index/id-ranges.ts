// Global ids for what each source holds (its sentences, its value records): a source's items take
// the next ids, one run per source. A source replaced in place gets a new run at the end, and its
// old ids are dead. Two lists of numbers, not an object per item (a corpus has hundreds of
// thousands of them).

export class IdRanges {
  /**
   * Each id's source (a dead id's too), in the first `size` places of a typed array that doubles
   * when full (a plain array pushed to, an id at a time, took 40 ms of the 0.9 s opening 10,000
   * sources again: 330,000 ids).
   */
  private owner = new Int32Array(1024);
  private given = 0;
  /** Each source's current run. */
  private readonly first: number[] = [];
  private readonly count: number[] = [];

  /** How many ids were given (dead ones included). */
  get size(): number {
    return this.given;
  }

  /** Gives a source a run of `n` new ids (its earlier ones, if any, are dead from now); returns the first. */
  add(source: number, n: number): number {
    const first = this.given;
    if (first + n > this.owner.length) {
      const grown = new Int32Array(Math.max(2 * this.owner.length, first + n));
      grown.set(this.owner.subarray(0, first));
      this.owner = grown;
    }
    this.owner.fill(source, first, first + n);
    this.given = first + n;
    this.first[source] = first;
    this.count[source] = n;
    return first;
  }

  /** The source an id was given to (an id given: see `size`). */
  sourceOf(id: number): number {
    return this.owner[id]!;
  }

  /** An id's place in its source's current run; -1 if it is dead (or was never given). */
  placeOf(id: number): number {
    if (!(id >= 0 && id < this.given)) return -1;
    const source = this.owner[id]!;
    const k = id - this.first[source]!;
    return k >= 0 && k < this.count[source]! ? k : -1;
  }

  /** A source's current ids. */
  idsOf(source: number): number[] {
    const first = this.first[source]!;
    return Array.from({ length: this.count[source]! }, (_, k) => first + k);
  }

  firstOf(source: number): number {
    return this.first[source]!;
  }

  /** How many items each source has. */
  counts(): readonly number[] {
    return this.count;
  }

  /** Ids as a build of the corpus as it is gives them: runs in source order, dead ids -1; and how many. */
  inBuild(): { id: (id: number) => number; size: number } {
    let size = 0;
    const start = this.count.map((n) => ((size += n), size - n));
    return {
      size,
      id: (id) => {
        const k = this.placeOf(id);
        return k < 0 ? -1 : start[this.owner[id]!]! + k;
      },
    };
  }
}
