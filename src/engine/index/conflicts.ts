// Points on which the sources disagree: two sources giving different values for the same thing
// (the same kind of value, in alike contexts, said of the same people), where neither source also
// gives the other's value. Found when first asked for, then kept up to date.
import type { Mention } from "../types";
import { valueKey, type Corpus, type ValueRecord } from "./corpus";
import { comparable, comparableKind, sameValue } from "./compare";
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

/**
 * The conflicts of a corpus, kept up to date as sources change: the blocking buckets and the
 * disagreements found are kept, so a changed source's values are compared only with their own
 * buckets. (Two approximations, both at the margin: a pair that only met in a full bucket may
 * stay or go differently than in a fresh build, and word rarities move a little as sources change.)
 */
export class ConflictSet {
  /** Values that share a word of their own clause, by kind of value and word (blocking keeps this near-linear). */
  private readonly buckets = new Map<string, ValueRecord[]>();
  private edges: Array<[ValueRecord, ValueRecord]> = [];
  /** Values with at least one disagreement, and the sources of the conflicts' values (siblings included). */
  private linked = new Set<ValueRecord>();
  private sourcesInList = new Set<number>();
  list: Conflict[] = [];

  constructor(private readonly corpus: Corpus) {
    for (const r of corpus.values) {
      for (const key of bucketKeys(r)) {
        const b = this.buckets.get(key);
        if (!b) this.buckets.set(key, [r]);
        else if (b.length < MAX_BUCKET) b.push(r);
      }
    }
    // Each pair once, however many buckets it shares: per value, the later values it was compared with.
    const id = new Map<ValueRecord, number>();
    corpus.values.forEach((r, i) => id.set(r, i));
    const compared: Array<Set<number> | undefined> = [];
    for (const bucket of this.buckets.values()) {
      // Only values of one comparable kind can disagree: pairs are made within each kind (a bucket
      // of 400 holds some 80,000 pairs, most of them a date and a sum, or sums in two currencies).
      for (const group of byComparableKind(bucket)) {
        for (let i = 0; i < group.length; i++) {
          const a = group[i]!;
          const ia = id.get(a)!;
          for (let j = i + 1; j < group.length; j++) {
            const b = group[j]!;
            // The cheap reasons two values cannot disagree first; the pair's record and the similarity only then.
            if (!mayDisagree(a, b)) continue;
            const ib = id.get(b)!;
            const [lo, hi] = ia < ib ? [ia, ib] : [ib, ia];
            const seen = compared[lo] ?? (compared[lo] = new Set());
            if (seen.has(hi)) continue;
            seen.add(hi);
            if (disagree(corpus, a, b)) this.edges.push([a, b]);
          }
        }
      }
    }
    this.regroup();
  }

  private regroup(): void {
    this.list = groupConflicts(this.corpus, this.edges);
    this.linked = new Set(this.edges.flat());
    this.sourcesInList = new Set(this.list.flatMap((c) => c.records.map((r) => r.source)));
  }

  /** One source's values replaced: its old ones leave the buckets and disagreements, the new are compared. */
  replace(old: ValueRecord[], added: ValueRecord[]): void {
    const gone = new Set(old);
    for (const r of old) {
      for (const key of bucketKeys(r)) {
        const b = this.buckets.get(key);
        if (b) this.buckets.set(key, b.filter((x) => !gone.has(x)));
      }
    }
    const hadEdges = old.some((r) => this.linked.has(r));
    // Disagreements are many (a million in a large corpus of one story): filtered only when the old values had some.
    if (hadEdges) this.edges = this.edges.filter(([a, b]) => !gone.has(a) && !gone.has(b));
    const before = this.edges.length;
    for (const r of added) {
      const compared = new Set<ValueRecord>();
      for (const key of bucketKeys(r)) {
        const b = this.buckets.get(key) ?? [];
        this.buckets.set(key, b);
        // Its place in source order; a full bucket takes it only ahead of its last value, as a fresh build would.
        let at = b.findIndex((x) => inValueOrder(r, x) < 0);
        if (at < 0) at = b.length;
        if (at >= MAX_BUCKET) continue;
        b.splice(at, 0, r);
        if (b.length > MAX_BUCKET) b.pop();
        for (const o of b) {
          if (compared.has(o) || !mayDisagree(r, o)) continue;
          compared.add(o);
          if (disagree(this.corpus, r, o)) this.edges.push(inValueOrder(r, o) < 0 ? [r, o] : [o, r]);
        }
      }
    }
    // The conflicts are grouped again only when this source had or has a part in them.
    const source = (old[0] ?? added[0])?.source;
    if (hadEdges || this.edges.length > before || (source !== undefined && this.sourcesInList.has(source))) this.regroup();
  }
}

function bucketKeys(r: ValueRecord): string[] {
  const kind = r.mention.date ? `date:${r.mention.date.precision}` : `term:${r.mention.term!.kind}`;
  return r.context.local.map((c) => `${kind}|${c}`);
}

/** A bucket's values by what they can be compared with (see compare.comparable), each group in bucket order. */
function byComparableKind(bucket: ValueRecord[]): ValueRecord[][] {
  const groups = new Map<string, ValueRecord[]>();
  for (const r of bucket) {
    const kind = comparableKind(r.mention);
    const group = groups.get(kind);
    if (group) group.push(r);
    else groups.set(kind, [r]);
  }
  return [...groups.values()];
}

function inValueOrder(a: ValueRecord, b: ValueRecord): number {
  return a.source - b.source || a.mention.start - b.mention.start;
}

/** Values joined by disagreements form one conflict; conflicts in the order of their first value. */
function groupConflicts(corpus: Corpus, edges: Array<[ValueRecord, ValueRecord]>): Conflict[] {
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
  return groups
    .filter((g) => g.length)
    .map((records) => withParagraphSiblings(corpus, records).sort(inValueOrder))
    .sort((x, y) => inValueOrder(x[0]!, y[0]!))
    .map((records, id) => ({ id, records }));
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
      if (o.context.local.some((c) => r.context.local.includes(c))) out.push(o);
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

/** What can be told without comparing contexts: two sources, two different values of one kind, the same people. */
function mayDisagree(a: ValueRecord, b: ValueRecord): boolean {
  if (a.source === b.source) return false;
  if (!comparable(a.mention, b.mention) || sameValue(a.mention, b.mention)) return false;
  if (a.mention.term?.qualifier === "many" || b.mention.term?.qualifier === "many") return false; // "dozens" fits any number
  return !differentPeople(a.context, b.context);
}

/** Do two sources give different values for the same thing (and neither also gives the other's)? */
export function disagree(corpus: Corpus, a: ValueRecord, b: ValueRecord): boolean {
  if (!mayDisagree(a, b)) return false;
  const sim = similarity(a.context, b.context, corpus.idf);
  const score = sim.score + (nearMiss(a.mention, b.mention) ? NEAR_MISS_BONUS : 0);
  if (score < CONFLICT_MIN_SIMILARITY + NEAR_MISS_BONUS || !sim.sharedEvent.some((c) => c !== a.context.counted)) return false;
  // A source that also gives the other's value (for this thing) does not disagree. It is looked
  // for among that source's own values, the same value first (it rules out nearly all of them).
  const alsoGives = (source: number, other: ValueRecord) =>
    corpus.valuesOf(source).some((r) => sameValue(r.mention, other.mention) && valueKey(r.mention) === valueKey(other.mention) && comparable(r.mention, other.mention) && similarity(r.context, other.context, corpus.idf).score >= CONFLICT_MIN_SIMILARITY);
  return !alsoGives(a.source, b) && !alsoGives(b.source, a);
}
