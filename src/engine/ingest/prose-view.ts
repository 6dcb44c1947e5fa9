// A document's prose view kept as the few places where it differs from the text: the prose is
// the text with markup, web clutter and carriage returns blanked (spaces or line ends, same
// length), so a document need not hold its text twice (a corpus of 10,000 would hold 80 MB more).
// The prose is made again when asked for; the last few made are kept.
import { Recent } from "./recent";
import { widenText, type NarrowText } from "./text-view";

/** Runs where the prose differs from the text: start, end, and what stands there (0: spaces, 1: line ends). */
export type ProseDiff = number[];

/** The runs where `prose` differs from `text`, or undefined when it is not a blanked text. */
export function diffProse(text: string, prose: string): ProseDiff | undefined {
  if (prose === text) return [];
  if (prose.length !== text.length) return undefined;
  const runs: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (prose.charCodeAt(i) === text.charCodeAt(i)) continue;
    const kind = prose[i] === " " ? 0 : prose[i] === "\n" ? 1 : -1;
    if (kind < 0) return undefined;
    let j = i + 1;
    while (j < text.length && prose[j] === prose[i] && prose.charCodeAt(j) !== text.charCodeAt(j)) j++;
    runs.push(i, j, kind);
    i = j - 1;
  }
  return runs;
}

export function applyProse(text: string, runs: ProseDiff): string {
  if (!runs.length) return text;
  const parts: string[] = [];
  let at = 0;
  for (let k = 0; k < runs.length; k += 3) {
    const [start, end, kind] = [runs[k]!, runs[k + 1]!, runs[k + 2]!];
    parts.push(text.slice(at, start), (kind ? "\n" : " ").repeat(end - start));
    at = end;
  }
  parts.push(text.slice(at));
  return parts.join("");
}

/** The prose of a text, kept narrow (made in one pass, see text-view) or not. */
export function applyProseTo(text: string | NarrowText, runs: ProseDiff): string {
  return typeof text === "string" ? applyProse(text, runs) : widenText(text, runs);
}

const made = new Recent<string>(64);

/** The prose of a document, made from its text (kept narrow or not) and runs (the most recently used kept). */
export function proseFrom(owner: object, text: string | NarrowText, runs: ProseDiff): string {
  return made.get(owner, () => applyProseTo(text, runs));
}
