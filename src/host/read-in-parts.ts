// Part of a file read in parts at once, each part by a thread of libuv's pool. Copying a large
// file into memory costs mostly the first touch of that memory (some 13 µs a 4 KB page on these
// machines: the 122 MB index cache of 10,000 sources took 0.38-0.39 s in one read), and two
// threads touch it at once: 0.21-0.23 s.
import { read } from "node:fs";
import { availableParallelism } from "node:os";

/** Below this, a part is not worth a thread of its own. */
const SMALLEST_PART = 1 << 20;
const PAGE = 4096;

/**
 * The bytes of an open file from `from` to `to`, read in up to `parts` parts at once (by default
 * one per core, at most 4: libuv's pool).
 */
export async function readInParts(fd: number, from: number, to: number, parts = Math.min(4, availableParallelism())): Promise<Buffer> {
  // Of its own, not from Node's pool of small buffers: its start is aligned (see aligned-serialise).
  const bytes = Buffer.allocUnsafeSlow(to - from);
  const step = Math.max(SMALLEST_PART, Math.ceil((to - from) / Math.max(1, parts) / PAGE) * PAGE);
  const reads: Array<Promise<void>> = [];
  for (let at = 0; at < bytes.length; at += step) reads.push(readRange(fd, bytes, from, at, Math.min(bytes.length, at + step)));
  await Promise.all(reads);
  return bytes;
}

/** Fills `bytes` from `at` to `end` with the file's bytes from `from + at`. */
async function readRange(fd: number, bytes: Buffer, from: number, at: number, end: number): Promise<void> {
  while (at < end) {
    const bytesRead = await new Promise<number>((resolve, reject) => read(fd, bytes, at, end - at, from + at, (error, n) => (error ? reject(error) : resolve(n))));
    if (bytesRead === 0) throw new Error("the file was cut short while it was read");
    at += bytesRead;
  }
}
