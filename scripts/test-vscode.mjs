// `npm run test:vscode`: the extension in a real VS Code (code-server), twice.
//  1. The integration suite (test/vscode/suite, mocha) in the extension host, with the extension
//     loaded from this folder, on a copy of test/fixtures/harbour.
//  2. An end-to-end test (test/e2e) in Chromium: the packaged .vsix installed into code-server,
//     the example workspace, a squiggle, a hover, a citation, the report; screenshots in test-results/.
// Prints "N passed, M failed" and exits with the suites' status. Stops everything it started.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { ROOT, installCodeServer, installExtension, launchBrowser, startCodeServer, tempDir } from "./vscode/code-server.mjs";
import { runEndToEnd } from "../test/e2e/e2e.mjs";

const verbose = process.argv.includes("--verbose");
const log = (s) => verbose && process.stderr.write(s);
const stoppers = [];
const stopAll = async () => { for (const s of stoppers.splice(0).reverse()) await s(); };
process.on("SIGINT", async () => { await stopAll(); process.exit(130); });

function sh(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: verbose ? "inherit" : ["ignore", "pipe", "inherit"] });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed`);
}

async function integrationSuite() {
  // index.js (the run() entry) loads extension.test.js at run time; @vscode/test-cli loads the latter directly.
  await build({ entryPoints: [join(ROOT, "test/vscode/suite/index.ts"), join(ROOT, "test/vscode/suite/extension.test.ts")], bundle: true, platform: "node", format: "cjs", target: "node20", external: ["vscode", "mocha", "./extension.test"], outdir: join(ROOT, "out/test/vscode/suite"), logLevel: "warning" });
  const workspace = tempDir("corroborate-ws-");
  cpSync(join(ROOT, "test/fixtures/harbour"), workspace, { recursive: true });
  const server = await startCodeServer({ workspace, log });
  stoppers.push(() => server.stop());
  const browser = await launchBrowser();
  stoppers.push(() => browser.close());
  const page = await browser.newPage();
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = JSON.stringify([["extensionDevelopmentPath", remote(ROOT)], ["extensionTestsPath", remote(join(ROOT, "out/test/vscode/suite/index"))]]);
  const result = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the integration suite did not finish within 5 minutes")), 300_000);
    page.on("console", (msg) => {
      // code-server prefixes the extension host's log ("%c INFO color: #33f …") and keeps mocha's format strings.
      const text = msg.text().replace(/^%c\s+\w+\s+color:\s*#\w+\s*/, "").replace(/%s%s|%s \(%dms\) |%s /g, "").replace(/ (\d+)$/, " ($1 ms)");
      if (/^\s*(?:✔|✖|\d+\) )|Corroborate in VS Code|passed, \d+ failed|AssertionError|Error: /.test(text) || verbose) console.log(`  ${text}`);
      const m = /(\d+) passed, (\d+) failed\s*$/.exec(text);
      if (m) {
        clearTimeout(timer);
        resolve({ passed: Number(m[1]), failed: Number(m[2]) });
      }
    });
  });
  await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`);
  try {
    return await result;
  } finally {
    await browser.close();
    server.stop();
    stoppers.length = 0;
  }
}

async function endToEnd() {
  sh("npm", ["run", "--silent", "package"]);
  const extensionsDir = tempDir("cs-ext-");
  installExtension(join(ROOT, "corroborate.vsix"), extensionsDir);
  const workspace = tempDir("corroborate-example-");
  cpSync(join(ROOT, "examples/kazakhstan"), workspace, { recursive: true });
  const server = await startCodeServer({ workspace, extensionsDir, log });
  stoppers.push(() => server.stop());
  const browser = await launchBrowser();
  stoppers.push(() => browser.close());
  const shots = join(ROOT, "test-results");
  rmSync(shots, { recursive: true, force: true });
  mkdirSync(shots, { recursive: true });
  try {
    return await runEndToEnd({ browser, url: `${server.url}/?folder=${encodeURIComponent(workspace)}`, workspace, shots });
  } finally {
    await stopAll();
  }
}

let passed = 0;
let failed = 0;
try {
  installCodeServer();
  sh("node", ["scripts/build.mjs"]);
  console.log("Integration suite in code-server:");
  const a = await integrationSuite();
  passed += a.passed;
  failed += a.failed;
  console.log("End-to-end in Chromium:");
  const b = await endToEnd();
  passed += b.passed;
  failed += b.failed;
} catch (error) {
  console.error(`test:vscode: ${error.message}`);
  failed++;
} finally {
  await stopAll();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
