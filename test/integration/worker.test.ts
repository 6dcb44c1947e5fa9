import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { unpackSources } from "../../src/extension/worker/packed-sources";
import { BACKGROUND_STEP } from "../../src/host/background-thread";
import type { Answer, Replies, Request } from "../../src/extension/worker/protocol";
import { main } from "../../src/cli/main";
import { PreparePool } from "../../src/host/prepare-pool";
import { readSource } from "../../src/engine/source-set";
import { withViews } from "../../src/engine/ingest/document";
import { countingSource, countWords } from "../../src/engine/index/word-counts";
import { checkDraft } from "../../src/engine/verify/check";
import { countInThread } from "../../src/host/count-thread";
import { loadSources } from "../../src/host/load-sources";
import { DiskStore } from "../../src/cli/fs-store";

// The engine worker as the extension drives it: sources sent many at once (prepared in its pool
// of threads), a cache of prepared sources in the extension's storage.
const fixture = join(__dirname, "..", "fixtures", "harbour");
const worker = join(__dirname, "..", "..", "dist", "engine-worker.js");

function engine() {
  const w = new Worker(worker);
  let next = 1;
  const pending = new Map<number, (a: Answer) => void>();
  w.on("message", (a: Answer) => pending.get(a.id)?.(a));
  const request = <R extends Request>(request: R) =>
    new Promise<Replies[R["op"]]>((resolve, reject) => {
      const id = next++;
      pending.set(id, (a) => (a.ok ? resolve(a.result as Replies[R["op"]]) : reject(new Error(a.error))));
      w.postMessage({ id, request });
    });
  return { request, stop: () => w.terminate() };
}

/** Over 64 sources (the pool's threads start for that many): the fixture's, many times over. */
function manySources(): string {
  const dir = mkdtempSync(join(tmpdir(), "corroborate-worker-"));
  for (let copy = 0; copy < 25; copy++) cpSync(join(fixture, "sources"), join(dir, `set-${String(copy).padStart(2, "0")}`), { recursive: true });
  return dir;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath ?? e.path, e.name));
}

test("sources sent many at once give the CLI's findings; the cache is written, reused and, when damaged, said so", async () => {
  const dir = manySources();
  const cacheDir = join(dir, ".cache");
  const draftPath = join(fixture, "draft-errors.md");
  const draft = readFileSync(draftPath, "utf8");
  let cli = "";
  await main(["check", "--format", "json", "--sources", dir, draftPath], { out: (s) => (cli += s), err: () => undefined });
  const expected = JSON.stringify(JSON.parse(cli).files[0].findings);

  for (const round of ["first", "cached", "damaged"]) {
    if (round === "damaged") writeFileSync(join(cacheDir, "corroborate-index.v8"), "garbage");
    const e = engine();
    try {
      const files = filesUnder(dir).filter((f) => !f.includes(".cache"));
      assert.ok(files.length > 64);
      const resetting = e.request({ op: "reset", root: "r", cacheDir });
      // As the extension sends them: all by their sizes and dates first, the bytes of those the
      // cache does not know so. Sent before the cache is read: the worker has them wait for it.
      const knowing = e.request({ op: "known", root: "r", files: files.map((path) => ({ path, size: statSync(path).size, mtime: statSync(path).mtimeMs })) });
      const problem = await resetting;
      if (round === "damaged") assert.match(String(problem), /index cache .* is unreadable/);
      else assert.equal(problem, null);
      const { unknown } = await knowing;
      assert.equal(unknown.length, round === "cached" ? 0 : files.length, `${round}: files to read`);
      await Promise.all(unknown.map((f) => e.request({ op: "upsert", root: "r", path: f, bytes: readFileSync(f) })));
      // As the extension does: the folder said indexed (the cache written, the corpus built from
      // the cached analyses when every file is as it was), then its summary and a check.
      assert.equal(await e.request({ op: "persist", root: "r" }), null);
      assert.ok(existsSync(join(cacheDir, "corroborate-index.v8")));
      const summary = await e.request({ op: "summary", root: "r" });
      assert.deepEqual(unpackSources(summary.sources).map((s) => s.path).sort(), [...files].sort());
      const { findings } = await e.request({ op: "check", root: "r", path: draftPath, text: draft, citationStyle: "footnote" });
      assert.equal(JSON.stringify(findings), expected, `${round}: the worker's findings are the CLI's`);
    } finally {
      await e.stop();
    }
  }
});

test("a pool whose threads cannot start reads in this thread instead", async () => {
  const pool = new PreparePool(join(tmpdir(), "no-such-prepare-worker.js"), 2);
  try {
    const path = join(fixture, "sources", "valmora-daily.txt");
    const readings = await Promise.all([0, 1, 2].map(() => pool.read(path, readFileSync(path))));
    for (const r of readings) {
      assert.equal(r.doc?.meta.path, path);
      assert.ok(r.doc!.sentences.length > 0);
    }
    assert.equal(pool.threads, 0, "it says that no thread read");
  } finally {
    await pool.close();
  }
});

/**
 * A pool worker that stops on a batch with poison.txt in it (at once, before its own handler reads
 * it), and reads the others as the pool's own worker does; the path of the poison file.
 */
function dyingWorker(): { script: string; poison: string } {
  const dir = mkdtempSync(join(tmpdir(), "corroborate-dying-worker-"));
  const script = join(dir, "dying-worker.js");
  const real = join(__dirname, "..", "..", "dist", "prepare-worker.js");
  writeFileSync(script, `const { parentPort } = require("node:worker_threads");\nparentPort.on("message", (m) => { if (m.files && m.files.some((f) => f.path.endsWith("poison.txt"))) process.exit(3); });\nrequire(${JSON.stringify(real)});\n`);
  return { script, poison: join(dir, "poison.txt") };
}

/** Reads the paths in the pool at once: the poison fails, every other file is read. */
async function readPastPoison(pool: PreparePool, paths: string[]): Promise<void> {
  const readings = await Promise.allSettled(paths.map((p) => pool.read(p, p.endsWith("poison.txt") ? Buffer.from("Text.") : readFileSync(p))));
  readings.forEach((r, i) => {
    if (paths[i]!.endsWith("poison.txt")) assert.equal(r.status, "rejected", "the file it died on fails");
    else assert.ok(r.status === "fulfilled" && r.value.doc?.meta.path === paths[i], `${paths[i]} read`);
  });
}

test("a pool thread that dies fails the file it was reading; the files sent to it after that one are read by another", { timeout: 30_000 }, async () => {
  const { script, poison } = dyingWorker();
  const pool = new PreparePool(script, 2);
  try {
    const good = readdirSync(join(fixture, "sources")).map((f) => join(fixture, "sources", f));
    // Several files sent ahead to each worker: those queued behind the poison must still be read.
    await readPastPoison(pool, [...good, poison, ...good, ...good]);
    assert.equal(pool.threads, 2, "a fresh thread took the dead one's place");
  } finally {
    await pool.close();
  }
});

test("a fresh pool thread that dies on the first file it is given fails that file; the pool does not take it for a script that cannot start", { timeout: 30_000 }, async () => {
  const { script, poison } = dyingWorker();
  // One thread: the poison reaches it in a batch; that thread dies, and the batch's files are sent
  // again one by one, the poison first, to the fresh thread, which dies before it ever answers.
  const pool = new PreparePool(script, 1);
  try {
    const good = readdirSync(join(fixture, "sources")).map((f) => join(fixture, "sources", f));
    assert.ok((await pool.read(good[0]!, readFileSync(good[0]!))).doc, "the pool's thread started");
    await readPastPoison(pool, [good[0]!, poison, ...good]);
    assert.equal(pool.threads, 1, "the files are still read in a thread");
  } finally {
    await pool.close();
  }
});

test("the default pool finds its worker script and reads in its threads, as this thread would", async () => {
  // Run from the sources (through tsx), as the tests and the benchmark are: the script is found in dist/.
  const pool = new PreparePool(undefined, 2);
  try {
    const paths = readdirSync(join(fixture, "sources")).map((f) => join(fixture, "sources", f));
    const readings = await Promise.all(paths.map((p) => pool.read(p, readFileSync(p))));
    assert.equal(pool.threads, 2, "both threads started");
    for (const [i, r] of readings.entries()) {
      const here = readSource(paths[i]!, readFileSync(paths[i]!));
      assert.deepEqual({ ...r.doc, names: withViews(r.doc!).names, prose: r.doc!.prose }, { ...here.doc, names: here.doc!.names, prose: here.doc!.prose }, paths[i]);
    }
  } finally {
    await pool.close();
  }
});

test("words counted in a thread of their own, sent in parts, are those counted here; a thread that cannot start fails the count", async () => {
  const paths = readdirSync(join(fixture, "sources")).map((f) => join(fixture, "sources", f));
  const docs = paths.map((p) => withViews(readSource(p, readFileSync(p)).doc!));
  // Over two hundred copies: more sources than one part (256) sent to the thread.
  const sources = Array.from({ length: 200 }, () => docs.map(countingSource)).flat();
  assert.deepEqual(await countInThread()(sources), countWords(sources));
  await assert.rejects(countInThread(join(tmpdir(), "no-such-count-worker.js"))(sources));
});

test("sources read in a pool, their words counted in a thread, make the corpus one thread makes", async () => {
  const dir = manySources();
  const draft = readFileSync(join(fixture, "draft-errors.md"), "utf8");
  const [pooled, alone] = await Promise.all([loadSources(new DiskStore([dir]), { jobs: 2 }), loadSources(new DiskStore([dir]), { jobs: 1 })]);
  assert.equal(pooled.threads, 2);
  assert.equal(alone.threads, 0);
  assert.deepEqual(pooled.corpus.idf.toData(), alone.corpus.idf.toData());
  assert.deepEqual(pooled.corpus.words.toData(), alone.corpus.words.toData());
  const findings = (c: typeof alone.corpus) => JSON.stringify(checkDraft(c, "draft-errors.md", draft).findings);
  assert.equal(findings(pooled.corpus), findings(alone.corpus));
  assert.ok(JSON.parse(findings(alone.corpus)).length > 3);
});

/** The nice value of each of this process's threads (Linux), by thread id. */
function niceValues(): Map<string, number> {
  const values = new Map<string, number>();
  for (const tid of readdirSync("/proc/self/task")) {
    if (!existsSync(`/proc/self/task/${tid}/stat`)) continue; // ended since the folder was read
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
    values.set(tid, Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]));
  }
  return values;
}

test("the engine's threads run at a lower priority than the process's main thread (Linux)", { skip: process.platform !== "linux" }, async () => {
  // Threads of the tests before may still be ending: only the threads started here are looked at.
  const before = niceValues();
  const main = before.get(String(process.pid))!;
  const lowered = Math.min(19, main + BACKGROUND_STEP);
  const pool = new PreparePool(undefined, 2);
  const e = engine();
  try {
    const path = join(fixture, "sources", "valmora-daily.txt");
    // Four files at once: two for each thread, so that both have started.
    await Promise.all([1, 2, 3, 4].map(() => pool.read(path, readFileSync(path))));
    assert.equal(pool.threads, 2);
    assert.equal(await e.request({ op: "reset", root: "r" }), null);
    const after = niceValues();
    assert.equal(after.get(String(process.pid)), main, "this thread's priority is its own");
    const started = [...after].filter(([tid]) => !before.has(tid)).map(([, nice]) => nice);
    assert.ok(started.filter((n) => n === lowered).length >= 3, `the pool's two threads and the engine's: ${started.join(" ")}`);
  } finally {
    await pool.close();
    await e.stop();
  }
});
