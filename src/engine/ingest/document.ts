// Reads one file's text into a prepared document: prose view, blocks, sentences, metadata,
// and the per-document extraction (dates, terms, quotes, name candidates). Everything here
// depends on this one file only, so a corpus can re-read a changed source alone.
import type { DateValue, DocumentMeta, Quote, Sentence } from "../types";
import { findClutter } from "./clutter";
import { markdownProse } from "./markdown";
import { dateAnchor, readMeta } from "./metadata";
import { splitSentences } from "./sentences";
import { findDatesInTexts, type DateAnchor, type DateHit, type DateNotes } from "../extract/dates";
import { findTerms, type TermHit } from "../extract/terms";
import { tokenize } from "../extract/tokens";
import { findNameCandidates, type NameCandidate } from "../extract/names";
import { findQuotes } from "../extract/quotes";
import { diffProse, proseFrom, type ProseDiff } from "./prose-view";
import { packNames, unpackNames, type NameTable } from "../extract/name-table";
import { Recent } from "./recent";
import { narrowText, textFrom, type NarrowText } from "./text-view";

export interface PreparedDocument {
  meta: DocumentMeta;
  /** The text as read; for a text kept narrow (see ingest/text-view), made from it when read (not stored). */
  readonly text: string;
  /** The text kept one byte per character, when it is mostly Latin-1 (see ingest/text-view). */
  narrowText?: NarrowText;
  /** The prose view (see ingest/prose-view): made from the text when read, not stored. */
  readonly prose: string;
  /** Where the prose differs from the text; undefined when the prose is stored as it is. */
  proseDiff?: ProseDiff;
  sentences: Sentence[];
  dates: DateHit[];
  terms: TermHit[];
  /** The name candidates, packed (see extract/name-table). */
  nameTable: NameTable;
  /** The name candidates, made from the packed table when read (not stored). */
  readonly names: NameCandidate[];
  quotes: Quote[];
  warnings: string[];
}

export const SOURCE_EXTENSIONS = [".txt", ".md", ".markdown"];

export function isMarkdownPath(path: string): boolean {
  return /\.(?:md|markdown|mdown|mkd)$/i.test(path);
}

export interface PrepareOptions {
  /** A draft is the journalist's own text: no web clutter to remove. */
  draft?: boolean;
  /** The date that year-less and relative dates are read against, when the caller knows it. */
  anchor?: DateAnchor;
}

export function prepareDocument(path: string, text: string, options: PrepareOptions = {}): PreparedDocument {
  return prepareDocuments([{ path, text }], options)[0]!;
}

interface Reading {
  path: string;
  text: string;
  warnings: string[];
  prose: string;
  /** The prose's blocks (paragraphs, lines), which its sentences are split within. */
  blocks: Array<[number, number]>;
  frontMatter?: Record<string, unknown>;
  clutter: ReturnType<typeof findClutter>;
  sentences: Sentence[];
  notes: DateNotes[];
  firstPass: DateHit[][];
  meta?: DocumentMeta;
  anchor?: DateAnchor;
  dates: DateHit[];
  terms: TermHit[];
  names: NameCandidate[];
}

/**
 * Several documents read at once, each step for all of them before the next: the same as
 * reading each alone, but each step's code stays in the processor's caches while it runs.
 */
export function prepareDocuments(inputs: ReadonlyArray<{ path: string; text: string }>, options: PrepareOptions = {}): PreparedDocument[] {
  const readings = inputs.map(({ path, text }) => proseOf(path, text, options));
  for (const r of readings) r.sentences = splitSentences(r.prose, r.blocks);
  for (const r of readings) if (!r.sentences.length && r.text.trim()) r.warnings.push("no prose found (only markup, code or web clutter)");
  // Dates without an anchor first, which the metadata's dateline is read from, to find the
  // document's own date; then the sentences whose dates need that anchor (year-less or relative
  // ones) once more. Sentences without a date word are skipped.
  for (const r of readings) r.notes = r.sentences.map(() => ({ relative: false }));
  const firstPasses = datesOf(readings, (r, s) => mayHaveDate(r.prose, s), () => undefined, (r) => r.sentences.map((): DateHit[] => []));
  readings.forEach((r, k) => (r.firstPass = firstPasses[k]!));
  for (const r of readings) {
    r.meta = readMeta(r.path, r.prose, r.sentences, r.firstPass, r.clutter, r.frontMatter);
    const explicit: DateValue[] = r.firstPass.flat().map((d) => d.value);
    r.anchor = options.anchor ?? dateAnchor(r.meta, explicit);
  }
  const secondPasses = datesOf(readings, (r, _, i) => needsAnchor(r.firstPass[i]!, r.notes[i]!), (r) => r.anchor, (r) => r.firstPass);
  readings.forEach((r, k) => (r.dates = secondPasses[k]!.flat()));
  termsAndNames(readings);
  return readings.map((r) => finish(r, options));
}

function proseOf(path: string, text: string, options: PrepareOptions): Reading {
  const warnings: string[] = [];
  let prose: string;
  let blocks: Array<[number, number]>;
  let frontMatter: Record<string, unknown> | undefined;
  const tooDeep = isMarkdownPath(path) ? deepNesting(text) : undefined;
  if (tooDeep) warnings.push(`Markdown nested more than ${MAX_NESTING} levels deep (line ${tooDeep}); read as plain text`);
  if (isMarkdownPath(path) && !tooDeep) {
    const view = markdownProse(text);
    ({ prose, blocks, frontMatter } = view);
    warnings.push(...view.warnings);
  } else {
    prose = text.replace(/\r/g, (_, i: number) => (text[i + 1] === "\n" ? " " : "\n"));
    blocks = lineBlocks(prose);
  }
  const clutter = options.draft ? [] : findClutter(prose);
  for (const line of clutter) prose = blank(prose, line.start, line.end);
  blocks = blocks.map(([s, e]) => trimBlock(prose, s, e)).filter(([s, e]) => e > s);
  const r = { path, text, warnings, prose, clutter, blocks, sentences: [], notes: [], firstPass: [], dates: [], terms: [], names: [] };
  return frontMatter ? { ...r, frontMatter } : r;
}

function termsAndNames(readings: Reading[]): void {
  const all = readings.map((r) => r.sentences.map((s) => tokenize(r.prose, s.start, s.end)));
  const spansOf = readings.map((r) => {
    const dateSpans = r.dates.map((d): [number, number] => [d.start, d.end]);
    let d0 = 0;
    return r.sentences.map((s) => {
      // Only this sentence's dates (a whole document's would make long texts quadratic).
      while (d0 < dateSpans.length && dateSpans[d0]![1] <= s.start) d0++;
      let d1 = d0;
      while (d1 < dateSpans.length && dateSpans[d1]![0] < s.end) d1++;
      return dateSpans.slice(d0, d1);
    });
  });
  readings.forEach((r, k) => r.sentences.forEach((s, i) => r.terms.push(...findTerms(r.prose, s.start, s.end, spansOf[k]![i]!, all[k]![i]!))));
  readings.forEach((r, k) =>
    r.sentences.forEach((s, i) => {
      const spans = spansOf[k]![i]!;
      const headline = isHeadline(r.prose, s);
      for (const n of findNameCandidates(r.prose, s.start, s.end, all[k]![i]!)) {
        if ((headline && !/^\p{Lu}{2,}$/u.test(n.text)) || spans.some(([a, b]) => n.start < b && a < n.end)) continue;
        r.names.push(n);
      }
    }),
  );
}

function finish(r: Reading, options: PrepareOptions): PreparedDocument {
  const { text, prose, sentences, dates, terms, warnings } = r;
  const meta = r.meta!;
  const quotes = sentences.length ? findQuotes(prose) : [];
  const nameTable = packNames(r.names);
  // A source is kept for the session: its prose as where it differs from the text, the text one
  // byte a character where it can be. A draft is read again at every edit: kept as it is.
  const diff = options.draft ? undefined : diffProse(text, prose);
  const narrow = options.draft ? undefined : narrowText(text);
  const stored = narrow ? { narrowText: narrow } : { text };
  const doc = diff ? { meta, ...stored, proseDiff: diff, sentences, dates, terms, nameTable, quotes, warnings } : { meta, ...stored, prose, sentences, dates, terms, nameTable, quotes, warnings };
  return withViews(doc as PreparedDocument);
}

// Few kept: a document's names are asked for in a row (twice when the corpus is built), not again
// later; kept longer, half a million candidates outlive the young generation and are left as old
// garbage (peak memory indexing 10,000 sources: some 860 MB with 64 kept, 770-810 MB with 2).
const namesMade = new Recent<NameCandidate[]>(2);

/**
 * Gives a document its `text` (when kept narrow), its `prose`, made from the text, and its
 * `names`, made from the packed table, when read. Documents that crossed a thread or came from
 * a cache are plain data again and need them given back (the properties are not copied).
 */
export function withViews(doc: PreparedDocument): PreparedDocument {
  if (doc.narrowText && !Object.getOwnPropertyDescriptor(doc, "text")) Object.defineProperty(doc, "text", VIEWS.text);
  if (doc.proseDiff && !Object.getOwnPropertyDescriptor(doc, "prose")) Object.defineProperty(doc, "prose", VIEWS.prose);
  if (!Object.getOwnPropertyDescriptor(doc, "names")) Object.defineProperty(doc, "names", VIEWS.names);
  return doc;
}

/**
 * The views' getters, the same for every document (a closure of its own for each gave each
 * document hidden classes of its own: taking 10,000 documents from the cache took 100-135 ms).
 */
const VIEWS = {
  text: { get: function (this: PreparedDocument) { return textFrom(this, this.narrowText!); }, enumerable: false, configurable: true },
  // Made from the narrow text where there is one: the text itself is not made for it.
  prose: { get: function (this: PreparedDocument) { return proseFrom(this, this.narrowText ?? this.text, this.proseDiff!); }, enumerable: false, configurable: true },
  names: {
    get: function (this: PreparedDocument) {
      return namesMade.get(this, () => unpackNames(this.prose, this.nameTable));
    },
    enumerable: false,
    configurable: true,
  },
} satisfies Record<string, PropertyDescriptor>;

const DATE_WORD = /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|yesterday|today|tomorrow|tonight|last|next|ago|this)/i;

function mayHaveDate(prose: string, s: Sentence): boolean {
  return DATE_WORD.test(prose.slice(s.start, s.end));
}

/**
 * The dates of each sentence of each document: those `wanted` picks read in one batch, the
 * others as in `before`. The second pass passes the first's notes, so what it read is not parsed again.
 */
function datesOf(readings: Reading[], wanted: (r: Reading, s: Sentence, i: number) => boolean, anchor: (r: Reading) => DateAnchor | undefined, before: (r: Reading) => DateHit[][]): DateHit[][][] {
  const picks = readings.map((r) => r.sentences.flatMap((s, i) => (wanted(r, s, i) ? [i] : [])));
  const found = findDatesInTexts(readings.map((r, k) => ({ text: r.prose, spans: picks[k]!.map((i) => [r.sentences[i]!.start, r.sentences[i]!.end] as const), anchor: anchor(r), notes: picks[k]!.map((i) => r.notes[i]!) })));
  return readings.map((r, k) => {
    const out = before(r).slice();
    picks[k]!.forEach((i, j) => (out[i] = found[k]![j]!));
    return out;
  });
}

/** Year-less ("On 14 September") and relative ("on Tuesday") dates are read against the anchor. */
function needsAnchor(found: DateHit[], notes: DateNotes): boolean {
  return notes.relative || found.some((d) => d.value.year === undefined);
}

/** A title-case headline capitalises every word, so its capitals say nothing about names. */
function isHeadline(prose: string, s: Sentence): boolean {
  const text = prose.slice(s.start, s.end).trim();
  if (/[.!?]["”’]?$/.test(text)) return false; // a headline has no full stop
  const words = text.split(/\s+/).filter((w) => /^\p{L}/u.test(w) && w.length > 3);
  if (words.length < 4) return false;
  return words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length >= 0.75;
}

/** Beyond this, Markdown parsers slow down without bound (nested lists and quotes). */
const MAX_NESTING = 32;

/** The first line nested too deeply for the Markdown parser, if any. */
function deepNesting(text: string): number | undefined {
  let line = 0;
  for (const m of text.matchAll(/^([ \t>*+-]*)/gm)) {
    line++;
    const lead = m[1]!;
    if (lead.length < MAX_NESTING) continue;
    const depth = (lead.match(/>/g)?.length ?? 0) + Math.floor(lead.replace(/\t/g, "    ").replace(/[^ ]/g, "").length / 2);
    if (depth > MAX_NESTING) return line;
  }
  return undefined;
}

function lineBlocks(text: string): Array<[number, number]> {
  const blocks: Array<[number, number]> = [];
  let at = 0;
  for (const line of text.split("\n")) {
    if (line.trim()) blocks.push([at, at + line.length]);
    at += line.length + 1;
  }
  return blocks;
}

function trimBlock(prose: string, s: number, e: number): [number, number] {
  while (s < e && /\s/.test(prose[s]!)) s++;
  while (e > s && /\s/.test(prose[e - 1]!)) e--;
  return [s, e];
}

function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + text.slice(start, end).replace(/[^\n]/g, " ") + text.slice(end);
}
