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
  job?: Job;
  /** Has answered once: it started. */
  started?: boolean;
}

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
    for (const job of [...this.queue.splice(0), ...this.slots.map((s) => s.job)]) job?.reject(stopped);
    for (const slot of this.slots) slot.job = undefined;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(script: string): Slot {
    const slot: Slot = { worker: new Worker(script) };
    slot.worker.unref();
    slot.worker.on("message", (reading: SourceReading) => {
      slot.started = true;
      const job = slot.job!;
      slot.job = undefined;
      job.resolve(reading);
      this.pump();
    });
    slot.worker.on("error", (error) => {
      if (!slot.started) {
        // It never started: no worker will. What it had, and what waits, is read here.
        this.broken = true;
        if (slot.job) this.queue.unshift(slot.job);
        slot.job = undefined;
        this.pump();
        return;
      }
      // A worker that dies fails its file, not the whole load; a fresh one takes its place.
      slot.job?.reject(error);
      slot.job = undefined;
      const i = this.slots.indexOf(slot);
      if (i >= 0 && !this.closed) this.slots[i] = this.spawn(script);
      this.pump();
    });
    return slot;
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
    for (const slot of this.slots) {
      if (slot.job || !this.queue.length) continue;
      const job = (slot.job = this.queue.shift()!);
      // The bytes are copied once into a buffer of their own and handed over, not copied again.
      const copy = new Uint8Array(job.bytes);
      slot.worker.postMessage({ path: job.path, bytes: copy }, [copy.buffer]);
    }
  }
}

/**
 * Beside this bundle (dist/), or, when run from the sources (tests, the benchmark), in the built
 * dist/. From __filename: when the sources are run through tsx, __dirname is not this folder.
 */
function workerScript(): string {
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
