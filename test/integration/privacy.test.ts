// No byte of a source leaves the machine, and sources are only ever read.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { main } from "../../src/cli/main";
import { checkDraft, conflictSummaries, searchSources, SourceSet } from "../../src/engine/index";

const root = join(__dirname, "..", "..");
const fixture = join(root, "test", "fixtures", "harbour");
require("./helpers/no-network.cjs"); // from here on, in this process, any network call throws

function copyOfSources(): string {
  const dir = mkdtempSync(join(tmpdir(), "corroborate-ro-"));
  cpSync(join(fixture, "sources"), dir, { recursive: true });
  return dir;
}

function hashes(dir: string): string[] {
  return readdirSync(dir).sort().map((f) => `${f}:${createHash("sha256").update(readFileSync(join(dir, f))).digest("hex")}:${statSync(join(dir, f)).mtimeMs}`);
}

test("the network is really off in this test", async () => {
  assert.throws(() => require("node:https").request("https://example.org"), /network use refused/);
  await assert.rejects(async () => fetch("https://example.org"), /network use refused/);
});

test("every CLI command works without the network, and leaves the sources as they were", async () => {
  const sources = copyOfSources();
  const before = hashes(sources);
  const io = { out: () => {}, err: () => {} };
  const draft = join(fixture, "draft-errors.md");
  assert.equal(await main(["check", "--sources", sources, draft], io), 1);
  for (const format of ["json", "sarif"]) assert.equal(await main(["check", "--format", format, "--sources", sources, draft], io), 1);
  assert.equal(await main(["mentions", "--sources", sources, draft], io), 0);
  assert.equal(await main(["sources", "--sources", sources], io), 0);
  assert.equal(await main(["conflicts", "--sources", sources], io), 0);
  assert.deepEqual(hashes(sources), before);
});

test("the engine worker (the extension's engine) works without the network, and never writes a source", async () => {
  const sources = copyOfSources();
  const before = hashes(sources);
  const worker = new Worker(join(root, "dist", "engine-worker.js"), { execArgv: ["--require", join(__dirname, "helpers", "no-network.cjs")] });
  let id = 0;
  const ask = (request: object) => new Promise<{ ok: boolean; result: unknown; error?: string }>((resolve) => {
    const mine = ++id;
    const on = (a: { id: number; ok: boolean; result: unknown }) => {
      if (a.id !== mine) return;
      worker.off("message", on);
      resolve(a);
    };
    worker.on("message", on);
    worker.postMessage({ id: mine, request });
  });
  try {
    for (const f of readdirSync(sources)) assert.ok((await ask({ op: "upsert", root: "r", path: join(sources, f), bytes: readFileSync(join(sources, f)) })).ok);
    const text = readFileSync(join(fixture, "draft-errors.md"), "utf8");
    const check = await ask({ op: "check", root: "r", path: "draft-errors.md", text, citationStyle: "footnote" });
    assert.ok(check.ok, check.error);
    assert.ok((check.result as { findings: unknown[] }).findings.length > 5);
    for (const op of ["summary", "conflicts"]) assert.ok((await ask({ op, root: "r" })).ok);
    assert.ok((await ask({ op: "search", root: "r", query: "trial opened" })).ok);
  } finally {
    await worker.terminate();
  }
  assert.deepEqual(hashes(sources), before);
});

test("applying every quick fix changes the draft only, never a source", () => {
  const sources = copyOfSources();
  const before = hashes(sources);
  const set = new SourceSet();
  for (const f of readdirSync(sources)) set.upsert(join(sources, f), readFileSync(join(sources, f)));
  const corpus = set.corpus();
  const text = readFileSync(join(fixture, "draft-errors.md"), "utf8");
  let applied = 0;
  for (const f of checkDraft(corpus, "draft.md", text).findings) {
    for (const fix of f.fixes) {
      const edited = [...fix.edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
      assert.notEqual(edited, text);
      // A fix edits the draft's text only: every edit lies inside the draft (or at its end).
      for (const e of fix.edits) assert.ok(e.start >= 0 && e.end <= text.length);
      applied++;
    }
  }
  assert.ok(applied > 10, `fixes applied: ${applied}`);
  assert.ok(searchSources(corpus, "witnesses").length > 0);
  assert.equal(conflictSummaries(corpus).length, 1);
  assert.deepEqual(hashes(sources), before);
});

test("no code that ships imports a network module or calls a remote address", () => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const f of readdirSync(dir)) {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(?:ts|js)$/.test(f)) files.push(p);
    }
  };
  walk(join(root, "src"));
  walk(join(root, "media"));
  for (const f of files) {
    const code = readFileSync(f, "utf8");
    assert.doesNotMatch(code, /from "(?:node:)?(?:net|tls|http|https|http2|dns|dgram)"|require\("(?:node:)?(?:net|tls|http|https|dns)"\)/, f);
    assert.doesNotMatch(code, /\bfetch\(|XMLHttpRequest|new WebSocket|sendBeacon/, f);
  }
});

test("the report webview loads nothing remote: a strict CSP with a nonce, no markup from text", () => {
  const panel = readFileSync(join(root, "src", "extension", "report-panel.ts"), "utf8");
  assert.match(panel, /default-src 'none'; style-src \$\{webview\.cspSource\}; script-src 'nonce-\$\{nonce\}'/);
  assert.match(panel, /<script nonce="\$\{nonce\}" src=/);
  const script = readFileSync(join(root, "media", "report.js"), "utf8");
  assert.doesNotMatch(script, /https?:\/\//);
  assert.doesNotMatch(script, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(/);
  assert.doesNotMatch(readFileSync(join(root, "media", "report.css"), "utf8"), /url\(|@import/);
});
