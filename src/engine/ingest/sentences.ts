// Sentence boundaries with exact offsets. Intl.Segmenter does the splitting (built in, runs
// everywhere; for most English prose, a faster scan by the same rules: see sentence-breaks); we
// re-join where it breaks after abbreviations and initials, and split where scraped pages glue a
// dateline to the first sentence ("6 October, 2017The court").
import type { Sentence } from "../types";
import { simpleSentenceBreaks } from "./sentence-breaks";

const ABBREVIATIONS = new Set(
  `mr mrs ms dr st prof gen sen rep gov lt col sgt capt cmdr jr sr no nos vs etc e.g i.e approx inc ltd co corp dept est
  jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun art para p pp fig vol ch
  u.s u.k u.n e.u a.m p.m`.split(/\s+/),
);

const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });

export function splitSentences(prose: string, blocks: Array<[number, number]>): Sentence[] {
  const sentences: Sentence[] = [];
  blocks.forEach(([from, to], block) => {
    const pieces = segmentBlock(prose, from, to);
    for (const [s, e] of pieces) {
      const [ts, te] = trimRange(prose, s, e);
      if (te > ts && hasLetterOrDigit(prose, ts, te)) sentences.push({ start: ts, end: te, block });
    }
  });
  return sentences;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/gu;

/** Whether text[from, to) has a letter or a digit: searched in place, the piece not copied. */
function hasLetterOrDigit(text: string, from: number, to: number): boolean {
  LETTER_OR_DIGIT.lastIndex = from;
  const m = LETTER_OR_DIGIT.exec(text);
  return m !== null && m.index < to;
}

/** Intl.Segmenter slows down on very long blocks: those are cut at obvious sentence ends first. */
const MAX_SEGMENT_INPUT = 20_000;

function segmentBlock(prose: string, from: number, to: number): Array<[number, number]> {
  if (to - from > MAX_SEGMENT_INPUT) {
    const out: Array<[number, number]> = [];
    let at = from;
    while (at < to) {
      let cut = Math.min(to, at + MAX_SEGMENT_INPUT);
      if (cut < to) {
        const window = prose.slice(at + MAX_SEGMENT_INPUT / 2, cut);
        let last: RegExpMatchArray | undefined;
        for (const m of window.matchAll(/[.!?]["”’)]?\s+(?=\p{Lu})/gu)) last = m;
        cut = last ? at + MAX_SEGMENT_INPUT / 2 + last.index! + last[0].length : cut;
      }
      out.push(...segmentBlock(prose, at, cut));
      at = cut;
    }
    return out;
  }
  const raw: Array<[number, number]> = [];
  const breaks = simpleSentenceBreaks(prose, from, to);
  if (breaks) {
    let at = from;
    for (const b of breaks) raw.push([at, (at = b)]);
    if (at < to) raw.push([at, to]);
  } else for (const seg of segmenter.segment(prose.slice(from, to))) raw.push([from + seg.index, from + seg.index + seg.segment.length]);
  const joined: Array<[number, number]> = [];
  for (const piece of raw) {
    const prev = joined[joined.length - 1];
    if (prev && shouldJoin(prose, prev, piece)) prev[1] = piece[1];
    else joined.push([...piece]);
  }
  return joined.flatMap(([s, e]) => splitGlued(prose, s, e));
}

/**
 * Whether the piece `next` goes on the sentence text[from, to): after an abbreviation or an initial.
 * Only a piece that ends in a full stop can be joined: that is looked at in place, and most
 * pieces, which end otherwise, are not copied out.
 */
function shouldJoin(text: string, [from, to]: [number, number], next: [number, number]): boolean {
  let end = to;
  while (end > from && /\s/.test(text[end - 1]!)) end--;
  if (end === from || text.charCodeAt(end - 1) !== 0x2e) return false;
  const prev = text.slice(from, end);
  const nextStart = text.slice(next[0], next[1]).trimStart();
  if (/^[\p{Ll}\d]/u.test(nextStart)) return true; // "approx. 300", "Mr. smith" never start a sentence
  // The word before the full stop, found by a scan (a regex here backtracks on very long words).
  const lastWord = prev.slice(prev.lastIndexOf(" ") + 1, -1).replace(/^[^\p{L}]+/u, "").toLowerCase();
  if (ABBREVIATIONS.has(lastWord)) return true;
  return /(?:^|\s)\p{Lu}$/u.test(prev.slice(0, -1)); // an initial: "J. Smith"
}

/**
 * Where a glued sentence can begin: a capital right after a digit or a full stop. Most sentences
 * have none, and this plain scan spares them the lookbehinds of GLUE, tried at every position.
 */
const MAY_BE_GLUED = /[0-9.!?]\p{Lu}/u;
const GLUE = /(?<=\b(?:19|20)\d\d)(?=\p{Lu}\p{Ll})|(?<=\p{Ll}{2}[.!?])(?=\p{Lu}\p{Ll})/gu;

/** Splits "2017The court" and "end.Next" where a page lost its line break. */
function splitGlued(prose: string, start: number, end: number): Array<[number, number]> {
  const text = prose.slice(start, end);
  if (!MAY_BE_GLUED.test(text)) return [[start, end]];
  const out: Array<[number, number]> = [];
  let at = start;
  for (const m of text.matchAll(GLUE)) {
    out.push([at, start + m.index]);
    at = start + m.index;
  }
  out.push([at, end]);
  return out;
}

function trimRange(text: string, start: number, end: number): [number, number] {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return [start, end];
}
