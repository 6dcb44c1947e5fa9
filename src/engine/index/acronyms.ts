// Acronyms the text defines: "Federation of Dock Workers of Riverton (NFDW or FNTD)",
// "International Labour Organization (ILO)", "… known by its local acronym HWV".
import type { NameCandidate } from "../extract/names";
import { isAcronym } from "../extract/tokens";

export interface AcronymDefinition {
  longName: string;
  acronym: string;
}

const CONNECTOR_WORDS = new Set(["of", "for", "on", "and", "the", "&", "de", "in"]);
const PAREN_LIST = /^\s*\(\s*([\p{Lu}][\p{L}\d&-]{1,9}(?:\s*(?:or|,|\/|;)\s*[\p{Lu}][\p{L}\d&-]{1,9})*)\s*\)/u;
const KNOWN_AS = /^[\s,]*(?:\(|,)?\s*(?:also\s+)?(?:known|referred to)\s+(?:as|by)\s+(?:its|the)?\s*(?:local\s+|short\s+|russian\s+|english\s+)?(?:acronym|abbreviation|initials)?\s*([\p{Lu}][\p{L}\d&-]{1,9})\b/u;

export function findAcronymDefinitions(prose: string, names: NameCandidate[]): AcronymDefinition[] {
  const found: AcronymDefinition[] = [];
  for (const name of names) {
    if (name.words.length < 2) continue;
    const after = prose.slice(name.end, name.end + 120);
    const list = PAREN_LIST.exec(after);
    const acronyms = list ? list[1]!.split(/\s*(?:or|,|\/|;)\s*/) : [];
    const known = KNOWN_AS.exec(after);
    if (known) acronyms.push(known[1]!);
    for (const acronym of acronyms) {
      if (!isAcronym(acronym) && !/^\p{Lu}[\p{L}]{1,8}$/u.test(acronym)) continue;
      found.push({ longName: bestExpansion(name.words, acronym), acronym });
    }
  }
  return found;
}

/** The shortest tail of the name whose initials spell the acronym; the whole name otherwise. */
function bestExpansion(words: string[], acronym: string): string {
  const letters = acronym.replace(/[^\p{Lu}]/gu, "").toUpperCase();
  for (let i = words.length - 1; i >= 0; i--) {
    const tail = words.slice(i);
    const initials = tail.filter((w) => !CONNECTOR_WORDS.has(w.toLowerCase())).map((w) => w[0]!.toUpperCase()).join("");
    if (initials === letters && !CONNECTOR_WORDS.has(tail[0]!.toLowerCase())) return tail.join(" ");
  }
  return words.join(" ");
}
