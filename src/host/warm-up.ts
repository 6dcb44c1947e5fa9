// Runs this thread's code for re-indexing a source before a source changes. When a pool of
// threads read every source of a folder (or the cache gave them all), this thread never ran the
// code that reads one, nor, with the corpus taken from the cache, much of what replacing one in
// the corpus runs: the first source saved was then re-indexed while V8 compiled that code (at
// 10,000 sources, 92-124 ms after indexing, 45-57 ms after opening again; measured once each, fresh processes).
import { readSource, type Corpus } from "../engine/index";

/** Sources gone through: enough for V8 to compile the hot functions of reading and replacing one. */
export const WARM_UP_SOURCES = 30;

/**
 * Reads `count` of the corpus's sources again in this thread, spread over the corpus, and
 * rehearses replacing each (see Corpus.rehearseReplacing), dropping what it worked out: nothing
 * in the corpus changes. One source per turn of the event loop, so that a request that comes
 * meanwhile waits for one source at most (a few milliseconds).
 */
export async function warmUpReindexing(corpus: Corpus, count = WARM_UP_SOURCES): Promise<void> {
  const sources = corpus.sources;
  const n = Math.min(count, sources.length);
  const encoder = new TextEncoder();
  for (let k = 0; k < n; k++) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    const at = Math.floor((k * sources.length) / n);
    const doc = sources[at]?.doc;
    if (!doc) continue;
    readSource(doc.meta.path, encoder.encode(doc.text));
    corpus.rehearseReplacing(at);
  }
}
