// Dates, through chrono-node, with the fixes news prose needs (see docs/notes): day-first
// dotted dates, "6 October, 2017", "in 2015", no durations or "now" taken for dates, and year-less
// dates placed by the document's own date (news reports the past).
import * as chrono from "chrono-node";
import type { DatePrecision, DateValue } from "../types";
import { MONTHS, MONTH_ABBREVIATIONS, WEEKDAYS } from "./lexicon";

export interface DateAnchor {
  year: number;
  month: number;
  day: number;
  /** A publication date: year-less dates in the text are not after it. An inferred anchor is only a neighbourhood. */
  published: boolean;
}

export interface DateHit {
  start: number;
  end: number;
  value: DateValue;
}

const MONTH_NAME = `(?:${MONTHS.join("|")}|${Object.keys(MONTH_ABBREVIATIONS).join("|")})\\.?`;
const DOTTED = /\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)\b/g;
const DAY_MONTH_COMMA_YEAR = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)? (${MONTH_NAME}),? ((?:19|20)\\d\\d)(?!\\d)`, "gi");
const YEAR_AFTER_WORD = /\b(?:in|by|since|until|till|from|before|after|during|of|early|late|mid|mid-|end of|beginning of|start of|spring|summer|autumn|fall|winter)\s+((?:19|20)\d\d)\b(?![.,]?\d)/gi;
const DATE_WORDS = new RegExp(`\\b(?:${MONTH_NAME}|${WEEKDAYS.join("|")}|yesterday|today|tomorrow|last (?:week|month|year)|next (?:week|month|year)|this (?:week|month|year)|ago)\\b`, "i");
const LEADING_WORDS = /^(?:(?:on|in|at|by|from|since|until|till|of|the|during|before|after|early|late|mid)\s+)+/i;
const MIN_DATE_CHARS = /[\p{L}\d]/u;
/**
 * Month names that are everyday words in lower case: "the march began", "they may appeal", "an
 * august body", "to mar". Written so, and not beside a day or a year ("28 may 2017", "may 28"),
 * they are not months (chrono would read "the march" as March).
 */
const LOWER_CASE_HOMOGRAPH = /\b(?:march|may|august|mar)\b(?![.,]?\s*\d)/g;
/** A day before such a word ("28 may", "the 5th march"): tested only where one is found. */
const DAY_BEFORE = /\d(?:st|nd|rd|th)?\s*$/;

/** What a reading without an anchor left out: a relative date ("on Tuesday", "last month"), which only an anchor places. */
export interface DateNotes {
  relative: boolean;
  /** That reading, kept for a second one with an anchor (see findDatesInSpans). */
  first?: FirstReading;
}

/** A span's reading before the anchor: its plan (before chrono's dates were added) and chrono's readings of each window. */
export interface FirstReading {
  plan: SpanPlan;
  readings: Reading[][];
}

/** One date chrono found in a window; `index` is from the window's start. */
export interface Reading {
  index: number;
  text: string;
  start: chrono.ParsedComponents;
}

/**
 * Finds the dates in text[from, to). Without an anchor, relative dates are left out; `notes`
 * then says whether there was one (read again with an anchor, the text would give it).
 */
export function findDates(text: string, from: number, to: number, anchor?: DateAnchor, notes?: DateNotes): DateHit[] {
  return findDatesInSpans(text, [[from, to]], anchor, notes ? [notes] : undefined)[0]!;
}

/**
 * findDates for many spans of one text at once: chrono is called once for all their windows,
 * since each call costs more than the characters it reads. With an anchor and the notes of a
 * first reading of the same spans, the explicit dates and windows are taken from it, and only
 * the windows whose readings depend on the reference date are parsed again.
 */
export function findDatesInSpans(text: string, spans: ReadonlyArray<readonly [number, number]>, anchor?: DateAnchor, notes?: DateNotes[]): DateHit[][] {
  return findDatesInTexts([{ text, spans, anchor, notes }])[0]!;
}

/** What findDatesInSpans reads in one text. */
export interface DateRequest {
  text: string;
  spans: ReadonlyArray<readonly [number, number]>;
  anchor?: DateAnchor | undefined;
  notes?: DateNotes[] | undefined;
}

/**
 * findDatesInSpans for several texts (the documents of a batch) at once: the windows read
 * against the same reference date go to chrono together, in as few calls as its bound allows.
 */
export function findDatesInTexts(requests: readonly DateRequest[]): DateHit[][][] {
  const jobs: Array<{ readings: Reading[][]; window: number; text: string; ref: number }> = [];
  const planned = requests.map(({ text, spans, anchor, notes }) => {
    const firsts = spans.map(([from, to], i) => {
      const first = anchor ? notes?.[i]?.first : undefined;
      return first && first.plan.from === from && first.plan.to === to ? first : undefined;
    });
    const plans = spans.map(([from, to], i) => (firsts[i] ? copyPlan(firsts[i]!.plan) : planSpan(text, from, to)));
    const ref = anchor ? Date.UTC(anchor.year, anchor.month - 1, anchor.day, 12) : NO_ANCHOR;
    const readings = plans.map((plan, i) => plan.windows.map((_, w) => reusable(firsts[i]?.readings[w])));
    plans.forEach((plan, i) => plan.windows.forEach(([a, b], w) => readings[i]![w] ?? jobs.push({ readings: readings[i] as Reading[][], window: w, text: plan.masked.slice(a, b), ref })));
    return { plans, readings };
  });
  const byRef = new Map<number, typeof jobs>();
  for (const job of jobs) {
    const same = byRef.get(job.ref);
    if (same) same.push(job);
    else byRef.set(job.ref, [job]);
  }
  for (const [ref, same] of byRef) {
    const parsed = parseTexts(same.map((j) => j.text), new Date(ref));
    same.forEach((job, k) => (job.readings[job.window] = parsed[k]!));
  }
  return requests.map(({ anchor, notes }, r) => {
    const { plans, readings } = planned[r]!;
    return plans.map((plan, i) => {
      const read = readings[i] as Reading[][];
      if (!anchor && notes?.[i]) notes[i]!.first = { plan: copyPlan(plan), readings: read };
      return finishSpan(plan, read, anchor, notes?.[i]);
    });
  });
}

/** The reference date of a reading without an anchor (relative dates read against it are left out). */
const NO_ANCHOR = Date.UTC(2000, 5, 15, 12);

/** One span's reading before chrono: its explicit dates ("06.10.2017", "6 October, 2017"), and the windows chrono reads. */
export interface SpanPlan {
  from: number;
  to: number;
  slice: string;
  /** The slice with the explicit dates blanked (same length, so offsets hold). */
  masked: string;
  hits: DateHit[];
  taken: Array<[number, number]>;
  /** The windows chrono reads, in the slice's offsets. */
  windows: Array<[number, number]>;
}

/** A plan to add to (finishSpan adds chrono's dates to its hits), leaving this one as it is. */
function copyPlan(plan: SpanPlan): SpanPlan {
  return { ...plan, hits: plan.hits.slice(), taken: plan.taken.slice() };
}

function planSpan(text: string, from: number, to: number): SpanPlan {
  const slice = text.slice(from, to);
  const plan: SpanPlan = { from, to, slice, masked: slice, hits: [], taken: [], windows: [] };
  for (const m of slice.matchAll(DOTTED)) {
    const day = Number(m[1]);
    const month = Number(m[2]);
    if (day >= 1 && day <= 31 && month >= 1 && month <= 12) addHit(plan, m.index, m.index + m[0].length, { year: Number(m[3]), month, day, precision: "day" });
  }
  for (const m of slice.matchAll(DAY_MONTH_COMMA_YEAR)) {
    const month = monthNumber(m[2]!);
    if (month) addHit(plan, m.index, m.index + m[0].length, { year: Number(m[3]), month, day: Number(m[1]), precision: "day" });
  }
  for (const [s, e] of plan.taken) plan.masked = plan.masked.slice(0, s) + " ".repeat(e - s) + plan.masked.slice(e);
  plan.masked = plan.masked.replace(LOWER_CASE_HOMOGRAPH, (word, at: number, masked: string) => (DAY_BEFORE.test(masked.slice(Math.max(0, at - 8), at)) ? word : " ".repeat(word.length)));
  plan.windows = dateWindows(plan.masked);
  return plan;
}

function addHit(plan: SpanPlan, start: number, end: number, value: DateValue): void {
  if (plan.taken.some(([s, e]) => start < e && s < end)) return;
  plan.taken.push([start, end]);
  plan.hits.push({ start: plan.from + start, end: plan.from + end, value });
}

function finishSpan(plan: SpanPlan, readings: Reading[][], anchor: DateAnchor | undefined, notes: DateNotes | undefined): DateHit[] {
  plan.windows.forEach(([a], w) => {
    for (const reading of readings[w]!) {
      let text0 = reading.text;
      let start = reading.index + a;
      const lead = LEADING_WORDS.exec(text0);
      if (lead) {
        start += lead[0].length;
        text0 = text0.slice(lead[0].length);
      }
      if (!MIN_DATE_CHARS.test(text0) || !DATE_WORDS.test(text0)) continue; // "now", "night", "for five years"
      if (/\b(?:years?|months?|weeks?|days?|hours?)\b/i.test(text0) && !/\b(?:ago|last|next|this)\b/i.test(text0)) continue;
      const value = toDateValue(reading.start, text0, anchor);
      if (value) addHit(plan, start, start + text0.length, value);
      else if (!anchor && notes && isRelative(text0)) notes.relative = true;
    }
  });
  for (const m of plan.slice.matchAll(YEAR_AFTER_WORD)) {
    const yearAt = m.index + m[0].length - m[1]!.length;
    addHit(plan, yearAt, yearAt + 4, { year: Number(m[1]), precision: "year" });
  }
  return plan.hits.sort((a, b) => a.start - b.start);
}

/**
 * Readings that do not depend on the reference date: absolute dates, whose year-less forms
 * placeYear settles. Relative ones ("on Tuesday") and 29 February without a year (a leap year
 * decides whether chrono takes it) are parsed again.
 */
function reusable(readings: Reading[] | undefined): Reading[] | undefined {
  if (!readings) return undefined;
  const dependsOnRef = (r: Reading) => isRelative(r.text.replace(LEADING_WORDS, "")) || (r.start.get("month") === 2 && r.start.get("day") === 29 && !r.start.isCertain("year"));
  return readings.some(dependsOnRef) ? undefined : readings;
}

const WINDOW_MARGIN = 28;
/** DATE_WORDS, every one (matchAll reads a copy: the one regex serves every call). */
const EVERY_DATE_WORD = new RegExp(DATE_WORDS.source, "gi");

/**
 * chrono reads only short windows around a month, weekday or relative word: most of a news
 * sentence is not a date, and chrono's thirty parsers cost per character read.
 */
function dateWindows(text: string): Array<[number, number]> {
  const windows: Array<[number, number]> = [];
  for (const m of text.matchAll(EVERY_DATE_WORD)) {
    const from = Math.max(0, m.index - WINDOW_MARGIN);
    const to = Math.min(text.length, m.index + m[0].length + WINDOW_MARGIN);
    const last = windows[windows.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else windows.push([from, to]);
  }
  return windows.map(([from, to]) => {
    // Widen to word boundaries so no word is cut in half.
    let a = from;
    let b = to;
    while (a > 0 && /\S/.test(text[a - 1]!)) a--;
    while (b < text.length && /\S/.test(text[b]!)) b++;
    return [a, b];
  });
}

/**
 * Between two windows in one chrono call: no parser reads a date through it and no refiner
 * merges two dates across it (they join only over spaces, "to", "-", "at", "," and the like).
 */
const SEPARATOR = "\n;;;\n";
/** A call's text is bounded, so that the fallback in parseBatch (each text read alone) re-reads a bounded part. */
const BATCH_CHARS = 8_000;

/** chrono's readings of each text, as if each were parsed alone. */
function parseTexts(texts: string[], ref: Date): Reading[][] {
  const out: Reading[][] = [];
  for (let first = 0; first < texts.length; ) {
    let last = first + 1;
    let chars = texts[first]!.length;
    while (last < texts.length && chars + texts[last]!.length <= BATCH_CHARS) chars += SEPARATOR.length + texts[last++]!.length;
    out.push(...parseBatch(texts.slice(first, last), ref));
    first = last;
  }
  return out;
}

function parseBatch(texts: string[], ref: Date): Reading[][] {
  const starts: number[] = [];
  let at = 0;
  for (const t of texts) {
    starts.push(at);
    at += t.length + SEPARATOR.length;
  }
  const out: Reading[][] = texts.map(() => []);
  let k = 0;
  for (const result of chrono.casual.parse(texts.join(SEPARATOR), ref)) {
    while (k + 1 < texts.length && starts[k + 1]! <= result.index) k++;
    const index = result.index - starts[k]!;
    // Not seen in the 10,023 files tried; but if a result did reach across a separator, each text is read alone.
    if (index + result.text.length > texts[k]!.length) return texts.map((t) => readingsOf(t, ref));
    out[k]!.push({ index, text: result.text, start: result.start });
  }
  return out;
}

function readingsOf(text: string, ref: Date): Reading[] {
  return chrono.casual.parse(text, ref).map((r) => ({ index: r.index, text: r.text, start: r.start }));
}

function monthNumber(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, "");
  const full = MONTHS.indexOf(w);
  return full >= 0 ? full + 1 : MONTH_ABBREVIATIONS[w];
}

const MONTH_WORD = new RegExp(`\\b${MONTH_NAME}\\b`, "i");

/** A date written without a number or a month ("on Tuesday", "last month"): read against a date given. */
function isRelative(text: string): boolean {
  return !/\d/.test(text) && !MONTH_WORD.test(text);
}

function toDateValue(c: chrono.ParsedComponents, text: string, anchor?: DateAnchor): DateValue | undefined {
  if (isRelative(text)) {
    // "on Tuesday", "last month": only meaningful against a real date.
    if (!anchor) return undefined;
    const d = c.date();
    // "Saturday's fire" in an article of Wednesday is last Saturday: news reports the past.
    const anchorTime = Date.UTC(anchor.year, anchor.month - 1, anchor.day, 12);
    if (anchor.published && c.isCertain("weekday") && !/\bnext\b/i.test(text)) {
      while (d.getTime() > anchorTime + 3_600_000) d.setUTCDate(d.getUTCDate() - 7);
    }
    const precision: DatePrecision = c.isCertain("day") || c.isCertain("weekday") || /day\b/i.test(text) ? "day" : c.isCertain("month") || /month/i.test(text) ? "month" : "year";
    return trimToPrecision({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), precision, yearInferred: true });
  }
  const month = c.get("month") ?? undefined;
  const day = c.isCertain("day") ? (c.get("day") ?? undefined) : undefined;
  if (!c.isCertain("month") || month === undefined) return undefined;
  const precision: DatePrecision = day !== undefined ? "day" : "month";
  if (c.isCertain("year")) return trimToPrecision({ year: c.get("year") ?? undefined, month, day, precision });
  if (!anchor) return trimToPrecision({ month, day, precision });
  return trimToPrecision({ year: placeYear(month, day ?? 1, anchor), month, day, precision, yearInferred: true });
}

/** The year of a year-less date: the nearest to the anchor, and not after a publication date. */
export function placeYear(month: number, day: number, anchor: DateAnchor): number {
  const anchorTime = Date.UTC(anchor.year, anchor.month - 1, anchor.day);
  const week = 7 * 86_400_000;
  let best = anchor.year;
  let bestDistance = Infinity;
  for (const year of [anchor.year - 1, anchor.year, anchor.year + 1]) {
    const t = Date.UTC(year, month - 1, day);
    if (anchor.published && t > anchorTime + week) continue;
    const distance = Math.abs(t - anchorTime);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = year;
    }
  }
  return best;
}

function trimToPrecision(v: DateValue): DateValue {
  const out: DateValue = { precision: v.precision };
  if (v.year !== undefined) out.year = v.year;
  if (v.month !== undefined && v.precision !== "year") out.month = v.month;
  if (v.day !== undefined && v.precision === "day") out.day = v.day;
  if (v.yearInferred) out.yearInferred = true;
  return out;
}

const MONTH_TITLES = MONTHS.map((m) => m[0]!.toUpperCase() + m.slice(1));

/** "28 September 2017", "February 2016", "2014", "14 September". */
export function formatDate(v: DateValue): string {
  const parts: string[] = [];
  if (v.day !== undefined) parts.push(String(v.day));
  if (v.month !== undefined) parts.push(MONTH_TITLES[v.month - 1]!);
  if (v.year !== undefined) parts.push(String(v.year));
  return parts.join(" ");
}

/** ISO 8601 with the precision the text gave: "2017-09-28", "2016-02", "2014", "--09-14". */
export function isoDate(v: DateValue): string {
  const p2 = (n: number) => String(n).padStart(2, "0");
  if (v.year === undefined) return v.day !== undefined ? `--${p2(v.month!)}-${p2(v.day)}` : `--${p2(v.month!)}`;
  if (v.precision === "year") return String(v.year);
  if (v.precision === "month") return `${v.year}-${p2(v.month!)}`;
  return `${v.year}-${p2(v.month!)}-${p2(v.day!)}`;
}

/** Same date at the precision of `a` (the claim). Years inferred on either side do not count against. */
export function sameDate(a: DateValue, b: DateValue): boolean {
  if (a.precision !== b.precision) return false;
  if (a.month !== b.month || a.day !== b.day) return false;
  if (a.year === undefined || b.year === undefined) return true;
  if (a.year === b.year) return true;
  return Boolean(a.yearInferred || b.yearInferred) && a.precision === "day";
}

/** Day of the year-less form, for "27, 28 and 29 September" style messages. */
export function dateSortKey(v: DateValue): number {
  return (v.year ?? 0) * 10000 + (v.month ?? 0) * 100 + (v.day ?? 0);
}
