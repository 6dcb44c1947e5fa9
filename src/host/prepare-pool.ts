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
}

interface Slot {
  worker: Worker;
  /** Sent and not yet answered, in the order sent (a worker answers in that order). */
  jobs: Job[];
  /** Has answered once: it started. */
  started?: boolean;
  /** Failed or stopped: its answers, if any come, are not taken. */
  dead?: boolean;
}

/**
 * Files sent to a worker ahead of its answers: the next is there when it finishes one, so that it
 * does not wait for this thread (busy, or not given a core) to take the answer and send another.
 */
const IN_FLIGHT = 4;

export class PreparePool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private closed = false;
  /** A worker could not start (its script missing?): everything is read by the fallback instead. */
  private broken = false;

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
    for (const job of [...this.queue.splice(0), ...this.slots.flatMap((s) => s.jobs.splice(0))]) job.reject(stopped);
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(script: string): Slot {
    const slot: Slot = { worker: new Worker(script), jobs: [] };
    slot.worker.unref();
    slot.worker.on("message", (reading: SourceReading) => {
      if (slot.dead) return; // what a thread said before it was found dead: its files went elsewhere
      slot.started = true;
      slot.jobs.shift()?.resolve(reading);
      this.pump();
    });
    slot.worker.on("error", (error) => this.died(slot, script, error));
    slot.worker.on("exit", (code) => this.died(slot, script, new Error(`the reading thread stopped (exit code ${code})`)));
    return slot;
  }

  /** A thread that failed (an error, or it stopped while not asked to): once per thread. */
  private died(slot: Slot, script: string, error: Error): void {
    if (slot.dead || this.closed) return;
    slot.dead = true;
    if (!slot.started) {
      // It never started: no worker will. What it had, and what waits, is read here.
      this.broken = true;
      this.queue.unshift(...slot.jobs.splice(0));
      this.pump();
      return;
    }
    // A worker that dies fails the file it was reading, not the whole load; the files sent after
    // it go back to the queue, and a fresh worker takes its place.
    slot.jobs.shift()?.reject(error);
    this.queue.unshift(...slot.jobs.splice(0));
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
    // Each worker in turn is given one more file, so that the files are spread evenly.
    for (let depth = 1; depth <= IN_FLIGHT; depth++) {
      for (const slot of this.slots) {
        if (slot.jobs.length >= depth || !this.queue.length) continue;
        const job = this.queue.shift()!;
        slot.jobs.push(job);
        // The bytes are copied once into a buffer of their own and handed over, not copied again.
        const copy = new Uint8Array(job.bytes);
        slot.worker.postMessage({ path: job.path, bytes: copy }, [copy.buffer]);
      }
    }
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
