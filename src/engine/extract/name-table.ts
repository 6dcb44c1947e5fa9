// A document's name candidates packed as numbers. A corpus of 10,000 sources has half a million
// of them; as objects (text, words, clues) they held 47 MB at 3,000 sources, packed six numbers
// each (two bytes a number when the document's offsets allow, four otherwise: see packed-ints).
// Their texts and words are the prose's, so they are made again from it when asked for.
import type { NameCandidate } from "./names";
import { packInts, type PackedInts } from "../packed-ints";

/** Per candidate: start, end, person, organization and place clues, flags (SENTENCE_INITIAL, HONORIFIC). */
export type NameTable = PackedInts;

const FIELDS = 6;
const SENTENCE_INITIAL = 1;
const HONORIFIC = 2;

export function packNames(names: NameCandidate[]): NameTable {
  const table = new Int32Array(names.length * FIELDS);
  names.forEach((n, i) => {
    table.set([n.start, n.end, n.clues.person, n.clues.organization, n.clues.place, (n.sentenceInitial ? SENTENCE_INITIAL : 0) | (n.honorific ? HONORIFIC : 0)], i * FIELDS);
  });
  return packInts(table);
}

/** The candidates of a packed table, their texts taken from the prose they were found in. */
export function unpackNames(prose: string, table: NameTable): NameCandidate[] {
  const names: NameCandidate[] = [];
  for (let k = 0; k < table.length; k += FIELDS) {
    const [start, end, person, organization, place, flags] = [table[k]!, table[k + 1]!, table[k + 2]!, table[k + 3]!, table[k + 4]!, table[k + 5]!];
    const text = prose.slice(start, end);
    names.push({ start, end, text, words: nameWords(text), clues: { person, organization, place }, sentenceInitial: (flags & SENTENCE_INITIAL) !== 0, honorific: (flags & HONORIFIC) !== 0 });
  }
  return names;
}

/** Each candidate's text and whether it opens its sentence, without making the candidates. */
export function forEachNameText(prose: string, table: NameTable, visit: (text: string, sentenceInitial: boolean) => void): void {
  for (let k = 0; k < table.length; k += FIELDS) visit(prose.slice(table[k]!, table[k + 1]!), (table[k + 5]! & SENTENCE_INITIAL) !== 0);
}

/** The words of a name as written ("Jean-Luc Picard": "Jean", "Luc", "Picard"). */
export function nameWords(text: string): string[] {
  const words = text.split(NAME_GAPS);
  // Only a gap at either end leaves an empty word (most names have none: no second list made).
  return words[0] === "" || words[words.length - 1] === "" ? words.filter(Boolean) : words;
}

const NAME_GAPS = /[\s-]+/;
