// Entry point of the integration suite inside VS Code (the @vscode/test-electron convention:
// an exported run()). Prints one closing line, "N passed, M failed", that the runner waits for.
import Mocha from "mocha";

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: "bdd", timeout: 60_000, color: false, reporter: "spec" });
  // Define describe/it as globals, then load the tests (a lazy require, so after the globals exist).
  mocha.suite.emit("pre-require", globalThis, "extension.test", mocha);
  require("./extension.test");
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const passed = runner.stats?.passes ?? 0;
      console.log(`${passed} passed, ${failures} failed`);
      failures ? reject(new Error(`${failures} tests failed`)) : resolve();
    });
  });
}
