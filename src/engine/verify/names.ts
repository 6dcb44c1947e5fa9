// Names of people: known to the sources, a close misspelling of a known name, or unknown.
import type { Finding, Mention } from "../types";
import type { Corpus } from "../index/corpus";
import type { Entity } from "../index/entities";
import { NameList, closeSpelling } from "../index/fuzzy";
import { foldName } from "../extract/fold";
import { evidenceFor, sourceLabel, uniqueEvidence } from "./evidence";
import { finding } from "./findings";
import { replaceFix } from "./fixes";

export interface NameMatch {
  entity: Entity;
  /** The source's spelling with the draft's shape (a full name for a full name). */
  spelling: string;
  exact: boolean;
}

const lists = new WeakMap<Corpus, NameList<{ entity: Entity; variant: string }>>();

function personList(corpus: Corpus): NameList<{ entity: Entity; variant: string }> {
  let list = lists.get(corpus);
  if (!list) {
    list = new NameList(corpus.entities.persons().flatMap((entity) => entity.variants.map((variant) => ({ key: foldName(variant), item: { entity, variant } }))));
    lists.set(corpus, list);
  }
  return list;
}

/** The known person a written name is, or is a misspelling of. */
export function nearestPerson(corpus: Corpus, written: string): NameMatch | undefined {
  const folded = foldName(written);
  const exact = corpus.entities.lookup(written);
  if (exact?.type === "person") return { entity: exact, spelling: written, exact: true };
  const parts = folded.split(" ");
  // "Ilse Vanderbeck": a first name and a surname spelling the sources both use.
  const bySurname = parts.length > 1 ? corpus.entities.lookup(parts[parts.length - 1]!) : undefined;
  if (bySurname?.type === "person" && [...bySurname.keys].some((k) => k.includes(" ") && k.split(" ")[0] === parts[0])) {
    return { entity: bySurname, spelling: written, exact: true };
  }
  for (const { entity, variant } of personList(corpus).candidates(folded)) {
    const vParts = foldName(variant).split(" ");
    if (vParts.length !== parts.length) continue;
    const exactParts = parts.filter((p, i) => p === vParts[i]).length;
    const close = parts.every((p, i) => closeSpelling(p, vParts[i]!, exactParts > 0));
    if (close && exactParts < parts.length) return { entity, spelling: variant, exact: false };
  }
  return undefined;
}

export function checkPersonNames(corpus: Corpus, mentions: Mention[]): Finding[] {
  const out: Finding[] = [];
  for (const m of mentions) {
    if (m.type !== "person") continue;
    const match = nearestPerson(corpus, m.text);
    if (!match) {
      if (m.text.includes(" ")) out.push(finding(m.start, m.end, "unsupported", "name.unknown", `${m.text}: no source mentions this person`));
      continue;
    }
    // The first three sources that write the name so (a known person's mentions are thousands at scale: stop there).
    const seen = new Set<number>();
    const spelling = foldName(match.spelling);
    const first: Array<{ source: number; mention: Mention }> = [];
    for (const { source, item: x } of corpus.mentionsOf.get(match.entity.id)?.entries() ?? []) {
      if (seen.has(source) || (match.exact && foldName(x.text) !== spelling && !x.text.includes(" "))) continue;
      seen.add(source);
      first.push({ source, mention: x });
      if (first.length === 3) break;
    }
    const evidence = uniqueEvidence(
      first.map(({ source, mention: x }) => {
        const s = corpus.sources[source]!;
        return evidenceFor(s, s.doc.sentences.find((se) => se.start <= x.start && x.end <= se.end)!, x);
      }),
      3,
    );
    if (match.exact) {
      out.push(finding(m.start, m.end, "supported", "name.known", `${m.text}: named in ${evidence.length} source${evidence.length === 1 ? "" : "s"}${evidence[0] ? ` (${evidence.map(sourceLabel).join("; ")})` : ""}`, evidence));
    } else {
      out.push(finding(m.start, m.end, "misspelled", "name.spelling", `${m.text}: the sources spell it ${match.spelling}`, evidence, [replaceFix(m.start, m.end, match.spelling)]));
    }
  }
  return out;
}
