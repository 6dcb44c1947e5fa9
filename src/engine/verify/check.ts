// Checks a draft against the corpus: every date, figure, person's name and quotation.
import type { Finding, Mention } from "../types";
import type { Corpus } from "../index/corpus";
import { readDraft, type Draft } from "./draft";
import { checkValue } from "./values";
import { checkPersonNames } from "./names";
import { checkQuote } from "./quotes";
import { checkRoles } from "./roles";
import { citationPoint, type CitationStyle } from "./fixes";

export interface CheckResult {
  draft: Draft;
  findings: Finding[];
  mentions: Mention[];
  warnings: string[];
}

export interface CheckOptions {
  citationStyle?: CitationStyle;
}

export function checkDraft(corpus: Corpus, path: string, text: string, options: CheckOptions = {}): CheckResult {
  const style = options.citationStyle ?? "footnote";
  const draft = readDraft(corpus, path, text);
  const { doc } = draft;
  const findings: Finding[] = [];
  for (const sentence of doc.sentences) {
    for (const [m, context] of draft.contexts) {
      if (m.start < sentence.start || m.end > sentence.end) continue;
      const f = checkValue(corpus, text, sentence, m, context, style);
      if (f) findings.push(f);
    }
  }
  findings.push(...checkPersonNames(corpus, draft.mentions));
  findings.push(...checkRoles(corpus, draft));
  for (const q of doc.quotes) {
    const sentence = doc.sentences.find((s) => s.start <= q.start && q.start < s.end);
    const f = checkQuote(corpus, text, citationPoint(text, sentence?.end ?? q.end), q, style);
    if (f) findings.push(f);
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code));
  return { draft, findings, mentions: draft.mentions, warnings: doc.warnings };
}
