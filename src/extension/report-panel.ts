// The fact-check report: a webview listing every claim of the draft with its verdict and
// evidence; a row jumps to the claim in the text. Loads nothing remote: a strict CSP, our own
// script and style from media/, and a nonce.
import * as vscode from "vscode";
import type { Checker, CheckState } from "./checker";
import { LineMap } from "../engine/ingest/lines";

export class ReportPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private uri: vscode.Uri | undefined;

  constructor(private readonly extensionUri: vscode.Uri, private readonly checker: Checker) {
    checker.onDidCheck((state) => {
      if (this.panel && this.uri?.toString() === state.uri.toString()) this.post(state);
    });
  }

  async show(doc: vscode.TextDocument): Promise<void> {
    this.uri = doc.uri;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel("corroborate.report", "Fact-check report", vscode.ViewColumn.Beside, {
        enableScripts: true,
        localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, "media")],
      });
      this.panel.onDidDispose(() => (this.panel = undefined));
      this.panel.webview.onDidReceiveMessage((m: { type: string; start?: number; end?: number; path?: string; line?: number }) => void this.onMessage(m));
      this.panel.webview.html = this.html(this.panel.webview);
    }
    this.panel.title = `Fact-check: ${vscode.workspace.asRelativePath(doc.uri)}`;
    this.panel.reveal(vscode.ViewColumn.Beside, true);
    // Posted now, and again when the webview says it is ready: a message sent before its script
    // listens is lost (on a loaded machine the report stayed at "Checking…").
    const state = this.checker.state(doc.uri) ?? (await this.checker.checkNow(doc));
    if (state) this.post(state);
  }

  private post(state: CheckState): void {
    const lines = new LineMap(state.text);
    const claims = state.findings.map((f) => ({ ...f, text: state.text.slice(f.start, f.end), line: lines.position(f.start).line }));
    void this.panel?.webview.postMessage({ type: "report", path: vscode.workspace.asRelativePath(state.uri), claims });
  }

  private async onMessage(m: { type: string; start?: number; end?: number; path?: string; line?: number }): Promise<void> {
    if (m.type === "ready") {
      const state = this.uri && this.checker.state(this.uri);
      if (state) this.post(state);
    } else if (m.type === "reveal" && this.uri && m.start !== undefined && m.end !== undefined) {
      const doc = await vscode.workspace.openTextDocument(this.uri);
      const range = new vscode.Range(doc.positionAt(m.start), doc.positionAt(m.end));
      await vscode.window.showTextDocument(doc, { selection: range, viewColumn: vscode.ViewColumn.One });
    } else if (m.type === "openSource" && m.path && m.line) {
      await vscode.commands.executeCommand("corroborate.openSource", { path: m.path, line: m.line });
    }
  }

  private html(webview: vscode.Webview): string {
    const nonce = Array.from({ length: 32 }, () => "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"[Math.floor(Math.random() * 62)]).join("");
    const media = (f: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, "media", f));
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${nonce}'; img-src ${webview.cspSource};">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${media("report.css")}">
<title>Fact-check report</title>
</head>
<body>
<header><h1>Fact-check report</h1><p id="summary">Checking…</p>
<nav id="filters" aria-label="Show"></nav></header>
<main id="claims" aria-live="polite"></main>
<script nonce="${nonce}" src="${media("report.js")}"></script>
</body>
</html>`;
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
