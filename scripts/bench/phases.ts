// One measurement of the benchmark, run in a child process of its own so that peak memory is
// this measurement's alone. Prints one JSON object on stdout. bench.ts runs it bundled as the
// CLI and the extension are (dist/bench-phases.js), so that it measures the code that ships.
//   phases.ts index DIR N          index N sources from scratch, then check, re-check, re-index one
//   phases.ts reopen DIR N CACHE [changed]   open N sources again with the index cache in CACHE
//                                            (made if missing); `changed`: one source edited since
//   phases.ts eventloop DIR N [CACHE]   the same work in the engine worker: the main thread's longest
//                                       block; with CACHE, opening again as the extension does
//   phases.ts activation           load and activate the bundled extension against a stub `vscode`
import { existsSync, lstatSync, readFileSync, readdirSync, statSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import Module from "node:module";
import type { SourceStore } from "../../src/engine/index";
import { loadSources } from "../../src/host/load-sources";
import { checkDraft } from "../../src/engine/verify/check";
import { warmUpReindexing } from "../../src/host/warm-up";
import { SENDING_AT_ONCE } from "../../src/extension/worker/protocol";

const [phase, dir, nArg] = process.argv.slice(2);
/** The project's folder: this script runs bundled in dist/ (see bench.ts), or from scripts/bench/ through tsx. */
const ROOT = existsSync(join(__dirname, "../package.json")) ? join(__dirname, "..") : join(__dirname, "../..");
const ms = (t0: number) => performance.now() - t0;
const sourcesOf = (n: number) => readdirSync(join(dir!, "sources")).sort().slice(0, n).map((f) => join(dir!, "sources", f));

/**
 * The files as the CLI's disk store lists them (cli/fs-store: a blocking lstat each), with their
 * size and modification time; only the first N of the folder, for the runs at smaller sizes.
 */
function storeOf(files: string[]): SourceStore {
  return {
    list: async () => files.map((path) => { const st = lstatSync(path); return { path, size: st.size, mtime: st.mtimeMs }; }),
    read: async (path) => readFileSync(path),
  };
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

async function index(n: number) {
  const files = sourcesOf(n);
  const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
  // As the CLI reads a folder: a pool of threads (one per core) prepares the files, stopped
  // once every file is read, before the corpus is built.
  const t0 = performance.now();
  const { corpus, set, threads } = await loadSources(storeOf(files));
  const indexMs = ms(t0);
  const rssAfterIndex = process.resourceUsage().maxRSS / 1024;

  // A source saved straight after the folder is ready, before any draft was checked: as in the
  // editor's engine worker, this thread first reads a few sources again (host/warm-up), since
  // the pool's threads read all the others.
  await warmUpReindexing(corpus);
  const first = files[Math.floor(files.length / 3)]!;
  const firstChanged = Buffer.from(readFileSync(first, "utf8").replace(/\bthe\b/, "a"));
  let t = performance.now();
  set.upsert(first, firstChanged);
  const firstInPlace = set.corpus() === corpus;
  const reindexFirst = ms(t);

  const draft = readFileSync(join(dir!, "draft.md"), "utf8");
  t = performance.now();
  checkDraft(corpus, "draft.md", draft);
  const checkCold = ms(t);
  // A full check: every paragraph checked anew (fresh: nothing kept from the checks before).
  const warm: number[] = [];
  for (let i = 0; i < 3; i++) {
    t = performance.now();
    checkDraft(corpus, "draft.md", draft, { fresh: true });
    warm.push(ms(t));
  }
  checkDraft(corpus, "draft.md", draft);

  // 200 one-word edits in one paragraph each, re-checked after each edit.
  const words = [...draft.matchAll(/\b[a-z]{5,}\b/g)];
  const edits: number[] = [];
  let rnd = 7;
  for (let i = 0; i < 200; i++) {
    rnd = (rnd * 1103515245 + 12345) % 2147483648;
    const w = words[rnd % words.length]!;
    const edited = draft.slice(0, w.index) + w[0].split("").reverse().join("") + draft.slice(w.index + w[0].length);
    t = performance.now();
    checkDraft(corpus, "draft.md", edited);
    edits.push(ms(t));
  }

  // Re-index one changed source, as the editor's engine does when a source is saved once the
  // folder is indexed: read in its own thread, then taken into the corpus.
  const one = files[Math.floor(files.length / 2)]!;
  const changed = Buffer.from(readFileSync(one, "utf8").replace(/\bthe\b/, "a"));
  t = performance.now();
  set.upsert(one, changed);
  const inPlace = set.corpus() === corpus;
  const reindexOne = ms(t);

  return {
    sources: files.length, bytes, index_s: indexMs / 1000, mb_per_s: bytes / 1e6 / (indexMs / 1000), peak_rss_mb: rssAfterIndex,
    check_cold_ms: checkCold, check_full_ms: percentile(warm, 50), recheck_p95_ms: percentile(edits, 95), reindex_one_ms: reindexOne, reindex_first_ms: reindexFirst, reindex_in_place: inPlace && firstInPlace, threads,
  };
}

/** As `corroborate --cache CACHE` opens a folder: unchanged files from the cache, the others read. */
/** `changed`: one source (the middle one) is served changed, as if edited since the cache was saved. */
async function reopen(n: number, cacheDir: string, changed: boolean) {
  const files = sourcesOf(n);
  const store = storeOf(files);
  if (changed) {
    const one = files[Math.floor(files.length / 2)]!;
    const list = store.list;
    store.list = async () => (await list()).map((e) => (e.path === one ? { ...e, mtime: (e.mtime ?? 0) + 1000, size: undefined } : e));
    store.read = async (path) => (path === one ? Buffer.from(readFileSync(path, "utf8").replace(/\bthe\b/, "a")) : readFileSync(path));
  }
  const t0 = performance.now();
  const { corpus, cache, threads } = await loadSources(store, { cacheDir });
  const readyMs = ms(t0);
  const rssReady = process.resourceUsage().maxRSS / 1024;
  // The first check once ready: what a source's mentions and contexts cost when first used is paid here.
  const t1 = performance.now();
  checkDraft(corpus, "draft.md", readFileSync(join(dir!, "draft.md"), "utf8"));
  const firstCheckMs = ms(t1);
  const saveStart = performance.now();
  cache!.save(corpus);
  return { sources: corpus.sources.length, reopen_s: readyMs / 1000, peak_rss_mb: rssReady, first_check_ms: firstCheckMs, in_place: corpus.version > 0, reused: cache!.stats.reused, read: cache!.stats.read, cache_load_ms: cache!.stats.loadMs, save_ms: ms(saveStart), cache_mb: statSync(join(cacheDir, "corroborate-index.v8")).size / 1e6, threads };
}

/**
 * The editor's engine worker indexing a folder as the extension feeds it; with `cacheDir`, with the
 * folder's cache, as the extension opens a folder again (each file by its size and date first).
 */
async function eventLoop(n: number, cacheDir?: string) {
  const worker = new Worker(join(ROOT, "dist/engine-worker.js"));
  let nextId = 1;
  const pending = new Map<number, (result: unknown) => void>();
  worker.on("message", (a: { id: number; result: unknown }) => pending.get(a.id)?.(a.result));
  const request = (req: object) => new Promise<unknown>((resolve) => {
    const id = nextId++;
    pending.set(id, resolve);
    worker.postMessage({ id, request: req });
  });
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  // The extension host's side: read each file (asynchronously, as through workspace.fs) and hand
  // it to the worker, as many files in flight as the extension has.
  const files = sourcesOf(n);
  const t0 = performance.now();
  // As the extension does: the worker loads the cache while the files are looked at.
  const reset = request({ op: "reset", root: "r", ...(cacheDir ? { cacheDir } : {}) });
  // With a cache, as the extension opens a folder again: every file's size and date in one message, then the others read.
  let toRead = files;
  if (!cacheDir) await reset;
  else {
    const stats: Array<{ path: string; size: number; mtime: number }> = [];
    let at = 0;
    await Promise.all(Array.from({ length: SENDING_AT_ONCE }, async () => {
      for (let i = at++; i < files.length; i = at++) {
        const { size, mtimeMs } = await stat(files[i]!);
        stats.push({ path: files[i]!, size, mtime: mtimeMs });
      }
    }));
    toRead = ((await request({ op: "known", root: "r", files: stats })) as { unknown: string[] }).unknown;
    await reset;
  }
  let next = 0;
  await Promise.all(Array.from({ length: SENDING_AT_ONCE }, async () => {
    for (let i = next++; i < toRead.length; i = next++) await request({ op: "upsert", root: "r", path: toRead[i]!, bytes: await readFile(toRead[i]!) });
  }));
  const read = toRead.length;
  await request({ op: "persist", root: "r" }); // indexing done, as the extension says it
  await request({ op: "summary", root: "r" });
  const readyMs = ms(t0);
  // A source saved a second after the folder is ready, before any draft is checked: read and
  // replaced in the worker's own thread (the pool is stopped by then), warmed up meanwhile.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const one = files[Math.floor(files.length / 2)]!;
  const changed = Buffer.from(readFileSync(one, "utf8").replace(/\bthe\b/, "a"));
  const t1 = performance.now();
  await request({ op: "upsert", root: "r", path: one, bytes: changed });
  const reindexMs = ms(t1);
  await request({ op: "check", root: "r", path: "draft.md", text: readFileSync(join(dir!, "draft.md"), "utf8"), citationStyle: "footnote" });
  h.disable();
  await worker.terminate();
  return { max_block_ms: h.max / 1e6, ready_s: readyMs / 1000, read, reindex_first_ms: reindexMs };
}

function activation() {
  // A stub of the VS Code API, just enough for activate() to wire itself up.
  const noop = () => ({ dispose() {} });
  const handler: ProxyHandler<object> = { get: (_t, p) => (p === "then" ? undefined : new Proxy(function () {}, handler)), apply: () => new Proxy(function () {}, handler), construct: () => new Proxy({}, handler) };
  const any = new Proxy(function () {}, handler);
  const vscode = {
    window: { createOutputChannel: () => ({ appendLine() {}, dispose() {} }), createTextEditorDecorationType: () => ({ dispose() {} }), createStatusBarItem: () => ({ show() {}, hide() {}, dispose() {} }), registerTreeDataProvider: noop, onDidChangeActiveTextEditor: noop, onDidChangeVisibleTextEditors: noop, visibleTextEditors: [], activeTextEditor: undefined },
    workspace: { isTrusted: true, getConfiguration: () => ({ get: () => undefined, inspect: () => undefined }), onDidOpenTextDocument: noop, onDidChangeTextDocument: noop, onDidCloseTextDocument: noop, onDidChangeWorkspaceFolders: noop, onDidChangeConfiguration: noop, onDidSaveTextDocument: noop, textDocuments: [], workspaceFolders: [] },
    languages: { createDiagnosticCollection: () => ({ set() {}, delete() {}, dispose() {} }), registerDocumentSemanticTokensProvider: noop, registerHoverProvider: noop, registerCodeActionsProvider: noop },
    commands: { registerCommand: noop },
    EventEmitter: class { event = () => ({ dispose() {} }); fire() {} dispose() {} },
    DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 }, ProgressLocation: { Notification: 15, Window: 10 },
    ViewColumn: { One: 1, Beside: -2 }, TreeItemCollapsibleState: { None: 0, Expanded: 2 }, QuickPickItemKind: { Separator: -1 },
    SemanticTokensLegend: class {}, ThemeColor: class {}, CodeActionKind: { QuickFix: "quickfix" }, StatusBarAlignment: { Left: 1 },
    Uri: { joinPath: (_u: unknown, ...p: string[]) => ({ fsPath: join(ROOT, ...p) }) },
  };
  // Anything not stubbed above answers with a harmless proxy (enums, classes, functions).
  const stub = new Proxy(vscode as Record<string, unknown>, { get: (t, p: string) => (p in t ? t[p] : any) });
  const resolve = (Module as unknown as { _load: (r: string, ...a: unknown[]) => unknown })._load;
  (Module as unknown as { _load: (r: string, ...a: unknown[]) => unknown })._load = (r: string, ...a: unknown[]) => (r === "vscode" ? stub : resolve(r, ...a));
  const t0 = performance.now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ext = require(join(ROOT, "dist/extension.js")) as { activate: (c: unknown) => unknown };
  ext.activate({ subscriptions: [], extensionUri: {} });
  return { activation_ms: ms(t0), bundle_kb: statSync(join(ROOT, "dist/extension.js")).size / 1024 };
}

async function main() {
  const result = phase === "index" ? await index(Number(nArg)) : phase === "reopen" ? await reopen(Number(nArg), process.argv[5]!, process.argv[6] === "changed") : phase === "eventloop" ? await eventLoop(Number(nArg), process.argv[5]) : activation();
  process.stdout.write(JSON.stringify(result) + "\n");
}

void main();
