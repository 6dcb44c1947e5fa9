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

/** Values joined by disagreements: one conflict, its records with their paragraph siblings. */
interface Component {
  members: ValueRecord[];
  records: ValueRecord[];
}

/**
 * The conflicts of a corpus, kept up to date as sources change: the blocking buckets and the
 * disagreements found are kept, so a changed source's values are compared only with their own
 * buckets, and only the conflicts the change touches are made again. (Two approximations, both
 * at the margin: a pair that only met in a full bucket may stay or go differently than in a fresh
 * build, and word rarities move a little as sources change.)
 */
export class ConflictSet {
  /** Values that share a word of their own clause, by kind of value and word (blocking keeps this near-linear). */
  private readonly buckets = new Map<string, ValueRecord[]>();
  /**
   * The disagreements, as each value's list of the values it disagrees with: a large corpus of
   * one story has a million, and a changed source must not make them all be read again.
   */
  private readonly neighbours = new Map<ValueRecord, ValueRecord[]>();
  private readonly componentOf = new Map<ValueRecord, Component>();
  private readonly components = new Set<Component>();
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
            if (disagree(corpus, a, b)) this.link(a, b);
          }
        }
      }
    }
    for (const r of this.neighbours.keys()) if (!this.componentOf.has(r)) this.collect(r);
    this.relist();
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
    // Values whose conflict changes, to make it again from: those left of a conflict that loses
    // values, and both sides of a new disagreement.
    const touched = new Set<ValueRecord>();
    for (const r of old) {
      const component = this.componentOf.get(r);
      if (component && this.components.delete(component)) for (const m of component.members) touched.add(m);
      this.unlink(r);
    }
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
          if (disagree(this.corpus, r, o)) {
            this.link(r, o);
            touched.add(r).add(o);
          }
        }
      }
    }
    if (!touched.size) return;
    const made = new Set<Component>();
    for (const r of touched) {
      if (gone.has(r)) continue;
      const component = this.componentOf.get(r);
      if (component && made.has(component)) continue;
      if (this.neighbours.has(r)) made.add(this.collect(r));
      else this.componentOf.delete(r); // its last disagreement went with the old values
    }
    this.relist();
  }

  private link(a: ValueRecord, b: ValueRecord): void {
    for (const [x, y] of [[a, b], [b, a]] as const) {
      const list = this.neighbours.get(x);
      if (list) list.push(y);
      else this.neighbours.set(x, [y]);
    }
  }

  /** Takes a value out of the disagreements (and of its conflict's record: the caller makes that again). */
  private unlink(r: ValueRecord): void {
    for (const n of this.neighbours.get(r) ?? []) {
      const list = this.neighbours.get(n)!.filter((x) => x !== r);
      if (list.length) this.neighbours.set(n, list);
      else this.neighbours.delete(n);
    }
    this.neighbours.delete(r);
    this.componentOf.delete(r);
  }

  /** The conflict of a value: every value its disagreements reach, taking the place of the conflicts they were in. */
  private collect(seed: ValueRecord): Component {
    const members = [seed];
    const reached = new Set(members);
    for (let i = 0; i < members.length; i++) {
      for (const n of this.neighbours.get(members[i]!)!) {
        if (reached.has(n)) continue;
        reached.add(n);
        members.push(n);
      }
    }
    const component: Component = { members, records: withParagraphSiblings(this.corpus, members).sort(inValueOrder) };
    for (const m of members) {
      const was = this.componentOf.get(m);
      if (was) this.components.delete(was);
      this.componentOf.set(m, component);
    }
    this.components.add(component);
    return component;
  }

  /** The conflicts in the order of their values (two can share a first value: a paragraph sibling of both). */
  private relist(): void {
    this.list = [...this.components].sort((x, y) => inRecordOrder(x.records, y.records)).map((c, id) => ({ id, records: c.records }));
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

/** Lists of values in order, value by value (a list that is the start of the other first). */
function inRecordOrder(a: ValueRecord[], b: ValueRecord[]): number {
  for (let i = 0; i < a.length && i < b.length; i++) {
    const order = inValueOrder(a[i]!, b[i]!);
    if (order) return order;
  }
  return a.length - b.length;
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
