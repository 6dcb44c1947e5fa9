// The engine, in a worker thread: indexing and checking never block the extension host.
// Sources are prepared in a pool of threads of their own (one per core) and taken into the
// corpus in the order they came; every other request waits for the sources sent before it.
// Loaded by the worker's entry (engine-worker) on its first request, which it hands on.
import type { MessagePort } from "node:worker_threads";
import { checkDraft, conflictSummaries, readHere, searchSources, SourceSet, type SourceReading } from "../../engine/index";
import { formatDate } from "../../engine/extract/dates";
import { defaultSize, PreparePool } from "../../host/prepare-pool";
import { counterFor } from "../../host/count-thread";
import { ReadingCache } from "../../host/reading-cache";
import type { Answer, Envelope, Replies, Request } from "./protocol";
import type { OpenedCacheFile } from "../../host/cache-file";
import { packSources, transferOf } from "./packed-sources";
import { warmUpReindexing } from "../../host/warm-up";

interface Root {
  set: SourceSet;
  cache?: ReadingCache;
  /** Settled once the folder's cache is loaded: the folder's requests wait for it. */
  cacheLoaded: Promise<unknown>;
  /** Requests of this folder, applied one after another. */
  queue: Promise<unknown>;
}

const roots = new Map<string, Root>();
let pool: PreparePool | undefined;
/** Folders being indexed (from reset to persist): their many sources are read in the pool. */
const indexing = new Set<string>();
/** This thread has run its code for re-indexing a source (see host/warm-up), or is to. */
let warmedUp = false;
/** How long after a folder is ready the warm-up starts. */
const WARM_UP_AFTER_MS = 300;

function rootFor(key: string): Root {
  let root = roots.get(key);
  if (!root) roots.set(key, (root = { set: new SourceSet(), cacheLoaded: Promise.resolve(), queue: Promise.resolve() }));
  return root;
}

/**
 * Reads a source through the folder's cache when it has one: in the pool while folders are being
 * indexed, here otherwise (one changed file; the pool's threads are stopped once indexing ends,
 * so their memory is given back).
 */
function read(root: Root, path: string, bytes: Uint8Array): Promise<SourceReading> {
  const prepare = indexing.size && defaultSize() > 1 ? (pool ??= new PreparePool()).read : readHere;
  return root.cache ? root.cache.wrap(prepare)(path, bytes) : prepare(path, bytes);
}

async function handle(root: Root, request: Request): Promise<Replies[keyof Replies]> {
  const set = root.set;
  switch (request.op) {
    case "reset":
    case "upsert":
    case "known":
      throw new Error(`${request.op} is handled before the queue`);
    case "remove":
      set.remove(request.path);
      root.cache?.forget(request.path);
      return null;
    case "persist": {
      // The folder is read: its corpus is built now (from the analyses saved last time, when
      // every file is as it was then) and saved with the cache.
      const earlier = root.cache?.analyses();
      if (earlier) set.reopen(earlier);
      // Many sources and more than one core: the words are counted in a thread of their own while the corpus is built.
      const count = counterFor(set.size);
      const corpus = count ? await set.corpusCounting(count) : set.corpus();
      const problem = root.cache?.save(corpus) ?? null;
      root.cache?.settle();
      indexing.delete(request.root);
      if (!indexing.size && pool) {
        void pool.close();
        pool = undefined;
      }
      // The pool or the cache read the folder: a source changed from now on is read and replaced
      // here, the first by code not yet compiled. Go through a few meanwhile (in the background),
      // once what the extension asks first of a folder ready (its list of sources) is answered: a
      // step of the warm-up, before its code is compiled, takes tens of milliseconds.
      if (!warmedUp) {
        warmedUp = true;
        setTimeout(() => void warmUpReindexing(corpus).catch(() => undefined), WARM_UP_AFTER_MS);
      }
      return problem;
    }
    case "summary": {
      const corpus = set.corpus();
      const sentences = corpus.sentenceCounts();
      return {
        sources: packSources(
          corpus.sources.map((s, i) => {
            const m = s.doc.meta;
            return { path: m.path, title: m.title, sentences: sentences[i]!, ...(m.outlet ? { outlet: m.outlet } : {}), ...(m.date ? { date: formatDate(m.date) } : {}) };
          }),
        ),
        problems: set.allProblems(),
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

/** `opening`: the folder's cache file, being read since the request came (see engine-worker). */
function answer(request: Request, opening?: Promise<OpenedCacheFile | undefined>): Promise<unknown> {
  if (request.op === "reset") {
    const cacheDir = request.cacheDir;
    const root: Root = { set: new SourceSet({ pack: Boolean(cacheDir) }), cacheLoaded: Promise.resolve(), queue: Promise.resolve() };
    roots.set(request.root, root);
    indexing.add(request.root);
    if (!cacheDir) return Promise.resolve(null);
    // Read whole in this thread, not in parts by libuv's threads: with both cores taking the
    // memory, the extension host's event loop (this process's main thread) was held up 65-112 ms
    // opening 10,000 sources again (four runs), against 28-45 ms so (three). Again on 24 Nov 2026,
    // with a cache written just before (as the benchmark does): 63-116 ms in parts (four runs),
    // 27-76 ms in two halves by this thread and a helper, both at a lower priority (six), 12-18 ms
    // whole. Ready sooner by some 0.1-0.2 s in parts, but the loop matters more. On the worker's
    // first request, one of libuv's threads reads it whole while this one loads the engine (see
    // engine-worker): in twelve alternating pairs, ready in 0.77-1.15 s against 0.81-1.26 s
    // (median 0.99 against 1.09), the loop held up 14-45 ms against 13-37 ms.
    const loaded = new ReadingCache(cacheDir).load(opening ?? "in this thread").then((cache) => (root.cache = cache));
    root.cacheLoaded = root.queue = loaded.catch(() => undefined);
    return loaded.then((cache) => (cache.problem ? `the index cache in ${cacheDir} is ${cache.problem}` : null));
  }
  const root = rootFor(request.root);
  if (request.op === "known") {
    // Unchanged since the cache was saved (same size and date): their prepared documents join the corpus in their turn, unread.
    const taken = root.queue.then(() => {
      const unknown: string[] = [];
      const cached: Array<[string, SourceReading]> = [];
      for (const file of request.files) {
        const reading = root.cache?.unchanged(file);
        if (reading) cached.push([file.path, reading]);
        else unknown.push(file.path);
      }
      return { problems: cached.flatMap(([path, reading]) => root.set.accept(path, reading)), unknown };
    });
    root.queue = taken.catch(() => undefined);
    return taken;
  }
  // A source starts being prepared at once (once the cache is read: it may know it); it joins the corpus in its turn.
  const reading = request.op === "upsert" ? root.cacheLoaded.then(() => read(root, request.path, request.bytes)) : undefined;
  const done = root.queue.then(async () => (reading ? root.set.accept((request as { path: string }).path, await reading) : handle(root, request)));
  root.queue = done.catch(() => undefined);
  return done;
}

/** Answers a request on `port`; `opening` as for `answer`. */
export function serve(port: MessagePort, { id, request }: Envelope, opening?: Promise<OpenedCacheFile | undefined>): void {
  answer(request, opening).then(
    // A folder's packed sources are handed over, not copied (see packed-sources).
    (result) => port.postMessage({ id, ok: true, result } satisfies Answer, request.op === "summary" ? transferOf((result as Replies["summary"]).sources) : []),
    (error: unknown) => port.postMessage({ id, ok: false, error: (error as Error)?.message ?? String(error) } satisfies Answer),
  );
}
