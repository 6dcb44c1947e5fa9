// A whole file read in parts at once, each part by a thread of libuv's pool. Copying a large file
// into memory costs mostly the first touch of that memory (some 13 µs a 4 KB page on these
// machines: the 122 MB index cache of 10,000 sources took 0.38-0.39 s in one read), and two
// threads touch it at once: 0.21-0.23 s.
import { open, type FileHandle } from "node:fs/promises";
import { availableParallelism } from "node:os";

/** Below this, a part is not worth a thread of its own. */
const SMALLEST_PART = 1 << 20;
const PAGE = 4096;

/** The file's bytes, read in up to `parts` parts at once (by default one per core, at most 4: libuv's pool). */
export async function readInParts(path: string, parts = Math.min(4, availableParallelism())): Promise<Buffer> {
  const file = await open(path, "r");
  try {
    const { size } = await file.stat();
    // Of its own, not from Node's pool of small buffers: its start is aligned (see aligned-serialise).
    const bytes = Buffer.allocUnsafeSlow(size);
    const step = Math.max(SMALLEST_PART, Math.ceil(size / Math.max(1, parts) / PAGE) * PAGE);
    const reads: Array<Promise<void>> = [];
    for (let from = 0; from < size; from += step) reads.push(readRange(file, bytes, from, Math.min(size, from + step)));
    await Promise.all(reads);
    return bytes;
  } finally {
    await file.close();
  }
}

async function readRange(file: FileHandle, bytes: Buffer, from: number, to: number): Promise<void> {
  while (from < to) {
    const { bytesRead } = await file.read(bytes, from, to - from, from);
    if (bytesRead === 0) throw new Error("the file was cut short while it was read");
    from += bytesRead;
  }
}
