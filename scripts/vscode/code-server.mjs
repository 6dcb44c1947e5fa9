// Starting and stopping code-server and a headless Chromium for the extension's tests.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";

export const ROOT = resolve(new URL("../..", import.meta.url).pathname);
const BIN = join(ROOT, ".vscode-test/code-server/node_modules/.bin/code-server");

export function installCodeServer() {
  const r = spawnSync("bash", [join(ROOT, "scripts/install-code-server.sh")], { stdio: "inherit" });
  if (r.status !== 0) throw new Error("code-server could not be installed");
}

export function freePort() {
  return new Promise((res, rej) => {
    const server = createServer();
    server.once("error", rej);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => res(port));
    });
  });
}

export function tempDir(prefix) {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function installExtension(vsix, extensionsDir) {
  const r = spawnSync(BIN, ["--extensions-dir", extensionsDir, "--install-extension", vsix], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`--install-extension failed: ${r.stderr || r.stdout}`);
  return r.stdout.trim();
}

/** Starts code-server on a free loopback port; resolves once it answers HTTP. */
export async function startCodeServer({ workspace, extensionsDir = tempDir("cs-ext-"), log = () => {} }) {
  const port = await freePort();
  const userDataDir = tempDir("cs-user-");
  // No welcome page, tips or telemetry: the tests see the editor a journalist works in.
  mkdirSync(join(userDataDir, "User"), { recursive: true });
  writeFileSync(join(userDataDir, "User", "settings.json"), JSON.stringify({
    "workbench.startupEditor": "none", "workbench.tips.enabled": false, "telemetry.telemetryLevel": "off",
    "extensions.autoCheckUpdates": false, "extensions.autoUpdate": false, "workbench.enableExperiments": false,
    "security.workspace.trust.enabled": false, "editor.hover.delay": 300, "workbench.colorTheme": "Default Light Modern",
  }, null, 2));
  const child = spawn(BIN, [
    "--auth", "none", "--bind-addr", `127.0.0.1:${port}`, "--extensions-dir", extensionsDir, "--user-data-dir", userDataDir,
    "--disable-telemetry", "--disable-update-check", "--disable-workspace-trust", "--disable-getting-started-override", workspace,
  ], { detached: true, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.on("data", (d) => log(String(d)));
  child.stderr.on("data", (d) => log(String(d)));
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (r.ok) break;
    } catch {}
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error("code-server did not start within 60 s");
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    /** Stops code-server and every process it started (its file watcher, extension host…). */
    stop() {
      try { process.kill(-child.pid, "SIGTERM"); } catch {}
      setTimeout(() => { try { process.kill(-child.pid, "SIGKILL"); } catch {} }, 2000).unref();
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}
