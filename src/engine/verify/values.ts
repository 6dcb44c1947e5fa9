// Dates and figures: does a source say the same of the same thing (supported), something else
// (contradicted), do the sources disagree among themselves (disputed), or say nothing (unsupported)?
// Precision first: a value is contradicted only when a source clearly speaks of the same thing.
import type { DateValue, Evidence, Finding, Fix, Mention, Sentence } from "../types";
import type { ValueContext } from "../extract/context";
import { formatDate, dateSortKey, isoDate } from "../extract/dates";
import { displayValue, type Corpus, type ValueRecord } from "../index/corpus";
import { comparable, sameFigure, sameValue } from "../index/compare";
import { differentPeople, similarity } from "../index/similarity";
import { disagree, nearMiss, NEAR_MISS_BONUS, withParagraphSiblings } from "../index/conflicts";
import { evidenceFor, sourceLabelOf, sourceLabel, uniqueEvidence } from "./evidence";
import { finding } from "./findings";
import { replaceFix } from "./fixes";

/** A source value supports the draft's when it is the same and said in a context at least this alike… */
const SUPPORT_MIN = 0.15;
/** …and contradicts it when it differs in a context at least this alike, sharing an event word. */
const CONTRADICT_MIN = 0.35;
/** Other values within this share of the best match are reported alongside it. */
const ALONGSIDE = 0.6;
const CLOSE = 0.85;
/** Source values compared in full with each draft value: the most alike by their shared words. */
const CANDIDATES = 150;
/** The other side of a known conflict must be at least this alike to make the draft's value disputed. */
const DISPUTE_MIN = 0.2;
/** How much more alike a contradicting context must be than a supporting one to win over it. */
const OUTWEIGH = 1.75;
/**
 * Values, and sources, named in a message at most: the likeliest, the hover's quotes and the
 * quick fixes showing the same. Forty sources that disagree make a list nobody reads (a message
 * of 15,000 characters, and a menu of 39 fixes, on the benchmark's draft).
 */
const LISTED = 5;

interface Scored {
  record: ValueRecord;
  score: number;
  event: boolean;
}

export function checkValue(corpus: Corpus, value: Mention, context: ValueContext): Finding | undefined {
  const candidates = new Set<ValueRecord>(corpus.valuesLike(context, CANDIDATES));
  const scored: Scored[] = [];
  for (const found of candidates) {
    const record = atClaimPrecision(value, found);
    if (differentPeople(context, record.context)) continue;
    const sim = similarity(context, record.context, corpus.idf);
    scored.push({ record, score: sim.score, event: sim.sharedEvent.length > 0 });
  }
  scored.sort((a, b) => b.score - a.score);
  const shown = displayValue(value);

  const supports = scored.filter((s) => sameFigure(value, s.record.mention) && s.score >= SUPPORT_MIN && (s.event || s.score >= 2 * SUPPORT_MIN));
  const against = scored.filter((s) => isContradiction(value, context, s));
  // The same figure in a loosely alike context does not outweigh another figure in a far more alike one.
  const outweighed = supports.length && against.length && against[0]!.score >= OUTWEIGH * supports[0]!.score;
  if (supports.length && !outweighed) return supportedOrDisputed(corpus, value, supports, scored, shown);

  if (against.length) {
    const best = against[0]!.score;
    // Alongside the best match: values nearly as alike, or alike enough and close to the draft's
    // (two dates a day apart are likelier two accounts of one event than two events).
    const alongside = against.filter((s) => s.score >= CLOSE * best || (s.score >= ALONGSIDE * best && nearMiss(value, s.record.mention)));
    // Said of nobody in the draft, while the sources' figures are different people's: which one
    // the draft means is unclear, so no red mark (precision first).
    const people = new Set(against.flatMap((s) => s.record.context.persons));
    if (!context.persons.length && people.size > 1) {
      const records = alongside.map((s) => s.record);
      const evidence = evidenceOfRecords(corpus, records);
      return finding(value.start, value.end, "unsupported", value.date ? "date.unsupported" : "figure.unsupported", `${shown}: the sources give ${sayValues(likeliestValues(records.map((r) => r.mention)))}, each for someone else; the draft does not say whose this is`, evidence);
    }
    const records = withDissent(corpus, value, alongside.map((s) => s.record), scored);
    const evidence = evidenceOfRecords(corpus, records);
    const values = likeliestValues(records.map((r) => r.mention));
    const fixes: Fix[] = values.map((v) => replaceFix(value.start, value.end, replacementText(value, v)));
    const code = value.date ? "date.mismatch" : "figure.mismatch";
    // Past LISTED values, how many there are: the sources named after it say which (and the fixes offer the likeliest).
    const given = values.distinct > values.length ? howMany(values) : listValues(values);
    const message = `${shown}: the sources give ${given} (${describeSides(corpus, records)})`;
    return finding(value.start, value.end, "contradicted", code, message, evidence, fixes);
  }

  if (!isSpecific(value)) return undefined;
  const code = value.date ? "date.unsupported" : "figure.unsupported";
  return finding(value.start, value.end, "unsupported", code, `${shown}: no source gives this ${value.date ? "date" : "figure"}`);
}

const PRECISION_RANK = { year: 0, month: 1, day: 2 } as const;

/**
 * A source's date read at the draft's precision when the source is more precise: "25 July 2017"
 * also says "July 2017" and "2017". Never the other way: "in September" does not say "14 September".
 */
function atClaimPrecision(claim: Mention, r: ValueRecord): ValueRecord {
  const c = claim.date;
  const d = r.mention.date;
  if (!c || !d || PRECISION_RANK[d.precision] <= PRECISION_RANK[c.precision]) return r;
  const date: DateValue = { precision: c.precision };
  if (d.year !== undefined) date.year = d.year;
  if (c.precision === "month" && d.month !== undefined) date.month = d.month;
  if (d.yearInferred) date.yearInferred = true;
  return { ...r, mention: { ...r.mention, date, value: isoDate(date) } };
}

function isContradiction(value: Mention, context: ValueContext, s: Scored): boolean {
  const other = s.record.mention;
  if (!comparable(value, other) || sameValue(value, other)) return false;
  if (value.term?.qualifier === "many" || other.term?.qualifier === "many") return false;
  // "on Tuesday" in a draft is placed by a guessed date: never enough for a red mark.
  if (value.date?.yearInferred && !/\d/.test(value.text) && !/\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i.test(value.text)) return false;
  if (!s.event || s.score < CONTRADICT_MIN) return false;
  // Two counts of "people" are not about one thing for that alone: they must share an event word.
  if (context.counted && !context.local.some((c) => c !== context.counted && s.record.context.local.includes(c))) return false;
  // "a five-year ban" is contradicted only by a source figure about a ban.
  if (context.head.length && !context.head.some((c) => s.record.context.head.includes(c) || s.record.context.local.includes(c))) return false;
  // Said of a person in the draft but of nobody in the source: only a very alike context will do.
  if (context.persons.length && !s.record.context.persons.length && !context.persons.some((p) => s.record.context.entities.includes(p))) return s.score >= 1.5 * CONTRADICT_MIN;
  return true;
}

function supportedOrDisputed(corpus: Corpus, value: Mention, supports: Scored[], scored: Scored[], shown: string): Finding {
  // Citations of the evidence are added by the caller, who knows the whole draft.
  const evidence = evidenceOfRecords(corpus, supports.map((s) => s.record));
  const fixes: Fix[] = [];
  // Another source that disagrees with a supporting one, about what the draft speaks of, makes it disputed.
  const agreeing = new Set(supports.map((s) => s.record.source));
  const dissenting = scored
    .filter((o) => !agreeing.has(o.record.source) && comparable(o.record.mention, value) && !sameValue(o.record.mention, value))
    .filter((o) => o.score + (nearMiss(value, o.record.mention) ? NEAR_MISS_BONUS : 0) >= DISPUTE_MIN && supports.some((s) => disagree(corpus, s.record, o.record)))
    .map((o) => o.record);
  if (dissenting.length) {
    const dissent = withParagraphSiblings(corpus, dissenting).filter((r) => comparable(r.mention, value) && !sameValue(r.mention, value));
    const sides = describeSides(corpus, bothSides(supports.filter((s) => dissent.every((d) => d.source !== s.record.source)).map((s) => s.record), dissent));
    const all = uniqueEvidence([...evidence, ...evidenceOfRecords(corpus, dissent, 8)], 8);
    const code = value.date ? "date.disputed" : "figure.disputed";
    return finding(value.start, value.end, "disputed", code, `${shown}: the sources differ. ${sides}`, all, fixes);
  }
  const code = value.date ? "date.supported" : "figure.supported";
  const labels = [...new Set(evidence.map(sourceLabel))];
  return finding(value.start, value.end, "supported", code, `${shown}: as in ${labels.join("; ")}`, evidence, fixes);
}

/**
 * The records of two sides of a dispute, in the order they are described: one side then the
 * other; or, when there are more sources than a message names, taken from each side in turn, so
 * that the sources it names are not all of one side.
 */
function bothSides(agreeing: ValueRecord[], dissenting: ValueRecord[]): ValueRecord[] {
  if (new Set([...agreeing, ...dissenting].map((r) => r.source)).size <= LISTED) return [...agreeing, ...dissenting];
  const out: ValueRecord[] = [];
  for (let i = 0; i < Math.max(agreeing.length, dissenting.length); i++) out.push(...[agreeing[i], dissenting[i]].filter((r): r is ValueRecord => Boolean(r)));
  return out;
}

/** When sources disagree about what the best matches speak of, every side is part of the answer. */
function withDissent(corpus: Corpus, value: Mention, records: ValueRecord[], scored: Scored[]): ValueRecord[] {
  const others = scored.map((s) => s.record).filter((o) => !records.includes(o) && comparable(o.mention, value) && records.some((r) => disagree(corpus, r, o)));
  return withParagraphSiblings(corpus, [...records, ...others]).filter((r) => comparable(r.mention, value) && !sameValue(r.mention, value));
}

/**
 * "Harbour Post (6 May 2021) gives 28 April 2021; Dock News (7 May 2021) gives 27 and 29 April
 * 2021": the first few sources of the records (the likeliest first), and how many more there are.
 */
export function describeSides(corpus: Corpus, records: ValueRecord[]): string {
  const bySource = new Map<number, ValueRecord[]>();
  for (const r of records) bySource.set(r.source, [...(bySource.get(r.source) ?? []), r]);
  const sides = [...bySource].slice(0, LISTED).map(([source, rs]) => `${sourceLabelOf(corpus.sources[source]!)} gives ${sayValues(likeliestValues(rs.map((r) => r.mention)))}`);
  const more = bySource.size - sides.length;
  return more ? `${sides.join("; ")}; and ${more} other source${more === 1 ? "" : "s"}` : sides.join("; ");
}

/** Evidence for the first few distinct sentences among the records (built only for those shown). */
function evidenceOfRecords(corpus: Corpus, records: ValueRecord[], limit = 6): Evidence[] {
  const seen = new Set<Sentence>();
  const out: Evidence[] = [];
  for (const r of records) {
    if (seen.has(r.sentence)) continue;
    seen.add(r.sentence);
    out.push(evidenceOf(corpus, r));
    if (out.length >= limit) break;
  }
  return out;
}

function evidenceOf(corpus: Corpus, r: ValueRecord): Evidence {
  return evidenceFor(corpus.sources[r.source]!, r.sentence, r.mention);
}

/** Distinct values, how many there are, and the first LISTED of them (the likeliest: `ms` come best first) in order of date or amount. */
function likeliestValues(ms: Mention[]): Mention[] & { distinct: number } {
  const out: Mention[] = [];
  for (const m of ms) if (!out.some((o) => sameValue(o, m) && comparable(o, m))) out.push(m);
  const shown = out.slice(0, LISTED).sort((a, b) => (a.date && b.date ? dateSortKey(a.date) - dateSortKey(b.date) : (a.term?.amount ?? 0) - (b.term?.amount ?? 0)));
  return Object.assign(shown, { distinct: out.length });
}

/** "27, 28 and 29 September 2017", or with more than LISTED: "12 different dates, among them 27, 28 … September 2017". */
function sayValues(values: Mention[] & { distinct: number }): string {
  if (values.distinct <= values.length) return listValues(values);
  return `${howMany(values)}, among them ${listValues(values)}`;
}

/** "12 different dates". */
function howMany(values: Mention[] & { distinct: number }): string {
  return `${values.distinct} different ${values[0]?.date ? "dates" : "figures"}`;
}

/** "27, 28 and 29 September 2017"; "100 hours"; "two years and two and a half years". */
export function listValues(ms: Mention[]): string {
  if (ms.every((m) => m.date?.precision === "day") && ms.length > 1) {
    const first = ms[0]!.date!;
    if (ms.every((m) => m.date!.month === first.month && (m.date!.year ?? first.year) === (first.year ?? m.date!.year))) {
      const year = ms.map((m) => m.date!.year).find((y) => y !== undefined);
      return `${joinAnd(ms.map((m) => String(m.date!.day)))} ${formatDate({ month: first.month!, precision: "month", ...(year !== undefined ? { year } : {}) })}`;
    }
  }
  return joinAnd(ms.map((m) => (m.date ? formatDate(m.date) : m.text)));
}

function joinAnd(xs: string[]): string {
  return xs.length <= 1 ? (xs[0] ?? "") : `${xs.slice(0, -1).join(", ")} and ${xs[xs.length - 1]}`;
}

/** The draft's way of writing the source's value: "28 September 2017" for "September 28". */
function replacementText(draftValue: Mention, sourceValue: Mention): string {
  if (draftValue.date && sourceValue.date) {
    const v = { ...sourceValue.date };
    if (!/\d{4}/.test(draftValue.text)) delete v.year;
    else if (v.year === undefined) v.year = draftValue.date.year!;
    return formatDate(v);
  }
  if (draftValue.term?.kind === "duration" && sourceValue.term?.kind === "duration") {
    const styled = durationInDraftStyle(draftValue.text, sourceValue.term.amount, sourceValue.text);
    if (styled) return styled;
  }
  return sourceValue.text.replace(/^(?:some|about|around|over|more than|nearly|almost|roughly|approximately)\s+/i, "");
}

/** A duration as written: what comes before, the number, "-" or " ", the unit, "s", what comes after. */
const DURATION_WRITTEN = /^(.*?)(\d+(?:\.\d+)?|[a-z]+(?:[- ]and[- ]a[- ]half)?)([- ])(hour|day|week|month|year|decade)(s?)(.*)$/i;
const HOURS: Record<string, number> = { hour: 1, day: 24, week: 168, month: 730.5, year: 8766, decade: 87660 };
const SMALL = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"];

/**
 * The sources' duration written the way the draft wrote its own: "a five-year ban" → "seven-year
 * ban", "five years in prison" → "seven years in prison", "5 years" → "7 years". In the source's
 * unit when it counts in another: "five years" for "809 hours" is "5 years", not "43830 hours".
 */
function durationInDraftStyle(draft: string, hours: number, source: string): string | undefined {
  const m = DURATION_WRITTEN.exec(draft);
  if (!m) return undefined;
  const [, lead, , sep, draftUnit, , rest] = m as unknown as [string, string, string, string, string, string, string];
  const sourceUnit = DURATION_WRITTEN.exec(source)?.[4]?.toLowerCase();
  const unit = sourceUnit && sourceUnit !== draftUnit.toLowerCase() ? sourceUnit : draftUnit;
  const n = hours / HOURS[unit.toLowerCase()]!;
  const whole = Math.floor(n);
  const half = Math.abs(n - whole - 0.5) < 0.01;
  if (!half && Math.abs(n - whole) > 0.01) return undefined;
  const digits = /\d/.test(m[2]!);
  if (!digits && whole > 20) return undefined;
  const adjectival = sep === "-";
  const joiner = adjectival ? "-" : " ";
  const number = digits ? String(half ? whole + 0.5 : whole) : `${SMALL[whole]}${half ? `${joiner}and${joiner}a${joiner}half` : ""}`;
  const plural = !adjectival && n !== 1 ? "s" : "";
  return `${lead}${number}${sep}${unit}${plural}${rest}`;
}

/** Vague counts ("dozens") and small ones ("two officials") are not claims worth a mark of their own. */
function isSpecific(m: Mention): boolean {
  if (m.date) return m.date.precision !== "year" || /\d{4}/.test(m.text);
  const t = m.term!;
  if (t.qualifier === "many") return false;
  return t.kind !== "count" || t.unit === "percent" || t.amount >= 10;
}
