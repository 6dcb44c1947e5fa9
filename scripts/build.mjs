// Bundles the CLI (and, when present, the extension) with esbuild.
import { build } from "esbuild";
import { chmodSync, existsSync, readFileSync } from "node:fs";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const release = process.argv.includes("--release");
const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: !release,
  minify: release,
  logLevel: "warning",
  define: { __VERSION__: JSON.stringify(pkg.version) },
};

await build({ ...common, entryPoints: ["src/cli/main.ts"], outfile: "dist/cli.js", banner: { js: "#!/usr/bin/env node" } });
chmodSync("dist/cli.js", 0o755);
await build({ ...common, entryPoints: ["src/host/prepare-worker.ts"], outfile: "dist/prepare-worker.js" });
if (existsSync("src/extension/extension.ts")) {
  await build({ ...common, entryPoints: ["src/extension/extension.ts"], outfile: "dist/extension.js", external: ["vscode"] });
  // The worker's entry, and the engine it loads on its first request (see engine-worker).
  await build({ ...common, entryPoints: ["src/extension/worker/engine-worker.ts"], outfile: "dist/engine-worker.js" });
  await build({ ...common, entryPoints: ["src/extension/worker/engine-core.ts"], outfile: "dist/engine-core.js" });
}
