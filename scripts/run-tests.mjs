// Runs the Node test suites (unit and integration) with TypeScript loaded through tsx.
// Usage: node scripts/run-tests.mjs [folder...]   (default: test/unit test/integration)
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const roots = process.argv.slice(2).length ? process.argv.slice(2) : ["test/unit", "test/integration"];
const files = [];
const walk = (dir) => {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith(".test.ts")) files.push(path);
  }
};
roots.forEach(walk);
if (!files.length) {
  console.error("no test files found under " + roots.join(", "));
  process.exit(1);
}
const result = spawnSync(process.execPath, ["--import", "tsx", "--test", ...files], { stdio: "inherit" });
process.exit(result.status ?? 1);
