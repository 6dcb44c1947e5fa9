// The engine worker's entry, small so that it takes its first request at once. The engine itself
// (engine-core: most of a megabyte of code, 0.1 s or more to load on these machines) is loaded
// then; when that request opens a folder again, the folder's cache file is read meanwhile, whole,
// by one of libuv's threads (see engine-core for why not in parts).
import { join } from "node:path";
import { parentPort } from "node:worker_threads";
import { runInBackground } from "../../host/background-thread";
import { cacheFileIn, openCacheFile } from "../../host/cache-file";
import type { Envelope } from "./protocol";

type Core = typeof import("./engine-core");

runInBackground();

let core: Core | undefined;

parentPort?.on("message", (envelope: Envelope) => {
  if (core) return core.serve(parentPort!, envelope);
  const { request } = envelope;
  const opening = request.op === "reset" && request.cacheDir ? openCacheFile(cacheFileIn(request.cacheDir), "off this thread") : undefined;
  // A file of its own beside this one (see scripts/build.mjs), not bundled with it.
  core = require(join(__dirname, "engine-core.js")) as Core;
  core.serve(parentPort!, envelope, opening);
});
