import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { main } from "../../src/cli/main";

const fixture = join(__dirname, "..", "fixtures", "harbour");
const sources = join(fixture, "sources");

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (s) => (out += s + "\n"), err: (s) => (err += s + "\n") });
  return { code, out, err };
}

test("check --format json prints the report shape, with UTF-16 offsets into the draft", async () => {
  const r = await run("check", "--format", "json", "--sources", sources, join(fixture, "draft-errors.md"));
  assert.equal(r.code, 1, "red findings exit 1");
  const report = JSON.parse(r.out);
  assert.equal(report.files.length, 1);
  const file = report.files[0];
  assert.ok(file.findings.some((f: { kind: string }) => f.kind === "supported"), "json has supported findings too");
  for (const f of file.findings) assert.ok(Number.isInteger(f.start) && f.end > f.start && typeof f.code === "string" && Array.isArray(f.evidence) && Array.isArray(f.fixes));
  const types = new Set(file.mentions.map((m: { type: string }) => m.type));
  for (const t of ["person", "organization", "place", "date", "term"]) assert.ok(types.has(t), `mentions of type ${t}`);
});

test("check exits 0 on a faithful draft and prints a summary line", async () => {
  const r = await run("check", "--sources", sources, join(fixture, "draft-faithful.md"));
  assert.equal(r.code, 0);
  assert.match(r.out, /0 contradicted, 0 misspelled, 0 misquoted/);
});

test("check --format sarif is SARIF 2.1.0 with a result per finding", async () => {
  const r = await run("check", "--format", "sarif", "--sources", sources, join(fixture, "draft-errors.md"));
  const sarif = JSON.parse(r.out);
  assert.equal(sarif.version, "2.1.0");
  const results = sarif.runs[0].results;
  assert.ok(results.some((x: { ruleId: string; level: string }) => x.ruleId === "figure.mismatch" && x.level === "error"));
  assert.ok(results.every((x: { locations: Array<{ physicalLocation: { region: { startLine: number } } }> }) => x.locations[0]!.physicalLocation.region.startLine >= 1));
});

test("without --sources, the sources/ folder beside the draft is used", async () => {
  const dir = mkdtempSync(join(tmpdir(), "corroborate-"));
  cpSync(fixture, dir, { recursive: true });
  const r = await run("check", join(dir, "draft-errors.md"));
  assert.equal(r.code, 1);
  assert.match(r.out, /four years: the sources give three years/);
});

test("a missing sources folder is named, and exits 2", async () => {
  const r = await run("check", "--sources", "/nonexistent/folder", join(fixture, "draft-errors.md"));
  assert.equal(r.code, 2);
  assert.match(r.err, /\/nonexistent\/folder: cannot open folder: no such file or folder/);
  assert.ok(!r.err.includes("    at "), "no stack trace");
});

test("a bad file among good sources is reported and skipped; the rest is checked", async () => {
  const dir = mkdtempSync(join(tmpdir(), "corroborate-"));
  cpSync(sources, join(dir, "sources"), { recursive: true });
  writeFileSync(join(dir, "sources", "scan.txt"), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]));
  writeFileSync(join(dir, "sources", "photo.jpg"), "not text");
  const r = await run("check", "--sources", join(dir, "sources"), join(fixture, "draft-errors.md"));
  assert.equal(r.code, 1);
  assert.match(r.err, /scan\.txt: skipped: binary file/);
  assert.match(r.err, /photo\.jpg: skipped: not a source format/);
  assert.match(r.out, /three years/);
});

test("an unreadable or empty draft: named, the others still checked", async () => {
  const dir = mkdtempSync(join(tmpdir(), "corroborate-"));
  writeFileSync(join(dir, "empty.md"), "");
  const r = await run("check", "--sources", sources, join(dir, "missing.md"), join(dir, "empty.md"), join(fixture, "draft-faithful.md"));
  assert.equal(r.code, 0);
  assert.match(r.err, /missing\.md: no such file or folder/);
  assert.match(r.err, /empty\.md: the draft is empty/);
  const none = await run("check", "--sources", sources, join(dir, "missing.md"));
  assert.equal(none.code, 2, "nothing could be checked");
});

test("mentions prints file:line:col, type, text and value", async () => {
  const r = await run("mentions", "--sources", sources, join(fixture, "draft-faithful.md"));
  assert.equal(r.code, 0);
  assert.match(r.out, /draft-faithful\.md:3:\d+ +person +"Tomasz Wielicki" +→ Tomasz Wielicki/);
  assert.match(r.out, /date +"11 March 2021" +→ 2021-03-11/);
  assert.match(r.out, /term +"three years" +→ 3 years/);
});

test("sources lists titles, outlets, dates and entities with their variants", async () => {
  const r = await run("sources", "--sources", sources);
  assert.equal(r.code, 0);
  assert.match(r.out, /Coastal Courier · 12\.3\.2021/);
  assert.match(r.out, /Brightwater Shipping Ltd = BSL = Brightwater Shipping/);
});

test("conflicts lists what the sources disagree on, with both quotes", async () => {
  const r = await run("conflicts", "--sources", sources);
  assert.match(r.out, /1 point on which the sources disagree/);
  assert.match(r.out, /4 November 2020: “The trial, which opened on 4 November 2020/);
  assert.match(r.out, /2 November 2020: “The trial opened on 2 November 2020/);
});

test("bad usage exits 2 with a message", async () => {
  assert.equal((await run("check")).code, 2);
  assert.equal((await run("frobnicate")).code, 2);
  const bad = await run("check", "--format", "xml", "x.md");
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--format must be one of text, json, sarif/);
});

test("sources are never modified", async () => {
  const dir = mkdtempSync(join(tmpdir(), "corroborate-"));
  mkdirSync(join(dir, "sources"));
  cpSync(sources, join(dir, "sources"), { recursive: true });
  const { createHash } = await import("node:crypto");
  const { readdirSync, readFileSync } = await import("node:fs");
  const hash = () => readdirSync(join(dir, "sources")).map((f) => createHash("sha256").update(readFileSync(join(dir, "sources", f))).digest("hex")).join();
  const before = hash();
  await run("check", "--sources", join(dir, "sources"), join(fixture, "draft-errors.md"));
  await run("conflicts", "--sources", join(dir, "sources"));
  assert.equal(hash(), before);
});

test("sources read in worker threads (--jobs 2) give the same report as read in one (--jobs 1)", async () => {
  // Over 64 files, so that the threads start: the two fixture stories, each file many times over.
  const dir = mkdtempSync(join(tmpdir(), "corroborate-jobs-"));
  const from = [join(__dirname, "..", "fixtures", "harbour", "sources"), join(__dirname, "..", "fixtures", "fire", "sources")];
  let n = 0;
  for (let copy = 0; copy < 12; copy++) for (const f of from) cpSync(f, join(dir, `set-${String(n++).padStart(2, "0")}`), { recursive: true });
  const draft = join(fixture, "draft-errors.md");
  const one = await run("check", "--format", "json", "--jobs", "1", "--sources", dir, draft);
  const two = await run("check", "--format", "json", "--jobs", "2", "--sources", dir, draft);
  assert.equal(one.code, 1);
  const files = JSON.parse(one.out).files[0];
  assert.ok(files.findings.some((f: { kind: string }) => f.kind === "contradicted"), "the errors draft is contradicted");
  assert.equal(two.out, one.out);
  assert.equal(two.err, one.err);
});

test("--jobs takes a whole number", async () => {
  const r = await run("sources", "--jobs", "two", "--sources", sources);
  assert.equal(r.code, 2);
  assert.match(r.err, /--jobs must be a whole number/);
});

test("--cache keeps the prepared sources: a second run reuses them and reports the same; a changed or damaged one is read anew", async () => {
  const dir = mkdtempSync(join(tmpdir(), "corroborate-cache-"));
  const src = join(dir, "sources");
  cpSync(sources, src, { recursive: true });
  const cache = join(dir, "cache");
  const draft = join(fixture, "draft-errors.md");
  const plain = await run("check", "--format", "json", "--sources", src, draft);
  const first = await run("check", "--format", "json", "--cache", cache, "--sources", src, draft);
  assert.ok(statSync(join(cache, "corroborate-index.v8")).size > 0, "the cache file is written");
  const second = await run("check", "--format", "json", "--cache", cache, "--sources", src, draft);
  assert.equal(first.out, plain.out);
  assert.equal(second.out, plain.out);
  assert.equal(second.err, "");

  // A source changed since: its new text counts, not the cached one.
  const changed = join(src, "valmora-daily.txt");
  writeFileSync(changed, readFileSync(changed, "utf8").replace(/three years/g, "five years"));
  const fresh = await run("check", "--format", "json", "--sources", src, draft);
  const cached = await run("check", "--format", "json", "--cache", cache, "--sources", src, draft);
  assert.notEqual(fresh.out, plain.out, "the change changes the report");
  assert.equal(cached.out, fresh.out);

  // A damaged cache is said so, set aside and rebuilt.
  writeFileSync(join(cache, "corroborate-index.v8"), "not a cache");
  const damaged = await run("check", "--format", "json", "--cache", cache, "--sources", src, draft);
  assert.match(damaged.err, /cache\/?: the index cache is unreadable .*: rebuilt/);
  assert.equal(damaged.out, fresh.out);
  assert.notEqual(readFileSync(join(cache, "corroborate-index.v8"), "utf8"), "not a cache", "the cache is written again");
});

test("a long report piped to another program comes out whole, with the exit code (the built command)", () => {
  // The command as installed (dist/cli.js, built by `npm install`), its output through a shell pipe:
  // a pipe is written asynchronously, and a report of more than 64 KB was cut when the command exited.
  const dir = mkdtempSync(join(tmpdir(), "corroborate-pipe-"));
  cpSync(sources, join(dir, "sources"), { recursive: true });
  const draft = readFileSync(join(fixture, "draft-errors.md"), "utf8");
  writeFileSync(join(dir, "long.md"), Array(6).fill(draft).join("\n\n"));
  const cli = join(__dirname, "..", "..", "dist", "cli.js");
  const r = spawnSync("bash", ["-c", `set -o pipefail; "${process.execPath}" "${cli}" check --format json --all "${join(dir, "long.md")}" | cat`], { encoding: "utf8", maxBuffer: 1 << 26 });
  assert.ok(r.stdout.length > 150_000, `a long report (${r.stdout.length} characters)`);
  const report = JSON.parse(r.stdout);
  assert.equal(report.files[0].findings.length > 0, true);
  assert.equal(r.status, 1, "red findings exit 1, through the pipe");
});
