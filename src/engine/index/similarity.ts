// How alike two values' contexts are: an IDF-weighted cosine of their words (rare words such as
// "appeal" count more than "court"), plus the entities they share, minus nothing for absent words.
import { weightAt, weightsOf, type ValueContext } from "../extract/context";

/** Word rarity as plain data, to persist. */
export interface IdfData {
  df: Map<string, number>;
  docs: number;
}

export class Idf {
  private readonly df: Map<string, number>;
  private docs: number;

  constructor(data: IdfData = { df: new Map(), docs: 0 }) {
    this.df = data.df;
    this.docs = data.docs;
  }

  toData(): IdfData {
    return { df: this.df, docs: this.docs };
  }

  /** Goes up with every change, so that sums of weights kept elsewhere know when they are stale. */
  version = 0;
  /** Weights asked for since the last change (the same few thousand classes, asked millions of times). */
  private readonly weights = new Map<string, number>();

  addSentence(classes: Iterable<string>): void {
    this.version++;
    if (this.weights.size) this.weights.clear();
    this.docs++;
    for (const c of new Set(classes)) this.df.set(c, (this.df.get(c) ?? 0) + 1);
  }

  /** Takes back a sentence added before (its source changed). */
  removeSentence(classes: Iterable<string>): void {
    this.version++;
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

const NOTHING: Similarity = Object.freeze({ score: 0, sharedEvent: [] as string[] }) as Similarity;
/** Each context's weighted sum, for the IDF version it was summed with (contexts are compared many times over). */
const sums = new WeakMap<ValueContext, { version: number; sum: number }>();

function weightedSum(x: ValueContext, idf: Idf): number {
  const kept = sums.get(x);
  if (kept && kept.version === idf.version) return kept.sum;
  let sum = 0;
  const weights = weightsOf(x);
  const { classes } = weights;
  for (let i = 0; i < classes.length; i++) sum += weightAt(weights, i) * idf.weight(classes[i]!);
  sums.set(x, { version: idf.version, sum });
  return sum;
}

export function similarity(a: ValueContext, b: ValueContext, idf: Idf): Similarity {
  // When something was said is not when it happened.
  if (Boolean(a.reporting) !== Boolean(b.reporting)) return NOTHING;
  // Figures that measure different things ("100 hours of forced labour", "a five-year ban") differ.
  if (a.head.length && b.head.length && !a.head.some((c) => b.head.includes(c))) return NOTHING;
  // An IDF-weighted overlap coefficient: what the shorter context says, how much of it the other says too.
  let shared = 0;
  const [wa, wb] = [weightsOf(a), weightsOf(b)];
  const [ca, cb] = [wa.classes, wb.classes];
  for (let i = 0, j = 0; i < ca.length && j < cb.length; ) {
    if (ca[i] === cb[j]) {
      shared += Math.min(weightAt(wa, i), weightAt(wb, j)) * idf.weight(ca[i]!);
      i++;
      j++;
    } else if (ca[i]! < cb[j]!) i++;
    else j++;
  }
  const sumA = weightedSum(a, idf);
  const sumB = weightedSum(b, idf);
  const overlap = sumA && sumB ? shared / Math.min(sumA, sumB) : 0;
  let common = 0;
  for (const e of a.entities) if (b.entities.includes(e)) common++;
  const union = a.entities.length + b.entities.length - common;
  const entityScore = union ? common / union : 0;
  const sharedEvent: string[] = [];
  for (const c of a.local) if (b.local.includes(c)) sharedEvent.push(c);
  return { score: 0.8 * overlap + 0.2 * entityScore, sharedEvent };
}

/** Are the two values said of different people? Then they are not about the same thing. */
export function differentPeople(a: ValueContext, b: ValueContext): boolean {
  return a.persons.length > 0 && b.persons.length > 0 && !a.persons.some((p) => b.persons.includes(p));
}
