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
    for (const [s, e] of splitRun(tokens, i, j).flatMap(([a, b]) => (isOrgRun(tokens, a, b) ? [[a, b] as [number, number]] : splitAtTitles(tokens, a, b)))) {
      out.push(candidate(text, tokens, s, e, from));
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
  let s = i;
  for (let k = i; k < j; k++) {
    const t = tokens[k]!;
    // Name particles ("Elena de la Cruz", "Anna van der Berg") stay inside a person's name.
    if (PARTICLES.has(t.lower) && k > s && !tokens.slice(i, j).some((x) => ORG_KEYWORDS.has(x.lower))) continue;
    if (CONNECTORS.has(t.lower) || t.lower === "the") {
      if (k > s) segments.push([s, k]);
      s = k + 1;
    }
  }
  if (j > s) segments.push([s, j]);
  const hasOrgWord = ([a, b]: [number, number]) => tokens.slice(a, b).some((t) => ORG_KEYWORDS.has(t.lower));
  const firstOrg = segments.findIndex(hasOrgWord);
  const parts: Array<[number, number]> = firstOrg < 0 ? segments : [...segments.slice(0, firstOrg), [segments[firstOrg]![0], trimConnectors(tokens, segments[firstOrg]![0], j)]];
  return parts.filter(([a, b]) => b > a && isCapitalised(tokens[a]!.text));
}

function isOrgRun(tokens: Token[], a: number, b: number): boolean {
  return tokens.slice(a, b).some((t) => ORG_KEYWORDS.has(t.lower));
}

/** "NFPW President Ana" is an organisation, a title and a name; "NFPW General Secretary" an organisation. */
function splitAtTitles(tokens: Token[], i: number, j: number): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  let s = i;
  for (let k = i; k < j; k++) {
    if (PERSON_TITLES.has(tokens[k]!.lower) && !ORG_KEYWORDS.has(tokens[k]!.lower)) {
      if (k > s) parts.push([s, k]);
      s = k + 1;
    }
  }
  if (j > s) parts.push([s, j]);
  return parts.map(([a, b]): [number, number] => [a, trimConnectors(tokens, a, b)]).filter(([a, b]) => b > a && !CONNECTORS.has(tokens[a]!.lower));
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
  const before = tokens.slice(Math.max(0, i - 3), i);
  const after = tokens.slice(j, j + 3);
  const prev = before[before.length - 1];
  const clues: TypeClues = { person: 0, organization: 0, place: 0 };

  const lowerWords = words.map((w) => w.toLowerCase().replace(/['’]s$/, ""));
  if (lowerWords.some((w) => ORG_KEYWORDS.has(w))) clues.organization += 3;
  if (words.length === 1 && isAcronym(words[0]!)) clues.organization += 2;
  if (words.some((w) => isCamelCase(w) && !/^(?:Mc|Mac|O'|D')/.test(w))) clues.organization += 2;
  if (words.length > 1 && COMPASS_WORDS.has(words[0]!) && !clues.organization) clues.place += 2;

  const honorific = Boolean(prev && HONORIFICS.has(prev.lower.replace(/\.$/, "")) && prev.end <= start);
  if (honorific) clues.person += 4;
  if (before.some((t) => PERSON_TITLES.has(t.lower)) && !clues.organization) clues.person += 2;
  if (after.some((t, k) => k < 2 && SPEECH_VERBS.has(t.lower)) || (prev && SPEECH_VERBS.has(prev.lower))) clues.person += 2;
  // "the Castell Textiles plant", "Castell Textiles, which…", "Castell Textiles chief executive X":
  // what takes an article, "which" or a title after it is an organisation, not a person.
  if (prev?.lower === "the" && !honorific) {
    clues.organization += 1;
    clues.person = Math.max(0, clues.person - 1);
  }
  if (after[0]?.before === "," && after[0].lower === "which") clues.organization += 1;
  if (after[0]?.before === "," && after[0].lower === "who") clues.person += 1;
  if (after[0] && after[0].before === " " && PERSON_TITLES.has(after[0].lower) && /^\p{Ll}/u.test(after[0].text) && !["worker", "workers", "member", "victim", "witness"].includes(after[0].lower)) clues.organization += 1;
  // Apposition: "Ines Moreau, IFJ General Secretary, said", "X, the director of…".
  if (after[0]?.before === "," && !clues.organization && after.some((t) => t.lower === "the" || PERSON_TITLES.has(t.lower))) clues.person += 1;
  if (words.length >= 2 && words.length <= 4 && !clues.organization && words.every((w) => /^\p{Lu}\p{Ll}/u.test(w))) clues.person += 1;
  if (words.length > 1 && words.some((w) => isAcronym(w))) {
    clues.person = 0; // "ITUC General": names of people are not spelt in capitals
    clues.organization += 1;
  }

  if (prev && PLACE_PREPOSITIONS.has(prev.lower) && !/['’]s$/.test(last.text) && !clues.organization) clues.place += 1;
  const two = before.slice(-2).map((t) => t.lower);
  if (two.length === 2 && PLACE_NOUNS.has(two[0]!) && two[1] === "of") clues.place += 4;
  if (after[0] && PLACE_NOUNS.has(after[0].lower) && after[0].before === " ") clues.place += 3;

  const sentenceInitial = i === 0 || /[.!?:]$/.test(tokens[i - 1] ? text.slice(tokens[i - 1]!.end, first.start).trim() : "") || first.start === from;
  return { start, end, text: surface, words, clues, sentenceInitial, honorific };
}
