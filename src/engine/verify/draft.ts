// A draft read the way sources are, its names linked to the corpus's entities.
import type { Mention } from "../types";
import { prepareDocument, type PreparedDocument } from "../ingest/document";
import type { DateAnchor } from "../extract/dates";
import { valueContexts, type ValueContext } from "../extract/context";
import { mentionsOf, type Corpus } from "../index/corpus";
import { nearestPerson } from "./names";

export interface Draft {
  doc: PreparedDocument;
  mentions: Mention[];
  contexts: Map<Mention, ValueContext>;
}

export function readDraft(corpus: Corpus, path: string, text: string, anchor?: DateAnchor): Draft {
  const doc = prepareDocument(path, text, anchor ? { draft: true, anchor } : { draft: true });
  const mentions = mentionsOf(doc, corpus.entities);
  // A misspelt name still says who a value is about: bind it to the person it is close to.
  const withGuesses = mentions.map((m) => {
    if (m.type !== "person" || m.entityId) return m;
    const near = nearestPerson(corpus, m.text);
    return near ? { ...m, entityId: near.entity.id } : m;
  });
  const contexts = new Map<Mention, ValueContext>();
  const computed = valueContexts(doc.prose, doc.sentences, withGuesses);
  withGuesses.forEach((m, i) => {
    const c = computed.get(m);
    if (c) contexts.set(mentions[i]!, c);
  });
  return { doc, mentions, contexts };
}
