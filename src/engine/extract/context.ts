// The context of a value (a date or a figure): the words of its clause, the words of its sentence
// and of the sentence before, and the people it is bound to. Two values speak of the same thing
// when their contexts are alike; see index/similarity for how alike.
import type { Mention, Sentence } from "../types";
import { DURATION_UNITS, MEASURED_NOUNS, MONTHS, PERSON_TITLES, STOPWORDS, SYNONYM_CLASSES, WEEKDAYS } from "./lexicon";
import { lemma } from "./tokens";
import { forEachLetterWord } from "./chars";
import { SpanMap } from "../span-map";

export interface ValueContext {
  /** Lemma classes of the value's own clause, each once, in the order written. */
  local: readonly string[];
  /**
   * Lemma classes with weights: next to the value 1, its clause 0.5, its sentence 0.2, the
   * sentence before 0.1. Read through weightsOf: a corpus may leave them to be worked out when
   * first compared (see analyseContexts).
   */
  weights: Weights | LaterWeights;
  /** Meaning classes of the noun a figure measures ("ban", "forced labour"), when written. */
  head: readonly string[];
  /** The class of what a count counts ("people"): alike units, but not by themselves one event. */
  counted?: string;
  /** A date of saying ("the ministry said on Tuesday"), not of the event reported. */
  reporting?: boolean;
  /** Entities named in the sentence (one list for all the sentence's values). */
  entities: readonly string[];
  /** The people the value is said of ("Ruiz … two and a half years"). */
  persons: readonly string[];
}

const CLASS_OF = new Map<string, string>();
SYNONYM_CLASSES.forEach((words, i) => words.forEach((w) => CLASS_OF.set(lemma(w), `#${i}`)));
const IGNORED = new Set([...MONTHS, ...WEEKDAYS, ...Object.keys(DURATION_UNITS).map(lemma)]);
const MEASURED = new Set(MEASURED_NOUNS.map((w) => CLASS_OF.get(lemma(w)) ?? lemma(w)));
/** Titles and "former" say who someone is, not what happened: they weigh little in a value's context. */
const DESCRIBES_PERSON = new Set([...PERSON_TITLES, "former", "ex", "late", "then", "current", "veteran", "prominent", "leading"].map(lemma));
const LEFT_WINDOW = 9;
const RIGHT_WINDOW = 7;
const NEAR = 3;
/** "said on Tuesday", "told reporters on 3 May", "announced on Monday". */
const REPORTING = /\b(?:said|says|told(?: \w+)?|announced|reported|stated|added|confirmed|declared|wrote|tweeted|posted)(?: \w+)? (?:on|late on|early on)\s*$/i;
const PRONOUN = /\b(?:he|she|his|her|him|hers|himself|herself)\b/i;
const IN_ORDER = /\b(?:respectively|accordingly|in that order)\b/i;

/**
 * Classes and their weights, sorted by class: two contexts are compared by walking both lists
 * once. A corpus holds a hundred thousand of them, so they are kept small: the weights are a few
 * fixed steps (see STEP), one character each of a string, rather than a typed array
 * (whose buffer costs more than its numbers) or a Map (three times the memory).
 */
export interface Weights {
  classes: readonly string[];
  /** One character per class: its code is the weight's step. */
  steps: string;
}

/** Weights not worked out yet: `later` works out those of the context's value, and of the other values of its sentence. */
export interface LaterWeights {
  readonly later: (context: ValueContext) => void;
}

/** A context's weights, worked out first if they were left for later. */
export function weightsOf(context: ValueContext): Weights {
  const weights = context.weights;
  if ((weights as LaterWeights).later === undefined) return weights as Weights;
  (weights as LaterWeights).later(context);
  if ((context.weights as LaterWeights).later !== undefined) throw new Error("a value's weights were left for later and could not be worked out");
  return context.weights as Weights;
}

/** Weights are kept in twentieths (0.1, 0.2, 0.25, 0.5 and 1 are all whole twentieths). */
const STEP = 20;

export function weightAt(weights: Weights, i: number): number {
  return weights.steps.charCodeAt(i) / STEP;
}

export const NONE: readonly string[] = Object.freeze([]);

/** A list kept by many contexts: the empty one is shared. */
function listOf(items: Iterable<string>): readonly string[] {
  const list = [...items];
  return list.length ? list : NONE;
}

/** A sentence's own weights, shared by its values: the sentence before 0.1, the sentence 0.2; its classes sorted. */
export interface SentenceWeights {
  weights: Map<string, number>;
  sorted: string[];
}

export function sentenceWeights(previous: readonly string[], sentence: readonly string[]): SentenceWeights {
  const weights = new Map<string, number>();
  weigh(weights, previous, 0.1);
  weigh(weights, sentence, 0.2);
  return { weights, sorted: [...weights.keys()].sort() };
}

/**
 * A value's weights: its sentence's, and its own (`own`: its clause, the words next to it). The
 * sentence's classes were sorted once; the value's own few that are not among them are sorted
 * and merged in (sorting every value's fifty-odd classes took a fifth of the contexts' time).
 */
export function compactWeights(sentence: SentenceWeights, own: Map<string, number>): Weights {
  const added = [...own.keys()].filter((c) => !sentence.weights.has(c)).sort();
  const classes: string[] = [];
  let a = 0;
  for (const c of sentence.sorted) {
    while (a < added.length && added[a]! < c) classes.push(added[a++]!);
    classes.push(c);
  }
  while (a < added.length) classes.push(added[a++]!);
  const step = (c: string) => Math.round(Math.max(sentence.weights.get(c) ?? 0, own.get(c) ?? 0) * STEP);
  return { classes, steps: String.fromCharCode(...classes.map(step)) };
}

/** Classes by word, let go all at once past the limit (see Remembered). */
const classes = new SpanMap<string | undefined>(200_000);

/** The meaning class of a word (memoised: the same few thousand words recur all through a corpus). */
export function lemmaClass(word: string): string | undefined {
  return classes.get(word, 0, word.length, computeClass);
}

/** The meaning class of the word text[start, end), as lemmaClass gives it (no string made of a word seen before). */
export function lemmaClassAt(text: string, start: number, end: number): string | undefined {
  return classes.get(text, start, end, computeClass);
}

/** Shorter words ("a", "of", "to", "in") have no class, and are not looked up. */
const MIN_CLASSED = 3;

function computeClass(word: string): string | undefined {
  const lower = word.toLowerCase();
  if (STOPWORDS.has(lower) || /^\d/.test(word) || word.length < MIN_CLASSED) return undefined;
  const l = lemma(word);
  if (IGNORED.has(l) || IGNORED.has(lower)) return undefined;
  return CLASS_OF.get(l) ?? CLASS_OF.get(lower) ?? l;
}

/**
 * Builds the context of every value mention of a document. `mentions` are the document's
 * mentions, sorted; names carry their entity ids.
 */
export function valueContexts(prose: string, sentences: Sentence[], mentions: Mention[]): Map<Mention, ValueContext> {
  return analyseContexts(prose, sentences, mentions).contexts;
}

interface Classed {
  start: number;
  end: number;
  c: string;
  /** Part of a name: counted for word rarity, left out of contexts (entities stand for names). */
  name: boolean;
}

/**
 * The contexts of every value, and the content classes of every sentence (for the corpus's IDF).
 * Each sentence is tokenised and classified once; clauses are windows over its classed tokens.
 * With `allClasses` false (word rarity is counted elsewhere, see index/word-counts), only the
 * sentences that hold a value, and those just before them, are classified; `classes` is empty.
 *
 * Given `weighLater` (the document, whose prose and sentences these are), the values' weights
 * are left to be worked out when one of them is first read (weightsOf), a sentence's values at
 * once, as they are here (weighSentence). A corpus compares a draft's values with those of a
 * few of its sources; working out every value's weights while it was built (classifying the
 * sentence before each value's, sorting and merging each value's classes) was much of building
 * it (see README, Scale), and most are never read.
 */
export function analyseContexts(
  prose: string,
  sentences: Sentence[],
  mentions: Mention[],
  allClasses = true,
  weighLater?: { readonly prose: string; readonly sentences: Sentence[] },
): { contexts: Map<Mention, ValueContext>; classes: string[][] } {
  const out = new Map<Mention, ValueContext>();
  const later = weighLater && laterWeights(weighLater, mentions, out);
  const classes: string[][] = [];
  let lastPersons: string[] = [];
  let lastBlock = -1;
  // The sentence before, its names, and its classed tokens once classified.
  let previous: Classed[] | undefined = [];
  let previousNames: Mention[] = [];
  sentences.forEach((s, si) => {
    const { names, values } = mentionsIn(mentions, s);
    const persons = names.filter((m) => m.type === "person" && m.entityId);
    const beforeNames = previousNames;
    previousNames = names;
    let classed: Classed[] | undefined;
    if (allClasses || values.length) {
      const all = classify(prose, s.start, s.end, names);
      if (allClasses) classes.push(all.map((t) => t.c));
      classed = all.filter((t) => !t.name);
    }
    const before = previous;
    previous = classed;
    if (s.block !== lastBlock) lastPersons = [];
    lastBlock = s.block;
    if (!values.length) {
      if (persons.length) lastPersons = [...new Set(persons.map((p) => p.entityId!))];
      return;
    }
    // A sentence with a value was classified above.
    const tokens = classed!;
    // Most sentences hold no value: their class lists are made only for those that do.
    const sentenceClasses = tokens.map((t) => t.c);
    // The sentence's weights, shared by its values (the sentence before is classified for them alone).
    let shared: SentenceWeights | undefined;
    if (!later) {
      const prevSentence = sentenceBefore(sentences, si);
      const prevClassed = prevSentence ? (before ?? classify(prose, prevSentence.start, prevSentence.end, beforeNames).filter((t) => !t.name)) : [];
      shared = sentenceWeights(prevClassed.map((t) => t.c), sentenceClasses);
    }
    const sentenceText = prose.slice(s.start, s.end);
    const named = new Set(names.map((n) => n.entityId).filter((id): id is string => Boolean(id)));
    if (!persons.length && PRONOUN.test(sentenceText)) for (const p of lastPersons) named.add(p);
    const entities = listOf(named);

    const ordered = orderedBinding(sentenceText, persons, values);
    for (const v of values) {
      const own = ownClasses(prose, s, v, tokens, values);
      const { local, head, counted } = own;
      const weights = shared ? compactWeights(shared, ownWeights(own)) : later!;
      for (const c of head) local.add(c);
      let bound = ordered.get(v);
      if (!bound) {
        // "X thanked the Bureau, which opened the case in June": the date is not X's.
        const before = persons.filter((p) => p.end <= v.start && !/\b(?:which|that|whose)\b/i.test(prose.slice(p.end, v.start))).pop();
        const after = persons.find((p) => p.start >= v.end && !/\b(?:which|that|whose|who)\b/i.test(prose.slice(v.end, p.start)));
        bound = before?.entityId ? [before.entityId] : after?.entityId ? [after.entityId] : !persons.length && PRONOUN.test(sentenceText) ? lastPersons.slice(-1) : [];
      }
      const context: ValueContext = { local: listOf(local), weights, head: listOf(head), entities, persons: listOf(bound) };
      if (counted) context.counted = counted;
      if (v.date && REPORTING.test(prose.slice(Math.max(s.start, v.start - 40), v.start))) context.reporting = true;
      out.set(v, context);
    }
    if (persons.length) lastPersons = [...new Set(persons.map((p) => p.entityId!))];
  });
  return { contexts: out, classes };
}

/**
 * Weights left for later in the contexts of a document's values. Made apart from analyseContexts:
 * a closure made there would keep all of its scope (the prose among it) as long as the corpus.
 */
function laterWeights(doc: { readonly prose: string; readonly sentences: Sentence[] }, mentions: Mention[], contexts: Map<Mention, ValueContext>): LaterWeights {
  return {
    later: (context) => {
      let value: Mention | undefined;
      for (const [m, c] of contexts) if (c === context) value = m;
      if (value) weighSentence(doc.prose, doc.sentences, sentenceOf(doc.sentences, value), mentions, contexts);
    },
  };
}

/** The sentence before sentences[si] in the same block, if any: its classes weigh in a value's context. */
function sentenceBefore(sentences: Sentence[], si: number): Sentence | undefined {
  return si > 0 && sentences[si - 1]!.block === sentences[si]!.block ? sentences[si - 1]! : undefined;
}

/** The index of the sentence a value stands in (the last to start at or before it). */
function sentenceOf(sentences: Sentence[], value: Mention): number {
  let [lo, hi] = [0, sentences.length - 1];
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sentences[mid]!.start <= value.start) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The names and the values within a sentence (those that end in it too), each in order. */
function mentionsIn(mentions: Mention[], s: Sentence): { names: Mention[]; values: Mention[] } {
  let [lo, hi] = [0, mentions.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.start < s.start) lo = mid + 1;
    else hi = mid;
  }
  const names: Mention[] = [];
  const values: Mention[] = [];
  for (let k = lo; k < mentions.length && mentions[k]!.start < s.end; k++) {
    const m = mentions[k]!;
    if (m.end <= s.end) (m.type === "date" || m.type === "term" ? values : names).push(m);
  }
  return { names, values };
}

/**
 * Works out the weights of the values of sentences[si] into their contexts, as analyseContexts
 * does when it weighs them at once (the same steps, on the same classed words).
 */
function weighSentence(prose: string, sentences: Sentence[], si: number, mentions: Mention[], contexts: Map<Mention, ValueContext>): void {
  const s = sentences[si]!;
  const { names, values } = mentionsIn(mentions, s);
  const tokens = classify(prose, s.start, s.end, names).filter((t) => !t.name);
  const prev = sentenceBefore(sentences, si);
  const prevClassed = prev ? classify(prose, prev.start, prev.end, mentionsIn(mentions, prev).names).filter((t) => !t.name) : [];
  const shared = sentenceWeights(
    prevClassed.map((t) => t.c),
    tokens.map((t) => t.c),
  );
  for (const v of values) {
    const context = contexts.get(v);
    if (context) context.weights = compactWeights(shared, ownWeights(ownClasses(prose, s, v, tokens, values)));
  }
}

/** A value's own classes: those of its clause left and right of it, all of them (its head aside), its head, what a count counts. */
interface OwnClasses {
  left: string[];
  right: string[];
  local: Set<string>;
  head: Set<string>;
  counted?: string;
}

function ownClasses(prose: string, s: Sentence, v: Mention, tokens: Classed[], values: Mention[]): OwnClasses {
  const [left, right] = localClasses(prose, s, v, tokens, values);
  const local = new Set(left);
  for (const c of right) local.add(c);
  const head = new Set((v.term?.kind === "count" ? "" : v.term?.head ?? "").split(" ").map(lemmaClass).filter((c): c is string => Boolean(c)));
  // What a count counts ("signatures") is part of its context, though units may be worded apart.
  const counted = v.term?.kind === "count" ? lemmaClass(v.term.unit) : undefined;
  if (counted) {
    right.unshift(counted);
    local.add(counted);
  }
  if (v.term && !head.size) {
    // "a ban on holding public office for five years": the nearest measured noun before it.
    const measured = left.slice(-6).reverse().find((c) => MEASURED.has(c));
    if (measured) head.add(measured);
  }
  return counted ? { left, right, local, head, counted } : { left, right, local, head };
}

/** A value's own weights: its clause 0.5, the words next to it and its head 1. */
function ownWeights({ left, right, local, head }: OwnClasses): Map<string, number> {
  const weights = new Map<string, number>();
  weigh(weights, local, 0.5);
  weigh(weights, left.length > NEAR ? left.slice(-NEAR) : left, 1);
  weigh(weights, right.length > NEAR ? right.slice(0, NEAR) : right, 1);
  weigh(weights, head, 1);
  return weights;
}

/** Gives each class at least the weight w (titles and the like at most 0.25). */
function weigh(weights: Map<string, number>, classes: Iterable<string>, w: number): void {
  for (const c of classes) weights.set(c, Math.max(weights.get(c) ?? 0, DESCRIBES_PERSON.has(c) ? Math.min(w, 0.25) : w));
}

/**
 * The words of text[from, to) that may have a class, by where they stand: only tokens with
 * letters (numbers and signs have none), and not the shortest. Word rarity counts the class of
 * each (see index/rarity-counts), names' words among them.
 */
export function forEachClassedWord(text: string, from: number, to: number, visit: (start: number, end: number) => void): void {
  forEachLetterWord(text, from, to, (start, end) => {
    if (end - start >= MIN_CLASSED) visit(start, end);
  });
}

/** The content words of text[from, to) with their classes, those inside names marked. */
function classify(text: string, from: number, to: number, names: Mention[]): Classed[] {
  const out: Classed[] = [];
  let n = 0;
  forEachClassedWord(text, from, to, (start, end) => {
    while (n < names.length && names[n]!.end <= start) n++;
    const c = lemmaClassAt(text, start, end);
    if (c) out.push({ start, end, c, name: n < names.length && names[n]!.start < end });
  });
  return out;
}

/** "A and B were sentenced to X and Y respectively": X is A's, Y is B's. */
function orderedBinding(sentence: string, persons: Mention[], values: Mention[]): Map<Mention, string[]> {
  const out = new Map<Mention, string[]>();
  if (!IN_ORDER.test(sentence)) return out;
  const people = persons.filter((p, i) => i === 0 || p.entityId !== persons[i - 1]!.entityId);
  for (const kind of ["date", "duration", "money", "count"]) {
    const same = values.filter((v) => (v.type === "date" ? "date" : v.term?.kind) === kind);
    if (same.length >= 2 && same.length === people.length) same.forEach((v, i) => out.set(v, [people[i]!.entityId!]));
  }
  return out;
}

/** The words of the value's clause, cut where a neighbouring value begins its own. */
function localClasses(prose: string, s: { start: number; end: number }, v: Mention, classed: Classed[], values: Mention[]): [string[], string[]] {
  let previous: Mention | undefined;
  let next: Mention | undefined;
  for (const o of values) {
    if (o.end <= v.start) previous = o;
    if (!next && o.start >= v.end) next = o;
  }
  const clauseStart = Math.max(s.start, lastClauseMark(prose, s.start, v.start) + 1);
  const clauseEndRaw = firstClauseMark(prose, v.end, s.end);
  const clauseEnd = Math.min(clauseEndRaw < 0 ? s.end : clauseEndRaw, next?.start ?? s.end);
  // In "X for two years and Y for three", the second value shares the first one's verb.
  const ownStart = Math.max(clauseStart, previous?.end ?? clauseStart);
  let left = within(classed, ownStart, v.start);
  if (!left.length) left = within(classed, clauseStart, v.start);
  const right = within(classed, v.end, clauseEnd);
  return [left.length > LEFT_WINDOW ? left.slice(-LEFT_WINDOW) : left, right.length > RIGHT_WINDOW ? right.slice(0, RIGHT_WINDOW) : right];
}

/** The classes of the tokens inside [from, to). */
function within(classed: Classed[], from: number, to: number): string[] {
  const out: string[] = [];
  for (const t of classed) if (t.start >= from && t.end <= to) out.push(t.c);
  return out;
}

/** ";", "–" and "—" end a clause. */
function isClauseMark(code: number): boolean {
  return code === 0x3b || code === 0x2013 || code === 0x2014;
}

/** The last clause mark in text[from, to), or -1 (a scan of the clause, not of the document). */
function lastClauseMark(text: string, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) if (isClauseMark(text.charCodeAt(i))) return i;
  return -1;
}

/** The first clause mark in text[from, to), or -1. */
function firstClauseMark(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) if (isClauseMark(text.charCodeAt(i))) return i;
  return -1;
}
