import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { readSource, SourceSet } from "../../src/engine/source-set";
import { Corpus } from "../../src/engine/index/corpus";
import { countingSource, countWords, type CorpusCounts } from "../../src/engine/index/word-counts";
import { analyseContexts } from "../../src/engine/extract/context";
import { insertId, postingsFromData } from "../../src/engine/index/postings";
import { WordIndex } from "../../src/engine/index/word-index";
import { checkDraft } from "../../src/engine/verify/check";

// Word rarity and the word index counted apart from the corpus (in another thread, see
// host/count-thread) must be those a corpus counts for itself: the same numbers, in the same order.
const stories = ["harbour", "fire"].map((name) => join(__dirname, "..", "fixtures", name));

function load(dir: string): SourceSet {
  const set = new SourceSet({ pack: true });
  for (const f of readdirSync(join(dir, "sources")).sort()) set.upsert(join(dir, "sources", f), readFileSync(join(dir, "sources", f)));
  return set;
}

/** As a thread hands them over: through v8's serialisation, nothing shared. */
function posted<T>(value: T): T {
  return deserialize(serialize(value)) as T;
}

function verdicts(corpus: Corpus, dir: string): string {
  return JSON.stringify(["draft-errors.md", "draft-faithful.md"].map((d) => checkDraft(corpus, d, readFileSync(join(dir, d), "utf8")).findings));
}

test("the fixtures hold texts kept narrow and not, with prose that differs from the text and prose that does not", () => {
  const docs = stories.flatMap((dir) => load(dir).corpus().sources.map((s) => s.doc));
  assert.ok(docs.some((d) => d.narrowText) && docs.some((d) => !d.narrowText));
  assert.ok(docs.some((d) => d.proseDiff?.length) && docs.some((d) => d.proseDiff?.length === 0));
});

for (const dir of stories) {
  const story = dir.split("/").pop();

  test(`${story}: counted apart, word rarity and the word index are the corpus's own, in order; the verdicts are the same`, () => {
    const built = load(dir).corpus();
    const docs = built.sources.map((s) => s.doc);
    const counts = posted(countWords(docs.map((d) => posted(countingSource(d)))));
    const own = built.packed()!;
    assert.deepEqual(counts.idf, own.idf);
    assert.deepEqual([...counts.idf.df.keys()], [...own.idf.df.keys()]);
    assert.deepEqual(counts.words, own.words);

    const apart = new Corpus(docs, { pack: true, countedElsewhere: true });
    apart.takeCounts(counts);
    assert.deepEqual(apart.packed(), own);
    assert.equal(verdicts(apart, dir), verdicts(built, dir));
  });

  test(`${story}: contexts worked out without classifying every sentence are the same`, () => {
    const corpus = load(dir).corpus();
    let values = 0;
    for (const s of corpus.sources) {
      const all = analyseContexts(s.doc.prose, s.doc.sentences, s.mentions, true);
      const some = analyseContexts(s.doc.prose, s.doc.sentences, s.mentions, false);
      assert.deepEqual([...some.contexts.entries()], [...all.contexts.entries()]);
      assert.equal(some.classes.length, 0);
      assert.equal(all.classes.length, s.doc.sentences.length);
      values += all.contexts.size;
    }
    assert.ok(values > 10);
  });
}

test("a source whose prose is stored as it is, and one with no sentence, are counted as the corpus would", () => {
  const prose = "The appeal was heard in Astana. The court upheld the sentence; the appeal failed.";
  const counts = countWords([
    { prose, bounds: Int32Array.from([0, 31, 32, prose.length]) },
    { prose: "", bounds: new Int32Array(0) },
    { text: `${prose}<br>`, proseDiff: [prose.length, prose.length + 4, 0], bounds: Int32Array.from([0, 31]) },
  ]);
  assert.equal(counts.idf.docs, 3);
  // "appeal" is in all three sentences; "astana" in the first and third; "upheld" in the second.
  assert.deepEqual([...counts.words.keys].slice(0, 3), ["appeal", "heard", "astana"]);
  const list = (w: string) => {
    const i = counts.words.keys.indexOf(w);
    const at = counts.words.counts.slice(0, i).reduce((a, b) => a + b, 0);
    return [...counts.words.ids.slice(at, at + counts.words.counts[i]!)];
  };
  assert.deepEqual(list("appeal"), [0, 1, 2]);
  assert.deepEqual(list("astana"), [0, 2]);
  assert.deepEqual(list("upheld"), [1]);
  assert.throws(() => countWords([{ bounds: Int32Array.from([0, 3]) }]), /no prose/);
});

test("a corpus refuses counts of other sentences; counted here when the thread fails, it is the corpus built at once", async () => {
  const dir = stories[0]!;
  const built = load(dir).corpus();
  const docs = built.sources.map((s) => s.doc);
  const fewer = countWords(docs.slice(1).map(countingSource));
  assert.throws(() => new Corpus(docs, { countedElsewhere: true }).takeCounts(fewer), /counts are of \d+ sentences, not \d+/);
  assert.throws(() => new Corpus(docs).takeCounts(countWords(docs.map(countingSource))), /counted its own words/);

  let asked = 0;
  const failing = async (): Promise<CorpusCounts> => {
    asked++;
    throw new Error("the thread stopped");
  };
  const set = load(dir);
  const counted = await set.corpusCounting(failing);
  assert.equal(asked, 1);
  assert.deepEqual(counted.packed(), built.packed());
  // Kept as the set's corpus: asked again, it is not built again.
  assert.equal(set.corpus(), counted);
  assert.equal(await set.corpusCounting(failing), counted);
  assert.equal(asked, 1);
});

test("a corpus given its counts re-indexes a changed source in place, as a corpus that counted for itself does", async () => {
  const dir = stories[0]!;
  const file = readdirSync(join(dir, "sources")).sort()[0]!;
  const path = join(dir, "sources", file);
  const changed = Buffer.from(readFileSync(path, "utf8").replace(/\bthe (?=\p{Ll})/u, "a "));
  const set = load(dir);
  const counted = await set.corpusCounting(async (sources) => posted(countWords(sources)));
  set.upsert(path, changed);
  assert.equal(set.corpus(), counted, "re-indexed in place");
  const fresh = load(dir);
  fresh.corpus();
  fresh.upsert(path, changed);
  assert.deepEqual(counted.packed(), fresh.corpus().packed());
  assert.equal(verdicts(counted, dir), verdicts(fresh.corpus(), dir));
});

test("ids put into posting lists: arrays in place; a loaded view copied once into a buffer with room, the loaded ids untouched", () => {
  const data = { keys: ["appeal", "court"], counts: Int32Array.from([2, 1]), ids: Int32Array.from([0, 4, 2]) };
  const postings = postingsFromData(data);
  const view = postings.get("appeal")!;
  assert.ok(view instanceof Int32Array);
  insertId(postings, "appeal", view, 7);
  const first = postings.get("appeal") as Int32Array;
  assert.deepEqual([...first], [0, 4, 7]);
  assert.notEqual(first.buffer, data.ids.buffer, "a buffer of its own");
  // In the middle, as a changed source's records go to their source's place: no copy again.
  insertId(postings, "appeal", first, 2, 1);
  const second = postings.get("appeal") as Int32Array;
  assert.deepEqual([...second], [0, 2, 4, 7]);
  assert.equal(second.buffer, first.buffer);
  assert.deepEqual([...data.ids], [0, 4, 2], "the loaded ids as they were");
  assert.deepEqual([...postings.get("court")!], [2]);
  // A new key's list is an array, pushed to in place.
  insertId(postings, "verdict", undefined, 3);
  const made = postings.get("verdict")!;
  assert.ok(Array.isArray(made));
  insertId(postings, "verdict", made, 9);
  assert.equal(postings.get("verdict"), made);
  assert.deepEqual(made, [3, 9]);
  // Grown past its room (16 more than it had), still every id in order.
  for (let id = 10; id < 40; id++) insertId(postings, "appeal", postings.get("appeal"), id);
  assert.deepEqual([...postings.get("appeal")!], [0, 2, 4, 7, ...Array.from({ length: 30 }, (_, i) => i + 10)]);
});

test("a source to count holds no view into a larger buffer: posted to a thread, a view would take the whole buffer along", () => {
  const dir = join(stories[0]!, "sources");
  const doc = readdirSync(dir).sort().map((f) => readSource(join(dir, f), readFileSync(join(dir, f))).doc!).find((d) => d.narrowText)!;
  assert.ok(doc, "a fixture keeps its text narrow (it has a curly quote or a dash)");
  const at = doc.narrowText!.at;
  // As the index cache gives them back: every document's positions in one buffer.
  const shared = new Int32Array(at.length + 1000);
  shared.set(at, 500);
  doc.narrowText!.at = shared.subarray(500, 500 + at.length);
  const counted = countingSource(doc).narrowText!.at;
  assert.deepEqual([...counted], [...at]);
  assert.equal(counted.buffer.byteLength, counted.byteLength, "its own buffer");
});

test("a word index loaded as data and added to finds the new sentences as one built with them does, the loaded ids untouched", () => {
  const sentences = ["The court upheld the appeal.", "The union appealed the verdict.", "The court heard the union's appeal."];
  const added = ["The court adjourned the appeal hearing.", "Court officials said the appeal would be heard again."];
  const built = new WordIndex();
  sentences.forEach((s, id) => built.add(id, s));
  const data = built.toData();
  const before = [...data.ids];
  const loaded = new WordIndex(data);
  const whole = new WordIndex();
  [...sentences, ...added].forEach((s, id) => whole.add(id, s));
  added.forEach((s, k) => loaded.add(sentences.length + k, s));
  assert.deepEqual([...data.ids], before, "the loaded ids as they were");
  for (const words of [["court"], ["court", "appeal"], ["appeal", "heard"], ["hearing"], ["union"]]) assert.deepEqual(loaded.withAll(words), whole.withAll(words), words.join(" "));
  const scored = (index: WordIndex) => { const s = index.withMost(["court", "appeal", "officials"]); return [...s.ids].map((id, k) => [id, s.scores[k]]).sort((a, b) => a[0]! - b[0]!); };
  assert.deepEqual(scored(loaded), scored(whole));
  // As data again: each word's ids in one list, ascending (the order of the words aside).
  const lists = (d: ReturnType<WordIndex["toData"]>) => { let at = 0; return Object.fromEntries(d.keys.map((k, i) => [k, [...d.ids.subarray(at, (at += d.counts[i]!))]])); };
  assert.deepEqual(lists(loaded.toData()), lists(whole.toData()));
  // Looked up, then added to again: the new sentence is found.
  loaded.withAll(["court"]);
  loaded.add(5, "The court closed.");
  assert.deepEqual(loaded.withAll(["court", "closed"]), [5]);
});
