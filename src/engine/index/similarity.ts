// How alike two values' contexts are: an IDF-weighted cosine of their words (rare words such as
// "appeal" count more than "court"), plus the entities they share, minus nothing for absent words.
import type { ValueContext } from "../extract/context";

export class Idf {
  private readonly df = new Map<string, number>();
  private docs = 0;
  /** Weights asked for since the last change (the same few thousand classes, asked millions of times). */
  private readonly weights = new Map<string, number>();

  addSentence(classes: Iterable<string>): void {
    if (this.weights.size) this.weights.clear();
    this.docs++;
    for (const c of new Set(classes)) this.df.set(c, (this.df.get(c) ?? 0) + 1);
  }

  /** Takes back a sentence added before (its source changed). */
  removeSentence(classes: Iterable<string>): void {
    if (this.weights.size) this.weights.clear();
    this.docs--;
    for (const c of new Set(classes)) {
      const n = (this.df.get(c) ?? 1) - 1;
      if (n > 0) this.df.set(c, n);
      else this.df.delete(c);
    }
  }

  weight(c: string): number {
    let w = this.weights.get(c);
    if (w === undefined) this.weights.set(c, (w = Math.log(1 + (this.docs + 1) / ((this.df.get(c) ?? 0) + 1))));
    return w;
  }
}

export interface Similarity {
  score: number;
  /** Words of the two values' own clauses in common (their "event"): appeal, jailed, registered. */
  sharedEvent: string[];
}

export function similarity(a: ValueContext, b: ValueContext, idf: Idf): Similarity {
  // When something was said is not when it happened.
  if (Boolean(a.reporting) !== Boolean(b.reporting)) return { score: 0, sharedEvent: [] };
  // Figures that measure different things ("100 hours of forced labour", "a five-year ban") differ.
  if (a.head.size && b.head.size && ![...a.head].some((c) => b.head.has(c))) return { score: 0, sharedEvent: [] };
  // An IDF-weighted overlap coefficient: what the shorter context says, how much of it the other says too.
  let shared = 0;
  let sumA = 0;
  let sumB = 0;
  for (const [c, w] of a.weights) {
    const idfC = idf.weight(c);
    sumA += w * idfC;
    const wb = b.weights.get(c);
    if (wb) shared += Math.min(w, wb) * idfC;
  }
  for (const [c, w] of b.weights) sumB += w * idf.weight(c);
  const overlap = sumA && sumB ? shared / Math.min(sumA, sumB) : 0;
  const union = new Set([...a.entities, ...b.entities]).size;
  const common = [...a.entities].filter((e) => b.entities.has(e)).length;
  const entityScore = union ? common / union : 0;
  const sharedEvent = [...a.local].filter((c) => b.local.has(c));
  return { score: 0.8 * overlap + 0.2 * entityScore, sharedEvent };
}

/** Are the two values said of different people? Then they are not about the same thing. */
export function differentPeople(a: ValueContext, b: ValueContext): boolean {
  return a.persons.length > 0 && b.persons.length > 0 && !a.persons.some((p) => b.persons.includes(p));
}
