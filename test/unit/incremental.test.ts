import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { SourceSet } from "../../src/engine/source-set";
import { checkDraft } from "../../src/engine/verify/check";
import { conflictSummaries, searchSources } from "../../src/engine/verify/lookup";

// A source changed in place is re-indexed alone; what the checks say must be what they say on a
// corpus built anew from the changed sources.
const stories = [
  { dir: join(__dirname, "..", "fixtures", "harbour"), drafts: ["draft-errors.md", "draft-faithful.md"] },
  { dir: join(__dirname, "..", "fixtures", "fire"), drafts: ["draft-errors.md", "draft-faithful.md"] },
];

function load(dir: string, edit?: { file: string; change: (text: string) => string }): SourceSet {
  const set = new SourceSet();
  for (const f of readdirSync(join(dir, "sources")).sort()) {
    const text = readFileSync(join(dir, "sources", f), "utf8");
    set.upsert(join(dir, "sources", f), Buffer.from(edit?.file === f ? edit.change(text) : text));
  }
  return set;
}

function verdicts(set: SourceSet, dir: string, drafts: string[]): string {
  const corpus = set.corpus();
  const checks = drafts.map((d) => checkDraft(corpus, d, readFileSync(join(dir, d), "utf8")).findings);
  const search = ["court", "fire", "sentenced"].map((q) => searchSources(corpus, q));
  // The counts the summary of a folder gives, without making the sources' lists.
  assert.deepEqual(corpus.sentenceCounts(), corpus.sources.map((s) => s.doc.sentences.length));
  return JSON.stringify({ checks, conflicts: conflictSummaries(corpus), search, sentences: corpus.sentenceCounts() });
}

/** A change that touches no name: one common word swapped for another the corpus also uses. */
const plain = (text: string) => text.replace(/\b(?:the|a) (?=\p{Ll})/u, (w) => (w.startsWith("the") ? "a " : "the "));
/** A change of figures and dates: every digit 1 made 7 (names untouched). */
const figures = (text: string) => text.replace(/1/g, "7");
/** A change of a name's clues, not of the name: its title dropped ("Mr Ruiz" → "Ruiz"). */
const untitled = (text: string) => text.replace(/\b(?:Mr|Ms|Mrs|Judge|President) (?=\p{Lu})/u, "");
/** A change of a name (the source's commonest one, everywhere): its entities change, so the corpus is built anew. */
function renamed(text: string): string {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/(?<=\p{Ll},? )\p{Lu}\p{Ll}{4,}\b/gu)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  const name = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
  return text.replaceAll(name, name.slice(0, -1) + "x");
}

for (const { dir, drafts } of stories) {
  for (const [label, change] of [["a plain word", plain], ["figures and dates", figures], ["a title", untitled], ["a name", renamed]] as const) {
    test(`re-indexing one source (${label} changed, ${dir.split("/").pop()}) gives the verdicts of a corpus built anew`, () => {
      const file = readdirSync(join(dir, "sources")).sort().find((f) => { const t = readFileSync(join(dir, "sources", f), "utf8"); return change(t) !== t; })!;
      const incremental = load(dir);
      const before = incremental.corpus();
      const beforeVerdicts = verdicts(incremental, dir, drafts);
      const text = readFileSync(join(dir, "sources", file), "utf8");
      assert.notEqual(change(text), text, "the change changes the source");
      incremental.upsert(join(dir, "sources", file), Buffer.from(change(text)));
      const after = incremental.corpus();
      if (label === "a name") assert.notEqual(after, before, "a renamed entity rebuilds the corpus");
      else if (label !== "a title") assert.equal(after, before, "the corpus was updated in place, not built anew");
      const fresh = load(dir, { file, change });
      assert.equal(verdicts(incremental, dir, drafts), verdicts(fresh, dir, drafts));
      if (label === "figures and dates") assert.notEqual(verdicts(incremental, dir, drafts), beforeVerdicts, "changed figures change the verdicts");
    });
  }
}

test("conflicts kept up to date as one source changes: joining a conflict, changing sides, leaving it, the other conflict as it was", () => {
  const appeal = (day: number) => `# Appeal\n\nThe appeal court in Astana heard the appeal of the union leader Nurbek Kushakbayev on ${day} September 2017, his lawyer said.\n`;
  const sentence = (years: string) => `# Sentence\n\nA court in Shymkent sentenced the oil worker Amin Eleusinov to ${years} years in prison for embezzlement.\n`;
  // The same story without a date: the same names and words, no value to disagree with.
  const undated = "# Appeal\n\nThe appeal court in Astana heard the appeal of the union leader Nurbek Kushakbayev, his lawyer said.\n";
  const sources: Record<string, string> = { "a.md": appeal(28), "b.md": undated, "c.md": appeal(28), "d.md": sentence("two"), "e.md": sentence("three"), "f.md": appeal(29) };
  const build = (changed: Record<string, string> = {}) => {
    const set = new SourceSet();
    for (const [path, text] of Object.entries({ ...sources, ...changed })) set.upsert(path, Buffer.from(text));
    return set;
  };
  const summaries = (set: SourceSet) => conflictSummaries(set.corpus()).map((c) => `${c.id}: ${c.summary}`);
  const incremental = build();
  const corpus = incremental.corpus();
  const before = summaries(incremental);
  assert.equal(before.length, 2, `two conflicts: ${before.join(" | ")}`);
  const seen = new Set<string>();
  for (const b of [appeal(29), appeal(28), undated]) {
    incremental.upsert("b.md", Buffer.from(b));
    assert.equal(incremental.corpus(), corpus, "updated in place");
    const now = summaries(incremental);
    assert.deepEqual(now, summaries(build({ "b.md": b })));
    assert.equal(now.length, 2);
    seen.add(now.join(" | "));
  }
  assert.equal(seen.size, 3, "each change changed the appeal's conflict");
  assert.deepEqual(summaries(incremental), before);
});

test("a quotation checked again once its source changed in place is read from the changed source", () => {
  const set = new SourceSet();
  const source = "Harbour strike ends\n\nThe mayor said on Monday: “Nobody in Valmora is above the law, not even the port.”\n";
  set.upsert("/s/a.txt", Buffer.from(source));
  set.upsert("/s/b.txt", Buffer.from("Port reopens\n\nThe port of Valmora reopened on 3 May 2019.\n"));
  const corpus = set.corpus();
  const draft = "The mayor said: “Nobody in Valmora is above the law, not even the port.”\n";
  const quoteFinding = () => checkDraft(corpus, "d.md", draft).findings.find((f) => f.code.startsWith("quote."));
  assert.equal(quoteFinding()?.code, "quote.verbatim");
  // The same words in another order: the entities (which count lower-case words) are as they were.
  set.upsert("/s/a.txt", Buffer.from(source.replace("above the law", "the law above")));
  assert.equal(set.corpus(), corpus, "the corpus was updated in place");
  const after = quoteFinding();
  assert.equal(after?.code, "quote.mismatch");
  assert.match(after!.message, /the law above/);
});

test("the source re-indexed in place is the one of its path, among paths the locale's order holds equal", () => {
  // "café" written precomposed and decomposed: two files, two names, equal to localeCompare.
  const [composed, decomposed] = ["/news/caf\u00e9.md", "/news/cafe\u0301.md"];
  assert.equal(composed.localeCompare(decomposed), 0, "the fixture's paths compare equal");
  const set = new SourceSet();
  const text = (year: number) => `Yerlan Dauletov was fined on 5 May ${year}, the court said.\n`;
  for (const path of ["/news/a.md", composed, decomposed, "/news/z.md"]) set.upsert(path, Buffer.from(text(2017)));
  const corpus = set.corpus();
  for (const path of [decomposed, composed]) {
    set.upsert(path, Buffer.from(text(2019)));
    assert.equal(set.corpus(), corpus, "updated in place");
    const years = corpus.sources.map((s) => `${s.doc.meta.path}:${s.doc.dates.map((d) => d.value.year).join()}`);
    const changed = years.filter((y) => y.endsWith("2019"));
    assert.ok(changed.includes(`${path}:2019`), `${path} was the one replaced: ${years.join(" ")}`);
  }
  assert.deepEqual(corpus.sources.map((s) => s.doc.dates[0]!.value.year), [2017, 2019, 2019, 2017]);
});

/**
 * An entity table as data to compare, section by section: its maps' entries sorted (a source
 * taken away and put back moves its names to the end), counts at 0 left out (kept as well as not).
 */
function tableData(set: SourceSet): Record<string, string[]> {
  const entries = (m: Map<string, unknown> | Set<string>) => [...m].filter((e) => !(Array.isArray(e) && e[1] === 0)).map((e) => JSON.stringify(e, (_, v) => (v instanceof Set ? [...v] : v))).sort();
  const { stats, typeVotes, entities } = set.corpus().entities.toData();
  return {
    ...Object.fromEntries(Object.entries(stats).map(([k, v]) => [k, entries(v as Map<string, unknown>)])),
    typeVotes: entries(typeVotes),
    entities: entities.map((e) => JSON.stringify({ ...e, keys: [...e.keys].sort() })),
  };
}

test("a source whose names keep their texts but not their clues leaves the entity table a corpus built anew has", () => {
  const clueChanges = [
    (text: string) => text.replace(/\bthe (?=\p{Lu})/u, ""),
    (text: string) => text.replace(/\b(?:a|the) (?=\p{Ll})/u, "the Chairwoman "),
    untitled,
    (text: string) => text.replace(/(?<=\p{Ll} )(?=\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+)/u, "Ms "),
  ];
  let keptWithOtherClues = 0;
  for (const { dir } of stories) {
    for (const file of readdirSync(join(dir, "sources")).sort()) {
      const text = readFileSync(join(dir, "sources", file), "utf8");
      for (const change of clueChanges) {
        if (change(text) === text) continue;
        const incremental = load(dir);
        const before = incremental.corpus();
        const doc = before.sources.find((s) => s.doc.meta.path.endsWith(file))!.doc;
        const clues = JSON.stringify(doc.names.map((n) => [n.clues, n.honorific]));
        incremental.upsert(join(dir, "sources", file), Buffer.from(change(text)));
        const after = incremental.corpus();
        const fresh = load(dir, { file, change });
        assert.deepEqual(tableData(incremental), tableData(fresh), file);
        const changedDoc = after.sources.find((s) => s.doc.meta.path.endsWith(file))!.doc;
        if (after === before && JSON.stringify(changedDoc.names.map((n) => [n.clues, n.honorific])) !== clues) keptWithOtherClues++;
      }
    }
  }
  // The case this is about: re-indexed in place though the clues changed.
  assert.ok(keptWithOtherClues >= 2, `re-indexed in place with other clues: ${keptWithOtherClues}`);
});
