// Points on which the sources disagree: two sources giving different values for the same thing
// (the same kind of value, in alike contexts, said of the same people), where neither source also
// gives the other's value. Found once, when the corpus is indexed.
import type { Mention } from "../types";
import type { Corpus, ValueRecord } from "./corpus";
import { comparable, sameValue } from "./compare";
import { differentPeople, similarity } from "./similarity";

export interface Conflict {
  id: number;
  records: ValueRecord[];
}

/** How alike two sources' contexts must be to disagree about one thing. */
export const CONFLICT_MIN_SIMILARITY = 0.3;
const MAX_BUCKET = 400;
/** Close values are likelier to be two accounts of one fact than two facts. */
export const NEAR_MISS_BONUS = 0.15;

export function findConflicts(corpus: Corpus): Conflict[] {
  // Only values that share a word of their own clause are compared (blocking keeps this near-linear).
  const buckets = new Map<string, ValueRecord[]>();
  for (const r of corpus.values) {
    const kind = r.mention.date ? `date:${r.mention.date.precision}` : `term:${r.mention.term!.kind}`;
    for (const c of r.context.local) {
      const key = `${kind}|${c}`;
      const b = buckets.get(key) ?? [];
      if (b.length < MAX_BUCKET) b.push(r);
      buckets.set(key, b);
    }
  }
  const pairs = new Set<string>();
  const edges: Array<[ValueRecord, ValueRecord]> = [];
  for (const bucket of buckets.values()) {
    for (let i = 0; i < bucket.length; i++) {
      for (let j = i + 1; j < bucket.length; j++) {
        const [a, b] = [bucket[i]!, bucket[j]!];
        if (a.source === b.source) continue;
        const key = a.mention.start < b.mention.start || a.source < b.source ? `${a.source}:${a.mention.start}|${b.source}:${b.mention.start}` : `${b.source}:${b.mention.start}|${a.source}:${a.mention.start}`;
        if (pairs.has(key)) continue;
        pairs.add(key);
        if (disagree(corpus, a, b)) edges.push([a, b]);
      }
    }
  }
  // Records joined by disagreements form one conflict.
  const group = new Map<ValueRecord, number>();
  const groups: ValueRecord[][] = [];
  for (const [a, b] of edges) {
    const ga = group.get(a);
    const gb = group.get(b);
    if (ga === undefined && gb === undefined) {
      groups.push([a, b]);
      group.set(a, groups.length - 1).set(b, groups.length - 1);
    } else if (ga !== undefined && gb === undefined) {
      groups[ga]!.push(b);
      group.set(b, ga);
    } else if (gb !== undefined && ga === undefined) {
      groups[gb]!.push(a);
      group.set(a, gb);
    } else if (ga !== gb) {
      for (const r of groups[gb!]!) group.set(r, ga!);
      groups[ga!]!.push(...groups[gb!]!);
      groups[gb!] = [];
    }
  }
  return groups.filter((g) => g.length).map((records, id) => ({ id, records: withParagraphSiblings(corpus, records).sort((x, y) => x.source - y.source || x.mention.start - y.mention.start) }));
}

/**
 * A source that tells one event as a sequence ("scheduled for the 27th … decided on the 29th")
 * gives all those values for it: the siblings in the same paragraph that share an event word join.
 */
export function withParagraphSiblings(corpus: Corpus, records: ValueRecord[]): ValueRecord[] {
  const out = [...records];
  for (const r of records) {
    for (const o of corpus.valuesOf(r.source)) {
      if (o.sentence.block !== r.sentence.block || out.includes(o)) continue;
      if (!comparable(o.mention, r.mention) || sameValue(o.mention, r.mention) || differentPeople(o.context, r.context)) continue;
      if ([...o.context.local].some((c) => r.context.local.has(c))) out.push(o);
    }
  }
  return out;
}

/** Sources that disagree usually disagree narrowly: a day or two, a year or so. */
export function nearMiss(a: Mention, b: Mention): boolean {
  if (a.date && b.date) return Math.abs(dayNumber(a.date) - dayNumber(b.date)) <= 7;
  if (a.term && b.term) return Math.abs(a.term.amount - b.term.amount) <= 0.5 * Math.max(a.term.amount, b.term.amount);
  return false;
}

function dayNumber(d: NonNullable<Mention["date"]>): number {
  return Date.UTC(d.year ?? 2000, (d.month ?? 1) - 1, d.day ?? 1) / 86_400_000;
}

/** Do two sources give different values for the same thing (and neither also gives the other's)? */
export function disagree(corpus: Corpus, a: ValueRecord, b: ValueRecord): boolean {
  if (a.source === b.source) return false;
  if (!comparable(a.mention, b.mention) || sameValue(a.mention, b.mention)) return false;
  if (a.mention.term?.qualifier === "many" || b.mention.term?.qualifier === "many") return false; // "dozens" fits any number
  if (differentPeople(a.context, b.context)) return false;
  const sim = similarity(a.context, b.context, corpus.idf);
  const score = sim.score + (nearMiss(a.mention, b.mention) ? NEAR_MISS_BONUS : 0);
  if (score < CONFLICT_MIN_SIMILARITY + NEAR_MISS_BONUS || !sim.sharedEvent.some((c) => c !== a.context.counted)) return false;
  // A source that also gives the other's value (for this thing) does not disagree.
  const alsoGives = (source: number, other: ValueRecord) =>
    corpus.sameValued(other.mention).some((r) => r.source === source && sameValue(r.mention, other.mention) && comparable(r.mention, other.mention) && similarity(r.context, other.context, corpus.idf).score >= CONFLICT_MIN_SIMILARITY);
  return !alsoGives(a.source, b) && !alsoGives(b.source, a);
}
