import { test } from "node:test";
import assert from "node:assert/strict";
import { MessageChannel, receiveMessageOnPort } from "node:worker_threads";
import { folderSummary, packSources, transferOf, unpackSources, type SourceSummary } from "../../src/extension/worker/packed-sources";

const list: SourceSummary[] = [
  { path: "/news/a.md", title: "Appeal heard\nin Astana", outlet: "Eurasianet", date: "28 September 2017", sentences: 12 },
  { path: "/news/b.txt", title: "", sentences: 0 },
  { path: "/news/ç ü.md", title: "Union leader “sentenced”", date: "7 April 2017", sentences: 3 },
  { path: "/news/d.md", title: "No date", outlet: "RFE/RL", sentences: 40 },
];

test("a folder's sources packed and unpacked are the sources sent, missing outlets and dates still missing", () => {
  assert.deepEqual(unpackSources(packSources(list)), list);
  assert.deepEqual(unpackSources(packSources([])), []);
  // Longer than one slice of code units turned into a string at a time (8,192).
  const many = Array.from({ length: 3000 }, (_, i) => ({ path: `/news/${i}.md`, title: `Report ${i} — “quoted” 𝄞`, sentences: i }));
  assert.deepEqual(unpackSources(packSources(many)), many);
});

test("packed sources cross a thread handed over, not copied", () => {
  const packed = packSources(list);
  const { port1, port2 } = new MessageChannel();
  port1.postMessage(packed, transferOf(packed));
  assert.equal(packed.text.length, 0, "the sender's arrays were handed over");
  const received = receiveMessageOnPort(port2)!.message;
  assert.deepEqual(unpackSources(received), list);
  port1.close();
});

test("a folder's summary counts its sources and unpacks them only when first read", () => {
  const summary = folderSummary({ sources: packSources(list), problems: [{ path: "/news/e.pdf", message: "binary" }] });
  assert.equal(summary.count, 4);
  assert.equal(summary.problems.length, 1);
  assert.equal(summary.sources, summary.sources, "unpacked once");
  assert.deepEqual(summary.sources.map((s) => s.path), list.map((s) => s.path));
});
