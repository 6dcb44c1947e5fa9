// Checks a draft against the corpus: every date, figure, person's name and quotation.
import type { Finding, Mention } from "../types";
import type { Corpus } from "../index/corpus";
import { readDraft, type Draft } from "./draft";
import { checkValue } from "./values";
import { checkPersonNames } from "./names";
import { checkQuote } from "./quotes";
import { checkRoles } from "./roles";

export interface CheckResult {
  draft: Draft;
  findings: Finding[];
  mentions: Mention[];
  warnings: string[];
}

export function checkDraft(corpus: Corpus, path: string, text: string): CheckResult {
  const draft = readDraft(corpus, path, text);
  const { doc } = draft;
  const findings: Finding[] = [];
  for (const sentence of doc.sentences) {
    for (const [m, context] of draft.contexts) {
      if (m.start < sentence.start || m.end > sentence.end) continue;
      const f = checkValue(corpus, doc.prose, sentence, m, context);
      if (f) findings.push(f);
    }
  }
  findings.push(...checkPersonNames(corpus, draft.mentions));
  findings.push(...checkRoles(corpus, draft));
  for (const q of doc.quotes) {
    const sentence = doc.sentences.find((s) => s.start <= q.start && q.start < s.end);
    const f = checkQuote(corpus, text, sentenceEndForCitation(text, sentence?.end ?? q.end), q);
    if (f) findings.push(f);
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code));
  return { draft, findings, mentions: draft.mentions, warnings: doc.warnings };
}

/** A footnote goes after the sentence's closing punctuation and quotation mark. */
function sentenceEndForCitation(text: string, end: number): number {
  let at = end;
  while (at < text.length && /["”’)\]]/.test(text[at]!)) at++;
  return at;
}
