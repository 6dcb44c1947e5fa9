import { test } from "node:test";
import assert from "node:assert/strict";
import { tokenize } from "../../src/engine/extract/tokens";
import { forEachLetterWord } from "../../src/engine/extract/chars";
import { findDates, findDatesInSpans, isoDate, placeYear, type DateAnchor, type DateNotes } from "../../src/engine/extract/dates";
import { prepareDocument } from "../../src/engine/ingest/document";
import { findTerms } from "../../src/engine/extract/terms";
import { findNameCandidates } from "../../src/engine/extract/names";
import { findQuotes } from "../../src/engine/extract/quotes";

const anchor: DateAnchor = { year: 2022, month: 5, day: 4, published: true };
const dates = (s: string, a: DateAnchor | undefined = anchor) => findDates(s, 0, s.length, a).map((d) => ({ text: s.slice(d.start, d.end), ...d.value }));
const terms = (s: string) => findTerms(s, 0, s.length).map((t) => ({ text: s.slice(t.start, t.end), ...t.value }));

test("dates: full, partial, dotted and year forms, with their precision", () => {
  assert.deepEqual(dates("The board met on 3 March 2021 and again on April 9, 2021."), [
    { text: "3 March 2021", year: 2021, month: 3, day: 3, precision: "day" },
    { text: "April 9, 2021", year: 2021, month: 4, day: 9, precision: "day" },
  ]);
  assert.deepEqual(dates("Filed 02.03.2021, heard Sept. 14, 2021."), [
    { text: "02.03.2021", year: 2021, month: 3, day: 2, precision: "day" },
    { text: "Sept. 14, 2021", year: 2021, month: 9, day: 14, precision: "day" },
  ]);
  assert.deepEqual(dates("It was founded in March 2018 and renamed in 2015."), [
    { text: "March 2018", year: 2018, month: 3, precision: "month" },
    { text: "2015", year: 2015, precision: "year" },
  ]);
});

test("dates: year-less and relative dates are read against the document's date, never after it", () => {
  // Published 4 May 2022: "December 12" is last December, not next.
  assert.deepEqual(dates("On December 12 the port closed."), [{ text: "December 12", year: 2021, month: 12, day: 12, precision: "day", yearInferred: true }]);
  assert.deepEqual(dates("On 2 May the port reopened."), [{ text: "2 May", year: 2022, month: 5, day: 2, precision: "day", yearInferred: true }]);
  assert.equal(dates("Talks resumed last month.")[0]?.month, 4);
  // An anchor inferred from the text (not a publication date) allows the nearest year, forward too.
  assert.equal(placeYear(1, 9, { year: 2016, month: 12, day: 28, published: false }), 2017);
});

test("dates: 'march', 'may', 'august' and 'mar' in lower case are words, not months, unless beside a day or a year", () => {
  const found = (s: string) => dates(s).map((d) => d.text);
  assert.deepEqual(found("The march began peacefully and they may march again."), []);
  assert.deepEqual(found("An august body met in August; the march on 1 May went ahead."), ["August", "1 May"]);
  assert.deepEqual(found("Nothing will mar the talks in March."), ["March"]);
  // Written in lower case beside a number, they are still dates.
  assert.deepEqual(found("Filed on 28 may 2017, heard on may 30 and on the 5th march."), ["28 may 2017", "may 30", "5th march"]);
});

test("dates: read without an anchor, a relative date is left out and noted, so that the sentence is read again with one", () => {
  const noted = (s: string) => {
    const notes = { relative: false };
    return { found: findDates(s, 0, s.length, undefined, notes).map((d) => s.slice(d.start, d.end)), relative: notes.relative };
  };
  assert.deepEqual(noted("The port closed on Tuesday."), { found: [], relative: true });
  assert.deepEqual(noted("Talks resumed last month, on 3 March 2021."), { found: ["3 March 2021"], relative: true });
  // "This", "last" and "next" in other senses are no relative date: nothing to read again.
  assert.deepEqual(noted("This case was the last of its kind on 3 March 2021."), { found: ["3 March 2021"], relative: false });
  assert.deepEqual(noted("He may appeal."), { found: [], relative: false });
});

test("dates: many sentences read in one batch give what each gives alone, and a second reading re-parses only what the anchor changes", () => {
  const text = "The appeal was heard on 28 September. It was adjourned to 30 September. The port closed on Tuesday. Talks began on 29 February. He left in 2015.";
  const spans = [...text.matchAll(/[^.]+\./g)].map((m) => [m.index, m.index + m[0].length] as const);
  const show = (hits: ReturnType<typeof findDates>) => hits.map((d) => [text.slice(d.start, d.end), isoDate(d.value)]);
  const notes: DateNotes[] = spans.map(() => ({ relative: false }));
  const batch = findDatesInSpans(text, spans, undefined, notes);
  assert.deepEqual(batch.map(show), spans.map(([a, b]) => show(findDates(text, a, b))));
  assert.deepEqual(batch.map(show), [[["28 September", "--09-28"]], [["30 September", "--09-30"]], [], [["29 February", "--02-29"]], [["2015", "2015"]]]);
  assert.deepEqual(notes.map((n) => n.relative), [false, false, true, false, false]);
  // Anchored, with the first reading's notes: "Tuesday" is read against 4 May 2022, not the
  // first reading's reference date, and 29 February (no such day in 2022) as chrono reads it then.
  const again = findDatesInSpans(text, spans, anchor, notes);
  assert.deepEqual(again.map(show), spans.map(([a, b]) => show(findDates(text, a, b, anchor))));
  assert.deepEqual(show(again[2]!), [["Tuesday", "2022-05-03"]]);
  assert.deepEqual(show(again[0]!), [["28 September", "2021-09-28"]]);
  // Notes of other spans are not taken for these: each span is read afresh.
  const shifted = [spans[1]!, spans[0]!];
  assert.deepEqual(findDatesInSpans(text, shifted, anchor, notes.slice(0, 2)).map(show), shifted.map(([a, b]) => show(findDates(text, a, b, anchor))));
});

test("documents: relative dates are placed by the document's own date", () => {
  const doc = prepareDocument("a.txt", "Dock strike\n\n4 May 2022\n\nThe port closed on Tuesday. This strike was the last of its kind.\n");
  assert.deepEqual(doc.dates.map((d) => [doc.prose.slice(d.start, d.end), isoDate(d.value)]), [["4 May 2022", "2022-05-04"], ["Tuesday", "2022-05-03"]]);
});

test("dates: durations, 'now' and 'night' are not dates", () => {
  assert.deepEqual(dates("He served for five years and now works at night."), []);
});

test("terms: sentence terms and durations in their written forms", () => {
  const t = terms("She got four years, a five-year ban, 100 hours of community work and a two-and-a-half-year prison term.");
  assert.deepEqual(t.map((x) => [x.text, x.amount / 8766, x.head ?? null]), [
    ["four years", 4, null],
    ["five-year ban", 5, "ban"],
    ["100 hours", 100 / 8766, "community work"],
    ["two-and-a-half-year prison term", 2.5, "prison term"],
  ]);
  assert.equal(terms("He was jailed for two and a half years.")[0]!.amount, 2.5 * 8766);
  assert.equal(terms("a 5-year ban")[0]!.amount, 5 * 8766);
});

test("terms: coordinated numbers share the unit ('two and three years')", () => {
  const t = terms("They were sentenced to two and three-and-a-half years respectively.");
  assert.deepEqual(t.map((x) => [x.text, x.amount / 8766]), [["two", 2], ["three-and-a-half years", 3.5]]);
});

test("terms: money in its forms, with currency", () => {
  const t = terms("fines of €75,000, 1.2 million euros, EUR 500 and $3 billion");
  assert.deepEqual(t.map((x) => [x.kind, x.unit, x.amount]), [
    ["money", "EUR", 75000], ["money", "EUR", 1_200_000], ["money", "EUR", 500], ["money", "USD", 3_000_000_000],
  ]);
  assert.equal(terms("paid 75,000 Euros")[0]!.display, "EUR 75,000");
});

test("terms: counts keep their qualifiers and what they count", () => {
  const t = terms("Some 300 dockers, over 6,000 signatures, more than 25 refusals and dozens of protesters.");
  assert.deepEqual(t.map((x) => [x.amount, x.unit, x.qualifier]), [
    [300, "docker", "about"], [6000, "signature", "over"], [25, "refusal", "over"], [24, "protester", "many"],
  ]);
});

test("terms: numbers of laws, conventions and years are not counts", () => {
  assert.deepEqual(terms("Convention No 87 and Article 12 apply since 2019 in full."), []);
});

test("names: runs of capitalised words, organisations joined across 'of'", () => {
  const s = "Yes, Ms Adaeze Okafor of the Federation of Port Workers of Nigeria met Tomás Ruiz.";
  const names = findNameCandidates(s, 0, s.length).map((n) => n.text);
  assert.deepEqual(names, ["Adaeze Okafor", "Federation of Port Workers of Nigeria", "Tomás Ruiz"]);
  const okafor = findNameCandidates(s, 0, s.length)[0]!;
  assert.ok(okafor.honorific && okafor.clues.person > okafor.clues.organization);
});

test("names: a possessive ends a name and titles are not part of it", () => {
  const s = "The union's President Ruth Adeyemi visited Nigeria's Port Authority.";
  assert.deepEqual(findNameCandidates(s, 0, s.length).map((n) => n.text), ["Ruth Adeyemi", "Nigeria", "Port Authority"]);
});

test("quotes: curly and straight quotation marks, not apostrophes", () => {
  const s = `He said “we will not stop” and 'it’s over' and "enough is enough".`;
  assert.deepEqual(findQuotes(s).map((q) => q.text), ["we will not stop", "enough is enough"]);
});

test("terms: percentages, and ages that are never durations", () => {
  const t = terms("Turnout was 45% and then 47.5 per cent; a 52-year-old driver got four years.");
  assert.deepEqual(t.map((x) => [x.text, x.kind, x.unit, x.amount]), [
    ["45%", "count", "percent", 45], ["47.5 per cent", "count", "percent", 47.5], ["52-year-old", "count", "age", 52], ["four years", "duration", "hour", 4 * 8766],
  ]);
});

test("tokens: offsets into the whole text, stopping at the end of the range even inside a word or number", () => {
  const text = "Fined 75,000 euros; the workers' union said. Next";
  const all = tokenize(text);
  assert.deepEqual(all.map((t) => t.text), ["Fined", "75,000", "euros", "the", "workers'", "union", "said", "Next"]);
  assert.deepEqual(all.map((t) => t.before), ["", " ", " ", ";", " ", " ", " ", "."]);
  const part = tokenize(text, 6, 10); // "75,0"
  assert.deepEqual(part.map((t) => [t.text, t.start, t.end]), [["75", 6, 8], ["0", 9, 10]]);
  const words: string[] = [];
  forEachLetterWord(text, 0, 41, (s, e) => words.push(text.slice(s, e)));
  assert.deepEqual(words, ["Fined", "euros", "the", "workers'", "union", "sa"], "the letter tokens alone, the last cut at the range's end");
});
