// Entities learned from the corpus: every mention of one person, organisation or place is one
// entity with its variants (full names, surnames, acronyms, transliterations). Types are decided
// by the votes of every occurrence; nothing here knows any particular story.
import { forEachLowerWord } from "../extract/chars";
import { SpanMap } from "../span-map";
import { forEachNameText } from "../extract/name-table";
import type { PreparedDocument } from "../ingest/document";
import type { NameCandidate, TypeClues } from "../extract/names";
import { NOT_NAME_STARTERS, ORG_KEYWORDS } from "../extract/lexicon";
import { foldName } from "../extract/fold";
import { isAcronym } from "../extract/tokens";
import { findAcronymDefinitions, type AcronymDefinition } from "./acronyms";
import { closeSpelling } from "./fuzzy";

export type EntityType = "person" | "organization" | "place";

export interface Entity {
  id: string;
  type: EntityType;
  name: string;
  /** Surface forms seen in the sources, as written. */
  variants: string[];
  /** Folded forms of the variants, the parts of full names included. */
  keys: Set<string>;
  mentions: number;
}

export interface ResolvedName {
  candidate: NameCandidate;
  start: number;
  end: number;
  text: string;
  type: EntityType;
  entity?: Entity;
}

export class EntityTable {
  readonly entities: Entity[] = [];
  private readonly byKey = new Map<string, Entity>();
  private typeVotes: Map<string, TypeClues>;

  constructor(private readonly stats: NameStats, typeVotes: Map<string, TypeClues>) {
    this.typeVotes = typeVotes;
  }

  /** The table as plain data (maps, sets, arrays: what a host can persist), to be made again by `fromData`. */
  toData(): EntityTableData {
    return { stats: this.stats, typeVotes: this.typeVotes, entities: this.entities };
  }

  /** The table `toData` gave, as it was: the same entities, in the same order, with the same counts. */
  static fromData(data: EntityTableData): EntityTable {
    const table = new EntityTable(data.stats, data.typeVotes);
    for (const entity of data.entities) table.add(entity);
    return table;
  }

  /** Words seen in lower case, to tell "Workers are…" from "Okafor believes…"; with how often (never 0). */
  get lowerWords(): Map<string, number> {
    return this.stats.lowerWords;
  }

  /**
   * Whether replacing a source's old version by a new one leaves this table as it is. It must
   * keep the same name candidates (their clues may differ), the same acronym definitions, and no
   * word may become, or stop being, one the corpus writes in lower case; the table made from the
   * votes so updated must then be the same, entity for entity. If so, the table keeps the new
   * counts and votes; if not, nothing is changed and the caller builds the table anew.
   */
  keepsThrough(before: PreparedDocument, after: PreparedDocument): boolean {
    const [was, is] = [nameFacts(before), nameFacts(after)];
    if (was.shape !== is.shape) return false;
    const old = countLowerWords(before.prose).toMap();
    const now = countLowerWords(after.prose).toMap();
    const lower = this.stats.lowerWords;
    for (const [w, n] of old) if (!now.has(w) && (lower.get(w) ?? 0) - n <= 0) return false;
    for (const w of now.keys()) if (!old.has(w) && !lower.has(w)) return false;
    if (was.clues !== is.clues) {
      // Other clues (a title, "the" before a name): the votes change; do the entities?
      const was: VotesBefore = new Map();
      addNames(this.stats, before, -1, was);
      addNames(this.stats, after, 1, was);
      const now = (key: string) => ({ votes: this.stats.votes.get(key)!, honorifics: this.stats.honorifics.get(key) ?? 0 });
      if ([...was].every(([key, then]) => typeLines(then) === typeLines(now(key)) && this.typeVotes.has(key))) {
        // No name's votes crossed a line the types are drawn by: the table drawn again would be
        // this one (drawing it again took 10-26 ms of a re-index at 10,000 sources). Its votes
        // change as the counted ones did (what tableFrom adds to them stays as it was).
        for (const [key, then] of was) addVotes(this.typeVotes.get(key)!, now(key).votes, then.votes);
      } else {
        const rebuilt = tableFrom(this.stats);
        if (!sameEntities(rebuilt.entities, this.entities)) {
          addNames(this.stats, after, -1);
          addNames(this.stats, before, 1);
          return false;
        }
        this.typeVotes = rebuilt.typeVotes;
      }
    }
    // No count reaches 0 (checked above): the set of lower-case words is the same.
    for (const [w, n] of old) lower.set(w, lower.get(w)! - n);
    for (const [w, n] of now) lower.set(w, (lower.get(w) ?? 0) + n);
    return true;
  }

  /** Works out, and drops, what `keepsThrough` works out of a document (see Corpus.rehearseReplacing). */
  rehearse(doc: PreparedDocument): void {
    nameFacts(doc);
    countLowerWords(doc.prose).toMap();
  }

  add(entity: Entity): void {
    this.personsCache = undefined;
    this.personKeysCache = undefined;
    this.indexes?.set(entity.id, this.entities.length);
    this.entities.push(entity);
    for (const key of entity.keys) if (!this.byKey.has(key)) this.byKey.set(key, entity);
  }

  /** An entity's place in the table's list (-1: none), as packed analyses refer to it. */
  indexOf(id: string): number {
    return (this.indexes ??= new Map(this.entities.map((e, i) => [e.id, i]))).get(id) ?? -1;
  }

  private indexes: Map<string, number> | undefined;

  lookup(surface: string): Entity | undefined {
    return this.byKey.get(foldName(surface));
  }

  private personsCache: Entity[] | undefined;

  /** The people (kept: the table is complete once built, and this is asked for per unknown name). */
  persons(): Entity[] {
    return (this.personsCache ??= this.entities.filter((e) => e.type === "person"));
  }

  private personKeysCache: Set<string> | undefined;

  /** Every key of every person, once (a name alone is looked up here, not in each person's keys in turn). */
  private personKeys(): Set<string> {
    return (this.personKeysCache ??= new Set(this.persons().flatMap((p) => [...p.keys])));
  }

  /** Types and links a document's name candidates. */
  resolve(names: NameCandidate[]): ResolvedName[] {
    const out: ResolvedName[] = [];
    for (const raw of names) {
      const c = this.lookup(raw.text) ? raw : trimSentenceStart(raw, this.lowerWords);
      if (!c) continue;
      const entity = this.lookup(c.text);
      if (entity) {
        out.push({ candidate: c, start: c.start, end: c.end, text: c.text, type: entity.type, entity });
        continue;
      }
      const type = decideType(c.words, c.clues, this.personKeys(), Boolean(this.typeVotes.get(foldName(c.text))));
      if (type) out.push({ candidate: c, start: c.start, end: c.end, text: c.text, type });
    }
    return out;
  }
}

/** Drops a sentence-initial word that the corpus writes in lower case elsewhere ("Workers are…"). */
export function trimSentenceStart(c: NameCandidate, lowerWords: { has(word: string): boolean }): NameCandidate | undefined {
  if (!c.sentenceInitial) return c;
  const first = c.words[0]!;
  const lower = first.toLowerCase();
  const common = lowerWords.has(lower) || lowerWords.has(lower.replace(/e?s$/, "")) || NOT_NAME_STARTERS.has(first);
  if (!common || isAcronym(first)) return c;
  let k = 1;
  while (k < c.words.length && /^(?:of|the|for|and|on)$/i.test(c.words[k]!)) k++;
  if (k >= c.words.length) return undefined;
  const offset = c.text.indexOf(c.words[k]!, first.length);
  const text = c.text.slice(offset);
  return { ...c, start: c.start + offset, text, words: c.words.slice(k), sentenceInitial: false };
}

function decideType(words: string[], clues: TypeClues, personKeys: Set<string>, known: boolean): EntityType | undefined {
  const { person, organization, place } = clues;
  if (organization > 0 && organization >= person && organization >= place) return "organization";
  if (place > 0 && place >= person) return "place";
  if (person > 0 && (words.length > 1 || person >= 2)) return "person";
  if (words.length === 1) {
    const key = foldName(words[0]!);
    if (personKeys.has(key)) return "person";
    return known && person > 0 ? "person" : undefined;
  }
  return undefined;
}

/**
 * Counts the words a text writes in lower case into `counts`: looked up where they stand, no
 * string made of a word counted before (see span-map; the corpus's prose is read whole here).
 */
function countLowerWords(prose: string, counts = new SpanMap<number>()): SpanMap<number> {
  forEachLowerWord(prose, (start, end) => {
    const e = counts.find(prose, start, end);
    if (e < 0) counts.add(prose.slice(start, end), 1);
    else counts.setValue(e, counts.value(e) + 1);
  });
  return counts;
}

function sameEntities(a: Entity[], b: Entity[]): boolean {
  const key = (e: Entity) => JSON.stringify([e.id, e.type, e.name, e.variants, [...e.keys], e.mentions]);
  return a.length === b.length && a.every((e, i) => key(e) === key(b[i]!));
}

/**
 * What of a document the entity table is built from: its names as the table's surfaces see them
 * (texts and where they stand) with its acronym definitions, and the clues its names carry.
 */
function nameFacts(doc: PreparedDocument): { shape: string; clues: string } {
  return {
    shape: JSON.stringify([doc.names.map((n) => [n.text, n.sentenceInitial]), findAcronymDefinitions(doc.prose, doc.names)]),
    clues: JSON.stringify(doc.names.map((n) => [n.clues.person, n.clues.organization, n.clues.place, n.honorific])),
  };
}

/** An entity table as plain data. */
export interface EntityTableData {
  stats: NameStats;
  typeVotes: Map<string, TypeClues>;
  entities: Entity[];
}

/** What the entity table is made from, summed over the corpus: kept, to update for one changed source. */
interface NameStats {
  lowerWords: Map<string, number>;
  /** Folded names the corpus writes mid-sentence. */
  midSentence: Set<string>;
  votes: Map<string, TypeClues>;
  surfaces: Surfaces;
  /** How many times each surface follows an honorific. */
  honorifics: Map<string, number>;
  /** Each acronym definition once, with how many times the corpus gives it (kept at 0: their order is the corpus's). */
  definitions: Map<string, { definition: AcronymDefinition; count: number }>;
}

export function buildEntities(docs: PreparedDocument[]): EntityTable {
  const lowerCounts = new SpanMap<number>();
  // "Human Rights Watch" opening a sentence is still the name the corpus writes mid-sentence.
  const midSentence = new Set<string>();
  for (const d of docs) {
    const prose = d.prose;
    countLowerWords(prose, lowerCounts);
    // Read from the packed table: no candidate objects made for this pass over the corpus.
    forEachNameText(prose, d.nameTable, (text, sentenceInitial) => {
      if (!sentenceInitial) midSentence.add(foldName(text));
    });
  }
  const stats: NameStats = { lowerWords: lowerCounts.toMap(), midSentence, votes: new Map(), surfaces: new Map(), honorifics: new Map(), definitions: new Map() };
  for (const d of docs) addNames(stats, d, 1);
  return tableFrom(stats);
}

/** The name candidates of a document as the corpus counts them (sentence openings trimmed). */
function candidatesOf(stats: NameStats, doc: PreparedDocument): NameCandidate[] {
  return doc.names.map((n) => (stats.midSentence.has(foldName(n.text)) ? n : trimSentenceStart(n, stats.lowerWords))).filter((n): n is NameCandidate => Boolean(n));
}

/** A name's votes and honorifics as they were before a change, by folded name (see keepsThrough). */
type VotesBefore = Map<string, { votes: TypeClues; honorifics: number }>;

/**
 * Which side of each line tableFrom types a name by its votes (and honorifics) lies on, with
 * and without the 10 votes a short form of an organisation's name gets there: a name whose
 * votes change but stay on the same sides of every line is typed as before, and so is every
 * other name (the short forms are those of the names on the organisations' side).
 */
function typeLines({ votes: v, honorifics }: { votes: TypeClues; honorifics: number }): string {
  const sides = (organization: number) => [organization > 0 && organization >= v.person && organization >= v.place, v.place > 0 && v.place >= v.person];
  const person = [v.person > 0, v.person >= 2, honorifics > 0];
  return [...sides(v.organization), ...sides(v.organization + ORG_PREFIX_VOTES), ...person].map(Number).join("");
}

/** Adds to `votes` what `now` has more than `then`. */
function addVotes(votes: TypeClues, now: TypeClues, then: TypeClues): void {
  votes.person += now.person - then.person;
  votes.organization += now.organization - then.organization;
  votes.place += now.place - then.place;
}

/**
 * Adds (sign 1) or takes away (sign -1) a document's votes, surfaces and definitions; into
 * `was`, the votes and honorifics of each name it votes for as they were before it first did.
 */
function addNames(stats: NameStats, doc: PreparedDocument, sign: 1 | -1, was?: VotesBefore): void {
  const definitions = findAcronymDefinitions(doc.prose, doc.names);
  // Votes per folded surface; acronym definitions make both sides organisations.
  const vote = (surface: string, clues: Partial<TypeClues>) => {
    const key = foldName(surface);
    const v = stats.votes.get(key) ?? { person: 0, organization: 0, place: 0 };
    if (was && !was.has(key)) was.set(key, { votes: { ...v }, honorifics: stats.honorifics.get(key) ?? 0 });
    v.person += sign * (clues.person ?? 0);
    v.organization += sign * (clues.organization ?? 0);
    v.place += sign * (clues.place ?? 0);
    stats.votes.set(key, v);
  };
  const candidates = candidatesOf(stats, doc);
  for (const c of candidates) vote(c.text, c.clues);
  for (const def of definitions) {
    vote(def.acronym, { organization: 3 });
    vote(def.longName, { organization: 3 });
  }
  for (const c of candidates) {
    const key = foldName(c.text);
    const s = stats.surfaces.get(key) ?? { text: c.text, words: c.words, count: 0, honorific: false };
    s.count += sign;
    if (c.honorific) stats.honorifics.set(key, (stats.honorifics.get(key) ?? 0) + sign);
    s.honorific = (stats.honorifics.get(key) ?? 0) > 0;
    if (s.count > 0) stats.surfaces.set(key, s);
    else stats.surfaces.delete(key);
  }
  for (const d of definitions) {
    const key = `${d.acronym}\u0000${d.longName}`;
    const known = stats.definitions.get(key);
    if (known) known.count += sign;
    else stats.definitions.set(key, { definition: d, count: sign });
  }
}

/** The votes a shorter run of an organisation's first words gets ("Brightwater Shipping" of "Brightwater Shipping Ltd"). */
const ORG_PREFIX_VOTES = 10;

function tableFrom(stats: NameStats): EntityTable {
  const { lowerWords } = stats;
  const definitions = [...stats.definitions.values()].filter((d) => d.count > 0).map((d) => d.definition);
  // The votes and surfaces are copied: what follows adjusts them, and the stats stay as counted.
  const votes = new Map([...stats.votes].map(([k, v]) => [k, { ...v }]));
  const surfaces: Surfaces = new Map([...stats.surfaces].map(([k, s]) => [k, { ...s }]));
  for (const def of definitions) {
    for (const text of [def.longName, def.acronym]) {
      const key = foldName(text);
      if (!surfaces.has(key)) surfaces.set(key, { text, words: text.split(/\s+/), count: 1, honorific: false });
    }
  }
  const table = new EntityTable(stats, votes);

  // "Brightwater Shipping" is short for "Brightwater Shipping Ltd": the longer name's votes count for it.
  const orgish = new Set([...surfaces.keys()].filter((k) => { const v = votes.get(k)!; return v.organization > 0 && v.organization >= v.person && v.organization >= v.place; }));
  // Every shorter run of an organisation's first words ("a b" and "a b c" of "a b c d").
  const orgPrefixes = new Set<string>();
  for (const o of orgish) for (let i = o.indexOf(" "); i > 0; i = o.indexOf(" ", i + 1)) orgPrefixes.add(o.slice(0, i));
  for (const [key, s] of surfaces) {
    if (s.words.length < 2 || orgish.has(key)) continue;
    if (orgPrefixes.has(key)) votes.get(key)!.organization += ORG_PREFIX_VOTES;
  }

  const typed = new Map<string, EntityType>();
  const fullPersons: string[] = [];
  for (const [key, s] of surfaces) {
    const v = votes.get(key)!;
    const multi = s.words.length > 1;
    if (v.organization > 0 && v.organization >= v.person && v.organization >= v.place) typed.set(key, "organization");
    else if (v.place > 0 && v.place >= v.person) typed.set(key, "place");
    else if (v.person > 0 && multi && s.words.every((w) => !ORG_KEYWORDS.has(w.toLowerCase())) && (v.person >= 2 || s.honorific || standsAlone(surfaces, s.words) || s.words.every((w) => !lowerWords.has(w.toLowerCase())))) {
      typed.set(key, "person");
      fullPersons.push(key);
    }
  }
  // Single words: a person's surname or first name, or typed by their own votes.
  const personParts = new Set(fullPersons.flatMap((k) => k.split(" ")));
  // By first letter: a close spelling never changes the first letter (see closeSpelling).
  const partsByInitial = new Map<string, string[]>();
  for (const p of personParts) partsByInitial.set(p[0]!, [...(partsByInitial.get(p[0]!) ?? []), p]);
  for (const [key, s] of surfaces) {
    if (typed.has(key) || s.words.length !== 1) continue;
    const v = votes.get(key)!;
    if (personParts.has(key) || (partsByInitial.get(key[0]!) ?? []).some((p) => closeSpelling(p, key))) typed.set(key, "person");
    else if (v.person >= 2 || s.honorific) typed.set(key, "person");
  }

  addPersons(table, surfaces, typed, fullPersons);
  addOrganizations(table, surfaces, typed, definitions);
  for (const [key, type] of typed) {
    if (type !== "place") continue;
    const s = surfaces.get(key)!;
    table.add({ id: `place:${key}`, type, name: s.text, variants: [s.text], keys: new Set([key]), mentions: s.count });
  }
  return table;
}

/** A full name whose surname or first name the corpus also writes on its own is a person's. */
function standsAlone(surfaces: Surfaces, words: string[]): boolean {
  return [words[0]!, words[words.length - 1]!].some((w) => surfaces.has(foldName(w)));
}

type Surfaces = Map<string, { text: string; words: string[]; count: number; honorific: boolean }>;

function addPersons(table: EntityTable, surfaces: Surfaces, typed: Map<string, EntityType>, fullPersons: string[]): void {
  // Full names: one entity per first name + surname, surnames allowed to vary in spelling.
  const groups: string[][] = [];
  // The groups by first name, with the surname of each group's first key (the one compared with).
  const byFirst = new Map<string, Array<{ last: string; group: string[] }>>();
  for (const key of [...fullPersons].sort((a, b) => surfaces.get(b)!.count - surfaces.get(a)!.count)) {
    const first = key.slice(0, key.indexOf(" "));
    const last = key.slice(key.lastIndexOf(" ") + 1);
    const same = byFirst.get(first) ?? [];
    const found = same.find((g) => closeSpelling(g.last, last));
    if (found) found.group.push(key);
    else {
      const group = [key];
      groups.push(group);
      byFirst.set(first, [...same, { last, group }]);
    }
  }
  const singles = [...typed].filter(([k, t]) => t === "person" && !k.includes(" ")).map(([k]) => k);
  const claimed = new Set<string>();
  // How many groups each first name leads (a first name alone is a person's only when it leads one).
  const groupsLed = new Map<string, number>();
  for (const g of groups) {
    const first = g[0]!.split(" ")[0]!;
    groupsLed.set(first, (groupsLed.get(first) ?? 0) + 1);
  }
  for (const group of groups) {
    const keys = new Set<string>(group);
    const lasts = new Set(group.map((k) => k.split(" ").pop()!));
    const firsts = new Set(group.map((k) => k.split(" ")[0]!));
    for (const single of singles) {
      const sameLast = [...lasts].some((l) => closeSpelling(l, single));
      const sameFirst = firsts.has(single) && groupsLed.get(single) === 1;
      if (sameLast || sameFirst) {
        keys.add(single);
        claimed.add(single);
      }
    }
    for (const l of lasts) keys.add(l);
    const variants = [...keys].filter((k) => surfaces.has(k)).map((k) => surfaces.get(k)!.text);
    const best = group[0]!;
    const mentions = [...keys].reduce((n, k) => n + (surfaces.get(k)?.count ?? 0), 0);
    table.add({ id: `person:${best}`, type: "person", name: surfaces.get(best)!.text, variants, keys, mentions });
  }
  for (const single of singles) {
    if (claimed.has(single)) continue;
    const s = surfaces.get(single)!;
    table.add({ id: `person:${single}`, type: "person", name: s.text, variants: [s.text], keys: new Set([single]), mentions: s.count });
  }
}

function addOrganizations(table: EntityTable, surfaces: Surfaces, typed: Map<string, EntityType>, definitions: Array<{ longName: string; acronym: string }>): void {
  const orgKeys = [...typed].filter(([, t]) => t === "organization").map(([k]) => k);
  const parent = new Map<string, string>(orgKeys.map((k) => [k, k]));
  const find = (k: string): string => {
    let p = parent.get(k) ?? k;
    while (p !== (parent.get(p) ?? p)) p = parent.get(p) ?? p;
    parent.set(k, p);
    return p;
  };
  const join = (a: string, b: string) => {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent.set(ra, rb);
  };
  for (const def of definitions) join(foldName(def.longName), foldName(def.acronym));
  // "the Federation of … Union of Nigeria" and "… Unions of Nigeria": one name, two spellings.
  const byNorm = new Map<string, string>();
  for (const k of orgKeys) {
    const norm = orgNameNorm(k);
    if (norm.split(" ").length < 3) continue;
    const first = byNorm.get(norm);
    if (first === undefined) byNorm.set(norm, k);
    else join(first, k);
  }
  // "Brightwater Shipping" and "Brightwater Shipping Ltd": a name and the same with its legal form.
  const orgSet = new Set(orgKeys);
  for (const b of orgKeys) {
    const cut = b.lastIndexOf(" ");
    if (cut > 0 && orgSet.has(b.slice(0, cut)) && shortFor(b.slice(0, cut), b)) join(b.slice(0, cut), b);
  }

  const components = new Map<string, string[]>();
  for (const k of parent.keys()) {
    const root = find(k);
    components.set(root, [...(components.get(root) ?? []), k]);
  }
  for (const keys of components.values()) {
    const present = keys.filter((k) => surfaces.has(k));
    if (!present.length) continue;
    const best = [...present].sort((a, b) => b.split(" ").length - a.split(" ").length || surfaces.get(b)!.count - surfaces.get(a)!.count)[0]!;
    const variants = present.map((k) => surfaces.get(k)!.text);
    const mentions = present.reduce((n, k) => n + surfaces.get(k)!.count, 0);
    table.add({ id: `organization:${best}`, type: "organization", name: surfaces.get(best)!.text, variants, keys: new Set(present), mentions });
  }
}

/** "brightwater shipping" for "brightwater shipping ltd": a name cut before a legal form. */
function shortFor(a: string, b: string): boolean {
  return a.split(" ").length >= 2 && b.startsWith(a + " ") && /^(?:ltd|llc|inc|plc|gmbh|corp|corporation|company|co|sa|ag|as|group)$/.test(b.slice(a.length + 1));
}

/** An organisation's name without what its spellings vary in: -ise/-ize, "the", "of", plurals. */
function orgNameNorm(s: string): string {
  return s.replace(/is(ation|e|ed)\b/g, "iz$1").replace(/\b(?:the|of|for|and)\b/g, " ").replace(/s\b/g, "").replace(/\s+/g, " ").trim();
}
