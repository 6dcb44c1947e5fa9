// A built corpus's analyses as compact plain data, for a host to persist beside the prepared
// sources: the entity table, word rarity, the word and value indexes, and for each source its
// names as resolved and the context of each of its values. A corpus opened again on the same
// sources takes them instead of working them out again, which is most of the time a build takes.
// Strings (classes, entity ids) are kept once in a table the numbers refer to.
import type { Mention, MentionType } from "../types";
import { NONE, weightsOf, type ValueContext } from "../extract/context";
import type { Entity, EntityTable, EntityTableData } from "./entities";
import type { NamePlace } from "../extract/roles";
import type { IdfData } from "./similarity";
import type { WordIndexData } from "./word-index";
import type { ValueIndexData } from "./value-index";
import { isPackedInts, packInts, type PackedInts } from "../packed-ints";

/** What the corpus works out for one source from its prepared document and the entity table. */
export interface SourceAnalysis {
  /** Names (with their entities), dates and terms, sorted. */
  mentions: Mention[];
  contexts: Map<Mention, ValueContext>;
  /** Content classes of each sentence (for word rarity); not packed (word rarity is kept whole). */
  classes: string[][];
}

export interface PackedSource {
  /** Per name: start, end, type (see NAME_TYPES), index of its entity or -1. */
  names: PackedInts;
  /** The value of each name with no entity, in order. */
  loose: string[];
  /**
   * Per value, in the contexts' order: its mention's index among the mentions, flags (1:
   * reporting), what is counted (a string's index, or -1), then five lists (each its length and
   * its strings' indexes): local, head, entities, persons and the weights' classes.
   */
  contexts: PackedInts;
  /** The weight steps of every context, one after another. */
  steps: string;
}

export interface PackedCorpus {
  /** The sources' paths, in the corpus's order: the packed sources are theirs. */
  paths: string[];
  entities: EntityTableData;
  idf: IdfData;
  /** The word index, with the sentence ids a build gives. */
  words: WordIndexData;
  /** The value index, with the record ids a build gives, and how many values each source has. */
  values: { index: ValueIndexData; counts: Int32Array };
  /** How many sentences each source has: a corpus taken from these analyses gives them their ids without reading them. */
  sentences: Int32Array;
  strings: string[];
  sources: PackedSource[];
}

const NAME_TYPES: MentionType[] = ["person", "organization", "place"];
const REPORTING = 1;

/** Packs sources as they are analysed, strings kept once across all of them (one corpus, one entity table). */
export class AnalysisPacker {
  private ids: Map<string, number> | undefined;

  constructor(
    readonly strings: string[] = [],
    readonly sources: PackedSource[] = [],
  ) {}

  /** Packs source `index`'s analysis (replacing what was packed for it), its names' entities by their places in the table. */
  add(index: number, analysis: SourceAnalysis, entities: EntityTable): void {
    const names: number[] = [];
    const loose: string[] = [];
    const position = new Map<Mention, number>();
    analysis.mentions.forEach((m, i) => {
      position.set(m, i);
      if (m.type === "date" || m.type === "term") return;
      const entity = m.entityId === undefined ? -1 : entities.indexOf(m.entityId);
      names.push(m.start, m.end, NAME_TYPES.indexOf(m.type), entity);
      if (entity < 0) loose.push(m.value);
    });
    const contexts: number[] = [];
    let steps = "";
    for (const [mention, context] of analysis.contexts) {
      contexts.push(position.get(mention)!, context.reporting ? REPORTING : 0, context.counted === undefined ? -1 : this.id(context.counted));
      const weights = weightsOf(context);
      for (const list of [context.local, context.head, context.entities, context.persons, weights.classes]) contexts.push(list.length, ...list.map(this.id));
      steps += weights.steps;
    }
    this.sources[index] = { names: packInts(names), loose, contexts: packInts(contexts), steps };
  }

  private readonly id = (s: string): number => {
    const ids = (this.ids ??= new Map(this.strings.map((x, i) => [x, i])));
    let i = ids.get(s);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(s);
      ids.set(s, i);
    }
    return i;
  };
}

/**
 * The names of a packed source, as `mentionsFrom` takes them: each name's place, type, entity
 * (from the table's list, in its order) and value.
 */
export function packedNames(p: PackedSource, entities: readonly Entity[]): NameMention[] {
  const out: NameMention[] = [];
  let k = 0;
  for (let i = 0; i < p.names.length; i += 4) {
    const entity = p.names[i + 3]! >= 0 ? entities[p.names[i + 3]!] : undefined;
    out.push({ start: p.names[i]!, end: p.names[i + 1]!, type: NAME_TYPES[p.names[i + 2]!]!, value: entity ? entity.name : p.loose[k++]!, ...(entity ? { entityId: entity.id } : {}) });
  }
  return out;
}

/** Where a packed source names an entity (by its index in the table), as role claims read names: in order. */
export function placesOfEntity(p: PackedSource, entityIndex: number, entityId: string): NamePlace[] {
  const out: NamePlace[] = [];
  for (let i = 0; i < p.names.length; i += 4) if (p.names[i + 3] === entityIndex) out.push({ start: p.names[i]!, end: p.names[i + 1]!, type: NAME_TYPES[p.names[i + 2]!]!, entityId });
  return out;
}

export interface NameMention {
  start: number;
  end: number;
  type: MentionType;
  value: string;
  entityId?: string;
}

/** The contexts of a packed source, for its mentions as made from `packedNames`. */
export function unpackContexts(p: PackedSource, strings: readonly string[], mentions: Mention[]): Map<Mention, ValueContext> {
  const contexts = new Map<Mention, ValueContext>();
  const x = p.contexts;
  let at = 0;
  let stepAt = 0;
  let lastEntities: readonly string[] = NONE;
  const list = (): readonly string[] => {
    const n = x[at++]!;
    const items: string[] = [];
    for (let k = 0; k < n; k++) items.push(strings[x[at++]!]!);
    return n ? items : NONE;
  };
  while (at < x.length) {
    const mention = mentions[x[at++]!]!;
    const flags = x[at++]!;
    const counted = x[at++]!;
    const local = list();
    const head = list();
    let entities = list();
    // The values of one sentence share its list of entities.
    if (sameList(entities, lastEntities)) entities = lastEntities;
    lastEntities = entities;
    const persons = list();
    const weightClasses = list();
    const steps = p.steps.slice(stepAt, (stepAt += weightClasses.length));
    const context: ValueContext = { local, weights: { classes: weightClasses === NONE ? [] : weightClasses, steps }, head, entities, persons };
    if (counted >= 0) context.counted = strings[counted]!;
    if (flags & REPORTING) context.reporting = true;
    contexts.set(mention, context);
  }
  return contexts;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

/** Throws if a packed source is not made as `AnalysisPacker` makes one (a damaged cache that still decoded). */
export function checkPacked(p: PackedSource): void {
  const ok = p && isPackedInts(p.names) && p.names.length % 4 === 0 && Array.isArray(p.loose) && isPackedInts(p.contexts) && typeof p.steps === "string";
  if (!ok) throw new Error("a packed source is damaged");
}

/** Each name of a packed source that is an entity's: the entity, the name's place among the source's names, and the entity's index in the table. */
export function forEachPackedEntity(p: PackedSource, entities: readonly Entity[], visit: (entity: Entity, place: number, index: number) => void): void {
  for (let i = 0, place = 0; i < p.names.length; i += 4, place++) {
    const e = p.names[i + 3]!;
    if (e < 0) continue;
    const entity = entities[e];
    if (!entity) throw new Error("a packed name's entity is missing");
    visit(entity, place, e);
  }
}
