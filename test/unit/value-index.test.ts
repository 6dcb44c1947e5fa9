import { test } from "node:test";
import assert from "node:assert/strict";
import { ValueIndex, keysOf } from "../../src/engine/index/value-index";
import { Idf } from "../../src/engine/index/similarity";
import type { ValueContext } from "../../src/engine/extract/context";

interface Rec {
  source: number;
  version: number;
  context: ValueContext;
}

const context = (local: string[]): ValueContext => ({ local, weights: { classes: [...local].sort(), steps: "\u0014".repeat(local.length) }, head: [], entities: [], persons: [] });

function indexOf(records: Rec[]): ValueIndex<Rec> {
  const index = new ValueIndex<Rec>((id) => records[id]!, (id) => records[id]!.source);
  for (const r of records) index.add(keysOf(r.context), r.source);
  return index;
}

test("a changed source's records, added last, are found where a fresh index finds them (a look-up takes only so many into view)", () => {
  // More records share the key than a look-up takes into view: which it takes depends on their order.
  const records: Rec[] = Array.from({ length: 4000 }, (_, source) => ({ source, version: 0, context: context(["appeal", `w${source % 7}`]) }));
  const index = indexOf(records);
  // Source 5 changes: its record is removed and its new one added with the next id.
  index.remove(5, 6);
  const changed: Rec = { source: 5, version: 1, context: { ...context(["appeal", "w5"]), entities: ["person:a"], persons: ["person:a"] } };
  records.push(changed);
  index.add(keysOf(changed.context), 5);

  const fresh = records.filter((r) => r !== records[5]).sort((a, b) => a.source - b.source);
  const freshIndex = indexOf(fresh);
  const asked = context(["appeal"]);
  const got = index.candidates(asked, new Idf(), 10).map((r) => `${r.source}.${r.version}`);
  assert.deepEqual(got, freshIndex.candidates(asked, new Idf(), 10).map((r) => `${r.source}.${r.version}`));
  assert.ok(got.includes("5.1"), "the changed source's new record is among them");
  // A key said twice by one record (an entity that is also the person) counts once, as in a fresh index.
  const person = { ...context([]), entities: ["person:a"] };
  assert.deepEqual(index.candidates(person, new Idf(), 5).map((r) => r.source), [5]);
  assert.deepEqual(index.toData({ id: (id) => (id === 5 ? -1 : id), size: 4001 })!.postings.counts.at(-1), 1);
});
