// The extension's logic that needs no editor: settings of the wrong type, `.corroborate.json`
// files that are not what they should be, globs of the sources.
import { test } from "node:test";
import assert from "node:assert/strict";
import { DEFAULTS, validateSettings } from "../../src/extension/settings-schema";
import { parseProjectFile } from "../../src/extension/project-format";

test("settings: values of the wrong type are reported by name and replaced by the defaults", () => {
  const given: Record<string, unknown> = { sources: "sources/*.txt", languages: [], highlight: "yes", citationStyle: 42, debounceMs: -5 };
  const { settings, problems } = validateSettings((k) => given[k]);
  assert.deepEqual(settings, DEFAULTS);
  assert.equal(problems.length, 5);
  assert.match(problems[0]!, /^the setting corroborate\.sources should be a list of strings, not "sources\/\*\.txt"; using the default$/);
  assert.ok(problems.some((p) => p.includes('corroborate.citationStyle should be "footnote", "inline" or "pandoc", not 42')));
  assert.ok(problems.some((p) => p.includes("corroborate.debounceMs should be a number of milliseconds from 0 to 10000, not -5")));
});

test("settings: good values are kept, unset ones take the defaults without complaint", () => {
  const given: Record<string, unknown> = { sources: ["docs/**/*.md"], citationStyle: "pandoc", debounceMs: 0 };
  const { settings, problems } = validateSettings((k) => given[k]);
  assert.deepEqual(problems, []);
  assert.deepEqual(settings, { ...DEFAULTS, sources: ["docs/**/*.md"], citationStyle: "pandoc", debounceMs: 0 });
});

test(".corroborate.json: malformed files say what is wrong and read as empty", () => {
  assert.match(parseProjectFile("{ \"checked\": [ not json").broken!, /JSON/);
  assert.equal(parseProjectFile("[]").broken, "not a JSON object");
  assert.equal(parseProjectFile('{"knownSpellings": "Ana"}').broken, '"knownSpellings" must be a list of names');
  assert.equal(parseProjectFile('{"checked": {}}').broken, '"checked" must be a list');
  for (const bad of ["{", "[]", '{"checked": 1}']) assert.deepEqual(parseProjectFile(bad).file, { knownSpellings: [], checked: [] });
});

test(".corroborate.json: entries of the wrong shape are dropped, the rest kept", () => {
  const { file, broken } = parseProjectFile(JSON.stringify({ knownSpellings: ["Anna Petrescu", 3], checked: [{ code: "date.unsupported", text: "3 May 2019" }, { code: 1 }, null], extra: true }));
  assert.equal(broken, undefined);
  assert.deepEqual(file, { knownSpellings: ["Anna Petrescu"], checked: [{ code: "date.unsupported", text: "3 May 2019" }] });
});
