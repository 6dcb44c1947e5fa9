import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import type { Corpus } from "../../src/engine/index/corpus";
import type { PackedCorpus } from "../../src/engine/index/analysis-pack";
import { SourceSet } from "../../src/engine/source-set";
import { checkDraft } from "../../src/engine/verify/check";
import { warmUpReindexing } from "../../src/host/warm-up";

const fixture = join(__dirname, "..", "fixtures", "harbour");

/** The fixture's sources, built anew, or (`reopened`) taken from analyses persisted as a host persists them. */
function load(reopened = false): Corpus {
  const read = (pack: boolean) => {
    const set = new SourceSet({ pack });
    for (const f of readdirSync(join(fixture, "sources")).sort()) set.upsert(join(fixture, "sources", f), readFileSync(join(fixture, "sources", f)));
    return set;
  };
  if (!reopened) return read(false).corpus();
  const packed = deserialize(serialize(read(true).corpus().packed())) as PackedCorpus;
  const set = read(true);
  set.reopen({ corpus: packed, before: [] });
  return set.corpus();
}

for (const reopened of [false, true]) {
  test(`warming up reads and rehearses replacing sources without changing the corpus or its findings (${reopened ? "taken from persisted analyses" : "built anew"})`, async () => {
    const corpus = load(reopened);
    const draft = readFileSync(join(fixture, "draft-errors.md"), "utf8");
    const before = JSON.stringify(checkDraft(load(reopened), "draft.md", draft, { fresh: true }).findings);
    const docs = corpus.sources.map((s) => s.doc);
    const packed = reopened ? JSON.stringify(serialize(corpus.packed()!)) : undefined;
    // More than the corpus has: each source is gone through, none twice over the end.
    await warmUpReindexing(corpus, 10);
    assert.equal(corpus.version, 0);
    assert.deepEqual(corpus.sources.map((s) => s.doc), docs);
    if (reopened) assert.equal(JSON.stringify(serialize(corpus.packed()!)), packed, "the analyses to persist as they were");
    assert.equal(JSON.stringify(checkDraft(corpus, "draft.md", draft, { fresh: true }).findings), before);
  });
}

test("warming up gives way to other work between two sources", async () => {
  const corpus = load();
  const turns: string[] = [];
  let timerRan = false;
  const warming = warmUpReindexing(corpus, 3).then(() => turns.push(`done, timer had run: ${timerRan}`));
  // Scheduled after the warm-up started: it runs before the warm-up has gone through every source.
  setImmediate(() => (timerRan = true));
  await warming;
  assert.deepEqual(turns, ["done, timer had run: true"]);
});
