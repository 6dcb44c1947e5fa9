// The "Sources" view in the Explorer: each source with its date and outlet, and under it the
// claims of the active draft that it supports or contradicts.
import * as vscode from "vscode";
import type { Finding } from "../engine/index";
import type { Checker } from "./checker";
import type { WorkspaceSources } from "./workspace-sources";
import type { SourceSummary } from "./worker/packed-sources";
import { LineMap } from "../engine/ingest/lines";

type Node = { kind: "source"; source: SourceSummary } | { kind: "claim"; finding: Finding; text: string; uri: vscode.Uri; line: number };

export class SourcesView implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly sources: WorkspaceSources, private readonly checker: Checker) {
    sources.onDidChange(() => this.changed.fire());
    checker.onDidCheck(() => this.changed.fire());
    vscode.window.onDidChangeActiveTextEditor(() => this.changed.fire());
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === "source") {
      const s = node.source;
      const claims = this.claimsOf(s.path).length;
      const item = new vscode.TreeItem(s.title || s.path, claims ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
      item.description = [s.outlet, s.date].filter(Boolean).join(" · ");
      item.tooltip = `${vscode.workspace.asRelativePath(s.path)}\n${s.sentences} sentences`;
      item.resourceUri = vscode.Uri.file(s.path);
      item.iconPath = new vscode.ThemeIcon("file-text");
      item.command = { title: "Open source", command: "corroborate.openSource", arguments: [{ path: s.path, line: 1 }] };
      item.contextValue = "corroborate.source";
      return item;
    }
    const f = node.finding;
    const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
    item.description = f.kind;
    item.tooltip = f.message;
    item.iconPath = new vscode.ThemeIcon(f.kind === "supported" ? "pass" : f.kind === "disputed" ? "warning" : "error");
    item.command = { title: "Show claim", command: "vscode.open", arguments: [node.uri, { selection: new vscode.Range(node.line, 0, node.line, 0) }] };
    return item;
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      const folder = vscode.window.activeTextEditor ? this.sources.folderOf(vscode.window.activeTextEditor.document.uri) : vscode.workspace.workspaceFolders?.[0];
      const summary = folder ? this.sources.summary(folder) : undefined;
      return (summary?.sources ?? []).map((source) => ({ kind: "source", source }));
    }
    if (node.kind === "source") return this.claimsOf(node.source.path);
    return [];
  }

  private claimsOf(path: string): Node[] {
    const editor = vscode.window.activeTextEditor;
    const state = editor ? this.checker.state(editor.document.uri) : undefined;
    if (!state) return [];
    const lines = new LineMap(state.text);
    return state.findings
      .filter((f) => f.evidence.some((e) => e.source === path) && f.kind !== "unsupported")
      .map((f) => ({ kind: "claim", finding: f, text: state.text.slice(f.start, f.end), uri: state.uri, line: lines.position(f.start).line - 1 }));
  }
}
