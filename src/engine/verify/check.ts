// Checks a draft against the corpus: every date, figure, person's name and title, and quotation.
// The draft is checked paragraph by paragraph, and each paragraph's result is kept (per corpus):
// after an edit, only the paragraphs that changed are checked again.
import type { DateValue, Finding, Mention } from "../types";
import { perCorpus, type Corpus } from "../index/corpus";
import { findDates, type DateAnchor } from "../extract/dates";
import { dateAnchor } from "../ingest/metadata";
import { readDraft } from "./draft";
import { checkValue } from "./values";
import { checkPersonNames } from "./names";
import { checkQuote } from "./quotes";
import { checkRoles } from "./roles";
import { citationFix, citationPoint, definedFootnotes, type CitationStyle } from "./fixes";
import { detached } from "../ingest/text-view";

export interface CheckResult {
  findings: Finding[];
  mentions: Mention[];
  warnings: string[];
}

export interface CheckOptions {
  citationStyle?: CitationStyle;
  /** Check every paragraph anew, without the results kept from earlier checks (benchmarks). */
  fresh?: boolean;
}

interface ParagraphResult {
  /** The paragraph's text, a copy of its own (the key it is kept under). */
  text: string;
  findings: Finding[];
  /** For findings that can be cited: where, in the paragraph, the claim's sentence ends. */
  citeAt: Map<Finding, number>;
  mentions: Mention[];
  warnings: string[];
}

/** Paragraph results kept per corpus, all kinds together; more, and all are dropped. */
const CACHE_LIMIT = 20_000;
/** Kinds of reading (Markdown or not, the draft's date) kept at once; more, and all are dropped. */
const KINDS_LIMIT = 8;
/**
 * Per corpus, per kind of reading, each paragraph's result by its text: looked up by the
 * paragraph as cut from the draft, with no key made for it (a key joining the kind and the
 * paragraph was a copy of the whole draft at every check).
 */
const paragraphCache = perCorpus(() => new Map<string, Map<string, ParagraphResult>>());

export function checkDraft(corpus: Corpus, path: string, text: string, options: CheckOptions = {}): CheckResult {
  const style = options.citationStyle ?? "footnote";
  const anchor = draftAnchor(text, path);
  const anchorKey = anchor ? `${anchor.year}-${anchor.month}-${anchor.day}` : "-";
  const markdown = /\.(?:md|markdown|mdown|mkd)$/i.test(path) ? "md" : "txt";
  const kinds = paragraphCache(corpus);
  const cache = paragraphsRead(kinds, `${markdown}|${anchorKey}`);

  const findings: Finding[] = [];
  const mentions: Mention[] = [];
  const warnings = new Set<string>();
  const defined = definedFootnotes(text);
  let lineOf = 1;
  let counted = 0;
  for (const [start, end] of paragraphs(text)) {
    for (let i = counted; i < start; i++) if (text.charCodeAt(i) === 10) lineOf++;
    counted = start;
    const paragraph = text.slice(start, end);
    let result = options.fresh ? undefined : cache.get(paragraph);
    if (!result) {
      // Kept under a copy: the paragraph cut from the draft would keep the whole draft alive.
      result = checkParagraph(corpus, path, detached(paragraph), anchor);
      if (keptIn(kinds) >= CACHE_LIMIT) for (const read of kinds.values()) read.clear();
      cache.set(result.text, result);
    } else {
      cache.delete(result.text); // most recently used last
      cache.set(result.text, result);
    }
    for (const f of result.findings) {
      const moved = shift(f, start);
      const at = result.citeAt.get(f);
      if (at !== undefined) moved.fixes.push(...citations(text, citationPoint(text, start + at), moved, style, defined));
      findings.push(moved);
    }
    for (const m of result.mentions) mentions.push({ ...m, start: m.start + start, end: m.end + start });
    // A paragraph's warnings speak of its own lines: renumber them as the draft's.
    for (const w of result.warnings) warnings.add(w.replace(/\(line (\d+)\)/, (_, n: string) => `(line ${Number(n) + lineOf - 1})`));
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code));
  return { findings, mentions, warnings: [...warnings] };
}

function checkParagraph(corpus: Corpus, path: string, text: string, anchor: DateAnchor | undefined): ParagraphResult {
  const draft = readDraft(corpus, path, text, anchor);
  const { doc } = draft;
  const findings: Finding[] = [];
  const citeAt = new Map<Finding, number>();
  for (const sentence of doc.sentences) {
    for (const [m, context] of draft.contexts) {
      if (m.start < sentence.start || m.end > sentence.end) continue;
      const f = checkValue(corpus, m, context);
      if (!f) continue;
      findings.push(f);
      if (f.kind === "supported" || f.kind === "disputed") citeAt.set(f, sentence.end);
    }
  }
  findings.push(...checkPersonNames(corpus, draft.mentions));
  findings.push(...checkRoles(corpus, draft));
  for (const q of doc.quotes) {
    const f = checkQuote(corpus, q);
    if (!f) continue;
    findings.push(f);
    const sentence = doc.sentences.find((s) => s.start <= q.start && q.start < s.end);
    if (f.kind === "supported") citeAt.set(f, sentence?.end ?? q.end);
  }
  return { text, findings, citeAt, mentions: draft.mentions, warnings: doc.warnings };
}

function keptIn(kinds: Map<string, Map<string, ParagraphResult>>): number {
  let n = 0;
  for (const read of kinds.values()) n += read.size;
  return n;
}

/** The paragraphs' results for one kind of reading (made when first asked for). */
function paragraphsRead(kinds: Map<string, Map<string, ParagraphResult>>, kind: string): Map<string, ParagraphResult> {
  let read = kinds.get(kind);
  if (!read) {
    if (kinds.size >= KINDS_LIMIT) kinds.clear();
    kinds.set(kind, (read = new Map()));
  }
  return read;
}

/** Citations of a supported or disputed claim's evidence (the first three sources). */
function citations(text: string, at: number, f: Finding, style: CitationStyle, defined: Set<string>) {
  return f.evidence.slice(0, f.code === "quote.verbatim" ? 1 : 3).map((e) => citationFix(text, at, e, style, defined));
}

function shift(f: Finding, by: number): Finding {
  return {
    ...f,
    start: f.start + by,
    end: f.end + by,
    fixes: f.fixes.map((x) => ({ ...x, edits: x.edits.map((e) => ({ ...e, start: e.start + by, end: e.end + by })) })),
  };
}

/** Paragraphs: text between blank lines (a front-matter block is one paragraph with what follows it). */
export function paragraphs(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  const frontMatter = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text);
  const re = /\r?\n[ \t]*\r?\n/g;
  re.lastIndex = frontMatter ? frontMatter[0].length : 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > start && text.slice(start, m.index).trim()) out.push([start, m.index]);
    start = m.index + m[0].length;
  }
  if (text.slice(start).trim()) out.push([start, text.length]);
  return out;
}

/**
 * The date a draft's year-less and relative dates are read against: its front matter date, or
 * else the latest full date it gives (a draft is written after what it reports).
 */
export function draftAnchor(text: string, path = ""): DateAnchor | undefined {
  const fm = /^---\r?\n[\s\S]*?^date:\s*["']?(\d{4})-(\d{2})-(\d{2})/m.exec(text.slice(0, 2000));
  if (fm && text.startsWith("---")) return { year: Number(fm[1]), month: Number(fm[2]), day: Number(fm[3]), published: true };
  // Only lines with a year can hold a full date; each one's dates are kept until the next check
  // of the same draft, so that only the lines changed since are read.
  const before = linesRead.get(path);
  const now = new Map<string, DateValue[]>();
  const dates: DateValue[] = [];
  for (const line of text.split("\n")) {
    if (!/\b(?:19|20)\d\d\b/.test(line)) continue;
    const found = now.get(line) ?? before?.get(line) ?? findDates(line, 0, line.length).map((d) => d.value);
    now.set(line, found);
    dates.push(...found);
  }
  if (!before && linesRead.size >= DRAFTS_KEPT) linesRead.clear();
  linesRead.set(path, now);
  // The same rule as a source without a publication date: the latest full date it gives.
  return dateAnchor({ path: "", title: "" }, dates);
}

/**
 * Per draft (by path), the dates of each of its lines with a year, as last checked (a key joining
 * those lines, as kept before, was a copy of most of the draft at every check).
 */
const linesRead = new Map<string, Map<string, DateValue[]>>();
const DRAFTS_KEPT = 16;
