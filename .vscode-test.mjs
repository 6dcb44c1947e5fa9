// @vscode/test-cli configuration for desktop VS Code (where it can be downloaded). On these
// machines the same suite runs inside code-server instead: `npm run test:vscode`.
import { defineConfig } from "@vscode/test-cli";

export default defineConfig({
  files: "out/test/vscode/suite/extension.test.js",
  workspaceFolder: "test/fixtures/harbour",
  mocha: { ui: "bdd", timeout: 60000 },
});
