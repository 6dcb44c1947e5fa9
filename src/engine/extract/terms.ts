// The figures a story turns on: durations and sentence terms ("four years", "a five-year ban",
// "100 hours"), money ("75,000 Euros", "€1.2 million") and counts ("some 300 oil workers",
// "over 6,000 signatures", "dozens of workers"), with their qualifiers.
import type { TermValue } from "../types";
import { CURRENCY_WORDS, DURATION_UNITS, QUALIFIERS, STOPWORDS } from "./lexicon";
import { formatNumber, NUMBER_WORDS as UNITS_FOR_START, readNumber } from "./numbers";
import { isLowerWord, lemma, tokenize, type Token } from "./tokens";

export interface TermHit {
  start: number;
  end: number;
  value: TermValue;
}

const NOT_COUNTED = new Set(["per", "percent", "cent", "times", "time", "%", "o'clock", "am", "pm", "th", "st", "nd", "rd"]);
const VERBISH = /(?:ed|ing)$/;

/** Finds the terms in text[from, to), skipping the spans in `exclude` (dates, names). */
export function findTerms(text: string, from: number, to: number, exclude: Array<[number, number]> = [], tokens: Token[] = tokenize(text, from, to)): TermHit[] {
  const hits: TermHit[] = [];
  const excluded = (t: Token) => exclude.some(([s, e]) => t.start < e && s < t.end);
  let i = 0;
  while (i < tokens.length) {
    // Only where a term can begin: a digit, a currency sign, a number word, a qualifier.
    if (!canStartTerm(tokens[i]!)) {
      i++;
      continue;
    }
    const hit = readTerm(tokens, i, excluded);
    if (hit) {
      hits.push(hit.term);
      i = hit.next;
    } else i++;
  }
  bindElidedUnits(tokens, hits, excluded);
  return hits;
}

const TERM_STARTS = new Set([
  ...Object.keys(UNITS_FOR_START), "a", "an", "dozens", "scores", "hundreds", "thousands", "millions",
  ...QUALIFIERS.map(([w]) => w[0]!), ...Object.keys(CURRENCY_WORDS),
]);

function canStartTerm(t: Token): boolean {
  const c = t.text.charCodeAt(0);
  return (c >= 48 && c <= 57) || TERM_STARTS.has(t.lower);
}

function readTerm(tokens: Token[], i: number, excluded: (t: Token) => boolean): { term: TermHit; next: number } | undefined {
  const startToken = tokens[i]!;
  if (excluded(startToken)) return undefined;
  const qualifier = readQualifier(tokens, i);
  let k = qualifier ? qualifier.next : i;
  // Currency before the number: "€75,000", "US$ 3 million", "EUR 500".
  let currency: string | undefined;
  const maybeCurrency = tokens[k];
  if (maybeCurrency && CURRENCY_WORDS[maybeCurrency.lower] && (maybeCurrency.text.length === 1 || /^[A-Z$]{3}$/.test(maybeCurrency.text)) && tokens[k + 1] && /^\d/.test(tokens[k + 1]!.text)) {
    currency = CURRENCY_WORDS[maybeCurrency.lower];
    k++;
  }
  const numberToken = tokens[k];
  if (!numberToken || excluded(numberToken)) return undefined;
  if (/^\d/.test(numberToken.text) && tokens[k - 1] && /^(?:no|nos|number|convention|article|recommendation|resolution|law|act|section|chapter|page|p)$/i.test(tokens[k - 1]!.lower) && !qualifier) return undefined;
  const num = readNumber(tokens, k);
  if (!num) return undefined;
  const after = tokens[num.next];
  const begin = qualifier ? startToken.start : (currency ? maybeCurrency!.start : numberToken.start);

  if (currency) return money(num.value, currency, begin, tokens[num.next - 1]!.end, qualifier?.value, num.next);
  if (!after || excluded(after)) return undefined;

  // Percentages: "45%", "45 per cent", "45 percent".
  const perCent = after.text === "%" ? 1 : after.lower === "percent" ? 1 : after.lower === "per" && tokens[num.next + 1]?.lower === "cent" ? 2 : 0;
  if (perCent) {
    const last = tokens[num.next + perCent - 1]!;
    const value: TermValue = { kind: "count", amount: num.value, unit: "percent", display: `${formatNumber(num.value)}%` };
    if (qualifier) value.qualifier = qualifier.value;
    return { term: { start: begin, end: last.end, value }, next: num.next + perCent };
  }
  // Ages are not durations: "a 52-year-old driver" is never compared with "four years" in prison.
  if (after.before === "-" && /^years?$/.test(after.lower) && tokens[num.next + 1]?.lower === "old" && tokens[num.next + 1]?.before === "-") {
    const value: TermValue = { kind: "count", amount: num.value, unit: "age", display: `aged ${formatNumber(num.value)}` };
    return { term: { start: begin, end: tokens[num.next + 1]!.end, value }, next: num.next + 2 };
  }
  const unitWord = after.lower.replace(/['’]$/, ""); // "two years’ jail"
  const unitHours = DURATION_UNITS[unitWord];
  if (unitHours !== undefined && (after.before === " " || after.before === "-") && after.gap <= 2) {
    let end = after.end;
    let next = num.next + 1;
    let head: string | undefined;
    if (after.before === "-") {
      // "five-year ban", "two-and-a-half-year prison term": the noun is part of the term.
      const nounEnd = readNoun(tokens, next);
      if (nounEnd.words.length) {
        head = nounEnd.words.join(" ");
        end = tokens[nounEnd.next - 1]!.end;
        next = nounEnd.next;
      }
    } else {
      head = after.lower !== unitWord ? readNoun(tokens, next).words.join(" ") || undefined : headAfter(tokens, next);
    }
    const unit = /^(\w+?)s?$/.exec(unitWord)![1]!;
    const shown = `${formatNumber(num.value)} ${unit}${num.value === 1 ? "" : "s"}`;
    const value: TermValue = { kind: "duration", amount: num.value * unitHours, unit: "hour", display: shown };
    if (qualifier) value.qualifier = qualifier.value;
    if (head) value.head = head;
    return { term: { start: begin, end, value }, next };
  }

  const currencyAfter = CURRENCY_WORDS[after.lower];
  if (currencyAfter && after.lower !== "try" && after.lower !== "real" && after.lower !== "som") return money(num.value, currencyAfter, begin, after.end, qualifier?.value, num.next + 1);

  // A count: the number and the noun it counts. "one" alone is too common to be a claim.
  if (numberToken.lower === "one" || numberToken.lower === "a" || numberToken.lower === "an") return undefined;
  let n = num.next;
  if (num.vague && tokens[n]?.lower === "of") n++;
  const noun = readNoun(tokens, n);
  if (!noun.words.length) return undefined;
  if (/^(?:19|20)\d\d$/.test(numberToken.text) && !qualifier) return undefined; // a year, not a count
  const countedWord = noun.words[noun.words.length - 1]!;
  const value: TermValue = {
    kind: "count",
    amount: num.value,
    unit: lemma(countedWord),
    display: `${num.vague ? numberToken.lower : formatNumber(num.value)} ${noun.words.join(" ")}`,
  };
  const q = num.vague ? "many" : qualifier?.value;
  if (q) value.qualifier = q;
  return { term: { start: begin, end: tokens[noun.next - 1]!.end, value }, next: noun.next };
}

function money(amount: number, currency: string, start: number, end: number, qualifier: TermValue["qualifier"] | undefined, next: number) {
  const value: TermValue = { kind: "money", amount, unit: currency, display: `${currency} ${formatNumber(amount)}` };
  if (qualifier) value.qualifier = qualifier;
  return { term: { start, end, value }, next };
}

function readQualifier(tokens: Token[], i: number): { value: NonNullable<TermValue["qualifier"]>; next: number } | undefined {
  for (const [words, value] of QUALIFIERS) {
    if (words.every((w, k) => tokens[i + k]?.lower === w)) {
      const next = i + words.length;
      const t = tokens[next];
      if (t && (/^\d/.test(t.text) || readNumber(tokens, next) || CURRENCY_WORDS[t.lower])) return { value, next };
    }
  }
  return undefined;
}

/** Up to three lower-case words that are not function words: the counted or qualified noun. */
function readNoun(tokens: Token[], i: number): { words: string[]; next: number } {
  const words: string[] = [];
  let j = i;
  while (j < tokens.length && words.length < 4) {
    const t = tokens[j]!;
    if (!isLowerWord(t.text) || STOPWORDS.has(t.lower) || /ly$/.test(t.lower) || NOT_COUNTED.has(t.lower) || (t.before !== " " && t.before !== "-")) break;
    if (words.length > 0 && VERBISH.test(t.lower) && !/(?:ing)$/.test(words[words.length - 1]!)) break;
    words.push(t.lower);
    j++;
  }
  // A count's noun is not a verb: "300 were", "five have" were cut by the stopwords already.
  return { words, next: j };
}

/** "four years of restriction", "two years' jail": the noun the duration measures. */
function headAfter(tokens: Token[], i: number): string | undefined {
  const t = tokens[i];
  if (!t) return undefined;
  // "four years of restriction", "three years in prison"
  if (t.lower === "of" || t.lower === "in") {
    const noun = readNoun(tokens, i + 1);
    if (noun.words.length) return noun.words.join(" ");
  }
  return undefined;
}

/** "two and two-and-a-half years": the first number takes the unit of the second. */
function bindElidedUnits(tokens: Token[], hits: TermHit[], excluded: (t: Token) => boolean): void {
  for (const hit of [...hits]) {
    const idx = tokens.findIndex((t) => t.start === hit.start);
    if (idx < 2 || hit.value.kind !== "duration") continue;
    const and = tokens[idx - 1]!;
    if (and.lower !== "and" && and.lower !== "or" && and.lower !== "to") continue;
    const num = tokens[idx - 2]!;
    if (excluded(num)) continue;
    const read = readNumber(tokens, idx - 2);
    if (!read || read.next !== idx - 1 || hits.some((h) => h.start <= num.start && num.start < h.end)) continue;
    const hours = hit.value.amount / readNumber(tokens, idx)!.value;
    const unitName = hit.value.display.split(" ")[1]!.replace(/s$/, "");
    const value: TermValue = { kind: "duration", amount: read.value * hours, unit: "hour", display: `${formatNumber(read.value)} ${unitName}${read.value === 1 ? "" : "s"}` };
    if (hit.value.head) value.head = hit.value.head;
    hits.push({ start: num.start, end: num.end, value });
  }
  hits.sort((a, b) => a.start - b.start);
}

/** Do two figures say the same? Qualified figures ("some 300", "over 6,000") allow their slack. */
export function sameTerm(a: TermValue, b: TermValue): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === "money" && a.unit !== b.unit) return false;
  const approx = a.qualifier === "about" || b.qualifier === "about" || a.qualifier === "many" || b.qualifier === "many";
  const tolerance = approx ? 0.1 : 0.005;
  return Math.abs(a.amount - b.amount) <= tolerance * Math.max(a.amount, b.amount);
}
