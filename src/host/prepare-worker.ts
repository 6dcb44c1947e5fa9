// One worker of the prepare pool: reads a source's bytes into a prepared document.
import { parentPort } from "node:worker_threads";
import { readSource } from "../engine/source-set";

parentPort?.on("message", ({ path, bytes }: { path: string; bytes: Uint8Array }) => {
  let reading;
  try {
    reading = readSource(path, bytes);
  } catch (error) {
    reading = { list: [{ path, message: `unreadable: ${(error as Error)?.message ?? String(error)}` }] };
  }
  parentPort!.postMessage(reading);
});
