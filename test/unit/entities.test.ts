import { test } from "node:test";
import assert from "node:assert/strict";
import { Corpus } from "../../src/engine/index/corpus";

const corpus = Corpus.fromFiles([
  {
    path: "a.txt",
    text: "Union pressure grows in Riverton\n\n" +
      "The National Federation of Dock Workers of Riverton (NFDW or FNTD) called a strike on Monday. " +
      "Its leader, Ms Ilse Vanderbeek, said the strike would go on. Vanderbeek spoke in the city of Riverton.\n\n" +
      "The Harbour Employers Association, known by its local acronym HWV, refused to comment.\n",
  },
  {
    path: "b.txt",
    text: "Dock strike enters second week\n\n" +
      "Strike leader Ilse Vanderbeck told reporters the FNTD would not back down. The HWV said talks had failed. " +
      "Dockers from Ørsted Quay joined; Olaf Ørsted, a crane driver, said he was proud. Orsted added that pay was low.\n",
  },
]);

test("entities: acronyms defined in the text join their organisation", () => {
  const nfdw = corpus.entities.lookup("NFDW");
  assert.equal(nfdw?.type, "organization");
  assert.equal(corpus.entities.lookup("FNTD"), nfdw);
  assert.equal(corpus.entities.lookup("National Federation of Dock Workers of Riverton"), nfdw);
  const hwv = corpus.entities.lookup("HWV");
  assert.equal(hwv, corpus.entities.lookup("Harbour Employers Association"));
});

test("entities: surnames, honorifics and spellings within a small distance are one person", () => {
  const ilse = corpus.entities.lookup("Ilse Vanderbeek");
  assert.equal(ilse?.type, "person");
  assert.equal(corpus.entities.lookup("Vanderbeek"), ilse);
  assert.equal(corpus.entities.lookup("Ilse Vanderbeck"), ilse, "a source's own variant spelling is the same person");
});

test("entities: diacritics fold, and places are told by their context", () => {
  const olaf = corpus.entities.lookup("Olaf Orsted");
  assert.equal(olaf?.type, "person");
  assert.equal(corpus.entities.lookup("Orsted"), olaf);
  assert.equal(corpus.entities.lookup("Riverton")?.type, "place");
});
