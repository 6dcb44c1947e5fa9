// Look-ups the editor offers besides checking: source sentences matching what one types (to
// cite one), and the list of what the sources disagree on.
import type { Evidence } from "../types";
import type { Corpus } from "../index/corpus";
import { evidenceFor } from "./evidence";
import { describeSides } from "./values";

export function searchSources(corpus: Corpus, query: string, limit = 30): Evidence[] {
  return corpus.sentenceIndex.find(query, limit, 0.2).map((ref) => {
    const source = corpus.sources[ref.source]!;
    return evidenceFor(source, source.doc.sentences[ref.sentence]!);
  });
}

export interface ConflictSummary {
  id: number;
  summary: string;
  evidence: Evidence[];
}

export function conflictSummaries(corpus: Corpus): ConflictSummary[] {
  return corpus.conflicts.map((c) => ({
    id: c.id + 1,
    summary: describeSides(corpus, c.records),
    evidence: c.records.map((r) => evidenceFor(corpus.sources[r.source]!, r.sentence, r.mention)),
  }));
}
