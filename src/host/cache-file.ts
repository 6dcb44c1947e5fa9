// The index cache's file: a head of 16 bytes, the cache's data (see aligned-serialise), then the
// sources' texts, one run of Latin-1 bytes. Loading reads the data; a text is read from the file
// (kept open meanwhile) when first asked for. At the benchmark's 10,000 sources the texts are 39
// of the file's 111 MB, and what costs in reading a file is the first touch of the memory it goes
// to (111 MB: 0.32-0.36 s to touch, 0.08 s to read into memory touched before). Read with the
// rest, the texts were in memory whether asked for or not; apart, the editor's worker was ready in
// 1.03-1.09 s against 1.20-1.29 s (four alternating pairs of runs), the CLI in 0.66-0.69 s against
// 0.73-0.76 s with 204-207 MB of memory against 243-245 MB (three), and the first check took
// about as long (1.29-1.40 s against 1.32-1.33 s: it reads three in four of the texts, each made
// a string of its own either way).
//
// Head: "CRT1", four zero bytes, the data's length in bytes (a float64, little-endian).
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { join } from "node:path";
import { readInParts } from "./read-in-parts";
import type { TextBytes } from "./persisted-docs";

/** The cache file of a cache folder. */
export const cacheFileIn = (dir: string) => join(dir, "corroborate-index.v8");

const MAGIC = "CRT1";
const HEAD = 16;
/** The first bytes of the files of older formats: a plain v8 serialisation (format 8 and before), the data alone (9 to 12). */
const OLDER = [Buffer.of(0xff), Buffer.from("CRB1", "latin1")];

/** A cache file's parts, to be written one after another: the head, the data's parts, the texts. */
export function cacheFileParts(data: readonly Uint8Array[], texts: Uint8Array): Uint8Array[] {
  const head = Buffer.alloc(HEAD);
  head.write(MAGIC, 0, "latin1");
  head.writeDoubleLE(data.reduce((n, part) => n + part.length, 0), 8);
  return [head, ...data, texts];
}

/** A whole cache file's data and texts, apart (for tests and tools: `openCacheFile` reads a file as it loads). */
export function cacheFileSplit(bytes: Buffer): { data: Buffer; texts: Buffer } {
  const dataEnd = HEAD + dataLength(bytes.subarray(0, HEAD), bytes.length);
  return { data: Buffer.from(bytes.subarray(HEAD, dataEnd)), texts: bytes.subarray(dataEnd) };
}

export type OpenedCacheFile = { data: Buffer; texts: TextsInFile } | "older format";

/**
 * How a cache file's data is read: whole in this thread; at once in parts by libuv's threads
 * (see read-in-parts); or whole by one of them, while this thread does something else.
 */
export type CacheRead = "in this thread" | "in parts" | "off this thread";

/**
 * The cache file's data, read as `read` says, and its texts, read when asked for. Undefined when
 * there is no file; throws when it is not a cache file or is cut short.
 */
export async function openCacheFile(path: string, read: CacheRead): Promise<OpenedCacheFile | undefined> {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch {
    return undefined; // no cache yet
  }
  let texts: TextsInFile | undefined;
  try {
    const { size } = fstatSync(fd);
    const head = Buffer.alloc(HEAD);
    readFully(fd, head, 0, Math.min(HEAD, size), 0);
    if (OLDER.some((start) => head.subarray(0, start.length).equals(start))) return "older format";
    const length = dataLength(head, size);
    const data = read === "in this thread" ? readFully(fd, Buffer.allocUnsafeSlow(length), 0, length, HEAD) : await readInParts(fd, HEAD, HEAD + length, read === "in parts" ? undefined : 1);
    texts = new TextsInFile(path, fd, HEAD + length, size - HEAD - length);
    return { data, texts };
  } finally {
    if (!texts) closeSync(fd);
  }
}

function dataLength(head: Buffer, size: number): number {
  if (head.length < HEAD || head.toString("latin1", 0, 4) !== MAGIC) throw new Error("not a Corroborate cache file");
  const length = head.readDoubleLE(8);
  if (!Number.isSafeInteger(length) || length < 0 || HEAD + length > size) throw new Error("damaged: cut short");
  return length;
}

/** Reads the file's bytes from `position` into `bytes` from `at` to `end`; throws if the file ends first. */
function readFully(fd: number, bytes: Buffer, at: number, end: number, position: number): Buffer {
  for (let done = 0; at + done < end; ) {
    const n = readSync(fd, bytes, at + done, end - at - done, position + done);
    if (n === 0) throw new Error("damaged: cut short");
    done += n;
  }
  return bytes;
}

/** The file a cache's texts are read from, closed once nothing can ask for them any more. */
const closeWhenGone = new FinalizationRegistry<number>((fd) => closeSync(fd));
/** The texts of this thread read from a file still open (see `letGoOf`). */
const open = new Set<WeakRef<TextsInFile>>();

/**
 * The texts of this thread still read from the file taken into memory, and the file closed:
 * before the file is replaced (a file open cannot be on Windows). The documents made from it keep
 * their texts; a folder opened twice (its sources read again) has had it opened twice.
 */
export function letGoOf(path: string): void {
  for (const ref of open) {
    const texts = ref.deref();
    if (!texts) open.delete(ref); // collected, its file closed by the registry
    else if (texts.path === path) texts.detach();
  }
}
/** Where texts are read to before they are made strings: grown as needed, touched once. */
let scratch = Buffer.allocUnsafeSlow(1 << 16);

/** The cache's texts, read from its file when asked for. */
export class TextsInFile implements TextBytes {
  private fd: number | undefined;
  /** The texts, once taken into memory (see `detach`). */
  private held: Buffer | undefined;
  private readonly ref = new WeakRef(this);

  constructor(
    readonly path: string,
    fd: number,
    private readonly at: number,
    readonly length: number,
  ) {
    this.fd = fd;
    closeWhenGone.register(this, fd, this);
    open.add(this.ref);
  }

  latin1(start: number, end: number): string {
    if (start < 0 || end > this.length || start > end) throw new RangeError(`no text at ${start}-${end} of the ${this.length} bytes of texts in the index cache ${this.path}`);
    if (this.held) return this.held.toString("latin1", start, end);
    if (this.fd === undefined) throw new Error(`the index cache ${this.path} was closed before a source's text was read from it`);
    if (scratch.length < end - start) scratch = Buffer.allocUnsafeSlow(Math.max(end - start, 2 * scratch.length));
    try {
      return readFully(this.fd, scratch, 0, end - start, this.at + start).toString("latin1", 0, end - start);
    } catch (error) {
      // Written whole and renamed, the file is never cut in place by this program: another one did it.
      throw new Error(`a source's text could not be read from the index cache ${this.path}: ${(error as Error).message} (remove the file to have it rebuilt)`);
    }
  }

  /** The texts taken into memory and the file closed (see `letGoOf`). */
  detach(): void {
    if (this.fd === undefined) return;
    this.held = readFully(this.fd, Buffer.allocUnsafeSlow(this.length), 0, this.length, this.at);
    this.close();
  }

  /** The file closed; texts not read yet cannot be any more. */
  close(): void {
    if (this.fd === undefined) return;
    closeWhenGone.unregister(this);
    open.delete(this.ref);
    closeSync(this.fd);
    this.fd = undefined;
  }
}
