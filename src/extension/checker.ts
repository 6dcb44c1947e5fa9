// Checks drafts as they change: debounced while typing, a newer edit supersedes an older check,
// and results are kept per document for diagnostics, highlights, hovers and quick fixes.
import * as vscode from "vscode";
import type { Finding, Mention } from "../engine/index";
import type { EngineClient } from "./engine-client";
import type { WorkspaceSources } from "./workspace-sources";
import { ProjectFiles } from "./project-file";
import { readSettings } from "./settings";

export interface CheckState {
  uri: vscode.Uri;
  version: number;
  text: string;
  /** Findings to show: not hidden by `.corroborate.json`. */
  findings: Finding[];
  mentions: Mention[];
}

const SCHEMES = new Set(["file", "untitled", "vscode-vfs", "vscode-remote", "vscode-userdata"]);

export class Checker implements vscode.Disposable {
  private readonly states = new Map<string, CheckState>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly latest = new Map<string, number>();
  private readonly emitter = new vscode.EventEmitter<CheckState>();
  readonly onDidCheck = this.emitter.event;
  private readonly cleared = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidClear = this.cleared.event;

  constructor(
    private readonly engine: EngineClient,
    private readonly sources: WorkspaceSources,
    private readonly projects: ProjectFiles,
    private readonly output: vscode.OutputChannel,
  ) {}

  isDraft(doc: vscode.TextDocument): boolean {
    if (!SCHEMES.has(doc.uri.scheme)) return false;
    if (!readSettings(doc.uri).languages.includes(doc.languageId)) return false;
    return !this.sources.isSource(doc) && !doc.uri.path.endsWith("/.corroborate.json");
  }

  state(uri: vscode.Uri): CheckState | undefined {
    return this.states.get(uri.toString());
  }

  /** A finding at an offset of the document, most severe first. */
  findingsAt(doc: vscode.TextDocument, offset: number): Finding[] {
    const state = this.state(doc.uri);
    if (!state || state.version !== doc.version) return [];
    const order = ["misquoted", "contradicted", "misspelled", "disputed", "unsupported", "supported"];
    return state.findings.filter((f) => f.start <= offset && offset <= f.end).sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  }

  schedule(doc: vscode.TextDocument): void {
    if (!this.isDraft(doc)) return;
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => void this.checkNow(doc), readSettings(doc.uri).debounceMs));
  }

  async checkNow(doc: vscode.TextDocument): Promise<CheckState | undefined> {
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    const folder = this.sources.folderOf(doc.uri);
    if (!folder) return undefined;
    const version = doc.version;
    const text = doc.getText();
    this.latest.set(key, version);
    await this.sources.whenReady(folder);
    try {
      const reply = await this.engine.request({ op: "check", root: folder.uri.toString(), path: doc.uri.fsPath, text, citationStyle: readSettings(doc.uri).citationStyle });
      if (this.latest.get(key) !== version || doc.version !== version) return undefined; // superseded by a newer edit
      const project = await this.projects.load(folder);
      const findings = reply.findings.filter((f) => !ProjectFiles.hides(project, f, text));
      const state: CheckState = { uri: doc.uri, version, text, findings, mentions: reply.mentions };
      this.states.set(key, state);
      for (const w of reply.warnings) this.output.appendLine(`${vscode.workspace.asRelativePath(doc.uri)}: ${w}`);
      this.emitter.fire(state);
      return state;
    } catch (error) {
      this.output.appendLine(`${vscode.workspace.asRelativePath(doc.uri)}: the check failed: ${(error as Error).message}`);
      return undefined;
    }
  }

  forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.states.delete(key);
    this.latest.delete(key);
    this.cleared.fire(uri);
  }

  async recheckOpen(): Promise<void> {
    await Promise.all(vscode.workspace.textDocuments.filter((d) => this.isDraft(d)).map((d) => this.checkNow(d)));
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.emitter.dispose();
    this.cleared.dispose();
  }
}
