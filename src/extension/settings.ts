// The extension's settings, read from the editor and checked (settings-schema): a value of the
// wrong type is reported once, naming the setting, and the default is used instead.
import * as vscode from "vscode";
import { validateSettings, type Settings } from "./settings-schema";

export { DEFAULTS, type Settings } from "./settings-schema";

const reported = new Set<string>();

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const config = vscode.workspace.getConfiguration("corroborate", scope);
  // inspect(): only what a user or workspace set, so that defaults are ours and validated alike.
  const { settings, problems } = validateSettings((key) => {
    const i = config.inspect(key);
    // In an untrusted workspace, where the sources are is the user's setting, not the workspace's.
    if (key === "sources" && !vscode.workspace.isTrusted) return i?.globalValue;
    return i?.workspaceFolderValue ?? i?.workspaceValue ?? i?.globalValue;
  });
  for (const p of problems) {
    if (reported.has(p)) continue;
    reported.add(p);
    void vscode.window.showWarningMessage(`Corroborate: ${p}.`);
  }
  return settings;
}
