import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Corpus } from "../../src/engine/index/corpus";
import { checkDraft } from "../../src/engine/verify/check";
import { warmUpReading } from "../../src/host/warm-up";

const fixture = join(__dirname, "..", "fixtures", "harbour");
const load = () => Corpus.fromFiles(readdirSync(join(fixture, "sources")).map((f) => ({ path: join(fixture, "sources", f), text: readFileSync(join(fixture, "sources", f), "utf8") })));

test("warming up reads sources again without changing the corpus or its findings", async () => {
  const corpus = load();
  const draft = readFileSync(join(fixture, "draft-errors.md"), "utf8");
  const before = JSON.stringify(checkDraft(corpus, "draft.md", draft, { fresh: true }).findings);
  const docs = corpus.sources.map((s) => s.doc);
  // More than the corpus has: each source is read, none twice over the end.
  await warmUpReading(corpus, 10);
  assert.equal(corpus.version, 0);
  assert.deepEqual(corpus.sources.map((s) => s.doc), docs);
  assert.equal(JSON.stringify(checkDraft(corpus, "draft.md", draft, { fresh: true }).findings), before);
});

test("warming up gives way to other work between two sources", async () => {
  const corpus = load();
  const turns: string[] = [];
  let timerRan = false;
  const warming = warmUpReading(corpus, 3).then(() => turns.push(`done, timer had run: ${timerRan}`));
  // Scheduled after the warm-up started: it runs before the warm-up has read every source.
  setImmediate(() => (timerRan = true));
  await warming;
  assert.deepEqual(turns, ["done, timer had run: true"]);
});
