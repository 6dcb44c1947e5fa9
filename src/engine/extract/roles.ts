// What a text says a person is: "Ana Ruiz, the general secretary of the dockers' union",
// "Amnesty researcher Olu Bello", "the federation, whose general secretary is Ines Moreau",
// "Ines Moreau, IFJ General Secretary".
import type { Mention } from "../types";
import { PERSON_TITLES, RANK_MODIFIERS } from "./lexicon";

export interface RoleClaim {
  person: string; // entity id
  /** The role's words, lower case: ["assistant", "general", "secretary"]. */
  words: string[];
  /** Offsets of the role phrase in the text. */
  start: number;
  end: number;
}

const TITLE_CLASS: Record<string, string> = {
  chair: "chair", chairperson: "chair", chairman: "chair", chairwoman: "chair",
  spokesman: "spokesperson", spokeswoman: "spokesperson", spokesperson: "spokesperson",
};
/** Words of time, not of rank: a former chair was the chair. */
const NOT_RANK = new Set(["former", "ex", "then", "current", "new", "outgoing", "incoming"]);
const ROLE_WORD = /^[\p{L}-]+$/u;

/** The role's head title ("secretary") and the words that set its rank ("assistant"). */
export function roleShape(words: string[]): { title: string; rank: string[] } | undefined {
  const title = [...words].reverse().find((w) => PERSON_TITLES.has(w));
  if (!title) return undefined;
  const rank = words.filter((w) => RANK_MODIFIERS.has(w) && !NOT_RANK.has(w)).sort();
  return { title: TITLE_CLASS[title] ?? title, rank };
}

/** What a role claim needs of a name mention: where it stands, and whose it is. */
export type NamePlace = Pick<Mention, "start" | "end" | "type" | "entityId">;

/** The role claims of a text about its people (about `person` alone, when given: an entity id). */
export function findRoleClaims(text: string, mentions: readonly NamePlace[], person?: string): RoleClaim[] {
  const claims: RoleClaim[] = [];
  const persons = mentions.filter((m) => m.type === "person" && m.entityId && (person === undefined || m.entityId === person));
  for (const p of persons) {
    // NAME, [the|a] ROLE [of|at ORG | ORG]
    const after = /^,\s+((?:the|a|an)\s+)?([^,.;:()“”"]{2,80})/u.exec(text.slice(p.end, p.end + 100));
    if (after) {
      const phrase = after[2]!;
      if (/^(?:who|which|that|whose|whom|where|when|said|says|told|and|but)\b/i.test(phrase)) continue;
      const role = phrase.split(/\s+(?:of|at|for|in|with)\s+/)[0]!;
      const words = roleWords(role);
      const start = p.end + after[0].indexOf(after[1] ?? phrase);
      if (words && roleShape(words)) claims.push({ person: p.entityId!, words, start, end: start + (after[1]?.length ?? 0) + role.trimEnd().length });
    }
    // [ORG] ROLE NAME: the lower-case words right before the name, back to a capitalised word.
    const before = /(?<![\p{L}\p{M}’'-])((?:[\p{Ll}-]+\s+){1,4})$/u.exec(text.slice(Math.max(0, p.start - 80), p.start));
    if (before) {
      // The role is what follows the last article: "sentenced the former mayor X" → "former mayor".
      const parts = before[1]!.split(/\b(?:the|a|an)\s+/);
      const words = roleWords(parts[parts.length - 1]!);
      const tail = parts[parts.length - 1]!;
      if (words && roleShape(words)) claims.push({ person: p.entityId!, words, start: p.start - tail.length, end: p.start - tail.length + tail.trimEnd().length });
    }
    // ORG, whose ROLE is NAME
    const whose = /whose\s+([\p{Ll}\s-]{2,60}?)\s+(?:is|was)\s+$/u.exec(text.slice(Math.max(0, p.start - 80), p.start));
    if (whose) {
      const words = roleWords(whose[1]!);
      if (words && roleShape(words)) claims.push({ person: p.entityId!, words, start: p.start - whose[0].length + whose[0].indexOf(whose[1]!), end: p.start - whose[0].length + whose[0].indexOf(whose[1]!) + whose[1]!.length });
    }
  }
  // One claim per place: "whose general secretary is X" is read by two patterns.
  return claims.filter((c, i) => claims.findIndex((o) => o.person === c.person && o.start < c.end && c.start < o.end) === i);
}

/** The role's words, names and function words left out; undefined when it is not a role. */
function roleWords(phrase: string): string[] | undefined {
  const words = phrase.trim().split(/\s+/).filter((w) => ROLE_WORD.test(w)).map((w) => w.toLowerCase());
  const content = words.filter((w) => !["the", "a", "an", "and", "its", "his", "her", "their"].includes(w));
  if (!content.length || content.length > 6) return undefined;
  return content;
}
