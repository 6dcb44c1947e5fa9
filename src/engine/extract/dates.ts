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

/** What a reading without an anchor left out: a relative date ("on Tuesday", "last month"), which only an anchor places. */
export interface DateNotes {
  relative: boolean;
}

/**
 * Finds the dates in text[from, to). Without an anchor, relative dates are left out; `notes`
 * then says whether there was one (read again with an anchor, the text would give it).
 */
export function findDates(text: string, from: number, to: number, anchor?: DateAnchor, notes?: DateNotes): DateHit[] {
  const slice = text.slice(from, to);
  const hits: DateHit[] = [];
  const taken: Array<[number, number]> = [];
  const add = (start: number, end: number, value: DateValue): void => {
    if (taken.some(([s, e]) => start < e && s < end)) return;
    taken.push([start, end]);
    hits.push({ start: from + start, end: from + end, value });
  };

  for (const m of slice.matchAll(DOTTED)) {
    const day = Number(m[1]);
    const month = Number(m[2]);
    if (day >= 1 && day <= 31 && month >= 1 && month <= 12) add(m.index, m.index + m[0].length, { year: Number(m[3]), month, day, precision: "day" });
  }
  for (const m of slice.matchAll(DAY_MONTH_COMMA_YEAR)) {
    const month = monthNumber(m[2]!);
    if (month) add(m.index, m.index + m[0].length, { year: Number(m[3]), month, day: Number(m[1]), precision: "day" });
  }

  // chrono reads the rest; spans already taken are blanked (same length, so offsets hold).
  let masked = slice;
  for (const [s, e] of taken) masked = masked.slice(0, s) + " ".repeat(e - s) + masked.slice(e);
  const ref = anchor ? new Date(Date.UTC(anchor.year, anchor.month - 1, anchor.day, 12)) : new Date(Date.UTC(2000, 5, 15, 12));
  for (const { result, offset } of parseWindows(masked, ref)) {
    let text0 = result.text;
    let start = result.index + offset;
    const lead = LEADING_WORDS.exec(text0);
    if (lead) {
      start += lead[0].length;
      text0 = text0.slice(lead[0].length);
    }
    if (!MIN_DATE_CHARS.test(text0) || !DATE_WORDS.test(text0)) continue; // "now", "night", "for five years"
    if (/\b(?:years?|months?|weeks?|days?|hours?)\b/i.test(text0) && !/\b(?:ago|last|next|this)\b/i.test(text0)) continue;
    const value = toDateValue(result.start, text0, anchor);
    if (value) add(start, start + text0.length, value);
    else if (!anchor && notes && isRelative(text0)) notes.relative = true;
  }

  for (const m of slice.matchAll(YEAR_AFTER_WORD)) {
    const yearAt = m.index + m[0].length - m[1]!.length;
    add(yearAt, yearAt + 4, { year: Number(m[1]), precision: "year" });
  }
  return hits.sort((a, b) => a.start - b.start);
}

const WINDOW_MARGIN = 28;
/** DATE_WORDS, every one (matchAll reads a copy: the one regex serves every call). */
const EVERY_DATE_WORD = new RegExp(DATE_WORDS.source, "gi");

/**
 * chrono reads only short windows around a month, weekday or relative word: most of a news
 * sentence is not a date, and chrono's thirty parsers cost per character read.
 */
function* parseWindows(text: string, ref: Date): Iterable<{ result: chrono.ParsedResult; offset: number }> {
  const windows: Array<[number, number]> = [];
  for (const m of text.matchAll(EVERY_DATE_WORD)) {
    const from = Math.max(0, m.index - WINDOW_MARGIN);
    const to = Math.min(text.length, m.index + m[0].length + WINDOW_MARGIN);
    const last = windows[windows.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else windows.push([from, to]);
  }
  for (const [from, to] of windows) {
    // Widen to word boundaries so no word is cut in half.
    let a = from;
    let b = to;
    while (a > 0 && /\S/.test(text[a - 1]!)) a--;
    while (b < text.length && /\S/.test(text[b]!)) b++;
    for (const result of chrono.casual.parse(text.slice(a, b), ref)) yield { result, offset: a };
  }
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
