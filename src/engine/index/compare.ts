// Which values can be compared, and when two say the same.
import type { Mention } from "../types";
import { sameDate } from "../extract/dates";
import { sameTerm } from "../extract/terms";
import { lemmaClass } from "../extract/context";

/** Same kind of value: dates of the same precision, durations, money in one currency, counts of one thing. */
export function comparable(a: Mention, b: Mention): boolean {
  if (a.date && b.date) return a.date.precision === b.date.precision;
  if (!a.term || !b.term || a.term.kind !== b.term.kind) return false;
  if (a.term.kind === "money") return a.term.unit === b.term.unit;
  if (a.term.kind === "count") return lemmaClass(a.term.unit) === lemmaClass(b.term.unit);
  return true;
}

/** A key that two values share exactly when they are comparable (see above). */
export function comparableKind(m: Mention): string {
  if (m.date) return `date:${m.date.precision}`;
  const t = m.term;
  if (!t) return "none";
  return t.kind === "money" ? `money:${t.unit}` : t.kind === "count" ? `count:${lemmaClass(t.unit) ?? ""}` : t.kind;
}

export function sameValue(a: Mention, b: Mention): boolean {
  if (a.date && b.date) return sameDate(a.date, b.date);
  if (a.term && b.term) return sameTerm(a.term, b.term);
  return false;
}

/** Same figure, even where the counted nouns differ ("6,000 people" signed, "6,000 signatures"). */
export function sameFigure(a: Mention, b: Mention): boolean {
  if (a.term && b.term && a.term.kind === "count" && b.term.kind === "count") return sameTerm(a.term, b.term);
  return comparable(a, b) && sameValue(a, b);
}
