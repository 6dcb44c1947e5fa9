// The few views made last (a document's prose, its name candidates), kept so that a pass that
// asks for the same document's view twice in a row makes it once. Keyed by the owning object.

export class Recent<V> {
  private readonly made = new Map<object, V>();

  constructor(private readonly keep: number) {}

  get(owner: object, make: () => V): V {
    let value = this.made.get(owner);
    if (value !== undefined) {
      this.made.delete(owner); // most recently used last
      this.made.set(owner, value);
      return value;
    }
    value = make();
    if (this.made.size >= this.keep) this.made.delete(this.made.keys().next().value!);
    this.made.set(owner, value);
    return value;
  }
}
