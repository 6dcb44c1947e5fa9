// A map from words to values, looked up by where a word stands in a text (text, start, end): no
// string is made for a word already in the map. Scanning a corpus, the string made of each word
// only to look it up in a Map was much of the time of a scan, and of the collector's after it.
// Keys are compared by their UTF-16 code units, as a Map's string keys are.
import { doubled } from "./packed-ints";

export class SpanMap<V> {
  /** Entry index + 1 by slot (0: empty), open addressing; a power of two, never more than half full. */
  private slots = new Int32Array(1024);
  private hashes = new Int32Array(512);
  private readonly keys: string[] = [];
  private readonly values: V[] = [];

  /** With a limit, the map is emptied when full before a new word is added (see Remembered). */
  constructor(private readonly limit = Infinity) {}

  get size(): number {
    return this.keys.length;
  }

  /** The entry of text[start, end), or -1. */
  find(text: string, start: number, end: number): number {
    const hash = hashOf(text, start, end);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const e = this.slots[slot]! - 1;
      if (e < 0) return -1;
      if (this.hashes[e] === hash && sameWord(this.keys[e]!, text, start, end)) return e;
    }
  }

  /** The value of text[start, end), made from the word by `make` the first time it is asked for. */
  get(text: string, start: number, end: number, make: (word: string) => V): V {
    const e = this.find(text, start, end);
    if (e >= 0) return this.values[e]!;
    const word = text.slice(start, end);
    const value = make(word);
    if (this.keys.length >= this.limit) this.clear();
    this.add(word, value);
    return value;
  }

  /** Adds a word not in the map; returns its entry. */
  add(word: string, value: V): number {
    const e = this.keys.length;
    if ((e + 1) * 2 > this.slots.length) this.grow();
    if (e === this.hashes.length) this.hashes = doubled(this.hashes);
    const hash = hashOf(word, 0, word.length);
    this.keys.push(word);
    this.values.push(value);
    this.hashes[e] = hash;
    this.place(e, hash);
    return e;
  }

  key(entry: number): string {
    return this.keys[entry]!;
  }

  value(entry: number): V {
    return this.values[entry]!;
  }

  setValue(entry: number, value: V): void {
    this.values[entry] = value;
  }

  /** The words and their values, in the order added. */
  toMap(): Map<string, V> {
    return new Map(this.keys.map((k, e) => [k, this.values[e]!]));
  }

  clear(): void {
    this.keys.length = 0;
    this.values.length = 0;
    this.slots.fill(0);
  }

  private place(entry: number, hash: number): void {
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = entry + 1;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let e = 0; e < this.keys.length; e++) this.place(e, this.hashes[e]!);
  }
}

/** FNV-1a over the code units of text[start, end). */
function hashOf(text: string, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

function sameWord(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}
