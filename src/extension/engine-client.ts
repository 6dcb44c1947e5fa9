// The extension's side of the engine worker: typed requests, answered in order.
import { Worker } from "node:worker_threads";
import * as path from "node:path";
import type { Answer, Replies, Request } from "./worker/protocol";

export class EngineClient {
  private worker: Worker | undefined;
  private next = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  constructor(private readonly distDir: string) {}

  request<R extends Request>(request: R): Promise<Replies[R["op"]]> {
    const worker = this.start();
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ id, request });
    });
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
    for (const p of this.pending.values()) p.reject(new Error("the engine stopped"));
    this.pending.clear();
  }

  /** The worker starts on first use, so activation stays cheap. */
  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(path.join(this.distDir, "engine-worker.js"));
    worker.on("message", (answer: Answer) => {
      const p = this.pending.get(answer.id);
      if (!p) return;
      this.pending.delete(answer.id);
      if (answer.ok) p.resolve(answer.result);
      else p.reject(new Error(answer.error));
    });
    worker.on("error", (error) => {
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
      this.worker = undefined;
    });
    this.worker = worker;
    return worker;
  }
}
