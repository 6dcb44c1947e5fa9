// Answers kept for questions asked again and again (a word's folded form or class, two name
// parts' likeness, a name's close matches): a map by question, let go all at once when it grows
// past its limit, so that a long session's memory stays bounded.

/** Kept for an answer that is undefined, so that one lookup tells it from a question not asked yet. */
const NO_ANSWER = Symbol("no answer");

export class Remembered<V> {
  private readonly answers = new Map<string, V | typeof NO_ANSWER>();

  constructor(private readonly limit: number) {}

  /** The answer to `key`, worked out by `answer` the first time (an answer may be undefined). */
  get(key: string, answer: (key: string) => V): V {
    const known = this.answers.get(key);
    if (known !== undefined) return (known === NO_ANSWER ? undefined : known) as V;
    const v = answer(key);
    if (this.answers.size >= this.limit) this.answers.clear();
    this.answers.set(key, v === undefined ? NO_ANSWER : v);
    return v;
  }
}
