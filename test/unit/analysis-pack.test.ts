import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, linkSync, mkdtempSync, truncateSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { readSource, SourceSet } from "../../src/engine/source-set";
import type { PackedCorpus } from "../../src/engine/index/analysis-pack";
import type { PostingsData } from "../../src/engine/index/postings";
import { Corpus } from "../../src/engine/index/corpus";
import { checkDraft } from "../../src/engine/verify/check";
import { conflictSummaries, searchSources } from "../../src/engine/verify/lookup";
import { ReadingCache } from "../../src/host/reading-cache";
import { readAligned, serialiseAligned } from "../../src/host/aligned-serialise";
import { cacheFileParts, cacheFileSplit } from "../../src/host/cache-file";
import { withViews, type PreparedDocument } from "../../src/engine/ingest/document";
import { weightsOf, type ValueContext } from "../../src/engine/extract/context";
import type { Mention } from "../../src/engine/types";

// A corpus opened again from persisted analyses must be the corpus built anew: the same mentions,
// contexts, entities, word rarity and word index, hence the same verdicts.
const stories = ["harbour", "fire"].map((name) => join(__dirname, "..", "fixtures", name));

function files(dir: string): Array<[string, Buffer]> {
  return readdirSync(join(dir, "sources"))
    .sort()
    .map((f) => [join(dir, "sources", f), readFileSync(join(dir, "sources", f))]);
}

function load(dir: string, options: { pack?: boolean; reuse?: PackedCorpus } = {}): SourceSet {
  const set = new SourceSet({ pack: options.pack ?? false });
  for (const [path, bytes] of files(dir)) set.upsert(path, bytes);
  if (options.reuse) set.reopen({ corpus: options.reuse, before: [] });
  return set;
}

/** As a host persists it: through v8's serialisation, nothing shared with the corpus it came from. */
function persisted(corpus: Corpus): PackedCorpus {
  const packed = corpus.packed();
  assert.ok(packed, "a corpus built with `pack` gives its analyses");
  return deserialize(serialize(packed)) as PackedCorpus;
}

function verdicts(corpus: Corpus, dir: string): string {
  const drafts = ["draft-errors.md", "draft-faithful.md"].map((d) => checkDraft(corpus, d, readFileSync(join(dir, d), "utf8")).findings);
  const search = ["court", "fire", "sentenced"].map((q) => searchSources(corpus, q));
  return JSON.stringify({ drafts, conflicts: conflictSummaries(corpus), search });
}

/** Posting lists as data, by key (their keys' order is the order first met, which may differ). */
function lists(data: PostingsData): Map<string, number[]> {
  let at = 0;
  return new Map(data.keys.map((key, i) => [key, Array.from(data.ids.subarray(at, (at += data.counts[i]!)))]));
}

/** Each source's mentions and contexts, the contexts' weights as read (worked out if they were left for later). */
function analyses(corpus: Corpus) {
  return corpus.sources.map((s) => ({ mentions: s.mentions, contexts: [...s.contexts].map(([m, c]) => [m, { ...c, weights: weightsOf(c) }]) }));
}

const leftForLater = (context: ValueContext) => "later" in context.weights;

for (const dir of stories) {
  const story = dir.split("/").pop();

  test(`a corpus opened from its persisted analyses is the one built anew (${story})`, () => {
    const built = load(dir, { pack: true }).corpus();
    const reopened = load(dir, { reuse: persisted(built) }).corpus();
    assert.deepEqual(analyses(reopened), analyses(built));
    assert.deepEqual(reopened.entities.entities, built.entities.entities);
    assert.equal(verdicts(reopened, dir), verdicts(built, dir));
    assert.equal(verdicts(reopened, dir), verdicts(load(dir).corpus(), dir), "packing changes nothing");
  });

  test(`a reopened source's mentions and contexts are made when first asked for, once (${story})`, () => {
    const built = load(dir, { pack: true }).corpus();
    const reopened = load(dir, { reuse: persisted(built) }).corpus();
    const made = (i: number) => (reopened.sources[i] as unknown as { made?: unknown }).made !== undefined;
    assert.ok(reopened.sources.every((_, i) => !made(i)), "nothing made when opened");
    const first = reopened.sources[0]!.mentions;
    assert.ok(made(0) && !made(1), "the source asked for, and it alone");
    assert.equal(reopened.sources[0]!.mentions, first, "made once");
    assert.deepEqual(reopened.valuesOf(1), built.valuesOf(1));
    assert.ok(made(1));
  });

  test(`where a reopened source names an entity is read from the packed numbers, the source left unmade (${story})`, () => {
    const built = load(dir, { pack: true }).corpus();
    const reopened = load(dir, { reuse: persisted(built) }).corpus();
    const named = (mentions: ReadonlyArray<{ start: number; end: number; type: string; entityId?: string }>, id: string) =>
      mentions.filter((m) => m.entityId === id).map(({ start, end, type, entityId }) => ({ start, end, type, entityId }));
    let compared = 0;
    for (const entity of built.entities.entities) {
      for (const source of built.mentionsOf.get(entity.id)?.sourceList() ?? []) {
        assert.deepEqual(named(reopened.placesNamed(source, entity.id), entity.id), named(built.sources[source]!.mentions, entity.id));
        compared++;
      }
    }
    assert.ok(compared > 10, `compared ${compared} sources' names`);
    assert.ok(reopened.sources.every((s) => (s as unknown as { made?: unknown }).made === undefined), "no source made");
    // The role checks read them so: the first check's verdicts are those of the corpus built anew.
    assert.equal(verdicts(reopened, dir), verdicts(built, dir));
  });

  test(`persisted analyses are taken, not worked out again, and only for the same sources (${story})`, () => {
    const built = load(dir, { pack: true }).corpus();
    // An entity renamed in the persisted table shows in the reopened corpus: the table was taken as it was.
    const tampered = persisted(built);
    const person = tampered.entities.entities.find((e) => e.type === "person" && e.mentions > 1)!;
    person.name = "Zzyzx Persisted";
    const reopened = load(dir, { reuse: tampered }).corpus();
    assert.ok(reopened.sources.some((s) => s.mentions.some((m) => m.value === "Zzyzx Persisted")));
    // Analyses of other paths (a source gone since) are not taken.
    const other = persisted(built);
    other.paths[0] = other.paths[0] + ".gone";
    const rebuilt = load(dir, { reuse: other }).corpus();
    assert.ok(!rebuilt.sources.some((s) => s.mentions.some((m) => m.value === "Zzyzx Persisted")));
    assert.equal(verdicts(rebuilt, dir), verdicts(built, dir));
    // Nor when a source changes after they were offered.
    const changing = load(dir, { reuse: tampered });
    const [path, bytes] = files(dir)[0]!;
    changing.upsert(path, Buffer.concat([bytes, Buffer.from("\n\nOne more line.\n")]));
    assert.ok(!changing.corpus().sources.some((s) => s.mentions.some((m) => m.value === "Zzyzx Persisted")));
  });

  test(`a corpus opened from persisted analyses numbers its sources' sentences without reading them (${story})`, () => {
    const packed = persisted(load(dir, { pack: true }).corpus());
    let reads = 0;
    const docs = files(dir).map(([path, bytes]) => {
      const doc = readSource(path, bytes).doc!;
      const sentences = doc.sentences;
      Object.defineProperty(doc, "sentences", { get: () => (reads++, sentences), enumerable: true, configurable: true });
      return doc;
    });
    const reopened = new Corpus(docs, { reuse: packed });
    assert.equal(reads, 0, "no document's sentences read");
    assert.deepEqual([...packed.sentences], docs.map((d) => d.sentences.length));
    assert.equal(verdicts(reopened, dir), verdicts(load(dir).corpus(), dir));
    const short = persisted(load(dir, { pack: true }).corpus());
    short.sentences = short.sentences.slice(1);
    assert.ok(!new Corpus(docs, { reuse: short }).sources.some((s) => "numbers" in s), "counts not of these sources: built anew");
  });

  test(`damaged analyses that cannot be read are set aside: the corpus is built anew (${story})`, () => {
    const built = load(dir, { pack: true }).corpus();
    const damaged = persisted(built);
    (damaged.sources as unknown[])[1] = { names: "not numbers" };
    const reopened = load(dir, { reuse: damaged }).corpus();
    assert.deepEqual(analyses(reopened), analyses(built));
    assert.ok(reopened.packed(), "built anew, still packed to be saved again");
  });

  test(`a corpus not packed leaves its values' weights for later, a sentence's worked out when one of them is first read, as a packed corpus works them out (${story})`, () => {
    const later = load(dir).corpus();
    const now = load(dir, { pack: true }).corpus();
    const all = later.sources.flatMap((s) => [...s.contexts.values()]);
    assert.ok(all.length > 2 && all.every(leftForLater), "every value's weights left for later");
    assert.ok(!now.sources.some((s) => [...s.contexts.values()].some(leftForLater)), "packed: worked out at once");
    // A source with values in two sentences or more: reading one value's weights works out its sentence's.
    const sentenceOf = (doc: PreparedDocument, m: Mention) => doc.sentences.findIndex((s) => s.start <= m.start && m.end <= s.end);
    const source = later.sources.find((s) => new Set([...s.contexts.keys()].map((m) => sentenceOf(s.doc, m))).size > 1)!;
    const values = [...source.contexts.keys()];
    const first = values[0]!;
    weightsOf(source.contexts.get(first)!);
    for (const v of values) assert.equal(leftForLater(source.contexts.get(v)!), sentenceOf(source.doc, v) !== sentenceOf(source.doc, first), `${v.text}: worked out with its sentence, or still left`);
    assert.deepEqual(analyses(later), analyses(now));
    assert.equal(verdicts(later, dir), verdicts(now, dir));
  });

  test(`a source re-indexed in place is persisted as changed (${story})`, () => {
    const set = load(dir, { pack: true });
    const before = set.corpus();
    const [path, bytes] = files(dir).find(([, b]) => /\b(?:the|a) \p{Ll}/u.test(b.toString()))!;
    const changed = Buffer.from(bytes.toString().replace(/\b(?:the|a) (?=\p{Ll})/u, (w) => (w.startsWith("the") ? "a " : "the ")));
    set.upsert(path, changed);
    assert.equal(set.corpus(), before, "updated in place");
    const packed = persisted(set.corpus());
    // The word and value indexes are saved with the ids a build gives (the replaced source's new ones came last).
    const rebuilt = new SourceSet({ pack: true });
    for (const [p, b] of files(dir)) rebuilt.upsert(p, p === path ? changed : b);
    const built = persisted(rebuilt.corpus());
    assert.deepEqual(lists(packed.words!), lists(built.words!), "the word index as a build makes it");
    assert.deepEqual(lists(packed.values!.index.postings), lists(built.values!.index.postings), "the value index as a build makes it");
    assert.equal(packed.values!.index.size, built.values!.index.size);
    assert.deepEqual(packed.values!.counts, built.values!.counts);
    assert.deepEqual(packed.sentences, built.sentences, "each source's sentences counted, the replaced one's new count");
    const fresh = new SourceSet();
    for (const [p, b] of files(dir)) fresh.upsert(p, p === path ? changed : b);
    const reopened = new SourceSet();
    for (const [p, b] of files(dir)) reopened.upsert(p, p === path ? changed : b);
    reopened.reopen({ corpus: packed, before: [] });
    assert.deepEqual(analyses(reopened.corpus()), analyses(fresh.corpus()));
    assert.equal(verdicts(reopened.corpus(), dir), verdicts(fresh.corpus(), dir));
  });
}

test("the index cache gives its analyses back when the files are those they were made from, with the changed ones as they were then", async () => {
  const dir = stories[0]!;
  const cacheDir = mkdtempSync(join(tmpdir(), "corroborate-analyses-"));
  const built = load(dir, { pack: true }).corpus();
  const readAll = async (cache: ReadingCache, change?: string) => {
    const read = cache.wrap(async () => ({ list: [] }));
    for (const [path, bytes] of files(dir)) await read(path, path === change ? Buffer.concat([bytes, Buffer.from(" ")]) : bytes);
  };
  const first = await new ReadingCache(cacheDir).load();
  await readAll(first);
  assert.equal(first.save(built), undefined);

  const same = await new ReadingCache(cacheDir).load();
  await readAll(same);
  const packed = same.analyses();
  assert.ok(packed, "the same files: the analyses are given");
  assert.deepEqual(packed.corpus.paths, built.sources.map((s) => s.doc.meta.path));
  assert.deepEqual(packed.before, [], "none changed");
  assert.equal(same.analyses(), undefined, "given once, then let go");
  const file = join(cacheDir, "corroborate-index.v8");
  const before = statSync(file).ino;
  assert.equal(same.save(built), undefined);
  assert.equal(statSync(file).ino, before, "nothing changed: the file is not written again");

  const changed = await new ReadingCache(cacheDir).load();
  const edited = files(dir)[1]![0];
  await readAll(changed, edited);
  const earlier = changed.analyses();
  assert.ok(earlier, "a file changed: the analyses are given");
  assert.deepEqual(earlier.before.map((b) => b.path), [edited], "with the changed file as it was then");
  assert.equal(changed.save(built), undefined);
  assert.notEqual(statSync(file).ino, before, "a file changed: the cache is written again");

  const fewer = await new ReadingCache(cacheDir).load();
  const read = fewer.wrap(async () => ({ list: [] }));
  for (const [path, bytes] of files(dir).slice(1)) await read(path, bytes);
  assert.equal(fewer.analyses(), undefined, "a file gone: not given");

  const more = await new ReadingCache(cacheDir).load();
  await readAll(more, edited);
  await more.wrap(async () => ({ list: [] }))(join(dir, "sources", "added.txt"), Buffer.from("An added source."));
  assert.equal(more.analyses(), undefined, "a file added: not given");
});

for (const dir of stories) {
  test(`opened again with a source changed since: built from the analyses, the changed source then replaced (${dir.split("/").pop()})`, () => {
    const built = load(dir, { pack: true }).corpus();
    const [path, bytes] = files(dir).find(([, b]) => /\b(?:the|a) \p{Ll}/u.test(b.toString()))!;
    const changed = Buffer.from(bytes.toString().replace(/\b(?:the|a) (?=\p{Ll})/u, (w) => (w.startsWith("the") ? "a " : "the ")));
    const set = new SourceSet({ pack: true });
    for (const [p, b] of files(dir)) set.upsert(p, p === path ? changed : b);
    const then = new SourceSet();
    then.upsert(path, bytes);
    set.reopen({ corpus: persisted(built), before: [{ path, reading: { doc: then.corpus().sources[0]!.doc, list: [] } }] });
    const reopened = set.corpus();
    assert.equal(reopened.version, 1, "built from the analyses, then the changed source replaced in place");
    const untouched = reopened.sources.findIndex((s) => s.doc.meta.path !== path);
    assert.equal((reopened.sources[untouched] as unknown as { made?: unknown }).made, undefined, "an unchanged source is not made");
    const fresh = new SourceSet();
    for (const [p, b] of files(dir)) fresh.upsert(p, p === path ? changed : b);
    assert.equal(verdicts(reopened, dir), verdicts(fresh.corpus(), dir));
    assert.deepEqual(analyses(reopened), analyses(fresh.corpus()));
  });
}

/** A cache folder holding the index cache of a story's sources; and the cache file. */
async function savedCache(dir: string): Promise<{ cacheDir: string; file: string }> {
  const cacheDir = mkdtempSync(join(tmpdir(), "corroborate-damaged-"));
  const first = await new ReadingCache(cacheDir).load();
  const read = first.wrap(async (path, bytes) => readSource(path, bytes));
  for (const [path, bytes] of files(dir)) await read(path, bytes);
  assert.equal(first.save(load(dir, { pack: true }).corpus()), undefined);
  return { cacheDir, file: join(cacheDir, "corroborate-index.v8") };
}

test("an index cache damaged halfway through its entries is set aside whole: no entry before the damage is taken", async () => {
  const dir = stories[0]!;
  const { cacheDir, file } = await savedCache(dir);
  // The second entry loses its reading: the first decodes, the second does not.
  const { data: kept, texts } = cacheFileSplit(readFileSync(file));
  const data = readAligned(kept) as { entries: { shapes: string[][]; shapeOf: Int32Array } };
  const { shapes, shapeOf } = data.entries;
  shapes.push(shapes[shapeOf[1]!]!.filter((k) => k !== "reading"));
  shapeOf[1] = shapes.length - 1;
  writeFileSync(file, Buffer.concat(cacheFileParts(serialiseAligned(data), texts)));

  const damaged = await new ReadingCache(cacheDir).load();
  assert.match(damaged.problem ?? "", /^unreadable/);
  const again = damaged.wrap(async () => ({ list: [] }));
  const [path, bytes] = files(dir)[0]!;
  await again(path, bytes);
  assert.deepEqual([damaged.stats.reused, damaged.stats.read], [0, 1], "the first file is read anew, not taken from the damaged cache");
});

test("an index cache whose documents' lists or texts are damaged is set aside when loaded, not when a list is first read", async () => {
  const { cacheDir, file } = await savedCache(stories[0]!);
  const whole = readFileSync(file);
  type Kept = { docColumns: { lengths: { dates: Int32Array }; texts: { lengths: Int32Array; where: Int8Array }; lists: { terms: { columns: { start: { ints: Int32Array } } } } } };
  const damages: Array<[string, (data: Kept) => void]> = [
    ["a document said to have one date more", (data) => void data.docColumns.lengths.dates[0]!++],
    ["a text said to be one character longer", (data) => void data.docColumns.texts.lengths[0]!++],
    ["a text said to be where no text is kept", (data) => void (data.docColumns.texts.where[0] = 3)],
    ["a column of the terms one value short", (data) => void (data.docColumns.lists.terms.columns.start.ints = data.docColumns.lists.terms.columns.start.ints.slice(1))],
  ];
  for (const [what, damage] of damages) {
    const { data: bytes, texts } = cacheFileSplit(Buffer.from(whole)); // a copy: what is read is views into it
    const data = readAligned(bytes) as Kept;
    damage(data);
    writeFileSync(file, Buffer.concat(cacheFileParts(serialiseAligned(data), texts)));
    const damaged = await new ReadingCache(cacheDir).load();
    assert.match(damaged.problem ?? "", /^unreadable/, what);
  }
  writeFileSync(file, serialize({ format: 8 }));
  assert.equal((await new ReadingCache(cacheDir).load()).problem, "made by another version: rebuilt", "a cache of format 8 or before");
  writeFileSync(file, Buffer.concat(serialiseAligned({ format: 12 })));
  assert.equal((await new ReadingCache(cacheDir).load()).problem, "made by another version: rebuilt", "a cache of formats 9 to 12");
  for (const [what, length] of [["in its data", whole.length >> 1], ["in its texts", whole.length - 1]] as const) {
    writeFileSync(file, whole.subarray(0, length));
    assert.match((await new ReadingCache(cacheDir).load()).problem ?? "", /^unreadable/, `a cache cut short ${what}`);
  }
  writeFileSync(file, whole);
  const sound = await new ReadingCache(cacheDir).load();
  assert.equal(sound.problem, undefined, "the file as written loads");
});

test("a document from the index cache reads its text from the cache file when first asked for, and keeps it when a save replaces the file", async () => {
  const dir = stories[0]!;
  const { cacheDir, file } = await savedCache(dir);
  const whole = readFileSync(file);
  const { texts } = cacheFileSplit(whole);
  const original = new Map(files(dir).map(([path, bytes]) => [path, readSource(path, bytes).doc!.text]));
  const loadDocs = async (cache: ReadingCache, change?: string) => {
    const read = cache.wrap(async (path, bytes) => readSource(path, bytes));
    const docs = new Map<string, PreparedDocument>();
    for (const [path, bytes] of files(dir)) docs.set(path, withViews((await read(path, path === change ? Buffer.concat([bytes, Buffer.from(" ")]) : bytes)).doc!));
    return docs;
  };
  const blank = (bytes: Buffer) => Buffer.concat([bytes.subarray(0, bytes.length - texts.length), Buffer.alloc(texts.length, "x")]);

  // Loaded, then the file's texts overwritten in place: the texts read are those of the file now.
  const loaded = await loadDocs(await new ReadingCache(cacheDir).load());
  writeFileSync(file, blank(readFileSync(file)));
  const [first, firstDoc] = [...loaded][0]!;
  assert.notEqual(firstDoc.text, original.get(first));
  assert.match(firstDoc.text, /^x{20}/, "read from the file when first asked for, not when loaded");
  // Cut short in place since (never by this program, which writes a new file and renames it): said, with the file.
  truncateSync(file, statSync(file).size - texts.length);
  assert.throws(() => [...loaded][1]![1].text, /could not be read from the index cache .*corroborate-index\.v8: damaged: cut short/);

  // Loaded, then a save replaces the file (a file changed): the file is closed first (a file open
  // cannot be replaced on Windows), and the documents loaded from it keep their texts.
  writeFileSync(file, whole);
  const then = statSync(file).ino;
  const openOnIt = () => readdirSync("/proc/self/fd").filter((fd) => {
    try {
      return statSync(`/proc/self/fd/${fd}`).ino === then;
    } catch {
      return false; // closed since it was listed
    }
  });
  const proc = existsSync("/proc/self/fd");
  if (proc) assert.equal(openOnIt().length, 1, "the file loaded above still open: its documents may ask for their texts");
  const cache = await new ReadingCache(cacheDir).load();
  const changed = files(dir)[1]![0];
  const docs = await loadDocs(cache, changed);
  if (proc) assert.equal(openOnIt().length, 2, "open again for the second load");
  linkSync(file, `${file}.then`);
  assert.equal(cache.save(load(dir, { pack: true }).corpus()), undefined);
  assert.notEqual(statSync(file).ino, then, "the file replaced");
  if (proc) assert.equal(openOnIt().length, 0, "closed before it was replaced, by both loads");
  writeFileSync(`${file}.then`, blank(readFileSync(`${file}.then`)));
  for (const [path, doc] of docs) if (path !== changed) assert.equal(doc.text, original.get(path), path);
  const [path, unread] = [...loaded][2]!;
  assert.equal(unread.text, original.get(path), "the first load's texts not read yet were taken into memory before");
});
