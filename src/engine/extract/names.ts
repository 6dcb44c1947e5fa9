// Candidate names: runs of capitalised words ("Ana Ruiz", "Federation of Port
// Workers of Nigeria", "NFPW"), each with the clues to its type that its own sentence
// gives. The type itself is decided corpus-wide (index/entities), where every occurrence votes.
import {
  COMPASS_WORDS, CURRENCY_WORDS, HONORIFICS, MONTHS, NOT_NAME_STARTERS, ORG_KEYWORDS, PERSON_TITLES, PLACE_NOUNS, PLACE_PREPOSITIONS, SPEECH_VERBS, WEEKDAYS,
} from "./lexicon";
import { isAcronym, isCamelCase, isCapitalised, tokenize, type Token } from "./tokens";
import { nameWords } from "./name-table";

export interface TypeClues {
  person: number;
  organization: number;
  place: number;
}

export interface NameCandidate {
  start: number;
  end: number;
  text: string;
  words: string[];
  clues: TypeClues;
  /** The first word of the run is the first word of its sentence, so its capital proves nothing. */
  sentenceInitial: boolean;
  /** Preceded by an honorific ("Ms Ruiz"): a surname or full name of a person. */
  honorific: boolean;
}

const CONNECTORS = new Set(["of", "for", "on", "and", "&", "de", "del", "der", "van", "von", "al", "bin", "la", "le", "du", "da"]);
const CALENDAR = new Set([...MONTHS, ...WEEKDAYS]);
const PARTICLES = new Set(["de", "la", "del", "der", "van", "von", "da", "di", "du", "dos", "das", "ter", "ten", "bin", "al", "le"]);

export function findNameCandidates(text: string, from: number, to: number, tokens: Token[] = tokenize(text, from, to)): NameCandidate[] {
  const out: NameCandidate[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!startsName(tokens, i)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < tokens.length) {
      const t = tokens[j]!;
      if (/['’]s$/.test(tokens[j - 1]!.text)) break; // "Nigeria's Port Authority" is two names (but "Workers' Union" is one)
      if (t.before !== " " && t.before !== "-" && t.before !== "") break;
      if (t.gap > 2) break; // a blanked code span or markup between: not one name
      if (isNameWord(tokens, j)) {
        j++;
        continue;
      }
      // Connectors join only within names: "Bureau for Human Rights and the Rule of Law".
      let k = j;
      while (k < tokens.length && (CONNECTORS.has(tokens[k]!.lower) || tokens[k]!.lower === "the") && k - j < 2 && tokens[k]!.before === " ") k++;
      // "and" joins only before "the": "Human Rights and the Rule of Law", not "Smith and Jones".
      const andWithoutThe = (tokens[j]!.lower === "and" || tokens[j]!.lower === "&") && tokens[j + 1]?.lower !== "the";
      if (k > j && k < tokens.length && !andWithoutThe && isNameWord(tokens, k) && tokens[k]!.before === " ") {
        j = k + 1;
        continue;
      }
      break;
    }
    for (const [a, b] of splitRun(tokens, i, j)) {
      if (hasOrgWord(tokens, a, b)) out.push(candidate(text, tokens, a, b, from));
      else for (const [s, e] of splitAtTitles(tokens, a, b)) out.push(candidate(text, tokens, s, e, from));
    }
    i = j;
  }
  return out;
}

function startsName(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  if (!isNameWord(tokens, i)) return false;
  return !NOT_NAME_STARTERS.has(t.text) || (isAcronym(t.text) && t.text.length > 1);
}

function isNameWord(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  if (!isCapitalised(t.text) || t.text.length === 1) return false;
  if (/^[A-Z]{3}$/.test(t.text) && CURRENCY_WORDS[t.lower]) return false; // "EUR 1.2 million"
  if (/^nos?$/i.test(t.text) && /^\d/.test(tokens[i + 1]?.text ?? "")) return false; // "Convention No 29"
  // Month and day names belong to dates; "May" next to no number may still be a surname.
  if (CALENDAR.has(t.lower)) return t.lower === "may" && !/^\d/.test(tokens[i + 1]?.text ?? "") && !/^\d/.test(tokens[i - 1]?.text ?? "");
  return true;
}

/**
 * A run joined by connectors stays whole only where it names an organisation, and the
 * organisation starts at its first segment with an organisation word: "Adaeze Okafor of the
 * Federation of Port Workers" is a person and an organisation.
 */
function splitRun(tokens: Token[], i: number, j: number): Array<[number, number]> {
  const segments: Array<[number, number]> = [];
  // Whether the run has an organisation word, asked only at a particle (most runs have none).
  let runHasOrg: boolean | undefined;
  let s = i;
  for (let k = i; k < j; k++) {
    const t = tokens[k]!;
    // Name particles ("Elena de la Cruz", "Anna van der Berg") stay inside a person's name.
    if (PARTICLES.has(t.lower) && k > s && !(runHasOrg ??= hasOrgWord(tokens, i, j))) continue;
    if (CONNECTORS.has(t.lower) || t.lower === "the") {
      if (k > s) segments.push([s, k]);
      s = k + 1;
    }
  }
  if (j > s) segments.push([s, j]);
  // The segments up to the first with an organisation word; that one runs to the end of the run.
  const parts: Array<[number, number]> = [];
  for (const segment of segments) {
    const [a, b] = segment;
    const org = hasOrgWord(tokens, a, b);
    const end = org ? trimConnectors(tokens, a, j) : b;
    if (end > a && isCapitalised(tokens[a]!.text)) parts.push(end === b ? segment : [a, end]);
    if (org) break;
  }
  return parts;
}

/** Whether tokens[a, b) hold an organisation word ("Union", "Federation"). */
function hasOrgWord(tokens: Token[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (ORG_KEYWORDS.has(tokens[k]!.lower)) return true;
  return false;
}

/** "NFPW President Ana" is an organisation, a title and a name; "NFPW General Secretary" an organisation. */
function splitAtTitles(tokens: Token[], i: number, j: number): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  let s = i;
  for (let k = i; k < j; k++) {
    if (PERSON_TITLES.has(tokens[k]!.lower) && !ORG_KEYWORDS.has(tokens[k]!.lower)) {
      if (k > s) pushTrimmed(parts, tokens, s, k);
      s = k + 1;
    }
  }
  if (j > s) pushTrimmed(parts, tokens, s, j);
  return parts;
}

/** Adds tokens[a, b) to the parts, connectors trimmed from its end, unless it starts with one. */
function pushTrimmed(parts: Array<[number, number]>, tokens: Token[], a: number, b: number): void {
  const end = trimConnectors(tokens, a, b);
  if (end > a && !CONNECTORS.has(tokens[a]!.lower)) parts.push([a, end]);
}

function trimConnectors(tokens: Token[], i: number, j: number): number {
  while (j > i + 1 && (CONNECTORS.has(tokens[j - 1]!.lower) || tokens[j - 1]!.lower === "the")) j--;
  return j;
}

function candidate(text: string, tokens: Token[], i: number, j: number, from: number): NameCandidate {
  const first = tokens[i]!;
  const last = tokens[j - 1]!;
  const start = first.start;
  const end = last.end - (/['’]s$/.test(last.text) ? 2 : 0);
  const surface = text.slice(start, end);
  const words = nameWords(surface);
  // The three tokens on each side, read in place rather than copied out: 10,000 sources have
  // half a million names, and what preparing allocates is what slows two threads sharing a machine.
  const beforeFrom = Math.max(0, i - 3);
  const afterTo = Math.min(tokens.length, j + 3);
  const prev = i > 0 ? tokens[i - 1] : undefined;
  const next = j < tokens.length ? tokens[j] : undefined;
  const clues: TypeClues = { person: 0, organization: 0, place: 0 };

  if (words.some(isOrgWord)) clues.organization += 3;
  if (words.length === 1 && isAcronym(words[0]!)) clues.organization += 2;
  if (words.some(isCamelName)) clues.organization += 2;
  if (words.length > 1 && COMPASS_WORDS.has(words[0]!) && !clues.organization) clues.place += 2;

  const honorific = Boolean(prev && HONORIFICS.has(prev.lower.replace(/\.$/, "")) && prev.end <= start);
  if (honorific) clues.person += 4;
  if (anyLower(tokens, beforeFrom, i, PERSON_TITLES) && !clues.organization) clues.person += 2;
  if (anyLower(tokens, j, Math.min(afterTo, j + 2), SPEECH_VERBS) || (prev && SPEECH_VERBS.has(prev.lower))) clues.person += 2;
  // "the Castell Textiles plant", "Castell Textiles, which…", "Castell Textiles chief executive X":
  // what takes an article, "which" or a title after it is an organisation, not a person.
  if (prev?.lower === "the" && !honorific) {
    clues.organization += 1;
    clues.person = Math.max(0, clues.person - 1);
  }
  if (next?.before === "," && next.lower === "which") clues.organization += 1;
  if (next?.before === "," && next.lower === "who") clues.person += 1;
  if (next && next.before === " " && PERSON_TITLES.has(next.lower) && /^\p{Ll}/u.test(next.text) && !["worker", "workers", "member", "victim", "witness"].includes(next.lower)) clues.organization += 1;
  // Apposition: "Ines Moreau, IFJ General Secretary, said", "X, the director of…".
  if (next?.before === "," && !clues.organization && anyLower(tokens, j, afterTo, APPOSITION_WORDS)) clues.person += 1;
  if (words.length >= 2 && words.length <= 4 && !clues.organization && words.every(isTitleCase)) clues.person += 1;
  if (words.length > 1 && words.some(isAcronym)) {
    clues.person = 0; // "ITUC General": names of people are not spelt in capitals
    clues.organization += 1;
  }

  if (prev && PLACE_PREPOSITIONS.has(prev.lower) && !/['’]s$/.test(last.text) && !clues.organization) clues.place += 1;
  // "the city of X": the two tokens before, when there are two of the three looked at.
  if (i - beforeFrom >= 2 && PLACE_NOUNS.has(tokens[i - 2]!.lower) && prev!.lower === "of") clues.place += 4;
  if (next && PLACE_NOUNS.has(next.lower) && next.before === " ") clues.place += 3;

  const sentenceInitial = i === 0 || /[.!?:]$/.test(prev ? text.slice(prev.end, first.start).trim() : "") || first.start === from;
  return { start, end, text: surface, words, clues, sentenceInitial, honorific };
}

// A name's words, tested one by one (made once here, not for every name).
const isOrgWord = (w: string) => ORG_KEYWORDS.has(w.toLowerCase().replace(/['’]s$/, ""));
const isCamelName = (w: string) => isCamelCase(w) && !/^(?:Mc|Mac|O'|D')/.test(w);
/** Words among the three after a name that mark an apposition: "X, the director of…", "X, IFJ General Secretary". */
const APPOSITION_WORDS = new Set([...PERSON_TITLES, "the"]);
const isTitleCase = (w: string) => /^\p{Lu}\p{Ll}/u.test(w);

/** Whether one of tokens[a, b) is, in lower case, a word of the set. */
function anyLower(tokens: Token[], a: number, b: number, words: ReadonlySet<string>): boolean {
  for (let k = a; k < b; k++) if (words.has(tokens[k]!.lower)) return true;
  return false;
}
