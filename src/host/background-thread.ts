// Threads that index in the background give way to the process's main thread. In the editor,
// the engine's threads share two cores with the extension host's event loop: while they read and
// built, the loop's timers ran up to 41-63 ms late while the loop itself was busy for 0-3 ms of
// that time (a traced run, 10,000 sources): its thread was waiting for a core.
import { getPriority, setPriority } from "node:os";

/** Nice values above the process's main thread: a lower priority, not the lowest (the work is still wanted soon). */
export const BACKGROUND_STEP = 10;

/**
 * Lowers this thread's priority. Linux only: there a thread's priority is its own (setpriority of
 * "this process" applies to the calling thread); elsewhere it would lower the whole process, the
 * editor's among them.
 */
export function runInBackground(): void {
  if (process.platform !== "linux") return;
  try {
    // Relative to the main thread (whose id is the process's), however deep the thread was
    // started: the pool's threads, started by the engine's, are not lowered twice.
    setPriority(Math.min(19, getPriority(process.pid) + BACKGROUND_STEP));
  } catch {
    // not allowed here (a sandbox): the thread runs at the priority it has
  }
}
