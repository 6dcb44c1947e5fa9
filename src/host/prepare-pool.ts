// A pool of worker threads that read sources into prepared documents, so that indexing uses
// every core: reading a source depends on that file alone (see engine/source-set readSource).
// Node only; the CLI, the benchmark and the extension's engine worker use it.
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { Worker } from "node:worker_threads";
import { readSource, type SourceReading } from "../engine/source-set";

interface Job {
  path: string;
  bytes: Uint8Array;
  resolve: (r: SourceReading) => void;
  reject: (e: Error) => void;
  /** Was in a batch a thread died on: sent alone from then on, so that it is known whether it was the one. */
  alone?: boolean;
}

interface Slot {
  worker: Worker;
  /** Batches sent and not yet answered, in the order sent (a worker answers in that order). */
  batches: Job[][];
  /** Failed or stopped: its answers, if any come, are not taken. */
  dead?: boolean;
}

/**
 * Files sent to a worker in one message, read together (see engine/source-set readSources): each
 * step of reading runs over all of them before the next, in the processor's caches, and the
 * answers cross in one message.
 */
const BATCH = 16;
/**
 * Batches sent to a worker ahead of its answers: the next is there when it finishes one, so that
 * it does not wait for this thread (busy, or not given a core) to take the answer and send another.
 */
const IN_FLIGHT = 2;

/** Files to read at once so that every worker is kept busy: what a pool of `threads` has in flight. */
export function readAhead(threads: number): number {
  return threads * BATCH * IN_FLIGHT;
}

export class PreparePool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private closed = false;
  /** A worker could not start (its script missing?): everything is read by the fallback instead. */
  private broken = false;
  /** A worker has answered: the script runs, and a worker that dies later died on what it was given. */
  private anyStarted = false;

  /** `script` is the bundled prepare worker (dist/prepare-worker.js). */
  constructor(script = workerScript(), size = defaultSize()) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn(script));
  }

  /** How many threads read (0: none could start, and the files are read in this thread). */
  get threads(): number {
    return this.broken ? 0 : this.slots.length;
  }

  read = (path: string, bytes: Uint8Array): Promise<SourceReading> =>
    new Promise((resolve, reject) => {
      if (this.closed) return reject(new Error("the reading pool is closed"));
      this.queue.push({ path, bytes, resolve, reject });
      this.pump();
    });

  /** Stops the threads; files still waiting or being read fail (none do when every read was awaited). */
  async close(): Promise<void> {
    this.closed = true;
    const stopped = new Error("the reading pool is closed");
    for (const job of [...this.queue.splice(0), ...this.slots.flatMap((s) => s.batches.splice(0).flat())]) job.reject(stopped);
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(script: string): Slot {
    const slot: Slot = { worker: new Worker(script), batches: [] };
    slot.worker.unref(); // an idle pool does not keep the process alive
    slot.worker.on("message", (readings: SourceReading[]) => {
      if (slot.dead) return; // what a thread said before it was found dead: its files went elsewhere
      this.anyStarted = true;
      slot.batches.shift()?.forEach((job, i) => job.resolve(readings[i]!));
      this.pump();
      if (!slot.batches.length) slot.worker.unref();
    });
    slot.worker.on("error", (error) => this.died(slot, script, error));
    slot.worker.on("exit", (code) => this.died(slot, script, new Error(`the reading thread stopped (exit code ${code})`)));
    return slot;
  }

  /** A thread that failed (an error, or it stopped while not asked to): once per thread. */
  private died(slot: Slot, script: string, error: Error): void {
    if (slot.dead || this.closed) return;
    slot.dead = true;
    if (!this.anyStarted) {
      // No worker has started: none will. What it had, and what waits, is read here.
      // (A fresh worker that dies on the first file it is given, once others have answered, died on that file.)
      this.broken = true;
      this.queue.unshift(...slot.batches.splice(0).flat());
      this.pump();
      return;
    }
    // A worker that dies fails the file it was reading, not the whole load: of a batch, each file
    // is sent again alone, and the one it dies on alone fails. The files sent after it go back to
    // the queue, and a fresh worker takes its place.
    const reading = slot.batches.shift() ?? [];
    if (reading.length === 1) reading[0]!.reject(error);
    else for (const job of reading) job.alone = true;
    this.queue.unshift(...(reading.length === 1 ? [] : reading), ...slot.batches.splice(0).flat());
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots[i] = this.spawn(script);
    this.pump();
  }

  private pump(): void {
    if (this.broken) {
      for (const job of this.queue.splice(0)) {
        try {
          job.resolve(readSource(job.path, job.bytes));
        } catch (error) {
          job.reject(error as Error);
        }
      }
      return;
    }
    // Each worker in turn is given one more batch, so that the files are spread evenly. A worker
    // with a batch still to read is given only a whole one: the rest wait for more to join them.
    for (let depth = 1; depth <= IN_FLIGHT; depth++) {
      for (const slot of this.slots) {
        if (slot.batches.length >= depth || !this.queue.length) continue;
        if (slot.batches.length && this.queue.length < BATCH && !this.queue[0]!.alone) continue;
        const batch = this.queue[0]!.alone ? this.queue.splice(0, 1) : this.takeBatch();
        slot.batches.push(batch);
        // Held open while it reads: a fresh thread (one that took a dead one's place) does not
        // keep the process alive by itself, and the reads waiting for it would never be answered.
        slot.worker.ref();
        // The bytes are copied once into buffers of their own and handed over, not copied again.
        const files = batch.map((job) => ({ path: job.path, bytes: new Uint8Array(job.bytes) }));
        slot.worker.postMessage({ files }, files.map((f) => f.bytes.buffer));
      }
    }
  }

  /** Up to BATCH files from the front of the queue, up to the first to be sent alone. */
  private takeBatch(): Job[] {
    let n = 0;
    while (n < BATCH && n < this.queue.length && !this.queue[n]!.alone) n++;
    return this.queue.splice(0, n);
  }
}

/**
 * Beside this bundle (dist/), or, when run from the sources (tests, the benchmark), in the built
 * dist/. From __filename: when the sources are run through tsx, __dirname is not this folder.
 */
export function workerScript(): string {
  const here = dirname(__filename);
  const beside = join(here, "prepare-worker.js");
  return existsSync(beside) ? beside : join(here, "../../dist/prepare-worker.js");
}

/** One worker per core; on one core a pool gains nothing, and reading stays in this thread. */
export function defaultSize(): number {
  return Math.max(1, Math.min(availableParallelism(), 8));
}

/** Whether a pool is worth starting for this many files (a worker takes some 30 ms to start). */
export function worthPooling(files: number): boolean {
  return files >= 64;
}
