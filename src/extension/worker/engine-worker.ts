// The engine, in a worker thread: indexing and checking never block the extension host.
import { parentPort } from "node:worker_threads";
import { checkDraft, conflictSummaries, searchSources, SourceSet } from "../../engine/index";
import { formatDate } from "../../engine/extract/dates";
import type { Answer, Envelope, Replies, Request } from "./protocol";

const roots = new Map<string, SourceSet>();
const setFor = (root: string): SourceSet => {
  let set = roots.get(root);
  if (!set) roots.set(root, (set = new SourceSet()));
  return set;
};

function handle(request: Request): Replies[keyof Replies] {
  const set = setFor(request.root);
  switch (request.op) {
    case "reset":
      roots.delete(request.root);
      return null;
    case "upsert":
      return set.upsert(request.path, request.bytes);
    case "remove":
      set.remove(request.path);
      return null;
    case "summary": {
      const corpus = set.corpus();
      return {
        sources: corpus.sources.map((s) => {
          const m = s.doc.meta;
          return { path: m.path, title: m.title, sentences: s.doc.sentences.length, ...(m.outlet ? { outlet: m.outlet } : {}), ...(m.date ? { date: formatDate(m.date) } : {}) };
        }),
        problems: set.allProblems(),
        conflicts: corpus.conflicts.length,
      };
    }
    case "check": {
      const result = checkDraft(set.corpus(), request.path, request.text, { citationStyle: request.citationStyle });
      return { findings: result.findings, mentions: result.mentions, warnings: result.warnings };
    }
    case "search":
      return searchSources(set.corpus(), request.query);
    case "conflicts":
      return conflictSummaries(set.corpus());
  }
}

parentPort?.on("message", ({ id, request }: Envelope) => {
  let answer: Answer;
  try {
    answer = { id, ok: true, result: handle(request) };
  } catch (error) {
    answer = { id, ok: false, error: (error as Error)?.message ?? String(error) };
  }
  parentPort!.postMessage(answer);
});
