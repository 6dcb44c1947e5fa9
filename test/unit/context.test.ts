import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { Corpus } from "../../src/engine/index/corpus";
import { compactWeights, lemmaClass, sentenceWeights, weightAt, weightsOf, type ValueContext } from "../../src/engine/extract/context";

function contextsOf(text: string): Array<{ value: string; context: ValueContext }> {
  const corpus = Corpus.fromFiles([{ path: "a.txt", text }]);
  return [...corpus.sources[0]!.contexts].map(([m, context]) => ({ value: m.text, context }));
}

test("a value's own words start after the value before it: the third of three sentences is the third person's", () => {
  const found = contextsOf("The court jailed Smith for two years, fined Jones for three years and banned Brown for four years.\n");
  const four = found.find((f) => f.value.startsWith("four"))!;
  assert.ok(four, "the third value is found");
  assert.ok(four.context.local.includes(lemmaClass("banned")!), `"banned" is the third value's: ${four.context.local}`);
  assert.ok(!four.context.local.includes(lemmaClass("fined")!), `"fined" is the second value's: ${four.context.local}`);
});

test("every value's weights are sorted, hold each class of its sentence, clause and head once, and weigh most next to the value", () => {
  const dir = join(__dirname, "..", "fixtures", "harbour", "sources");
  const texts = readdirSync(dir).sort().map((f) => readFileSync(join(dir, f), "utf8"));
  let contexts = 0;
  for (const text of texts) {
    for (const { context } of contextsOf(text)) {
      contexts++;
      const weights = weightsOf(context);
      const { classes } = weights;
      for (let i = 1; i < classes.length; i++) assert.ok(classes[i - 1]! < classes[i]!, `sorted and each once: ${classes[i - 1]} before ${classes[i]}`);
      for (const c of [...context.local, ...context.head]) assert.ok(classes.includes(c), `${c} is weighed`);
      for (const c of context.head) assert.ok(weightAt(weights, classes.indexOf(c)) >= 0.25, `the head ${c} weighs as the value's own`);
    }
  }
  assert.ok(contexts > 20, `${contexts} contexts`);
});

test("a value's weights: its sentence's classes sorted once, its own merged in, in the order a full sort gives, each at its highest weight", () => {
  const shared = sentenceWeights(["delta", "bravo", "former"], ["bravo", "hotel"]);
  // The value's own weights, as its clause (0.5) and the words next to it (1) give them.
  const own = new Map([["charlie", 0.5], ["alpha", 1], ["hotel", 1], ["zulu", 1]]);
  const weights = compactWeights(shared, own);
  assert.deepEqual(weights.classes, ["alpha", "bravo", "charlie", "delta", "former", "hotel", "zulu"]);
  const by = Object.fromEntries(weights.classes.map((c, i) => [c, weightAt(weights, i)]));
  // The sentence before weighs 0.1, the sentence 0.2; a class weighed twice keeps the higher.
  assert.deepEqual(by, { alpha: 1, bravo: 0.2, charlie: 0.5, delta: 0.1, former: 0.1, hotel: 1, zulu: 1 });
});
