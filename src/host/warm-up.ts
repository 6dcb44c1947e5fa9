// Runs this thread's code for reading a source before a changed source has to be read here.
// When a pool of threads read every source of a folder (or the cache gave them all), this thread
// never ran it: the first source saved afterwards was then re-indexed in 92-124 ms at 10,000
// sources, V8 compiling chrono-node's parsers and ours as it went, and the second in 68-78 ms;
// after 10 sources read so beforehand, 44 ms, after 30, 21-33 ms (measured once each, fresh processes).
import { readSource, type Corpus } from "../engine/index";

/** Sources read again to warm up: enough for V8 to compile the hot functions of reading one. */
export const WARM_UP_SOURCES = 30;

/**
 * Reads `count` of the corpus's sources again in this thread, spread over the corpus, and drops
 * what it read: nothing in the corpus changes. One source per turn of the event loop, so that a
 * request that comes meanwhile waits for one source at most (a few milliseconds).
 */
export async function warmUpReading(corpus: Corpus, count = WARM_UP_SOURCES): Promise<void> {
  const sources = corpus.sources;
  const n = Math.min(count, sources.length);
  const encoder = new TextEncoder();
  for (let k = 0; k < n; k++) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    const doc = sources[Math.floor((k * sources.length) / n)]?.doc;
    if (doc) readSource(doc.meta.path, encoder.encode(doc.text));
  }
}
