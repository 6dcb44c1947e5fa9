// Items kept in source order (the mentions of an entity), with each item's source in a list of
// numbers beside them: an object per item to say its source made the entities' mentions take
// 6.4 MB at 3,000 sources, against 2.7 MB so. A changed source's items leave and come back in
// its place, as if the list were built anew. An item may also be given by its place in its
// source, and made when first read (a corpus opened from the cache makes a source's mentions
// only when they are asked for).
import { lowerBound } from "./sorted";

export class BySource<T> {
  private readonly sources: number[] = [];
  private readonly slots: Array<T | undefined> = [];
  /** Each item's place in its source, for items made when first read (-1: given); none until one is. */
  private places: number[] | undefined;

  /** `make` makes an item from its source and place (for items pushed with `pushPlace`). */
  constructor(private readonly make?: (source: number, place: number) => T) {}

  push(source: number, item: T): void {
    this.sources.push(source);
    this.slots.push(item);
    this.places?.push(-1);
  }

  /** An item given by its place in its source, made when first read. */
  pushPlace(source: number, place: number): void {
    (this.places ??= new Array<number>(this.slots.length).fill(-1)).push(place);
    this.sources.push(source);
    this.slots.push(undefined);
  }

  get length(): number {
    return this.slots.length;
  }

  /** The items, in source order (every one made). */
  get items(): T[] {
    return this.slots.map((_, i) => this.item(i));
  }

  /** The items with their sources, in order; each made as it is reached. */
  *entries(): Iterable<{ source: number; item: T }> {
    for (let i = 0; i < this.slots.length; i++) yield { source: this.sources[i]!, item: this.item(i) };
  }

  /** The sources that have items, each once, in order (no item made). */
  *sourceList(): Iterable<number> {
    let last = -1;
    for (const s of this.sources) if (s !== last) yield (last = s);
  }

  private item(i: number): T {
    let x = this.slots[i];
    if (x === undefined) this.slots[i] = x = this.make!(this.sources[i]!, this.places![i]!);
    return x;
  }

  /** Takes one source's items out. */
  dropSource(source: number): void {
    const from = this.firstOf(source);
    const count = this.firstOf(source + 1) - from;
    this.sources.splice(from, count);
    this.slots.splice(from, count);
    this.places?.splice(from, count);
  }

  /** Moves one source's items, just pushed at the end, to their place. */
  settle(source: number): void {
    let k = this.sources.length;
    while (k > 0 && this.sources[k - 1] === source) k--;
    if (k === this.sources.length || k === 0 || this.sources[k - 1]! < source) return;
    const lists = [this.sources, this.slots, this.places].filter(Boolean) as unknown[][];
    const moved = lists.map((l) => l.splice(k));
    const at = this.firstOf(source);
    lists.forEach((l, i) => l.splice(at, 0, ...moved[i]!));
  }

  /** Where a source's items begin. */
  private firstOf(source: number): number {
    return lowerBound(this.sources.length, (i) => this.sources[i]! < source);
  }
}
