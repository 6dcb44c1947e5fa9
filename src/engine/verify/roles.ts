// A person's title: the draft says "general secretary", the sources say "assistant general
// secretary" → contradicted. A role the sources give at the same rank → supported. A role the
// sources never give → nothing: people have many roles, and silence is not contradiction.
import type { Finding } from "../types";
import { perCorpus, type Corpus } from "../index/corpus";
import { findRoleClaims, roleShape, type RoleClaim } from "../extract/roles";
import type { Draft } from "./draft";
import { evidenceFor } from "./evidence";
import { finding } from "./findings";

interface SourceClaim extends RoleClaim {
  source: number;
}

const sourceClaims = perCorpus((corpus): SourceClaim[] =>
  corpus.sources.flatMap((s) => findRoleClaims(s.doc.prose, s.mentions).map((c) => ({ ...c, source: s.index }))),
);

export function checkRoles(corpus: Corpus, draft: Draft): Finding[] {
  const out: Finding[] = [];
  const known = sourceClaims(corpus);
  for (const claim of findRoleClaims(draft.doc.prose, draft.mentions)) {
    const shape = roleShape(claim.words)!;
    const theirs = known.filter((k) => k.person === claim.person).map((k) => ({ k, shape: roleShape(k.words)! }));
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
