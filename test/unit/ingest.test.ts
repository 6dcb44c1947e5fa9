import { test } from "node:test";
import assert from "node:assert/strict";
import { decodeBytes } from "../../src/engine/ingest/decode";
import { splitSentences } from "../../src/engine/ingest/sentences";
import { simpleSentenceBreaks } from "../../src/engine/ingest/sentence-breaks";
import { findClutter, isClutterShape } from "../../src/engine/ingest/clutter";
import { markdownProse } from "../../src/engine/ingest/markdown";
import { prepareDocument, withViews } from "../../src/engine/ingest/document";
import { applyProse, diffProse } from "../../src/engine/ingest/prose-view";
import { LineMap } from "../../src/engine/ingest/lines";
import { inOnePass, Recent } from "../../src/engine/ingest/recent";
import { narrowText, textPart, widenText } from "../../src/engine/ingest/text-view";
import { findNameCandidates } from "../../src/engine/extract/names";

const sentencesOf = (text: string) => splitSentences(text, [[0, text.length]]).map((s) => text.slice(s.start, s.end));

test("decode: UTF-8, BOMs, UTF-16, invalid bytes and binary files", () => {
  const utf8 = decodeBytes(new TextEncoder().encode("Café €5"));
  assert.deepEqual(utf8, { ok: true, text: "Café €5", warnings: [] });
  const bom = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]));
  assert.equal(bom.ok && bom.text, "A");
  const utf16 = decodeBytes(new Uint8Array([0xff, 0xfe, 0x48, 0x00, 0x69, 0x00]));
  assert.equal(utf16.ok && utf16.text, "Hi");
  const invalid = decodeBytes(new Uint8Array([0x48, 0xff, 0x69]));
  assert.ok(invalid.ok && invalid.warnings[0]!.includes("invalid UTF-8"));
  const binary = decodeBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
  assert.equal(binary.ok, false);
});

test("sentences: abbreviations, initials and dotted dates do not end a sentence", () => {
  assert.deepEqual(sentencesOf("Ms. Ortega met Dr. Patel on Sept. 3. They agreed."), ["Ms. Ortega met Dr. Patel on Sept. 3.", "They agreed."]);
  assert.deepEqual(sentencesOf("The deal was signed by J. R. Okafor in 2019. Nobody objected."), ["The deal was signed by J. R. Okafor in 2019.", "Nobody objected."]);
  assert.deepEqual(sentencesOf("Under Convention No. 87 workers may organise. The hearing is on 14.02.2022 in Lyon."), ["Under Convention No. 87 workers may organise.", "The hearing is on 14.02.2022 in Lyon."]);
});

test("sentences: a dateline glued to the first sentence is split, offsets stay exact", () => {
  const text = "3 May, 2020The council voted to close the depot. It will shut in June.";
  const spans = splitSentences(text, [[0, text.length]]);
  assert.deepEqual(spans.map((s) => text.slice(s.start, s.end)), ["3 May, 2020", "The council voted to close the depot.", "It will shut in June."]);
  // A page that lost its line break between two sentences; not "U.S.Steel" (a capital before the stop) or "5G" (no year).
  const lost = "Dockers walked out at dawn.The union backed them. Shares in U.S.Steel and 5G Networks fell.";
  assert.deepEqual(sentencesOf(lost), ["Dockers walked out at dawn.", "The union backed them.", "Shares in U.S.Steel and 5G Networks fell."]);
});

test("clutter: navigation and share lines at the edges go, a headline and the body stay", () => {
  const text = ["Skip to navigation", "Daily Planet logo", "• World • Europe •", "", "Dockers walk out over unpaid wages at the northern terminal", "", "About 400 dockers stopped work on Monday.", "", "Share on Facebook | Tweet", "Comments (3)"].join("\n");
  const clutter = findClutter(text).map((l) => l.text);
  assert.deepEqual(clutter, ["Skip to navigation", "Daily Planet logo", "• World • Europe •", "Share on Facebook | Tweet", "Comments (3)"]);
  assert.equal(isClutterShape("About 400 dockers stopped work on Monday."), false);
});

test("clutter: a short line in the middle of the text is kept", () => {
  const text = "A long first paragraph that says something happened.\n\nIn brief\n\nAnother paragraph with a full sentence.";
  assert.deepEqual(findClutter(text), []);
});

test("markdown: markup, code and link targets are blanked with offsets kept; front matter is read", () => {
  const md = "---\ntitle: Dock strike\noutlet: The Harbour Post\ndate: 2022-05-03\n---\n# Dockers strike\n\nSome **400** dockers [walked out](https://example.org/x).\n\n```\ncode 1999\n```\n";
  const view = markdownProse(md);
  assert.equal(view.prose.length, md.length);
  assert.equal(view.frontMatter?.title, "Dock strike");
  const at = md.indexOf("400");
  assert.equal(view.prose.slice(at, at + 3), "400");
  assert.ok(!view.prose.includes("example.org"));
  assert.ok(!view.prose.includes("1999"));
});

test("metadata: title, outlet and date from front matter, a logo line, a dateline and a file name", () => {
  const md = prepareDocument("x.md", "---\ntitle: Dock strike\noutlet: The Harbour Post\ndate: 2022-05-03\n---\nText here.\n");
  assert.equal(md.meta.title, "Dock strike");
  assert.equal(md.meta.outlet, "The Harbour Post");
  assert.deepEqual(md.meta.date, { year: 2022, month: 5, day: 3, precision: "day" });

  const scraped = prepareDocument("page.txt", "Skip to content\nHarbour Post logo\n\nDockers strike at the north gate\n\n04.05.2022\n\nAbout 400 dockers stopped work on Monday.\n\nwww.harbourpost.example.org\n");
  assert.equal(scraped.meta.outlet, "Harbour Post");
  assert.equal(scraped.meta.title, "Dockers strike at the north gate");
  assert.deepEqual(scraped.meta.date, { year: 2022, month: 5, day: 4, precision: "day" });
  // "on Monday" is read against the dateline: Monday 2 May 2022.
  const monday = scraped.dates.find((d) => scraped.text.slice(d.start, d.end) === "Monday");
  assert.deepEqual(monday?.value, { year: 2022, month: 5, day: 2, precision: "day", yearInferred: true });

  const named = prepareDocument("2019-11-30-notes.txt", "Nothing dated here.");
  assert.deepEqual(named.meta.date, { year: 2019, month: 11, day: 30, precision: "day" });
  assert.equal(named.meta.dateSource, "file-name");
});

test("metadata: a date standing first is the dateline, not the title", () => {
  const doc = prepareDocument("page.txt", "6 October, 2022\n\nDockers strike at the north gate\n\nThe port closed on Friday.\n");
  assert.equal(doc.meta.title, "Dockers strike at the north gate");
  assert.deepEqual(doc.meta.date, { year: 2022, month: 10, day: 6, precision: "day" });
});

test("line map: CRLF, lone CR and LF lines", () => {
  const map = new LineMap("a\r\nb\rc\nd");
  assert.deepEqual(map.position(0), { line: 1, column: 1 });
  assert.deepEqual(map.position(3), { line: 2, column: 1 });
  assert.deepEqual(map.position(5), { line: 3, column: 1 });
  assert.deepEqual(map.position(7), { line: 4, column: 1 });
});

test("line map: a text given as a function is read once, on the first question", () => {
  let reads = 0;
  const map = new LineMap(() => (reads++, "a\nb\nc"));
  assert.equal(reads, 0, "not read before asked");
  assert.deepEqual(map.position(4), { line: 3, column: 1 });
  assert.deepEqual(map.position(2), { line: 2, column: 1 });
  assert.equal(reads, 1);
});

test("markdown: footnote references and definitions are citations, not claims", () => {
  const md = "Talks failed on 3 May 2021.[^post-2021]\n\n[^post-2021]: “Dockers strike”, Harbour Post, 4 May 2021.\n";
  const view = markdownProse(md);
  assert.equal(view.prose.length, md.length);
  assert.ok(view.prose.includes("Talks failed on 3 May 2021."));
  assert.ok(!view.prose.includes("4 May 2021"));
  assert.ok(!view.prose.includes("[^post-2021]"));
});

test("prose view: kept as where it differs from the text, made again the same, also after crossing a thread", () => {
  const cases: Array<[string, string]> = [
    ["a.md", "---\ntitle: T\n---\n# Head\n\nThe **court** ruled on [14 May](https://x.example/a).\r\n\r\nNext > line.\n"],
    ["b.txt", "Share this article\nThe court ruled on 14 May.\rOld Mac line.\r\nWindows line.\n"],
    ["c.txt", "Plain text, nothing blanked."],
  ];
  for (const [path, text] of cases) {
    const doc = prepareDocument(path, text);
    const expected = doc.prose;
    assert.equal(expected.length, text.length);
    assert.ok(doc.proseDiff, `${path}: kept as a diff`);
    assert.equal(applyProse(text, diffProse(text, expected)!), expected);
    const copy = structuredClone(doc);
    assert.equal(Object.keys(copy).includes("prose"), false, "the prose is not copied");
    assert.equal(withViews(copy).prose, expected);
  }
  assert.equal(diffProse("abc", "abcd"), undefined, "a prose of another length is not a blanked text");
  assert.equal(diffProse("abc", "aXc"), undefined, "nor one with other letters");
});

test("name candidates: kept packed, made again the same as found, also after crossing a thread", () => {
  const text = "# Dock strike\n\nMs Ana Ruiz, who leads the Federation of Port Workers, said on Monday that Jean-Luc Moreau's NFPW had met in Lagos.\nMoreau replied to the Ministry of Labour.\n";
  const doc = prepareDocument("a.md", text);
  const prose = doc.prose;
  const found = doc.sentences.flatMap((s) => findNameCandidates(prose, s.start, s.end));
  assert.ok(doc.names.length >= 4, "the names are found");
  assert.ok(doc.names.some((n) => n.honorific) && doc.names.some((n) => n.sentenceInitial), "flags kept");
  for (const n of doc.names) assert.deepEqual(n, found.find((f) => f.start === n.start && f.end === n.end), `${n.text}: as found`);
  assert.equal(Object.keys(doc).includes("names"), false, "the objects are not stored");
  const copy = withViews(structuredClone(doc));
  assert.deepEqual(copy.names, doc.names);
});

test("recently made views: a pass over a corpus keeps only its last, apart from what checks keep", () => {
  const recent = new Recent<string>(3);
  let made = 0;
  const view = (owner: object) => recent.get(owner, () => `view ${++made}`);
  const [a, b, c, d, e, f] = [{}, {}, {}, {}, {}, {}];
  for (const o of [a, b, c, a, b, c]) view(o);
  assert.equal(made, 3, "outside a pass, three kept");
  inOnePass(() => {
    for (const o of [d, e, f]) view(o);
    assert.equal(made, 6);
    view(f);
    assert.equal(made, 6, "the last of the pass kept");
    view(e);
    assert.equal(made, 7, "the one before made again");
    view(a);
    assert.equal(made, 7, "what was kept before the pass is still kept");
  });
  view(b);
  view(c);
  assert.equal(made, 7, "nor did the pass push it out");
});

test("text kept narrow: Latin-1 with the few wider characters beside it, made again the same, also after crossing a thread", () => {
  const plain = "The court in Valmora heard the appeal of the two port workers and adjourned until the autumn. ".repeat(3);
  const text = `The union’s leader — Ana Ruiz — said “no” on 28 September 2017.\n${plain}\nSecond line… 😀 end.\n`;
  const doc = prepareDocument("a.txt", text);
  assert.ok(doc.narrowText, "kept narrow");
  assert.equal(Object.keys(doc).includes("text"), false, "the text itself is not stored");
  assert.equal(doc.text, text);
  assert.equal(widenText(narrowText(text)!), text);
  const copy = withViews(structuredClone(doc));
  assert.equal(copy.text, text);
  assert.equal(copy.prose, doc.prose);
  for (const [a, b] of [[0, 9], [4, 15], [20, 40], [70, text.length], [0, text.length]]) assert.equal(textPart(doc, a!, b!), text.slice(a, b), `${a}-${b}`);
  const russian = "Профсоюз заявил, что суд состоится 28 сентября.";
  assert.equal(prepareDocument("b.txt", russian).narrowText, undefined, "mostly wide: kept as it is");
  assert.equal(prepareDocument("b.txt", russian).text, russian);
  assert.equal(narrowText("plain ASCII only"), undefined, "nothing to narrow");
});

/** Pseudo-random whole numbers (xorshift32), the same from the same seed. */
function xorshift(seed: number): () => number {
  return () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return seed >>> 0;
  };
}

test("prose made from a narrow text in one pass is the prose made from the text: runs over, beside and between wide characters", () => {
  const text = `“A” b’c — d… “e”f${" plain words".repeat(10)}”`;
  const narrow = narrowText(text);
  assert.ok(narrow, "kept narrow");
  // Runs (start, end, 0: spaces, 1: line ends) at the start, the end, over wide characters and touching them.
  for (const runs of [[], [0, 1, 0], [0, 3, 1], [3, 4, 0, 5, 6, 0], [1, 2, 0, 7, 10, 1], [text.length - 1, text.length, 0], [0, text.length, 0]]) {
    assert.equal(widenText(narrow!, runs), applyProse(text, runs), JSON.stringify(runs));
  }
  const next = xorshift(7); // reproducible
  for (let round = 0; round < 200; round++) {
    const chars = Array.from({ length: 120 }, () => (next() % 10 === 0 ? ["“", "’", "—", "😀"][next() % 4]! : String.fromCharCode(97 + (next() % 26))));
    const t = chars.join("");
    const n = narrowText(t);
    if (!n) continue;
    const runs: number[] = [];
    for (let at = next() % 8; at < t.length; ) {
      const end = Math.min(t.length, at + 1 + (next() % 6));
      runs.push(at, end, next() % 2);
      at = end + 1 + (next() % 12);
    }
    assert.equal(widenText(n, runs), applyProse(t, runs), `round ${round}`);
  }
});

test("text kept narrow: every Latin-1 character comes back as itself, C1 controls (0x80-0x9F) included", () => {
  // Every character from U+0000 to U+00FF once, with a wide one so that the text is kept narrow.
  const all = Array.from({ length: 256 }, (_, c) => String.fromCharCode(c)).join("");
  for (const text of [`${all} “quoted”`, `${all.slice(0, 0x80)}${all.slice(0xa0)} “quoted”`]) {
    const narrow = narrowText(text)!;
    assert.equal(narrow.base.length, text.length);
    assert.equal(widenText(narrow), text);
    for (let c = 0; c < 256; c++) if (text.includes(String.fromCharCode(c))) assert.equal(narrow.base.charCodeAt(text.indexOf(String.fromCharCode(c))), c, `U+${c.toString(16)}`);
  }
  // Random texts: Latin-1, C1 controls now and then, a few wide characters.
  const next = xorshift(11); // reproducible
  let narrowed = 0;
  for (let round = 0; round < 300; round++) {
    const chars: string[] = [];
    const withControls = round % 3 === 0;
    for (let i = 0; i < 200; i++) {
      const r = next() % 100;
      chars.push(r < 2 ? ["“", "’", "—", "😀"][next() % 4]! : String.fromCharCode(withControls ? next() % 256 : [next() % 0x80, 0xa0 + (next() % 0x60)][next() % 2]!));
    }
    const text = chars.join("") + "’";
    const narrow = narrowText(text);
    if (!narrow) continue; // wide characters over a sixteenth of the text: kept as it is
    narrowed++;
    assert.equal(widenText(narrow), text, `round ${round}`);
  }
  assert.ok(narrowed > 250, `${narrowed} of 300 texts kept narrow`);
});

test("sentence breaks scanned by UAX #29 are Intl.Segmenter's on its alphabet; other text is left to the segmenter", () => {
  const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });
  const reference = (t: string) => [...segmenter.segment(t)].map((s) => s.index).filter((i) => i > 0);
  const breaks = (t: string) => simpleSentenceBreaks(t, 0, t.length);
  // Each rule: "3.5" and "U.S" (SB6, SB7), "approx. 300 people" (SB8), "Wait!?" and "No. - yes" and
  // "in 2015.; then" (SB8a), closing quotes and spaces kept with the sentence (SB9, SB10), a line end.
  for (const t of ["It rose 3.5 per cent in the U.S. Then it fell.", "He said approx. 300 people came. They left.", "Wait!? No. - yes; fine. Done.", "It ended in 2015.; then more.", "“He left.” ’Twas late. (She stayed.) Next", "One line\nAnother. And\nthird"]) {
    assert.deepEqual(breaks(t), reference(t), t);
  }
  assert.deepEqual(breaks("He left. She stayed."), [9]);
  assert.deepEqual(simpleSentenceBreaks("__He left. She stayed.__", 2, 22), [11], "offsets in the whole text");
  // Random strings over the alphabet, dense in the characters the rules turn on.
  const alphabet = [..."abxABZ19...!? \t\u00a0\n\"'()[]\u2018\u2019\u201c\u201d,-:;\u2013\u2014#%éÉß×"];
  const next = xorshift(23); // reproducible
  for (let n = 0; n < 20_000; n++) {
    let t = "";
    for (let len = 1 + (next() % 16); len > 0; len--) t += alphabet[next() % alphabet.length];
    assert.deepEqual(breaks(t), reference(t), JSON.stringify(t));
  }
  assert.equal(breaks("Суд состоится. Потом"), undefined, "Cyrillic: left to the segmenter");
  assert.equal(breaks("A soft\u00adhyphen."), undefined, "a format character: left to the segmenter");
});

test("sources read together are each what it is read alone: bad files, relative dates against each one's own date", async () => {
  const { readSource, readSources } = await import("../../src/engine/source-set");
  const { readdirSync, readFileSync } = await import("node:fs");
  const { join } = await import("node:path");
  const text = (s: string) => new TextEncoder().encode(s);
  const files = [
    { path: "may.txt", bytes: text("Court news\n\n3 May 2017\n\nThe court met on Tuesday. The appeal is set for 14 September.\n") },
    { path: "binary.txt", bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]) },
    { path: "november.md", bytes: text("# Union news\n\n20 November 2016\n\nThe court met on *Tuesday*. The strike began last month, said Anna Krol.\n") },
    { path: "empty.txt", bytes: new Uint8Array() },
    { path: "notes.pdf", bytes: text("%PDF") },
    { path: "invalid.txt", bytes: new Uint8Array([0x48, 0xff, 0x69, 0x2e]) },
    ...["fire", "harbour"].flatMap((f) => readdirSync(join(__dirname, "..", "fixtures", f, "sources")).map((name) => join(__dirname, "..", "fixtures", f, "sources", name))).map((path) => ({ path, bytes: readFileSync(path) })),
  ];
  const plain = (r: ReturnType<typeof readSource>) => (r.doc ? { ...r, doc: { ...r.doc, text: r.doc.text, prose: r.doc.prose, names: r.doc.names } } : r);
  const together = readSources(files).map(plain);
  const alone = files.map((f) => plain(readSource(f.path, f.bytes)));
  assert.equal(together.length, files.length);
  together.forEach((r, i) => assert.deepEqual(r, alone[i], files[i]!.path));
  // Each was read against its own date: the same "on Tuesday" is a different day in each.
  const tuesday = (r: (typeof together)[number]) => r.doc!.dates.find((d) => r.doc!.prose.slice(d.start, d.end) === "Tuesday")?.value;
  assert.deepEqual(tuesday(together[0]!), { year: 2017, month: 5, day: 2, precision: "day", yearInferred: true });
  assert.deepEqual(tuesday(together[2]!), { year: 2016, month: 11, day: 15, precision: "day", yearInferred: true });
  assert.deepEqual(together.map((r) => Boolean(r.doc)).slice(0, 6), [true, false, true, false, false, true]);
});
