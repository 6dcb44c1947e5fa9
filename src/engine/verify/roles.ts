// A person's title: the draft says "general secretary", the sources say "assistant general
// secretary" → contradicted. A role the sources give at the same rank → supported. A role the
// sources never give → nothing: people have many roles, and silence is not contradiction.
import type { Finding } from "../types";
import { perCorpus, type AnalysedSource, type Corpus } from "../index/corpus";
import { findRoleClaims, roleShape, type RoleClaim } from "../extract/roles";
import type { Draft } from "./draft";
import { evidenceFor } from "./evidence";
import { finding } from "./findings";
import { inOnePass } from "../ingest/recent";

interface SourceClaim extends RoleClaim {
  source: number;
}

/** Each source's role claims about each person asked for, found once per version of the source (a changed source is a new object). */
const claimsOf = new WeakMap<AnalysedSource, Map<string, SourceClaim[]>>();

function claimsIn(corpus: Corpus, s: AnalysedSource, person: string): SourceClaim[] {
  let byPerson = claimsOf.get(s);
  if (!byPerson) claimsOf.set(s, (byPerson = new Map()));
  let claims = byPerson.get(person);
  // Only where the source names the person (a source opened from the cache need not make all its mentions for that).
  if (!claims) byPerson.set(person, (claims = findRoleClaims(s.doc.prose, corpus.placesNamed(s.index, person), person).map((c) => ({ ...c, source: s.index }))));
  return claims;
}

/** The sources' role claims about each person asked for, in source order (gathered again when a source changes). */
const claimsAbout = perCorpus(() => new Map<string, SourceClaim[]>());

function sourceClaimsAbout(corpus: Corpus, person: string): SourceClaim[] {
  const known = claimsAbout(corpus);
  let list = known.get(person);
  if (!list) {
    const found: SourceClaim[] = [];
    // Only the sources that name the person can make a claim about them: the others are not read.
    inOnePass(() => {
      for (const source of corpus.mentionsOf.get(person)?.sourceList() ?? []) found.push(...claimsIn(corpus, corpus.sources[source]!, person));
    });
    known.set(person, (list = found));
  }
  return list;
}

export function checkRoles(corpus: Corpus, draft: Draft): Finding[] {
  const out: Finding[] = [];
  for (const claim of findRoleClaims(draft.doc.prose, draft.mentions)) {
    const shape = roleShape(claim.words)!;
    const theirs = sourceClaimsAbout(corpus, claim.person).map((k) => ({ k, shape: roleShape(k.words)! }));
    const sameTitle = theirs.filter((t) => t.shape.title === shape.title);
    if (!sameTitle.length) continue;
    const evidenceOf = (k: SourceClaim) => {
      const s = corpus.sources[k.source]!;
      const sentence = s.doc.sentences.find((x) => x.start <= k.start && k.start < x.end) ?? s.doc.sentences[0]!;
      return evidenceFor(s, sentence);
    };
    const phrase = draft.doc.text.slice(claim.start, claim.end).trim();
    const match = sameTitle.find((t) => t.shape.rank.join(" ") === shape.rank.join(" "));
    if (match) {
      out.push(finding(claim.start, claim.end, "supported", "role.known", `${phrase}: as the sources say`, [evidenceOf(match.k)]));
    } else {
      const said = [...new Set(sameTitle.map((t) => t.k.words.join(" ")))];
      const evidence = sameTitle.slice(0, 3).map((t) => evidenceOf(t.k));
      out.push(finding(claim.start, claim.end, "contradicted", "role.mismatch", `${phrase}: the sources give the title as “${said.join("”, “")}”`, evidence));
    }
  }
  return out;
}
