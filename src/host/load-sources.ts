// A folder of sources loaded as the CLI and the benchmark load it: read in a pool of threads
// (one per core, when there are enough files), through the persisted index cache when given one.
import { loadCorpus, readHere, type LoadResult, type SourceStore } from "../engine/index";
import { counterFor } from "./count-thread";
import { defaultSize, PreparePool, readAhead, worthPooling } from "./prepare-pool";
import { ReadingCache } from "./reading-cache";

export interface SourceLoading {
  /** Threads that read the sources (1: none); one per core by default. */
  jobs?: number;
  /** Folder of the index cache; none by default. */
  cacheDir?: string;
}

export interface LoadedSources extends LoadResult {
  /** The cache, to save once the caller is done (not counted in the time to ready). */
  cache?: ReadingCache;
  /** How many threads read the files (0: this one), for reports: a pool that cannot start falls back quietly. */
  threads: number;
}

export async function loadSources(store: SourceStore, { jobs = defaultSize(), cacheDir }: SourceLoading = {}): Promise<LoadedSources> {
  let pool: PreparePool | undefined;
  const cache = cacheDir ? new ReadingCache(cacheDir) : undefined;
  // The folder is listed (a stat of each file: 0.1 s at 10,000) while the cache file is read off this thread.
  const cacheLoaded = cache?.load();
  const listing = store.list();
  const listed: SourceStore = {
    list: async () => {
      const entries = await listing;
      await cacheLoaded;
      return entries;
    },
    read: (path) => store.read(path),
  };
  const readerFor = (files: number) => {
    const read = jobs > 1 && worthPooling(files) ? (pool = new PreparePool(undefined, jobs)).read : undefined;
    return cache ? cache.wrap(read ?? readHere) : read;
  };
  // The reading threads stop before the corpus is built: their memory is not needed any more.
  const close = () => pool?.close();
  // Many sources, more than one core: the words are counted in a thread of their own while the corpus is built.
  const counter = (sources: number) => counterFor(sources, jobs);
  const loaded = await loadCorpus(listed, { readerFor, readAhead: readAhead(jobs), afterReading: close, counter, ...(cache ? { known: cache.unchanged, analyses: cache.analyses } : {}) }).finally(close);
  const threads = pool?.threads ?? 0;
  return cache ? { ...loaded, cache, threads } : { ...loaded, threads };
}
