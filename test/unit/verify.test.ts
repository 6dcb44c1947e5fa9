import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { Corpus } from "../../src/engine/index/corpus";
import { checkDraft } from "../../src/engine/verify/check";
import type { Finding } from "../../src/engine/types";

const fixture = join(__dirname, "..", "fixtures", "harbour");
const harbour = Corpus.fromFiles(readdirSync(join(fixture, "sources")).map((f) => ({ path: join(fixture, "sources", f), text: readFileSync(join(fixture, "sources", f), "utf8") })));

/** The verdict on the span `quote` of the draft (the most severe finding overlapping it). */
function verdict(findings: Finding[], text: string, quote: string): Finding | undefined {
  const at = text.indexOf(quote);
  assert.ok(at >= 0, `not in draft: ${quote}`);
  const order = ["misquoted", "contradicted", "misspelled", "disputed", "unsupported", "supported"];
  return findings.filter((f) => f.start < at + quote.length && at < f.end).sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))[0];
}

const red = (fs: Finding[]) => fs.filter((f) => f.severity === "error");

test("harbour: each planted error gets its verdict, with evidence and a fix", () => {
  const text = readFileSync(join(fixture, "draft-errors.md"), "utf8");
  const { findings } = checkDraft(harbour, "draft-errors.md", text);
  const four = verdict(findings, text, "four years")!;
  assert.equal(four.kind, "contradicted");
  assert.equal(four.code, "figure.mismatch");
  assert.match(four.message, /three years/);
  assert.ok(four.evidence.length > 0 && four.evidence.every((e) => e.quote.includes("three years") && e.line > 0));
  assert.ok(four.fixes.some((f) => f.kind === "replace" && f.edits[0]!.newText === "three years"));

  assert.equal(verdict(findings, text, "€2.1 million")?.kind, "contradicted");
  const disputed = verdict(findings, text, "4 November 2020")!;
  assert.equal(disputed.kind, "disputed");
  assert.equal(disputed.severity, "warning");
  assert.match(disputed.message, /2 November 2020/);
  assert.equal(verdict(findings, text, "37 witnesses")?.kind, "supported");
  assert.equal(verdict(findings, text, "seven years")?.kind, "supported");
  assert.equal(verdict(findings, text, "Pavel Hruby")?.kind, "supported", "a spelling a source uses is not a misspelling");
  const anna = verdict(findings, text, "Anna Petrescu")!;
  assert.equal(anna.kind, "misspelled");
  assert.equal(anna.fixes[0]!.edits[0]!.newText, "Ana Petrescu");
  assert.equal(verdict(findings, text, "Marta Lindquist")?.kind, "misspelled");
  assert.equal(verdict(findings, text, "June 2018")?.kind, "contradicted");
  assert.equal(verdict(findings, text, "3 May 2019")?.kind, "unsupported");
  assert.equal(verdict(findings, text, "nobody in Valmora is above the law")?.kind, "supported");
});

test("harbour: the faithful draft gets no red mark", () => {
  const text = readFileSync(join(fixture, "draft-faithful.md"), "utf8");
  const { findings } = checkDraft(harbour, "draft-faithful.md", text);
  assert.deepEqual(red(findings).map((f) => f.message), []);
  assert.ok(findings.filter((f) => f.kind === "supported").length >= 8);
});

test("harbour: the sources' disagreement on the trial's opening is listed", () => {
  assert.equal(harbour.conflicts.length, 1);
  const values = harbour.conflicts[0]!.records.map((r) => r.mention.value).sort();
  assert.deepEqual(values, ["2020-11-02", "2020-11-04"]);
});

const story = Corpus.fromFiles([
  {
    path: "court.txt",
    text: "Siblings sentenced in Marlow fraud case\n\n12 June 2020\n\n" +
      "The Marlow district court on Thursday sentenced Maria Lopez to six years in prison for fraud. " +
      "Her brother Carlos Lopez was sentenced to two years in prison.\n\n" +
      "Maria Lopez was arrested on 12 January 2019. The trial opened on 3 March 2020.\n\n" +
      "“We have lost everything we saved,” said Joan Beck, one of the victims.\n",
  },
]);
const check = (draft: string) => checkDraft(story, "draft.md", draft).findings;

test("false alarms: a faithful paraphrase is supported, not contradicted", () => {
  const text = "Maria Lopez was jailed for six years by the court in Marlow.";
  const fs = check(text);
  assert.equal(verdict(fs, text, "six years")?.kind, "supported");
  assert.deepEqual(red(fs), []);
});

test("false alarms: a value from another event in the same source is not a contradiction", () => {
  const text = "The trial opened on 3 March 2020. Auditors inspected the firm on 5 May 2021.";
  const fs = check(text);
  assert.equal(verdict(fs, text, "3 March 2020")?.kind, "supported");
  assert.equal(verdict(fs, text, "5 May 2021")?.kind, "unsupported");
  assert.deepEqual(red(fs), []);
});

test("false alarms: a different person with the same surname keeps their own figure", () => {
  const right = "Carlos Lopez was sentenced to two years in prison.";
  assert.equal(verdict(check(right), right, "two years")?.kind, "supported");
  const wrong = "Carlos Lopez was sentenced to six years in prison.";
  const f = verdict(check(wrong), wrong, "six years")!;
  assert.equal(f.kind, "contradicted");
  assert.match(f.message, /two years/);
});

test("dates: a wrong date of the same event is contradicted, the right one supported", () => {
  const text = "Maria Lopez was arrested on 14 January 2019.";
  const f = verdict(check(text), text, "14 January 2019")!;
  assert.equal(f.kind, "contradicted");
  assert.equal(f.code, "date.mismatch");
  assert.match(f.message, /^14 January 2019: the sources give 12 January 2019/);
  assert.equal(f.fixes[0]!.edits[0]!.newText, "12 January 2019");
});

test("quotes: exact up to typography, misquoted with the source's words, or not found", () => {
  const exact = `Joan Beck said: "we have lost everything we saved".`;
  assert.equal(verdict(check(exact), exact, "we have lost")?.kind, "supported");
  const wrong = `Joan Beck said: "we have lost all the money we saved".`;
  const f = verdict(check(wrong), wrong, "we have lost")!;
  assert.equal(f.kind, "misquoted");
  assert.match(f.message, /We have lost everything we saved/);
});

test("citations: a supported value offers a footnote that is not defined twice", () => {
  const text = "Maria Lopez was arrested on 12 January 2019.\n";
  const f = verdict(check(text), text, "12 January 2019")!;
  const cite = f.fixes.find((x) => x.kind === "cite")!;
  assert.equal(cite.edits[0]!.start, text.indexOf(".") + 1);
  assert.match(cite.edits[0]!.newText, /^\[\^[a-z0-9-]+\]$/);
  assert.match(cite.edits[1]!.newText, /\[\^[a-z0-9-]+\]: “Siblings sentenced in Marlow fraud case”, 12 June 2020, court\.txt\./);
  // Apply it: a second citation of the same source reuses the definition.
  let cited = text;
  for (const e of [...cite.edits].sort((a, b) => b.start - a.start)) cited = cited.slice(0, e.start) + e.newText + cited.slice(e.end);
  const again = verdict(checkDraft(story, "draft.md", cited).findings, cited, "12 January 2019")!;
  assert.equal(again.fixes.find((x) => x.kind === "cite")!.edits.length, 1);
});

test("unsupported: a name no source mentions is information, not an error", () => {
  const text = "Pieter Janssens, a neighbour, was not surprised.";
  const f = verdict(check(text), text, "Pieter Janssens")!;
  assert.equal(f.kind, "unsupported");
  assert.equal(f.severity, "information");
});

test("evidence: the value's place inside the quote is given, for showing it in bold", () => {
  const text = "Maria Lopez was arrested on 14 January 2019.";
  const f = verdict(check(text), text, "14 January 2019")!;
  const e = f.evidence[0]!;
  assert.equal(e.quote.slice(...e.highlight!), "12 January 2019");
  assert.equal(e.says, "12 January 2019");
});

test("re-checking after an edit gives what a fresh check gives, paragraph by paragraph", () => {
  const text = readFileSync(join(fixture, "draft-errors.md"), "utf8");
  checkDraft(harbour, "draft-errors.md", text);
  const edited = text.replace("four years in prison", "five years in prison");
  const incremental = checkDraft(harbour, "draft-errors.md", edited);
  const fresh = checkDraft(Corpus.fromFiles(readdirSync(join(fixture, "sources")).map((f) => ({ path: join(fixture, "sources", f), text: readFileSync(join(fixture, "sources", f), "utf8") }))), "draft-errors.md", edited);
  const strip = (r: { findings: Finding[] }) => r.findings.map((f) => [f.start, f.end, f.kind, f.code, f.message, f.fixes.map((x) => x.edits)]);
  assert.deepEqual(strip(incremental), strip(fresh));
  assert.equal(verdict(incremental.findings, edited, "five years")?.kind, "contradicted");
});

test("paragraphs: split at blank lines, front matter kept with what follows", async () => {
  const { paragraphs } = await import("../../src/engine/verify/check");
  const text = "---\ntitle: x\n\ndate: 2021-01-01\n---\nFirst.\n\nSecond one.\r\n\r\nThird.";
  assert.deepEqual(paragraphs(text).map(([a, b]) => text.slice(a, b)), ["---\ntitle: x\n\ndate: 2021-01-01\n---\nFirst.", "Second one.", "Third."]);
});

const fireDir = join(__dirname, "..", "fixtures", "fire");
const fire = Corpus.fromFiles(readdirSync(join(fireDir, "sources")).map((f) => ({ path: join(fireDir, "sources", f), text: readFileSync(join(fireDir, "sources", f), "utf8") })));

test("fire: a weekday in a dated article is the last such day, and a date of saying is not the event's", () => {
  const courier = fire.sources.find((s) => s.doc.meta.outlet === "Norbridge Courier")!;
  const saturday = courier.mentions.find((m) => m.text === "Saturday")!;
  assert.equal(saturday.value, "2023-04-01", "Saturday before Wednesday 5 April 2023");
  assert.equal(fire.conflicts.length, 0, "the ministry's Tuesday is not a second date of the fire");
  const text = "A fire at the Castell Textiles plant in Norbridge on 1 April 2023 has killed 16 people.";
  assert.equal(verdict(checkDraft(fire, "d.md", text).findings, text, "1 April 2023")?.kind, "supported");
});

test("fire: names with particles are one person; a company with no company word is still a company", () => {
  assert.equal(fire.entities.lookup("Elena de la Cruz")?.type, "person");
  assert.equal(fire.entities.lookup("Castell Textiles")?.type, "organization");
});

test("fire: the faithful draft has no red mark; the planted errors do", () => {
  const faithful = readFileSync(join(fireDir, "draft-faithful.md"), "utf8");
  assert.deepEqual(red(checkDraft(fire, "f.md", faithful).findings).map((f) => f.message), []);
  const errors = readFileSync(join(fireDir, "draft-errors.md"), "utf8");
  const fs = checkDraft(fire, "e.md", errors).findings;
  for (const [quote, kind] of [["$54,000", "contradicted"], ["Elena de la Crus", "misspelled"], ["Marcus Web", "misspelled"], ["72%", "contradicted"], ["12 April", "contradicted"], ["October 2022", "contradicted"], ["About 180 people", "supported"]] as const) {
    assert.equal(verdict(fs, errors, quote)?.kind, kind, quote);
  }
  // "employs 1,200 people" is not a count of the dead: no contradiction for "18 people".
  assert.notEqual(verdict(fs, errors, "18 people")?.kind, "contradicted");
});

test("a figure said of nobody, where the sources' figures are different people's: no red mark", () => {
  const text = "He was sentenced to four years.";
  const f = verdict(checkDraft(harbour, "d.md", text).findings, text, "four years")!;
  assert.equal(f.kind, "unsupported");
  assert.match(f.message, /each for someone else/);
});

test("dates: a source's full date also says its month and year; a month never says the day", () => {
  const at = (text: string, quote: string) => verdict(checkDraft(harbour, "d.md", text).findings, text, quote)?.kind;
  assert.equal(at("Tomasz Wielicki was sentenced in March 2021 to three years in prison.", "March 2021"), "supported");
  assert.equal(at("Tomasz Wielicki was sentenced in April 2021 to three years in prison.", "April 2021"), "contradicted");
  assert.equal(at("Tomasz Wielicki was sentenced in 2021.", "2021"), "supported");
  // The sources say the case was opened in June 2019, not on which day.
  assert.notEqual(at("The Anti-Corruption Bureau opened the case on 14 June 2019.", "14 June 2019"), "supported");
});

test("many sources that disagree: the message names the first few, says how many more, and offers as many fixes", () => {
  // Eight sources, eight different sentences for one man: more than a message can list.
  const sources = [2, 3, 4, 5, 6, 7, 8, 9].map((n, i) => ({ path: `/s/report-${i}.md`, text: `# Report ${i}\n\nA court in Shymkent sentenced the oil worker Amin Eleusinov to ${n} years in prison for embezzlement, his lawyer said.\n` }));
  const corpus = Corpus.fromFiles(sources);
  const named = (message: string) => (message.match(/ gives /g) ?? []).length;
  const wrong = "A court in Shymkent sentenced the oil worker Amin Eleusinov to 15 years in prison for embezzlement.";
  const f = verdict(checkDraft(corpus, "d.md", wrong).findings, wrong, "15 years")!;
  assert.equal(f.code, "figure.mismatch");
  assert.match(f.message, /^15 years: the sources give 8 different figures \(.*; and 3 other sources\)$/);
  assert.equal(named(f.message), 5);
  assert.equal(f.fixes.length, 5);
  // Six sources give the draft's figure, two another: both sides are among the sources named.
  const sides = Corpus.fromFiles([4, 4, 4, 4, 4, 4, 2, 3].map((n, i) => ({ path: `/s/report-${i}.md`, text: sources[0]!.text.replace("2 years", `${n} years`) })));
  const disputed = "A court in Shymkent sentenced the oil worker Amin Eleusinov to 4 years in prison for embezzlement.";
  const d = verdict(checkDraft(sides, "d.md", disputed).findings, disputed, "4 years")!;
  assert.equal(d.code, "figure.disputed");
  assert.equal(named(d.message), 5);
  assert.match(d.message, /; and 3 other sources$/);
  assert.match(d.message, /gives 4 years/);
  assert.match(d.message, /gives [23] years/);
});

test("a duration's fix is written as the draft writes it, in the unit the source counts in", () => {
  const corpus = Corpus.fromFiles([{ path: "a.txt", text: "Court sentences union leader\n\nOn 3 May 2019 the court in Valmora sentenced the union leader Pavel Hruby to five years in prison and a three-year ban on holding office.\n" }]);
  const fixesOf = (draft: string, quote: string) => {
    const f = verdict(checkDraft(corpus, "d.md", draft).findings, draft, quote)!;
    assert.equal(f.kind, "contradicted");
    return f.fixes.map((x) => x.edits[0]!.newText);
  };
  // Same unit: the draft's words and its spelt-out numbers.
  assert.deepEqual(fixesOf("On 3 May 2019 the court in Valmora sentenced Pavel Hruby to four years in prison.", "four years"), ["three years", "five years"]);
  // Another unit: the source's years, with the draft's digits, not "60 months".
  assert.deepEqual(fixesOf("On 3 May 2019 the court in Valmora sentenced Pavel Hruby to 50 months in prison.", "50 months"), ["3 years", "5 years"]);
});

test("a draft's year-less dates follow its latest full date as it is edited, checked again and again", () => {
  const yearOf = (draft: string) => checkDraft(harbour, "anchored.md", draft).mentions.find((m) => m.text === "5 June")?.value;
  const draft = (year: number) => `The port reopened on 3 May ${year}.\n\nThe strike ended on 5 June.\n`;
  assert.equal(yearOf(draft(2019)), "2019-06-05");
  assert.equal(yearOf(draft(2021)), "2021-06-05");
  assert.equal(yearOf(draft(2019)), "2019-06-05");
  // The same lines in another draft, and back: each draft's lines are its own.
  assert.equal(checkDraft(harbour, "other.md", draft(2015)).mentions.find((m) => m.text === "5 June")?.value, "2015-06-05");
  assert.equal(yearOf(draft(2021)), "2021-06-05");
});
