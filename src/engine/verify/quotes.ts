// Quotations: word for word in a source (supported), close to a source's passage but not the
// same (misquoted, with the source's words), or found nowhere. Typographic quotes, apostrophes,
// whitespace and case are not differences.
import type { Finding, Quote } from "../types";
import { perCorpus, type Corpus } from "../index/corpus";
import { Remembered } from "../remembered";
import { detached } from "../ingest/text-view";
import { foldQuote, foldWord } from "../extract/fold";
import { evidenceFor, sourceLabel } from "./evidence";
import { finding } from "./findings";
import { replaceFix } from "./fixes";

const MIN_WORDS = 3;
/** Share of the quote's words a source passage must have, in order, to be the passage misquoted. */
const MISQUOTE_MIN = 0.55;

/** Where the corpus has a quotation's words: word for word, or else the closest passage. */
interface QuotePlace {
  exact?: { source: number; sentence: number };
  best?: { source: number; sentence: number; share: number; passage: string };
}

/**
 * Kept per corpus by the quotation's folded words: a paragraph is checked again at each edit, and
 * its quotations with it, mostly unchanged.
 */
const quotePlaces = perCorpus(() => new Remembered<QuotePlace>(2_000));

export function checkQuote(corpus: Corpus, q: Quote): Finding | undefined {
  const needle = foldQuote(q.text);
  const words = needle.split(" ").filter(Boolean);
  if (words.length < MIN_WORDS) return undefined;
  const { exact, best } = quotePlaces(corpus).get(needle, () => placeOf(corpus, needle, words));
  if (exact) {
    const e = evidenceFor(corpus.sources[exact.source]!, corpus.sources[exact.source]!.doc.sentences[exact.sentence]!);
    return finding(q.start, q.end, "supported", "quote.verbatim", `Quoted word for word from ${sourceLabel(e)}`, [e]);
  }
  if (best && best.share >= MISQUOTE_MIN && words.length >= MIN_WORDS + 1) {
    const source = corpus.sources[best.source]!;
    const sentence = source.doc.sentences[best.sentence]!;
    const e = evidenceFor(source, sentence);
    return finding(q.start, q.end, "misquoted", "quote.mismatch", `The quote differs from ${sourceLabel(e)}, which has “${best.passage}”`, [e], [replaceFix(q.start, q.end, best.passage)]);
  }
  if (words.length >= 6) return finding(q.start, q.end, "unsupported", "quote.unsourced", "No source has these words");
  return undefined;
}

function placeOf(corpus: Corpus, needle: string, words: string[]): QuotePlace {
  const exact = findVerbatim(corpus, needle, words);
  if (exact) return { exact };
  const best = closestPassage(corpus, words);
  // The passage apart from the source's text, made again for the moment (it is kept).
  return best ? { best: { ...best, passage: detached(best.passage) } } : {};
}

/**
 * A source sentence (or two in a row, for a quote that spans them) whose folded words contain
 * the folded quote. Candidates come from the sentence index: sentences with every word of the
 * quote's opening, then with every word of its end.
 */
function findVerbatim(corpus: Corpus, needle: string, words: string[]): { source: number; sentence: number } | undefined {
  const folded = foldedPassages(corpus);
  const probes = [words.slice(0, 6), words.slice(-6)];
  for (const probe of probes) {
    for (const ref of corpus.sentencesWithAll(probe)) {
      const sentences = corpus.sources[ref.source]!.doc.sentences;
      const doc = corpus.sources[ref.source]!.doc;
      for (const [from, to] of [[ref.sentence, ref.sentence], [ref.sentence - 1, ref.sentence], [ref.sentence, ref.sentence + 1]]) {
        const a = sentences[from!];
        const b = sentences[to!];
        if (!a || !b) continue;
        const passage = folded.get(`${ref.source}:${from}:${to}`, () => foldQuote(doc.prose.slice(a.start, b.end)));
        if (passage.includes(needle)) return { source: ref.source, sentence: from! };
      }
    }
  }
  return undefined;
}

/**
 * The candidates' passages as folded (one sentence, or two in a row, by source and sentences): a
 * quotation edited is looked for again among mostly the same candidates. Looking for quotations
 * word for word, folding the passages anew at each edit, allocated 33 of the 185 MB that 200
 * re-checks of the benchmark draft did; 12 MB with them kept.
 */
const foldedPassages = perCorpus(() => new Remembered<string>(4_000));

/** The source sentence window that has most of the quote's words in order. */
function closestPassage(corpus: Corpus, words: string[]): { source: number; sentence: number; share: number; passage: string } | undefined {
  let best: { source: number; sentence: number; share: number; passage: string } | undefined;
  for (const ref of corpus.sentencesWithMost(words)) {
    const source = corpus.sources[ref.source]!;
    const s = source.doc.sentences[ref.sentence]!;
    const raw = source.doc.text.slice(s.start, s.end);
    const tokens = [...raw.matchAll(/[\p{L}\p{N}'’-]+/gu)];
    const foldedTokens = tokens.map((t) => foldWord(t[0]));
    const { length, from, to } = lcsWindow(words, foldedTokens);
    const share = length / words.length;
    if (!best || share > best.share) {
      const passage = from >= 0 ? raw.slice(tokens[from]!.index, tokens[to]!.index + tokens[to]![0].length) : raw;
      best = { source: ref.source, sentence: ref.sentence, share, passage };
    }
  }
  return best;
}

/** Longest common subsequence of words, and the span of the source words it uses. */
function lcsWindow(a: string[], b: string[]): { length: number; from: number; to: number } {
  const dp: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) dp[i]![j] = a[i - 1] === b[j - 1] ? dp[i - 1]![j - 1]! + 1 : Math.max(dp[i - 1]![j]!, dp[i]![j - 1]!);
  let i = a.length;
  let j = b.length;
  let from = -1;
  let to = -1;
  while (i > 0 && j > 0) {
    if (a[i - 1] === b[j - 1]) {
      if (to < 0) to = j - 1;
      from = j - 1;
      i--;
      j--;
    } else if (dp[i - 1]![j]! >= dp[i]![j - 1]!) i--;
    else j--;
  }
  return { length: dp[a.length]![b.length]!, from, to };
}
