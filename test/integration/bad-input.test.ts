// Bad input gets a clear message that names the file and the problem; the rest keeps working.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { loadCorpus, MemoryStore, type SourceStore } from "../../src/engine/index";
import { checkDraft } from "../../src/engine/verify/check";
import { prepareDocument } from "../../src/engine/ingest/document";

const fixture = join(__dirname, "..", "fixtures", "harbour");
const draftPath = join(fixture, "draft-errors.md");

async function run(...argv: string[]) {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (s) => (out += s + "\n"), err: (s) => (err += s + "\n") });
  return { code, out, err };
}

/** A sources folder: the fixture's good sources plus the bad files given. */
function sourcesWith(bad: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), "corroborate-bad-"));
  cpSync(join(fixture, "sources"), dir, { recursive: true });
  for (const [name, content] of Object.entries(bad)) writeFileSync(join(dir, name), content);
  return dir;
}

/** Checks that the good sources still did their work: the planted error is still found. */
function stillWorks(out: string) {
  assert.match(out, /four years: the sources give three years/);
}

test("a binary file and NUL bytes: skipped, named", async () => {
  const r = await run("check", "--sources", sourcesWith({ "scan.txt": Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3]), "nul.md": "Text\u0000with a NUL byte" }), draftPath);
  assert.match(r.err, /scan\.txt: skipped: binary file \(NUL or control bytes\), not text/);
  assert.match(r.err, /nul\.md: skipped: binary file/);
  stillWorks(r.out);
});

test("a 50 MB source: skipped with its size and the limit", async () => {
  const r = await run("check", "--sources", sourcesWith({ "dump.txt": Buffer.alloc(50 * 1024 * 1024, "a") }), draftPath);
  assert.match(r.err, /dump\.txt: skipped: 50 MB is over the 20 MB limit for one source/);
  stillWorks(r.out);
});

test("a 1 MB line with no newline is read (and its figures found) in bounded time", () => {
  const line = "On 3 May 2021 the court gave Ana Ruiz four years in prison. ".repeat(17_500);
  const started = Date.now();
  const doc = prepareDocument("long.txt", line);
  assert.ok(doc.text.length > 1_000_000);
  assert.equal(doc.terms.length, 17_500);
  assert.ok(Date.now() - started < 20_000, "read within 20 s");
});

test("invalid UTF-8: read with replacement characters and a warning that names the file", async () => {
  const r = await run("check", "--sources", sourcesWith({ "latin1.txt": Buffer.from([0x54, 0x68, 0xe9, 0x20, 0x63, 0x6f, 0x75, 0x72, 0x74, 0x2e]) }), draftPath);
  assert.match(r.err, /latin1\.txt: invalid UTF-8: undecodable bytes were replaced with U\+FFFD/);
  stillWorks(r.out);
});

test("UTF-16 with a BOM, CRLF and lone CR line ends: read as text", async () => {
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Ana Petrescu said the sentence of three years was fair.\r\n", "utf16le")]);
  const r = await run("sources", "--sources", sourcesWith({ "utf16.txt": utf16, "cr.txt": "Old Mac line one.\rLine two on 3 May 2021.\r" }));
  assert.equal(r.code, 0);
  assert.doesNotMatch(r.err, /utf16\.txt|cr\.txt/);
  assert.match(r.out, /utf16\.txt/);
});

test("CRLF drafts: offsets point at the values", async () => {
  const r = await run("check", "--format", "json", "--sources", join(fixture, "sources"), writeTemp("crlf.md", "Tomasz Wielicki was sentenced to four years in prison.\r\n\r\nHis trial opened on 4 November 2020.\r\n"));
  const file = JSON.parse(r.out).files[0];
  const text = "Tomasz Wielicki was sentenced to four years in prison.\r\n\r\nHis trial opened on 4 November 2020.\r\n";
  for (const f of file.findings) assert.ok(["Tomasz Wielicki", "four years", "4 November 2020"].includes(text.slice(f.start, f.end)), text.slice(f.start, f.end));
});

test("an empty file and a file of only web clutter: named, skipped", async () => {
  const r = await run("check", "--sources", sourcesWith({ "empty.txt": "", "menu.txt": "Home\n• News • Sport •\nShare | Tweet\nLeave a Reply\n" }), draftPath);
  assert.match(r.err, /empty\.txt: empty file: nothing to read/);
  assert.match(r.err, /menu\.txt: no prose found \(only markup, code or web clutter\)/);
  stillWorks(r.out);
});

test("a symbolic link loop and a dangling link: named, not followed for ever", async () => {
  const dir = sourcesWith({});
  mkdirSync(join(dir, "more"));
  symlinkSync(dir, join(dir, "more", "back-to-top"));
  symlinkSync(join(dir, "missing.txt"), join(dir, "dangling.txt"));
  const r = await run("check", "--sources", dir, draftPath);
  assert.match(r.err, /back-to-top: skipped: a link to a folder already read/);
  assert.match(r.err, /dangling\.txt: cannot read: no such file or folder/);
  stillWorks(r.out);
});

test("an unreadable source: named, the others read", async () => {
  const store: SourceStore = new (class extends MemoryStore {
    override async read(path: string): Promise<Uint8Array> {
      if (path === "locked.txt") throw new Error("permission denied");
      return super.read(path);
    }
  })({ "locked.txt": "x", "ok.txt": "Ana Ruiz was sentenced to four years on 3 May 2021." });
  const { corpus, problems } = await loadCorpus(store);
  assert.deepEqual(problems, [{ path: "locked.txt", message: "unreadable: permission denied" }]);
  assert.equal(corpus.sources.length, 1);
});

test("a missing sources folder: named; exit 2 only when nothing could be checked", async () => {
  const r = await run("check", "--sources", "/no/such/sources", draftPath);
  assert.equal(r.code, 2);
  assert.match(r.err, /\/no\/such\/sources: cannot open folder: no such file or folder/);
  assert.doesNotMatch(r.err, /\n\s+at /, "no stack trace");
});

test("a draft of 100,000 words is checked, offsets within the draft", () => {
  const paragraphs = Array.from({ length: 5000 }, (_, i) => `Report ${i}: Tomasz Wielicki was sentenced on 11 March 2021 to ${["three", "four", "five"][i % 3]} years, and ${i + 10} people watched the case ${i} close.`);
  const text = paragraphs.join("\n\n");
  assert.ok(text.split(/\s+/).length >= 100_000);
  const { findings } = checkDraft(harbourCorpus(), "long.md", text);
  assert.ok(findings.length > 5000);
  for (const f of findings) assert.ok(f.start >= 0 && f.end <= text.length && f.start < f.end);
});

test("emoji, other surrogate pairs and right-to-left text before a value: offsets stay exact", () => {
  const text = "👩🏽‍⚖️ 𝒜 שלום مرحبا — Tomasz Wielicki was sentenced to four years in prison.";
  const { findings, mentions } = checkDraft(harbourCorpus(), "emoji.md", text);
  const four = findings.find((f) => f.code === "figure.mismatch")!;
  assert.equal(text.slice(four.start, four.end), "four years");
  for (const m of mentions) assert.equal(text.slice(m.start, m.end), m.text);
});

test("Markdown: code blocks, inline code, HTML and URLs are not checked; tables and deep nesting do not break it", () => {
  const md = [
    "| year | sentence |", "| --- | --- |", "| 2021 | three years |", "",
    "```", "Tomasz Wielicki got four years on 2 November 2020", "```", "",
    "Inline `four years` and <span>five years</span> and <https://example.org/2020/11/04/four-years>.", "",
    ">".repeat(5000) + " deep",
  ].join("\n");
  const { findings, warnings } = checkDraft(harbourCorpus(), "tables.md", md);
  const checked = findings.map((f) => md.slice(f.start, f.end));
  assert.ok(!checked.includes("four years"), `checked: ${checked.join(", ")}`);
  assert.ok(!checked.some((t) => t.includes("2020")));
  assert.ok(warnings.some((w) => /nested more than 32 levels deep \(line 11\); read as plain text/.test(w)));
});

let cached: ReturnType<typeof import("../../src/engine/index/corpus").Corpus.fromFiles> | undefined;
function harbourCorpus() {
  if (!cached) {
    const { readdirSync, readFileSync } = require("node:fs") as typeof import("node:fs");
    const { Corpus } = require("../../src/engine/index/corpus") as typeof import("../../src/engine/index/corpus");
    cached = Corpus.fromFiles(readdirSync(join(fixture, "sources")).map((f) => ({ path: join(fixture, "sources", f), text: readFileSync(join(fixture, "sources", f), "utf8") })));
  }
  return cached;
}

function writeTemp(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "corroborate-draft-"));
  writeFileSync(join(dir, name), text);
  return join(dir, name);
}

test("the sources folder deleted while watched: every source removed, the draft still checked, no red marks", () => {
  const { SourceSet } = require("../../src/engine/source-set") as typeof import("../../src/engine/source-set");
  const { readdirSync, readFileSync } = require("node:fs") as typeof import("node:fs");
  const set = new SourceSet();
  const dir = join(fixture, "sources");
  for (const f of readdirSync(dir)) set.upsert(join(dir, f), readFileSync(join(dir, f)));
  const text = readFileSync(draftPath, "utf8");
  assert.ok(checkDraft(set.corpus(), "d.md", text).findings.some((f) => f.severity === "error"));
  for (const f of readdirSync(dir)) set.remove(join(dir, f));
  const after = checkDraft(set.corpus(), "d.md", text).findings;
  assert.deepEqual(after.filter((f) => f.severity === "error"), []);
  assert.ok(after.every((f) => f.kind === "unsupported"));
});

test("markup between two names does not join them, and mentions keep the draft's own text", () => {
  const text = "Yesterday Tomasz Wielicki `code` ICFTU met with *Ana* Petrescu in the court building.";
  const { mentions } = checkDraft(harbourCorpus(), "m.md", text);
  assert.deepEqual(mentions.filter((m) => m.type !== "date" && m.type !== "term").map((m) => m.text), ["Tomasz Wielicki", "ICFTU", "Ana* Petrescu"]);
  for (const m of mentions) assert.equal(text.slice(m.start, m.end), m.text);
});
