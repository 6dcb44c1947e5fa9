// "Corroborate: 5 sources · 2 ✗ 1 ⚠" for the active draft; a click opens the report.
import * as vscode from "vscode";
import type { Checker } from "./checker";
import type { WorkspaceSources } from "./workspace-sources";

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem("corroborate.status", vscode.StatusBarAlignment.Left, 50);

  constructor(private readonly sources: WorkspaceSources, private readonly checker: Checker) {
    this.item.name = "Corroborate";
    this.item.command = "corroborate.showReport";
    sources.onDidChange(() => this.update());
    checker.onDidCheck(() => this.update());
    vscode.window.onDidChangeActiveTextEditor(() => this.update());
    this.update();
  }

  update(): void {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !this.checker.isDraft(editor.document)) return this.item.hide();
    const folder = this.sources.folderOf(editor.document.uri);
    const summary = folder ? this.sources.summary(folder) : undefined;
    if (!summary) {
      this.item.text = "$(sync~spin) Corroborate: indexing sources";
      this.item.tooltip = "Reading the sources of this workspace folder";
      return this.item.show();
    }
    const state = this.checker.state(editor.document.uri);
    const red = state?.findings.filter((f) => f.severity === "error").length ?? 0;
    const amber = state?.findings.filter((f) => f.kind === "disputed").length ?? 0;
    const n = summary.count;
    this.item.text = `$(checklist) Corroborate: ${n} source${n === 1 ? "" : "s"} · ${red} ✗ ${amber} ⚠`;
    this.item.tooltip = `${red} red finding${red === 1 ? "" : "s"}, ${amber} point${amber === 1 ? "" : "s"} where the sources disagree${summary.problems.length ? `\n${summary.problems.length} source problem(s): see the Corroborate output` : ""}\nClick for the fact-check report`;
    this.item.backgroundColor = red ? new vscode.ThemeColor("statusBarItem.errorBackground") : amber ? new vscode.ThemeColor("statusBarItem.warningBackground") : undefined;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
