// Activation only wires things up: the engine worker starts on first use, and the sources are
// indexed in the background once a draft needs them.
import * as vscode from "vscode";
import { EngineClient } from "./engine-client";
import { WorkspaceSources } from "./workspace-sources";
import { ProjectFiles } from "./project-file";
import { Checker } from "./checker";
import { toDiagnostics } from "./diagnostics";
import { DecorationHighlights, LEGEND, SemanticHighlights } from "./highlights";
import { FindingHover } from "./hover";
import { FindingActions, MARK_CHECKED, MARK_KNOWN } from "./code-actions";
import { ReportPanel } from "./report-panel";
import { SourcesView } from "./sources-view";
import { StatusBar } from "./status-bar";
import * as commands from "./commands";
import { readSettings } from "./settings";

export interface CorroborateApi {
  checker: Checker;
  sources: WorkspaceSources;
}

export function activate(context: vscode.ExtensionContext): CorroborateApi {
  const output = vscode.window.createOutputChannel("Corroborate");
  const engine = new EngineClient(vscode.Uri.joinPath(context.extensionUri, "dist").fsPath);
  // The index cache lives in the extension's storage for this workspace (or its global storage).
  const storage = context.storageUri ?? context.globalStorageUri;
  const sources = new WorkspaceSources(engine, output, storage?.scheme === "file" ? storage.fsPath : undefined);
  const projects = new ProjectFiles();
  const checker = new Checker(engine, sources, projects, output);
  const diagnostics = vscode.languages.createDiagnosticCollection("corroborate");
  const decorations = new DecorationHighlights(checker);
  const report = new ReportPanel(context.extensionUri, checker);
  const services: commands.Services = { engine, sources, checker, projects };
  // Providers serve the draft languages of the settings (Markdown and plain text by default).
  const drafts: vscode.DocumentSelector = readSettings().languages.map((language) => ({ language }));

  context.subscriptions.push(
    output, sources, checker, diagnostics, decorations, report, new StatusBar(sources, checker),
    { dispose: () => engine.dispose() },
    vscode.languages.registerDocumentSemanticTokensProvider(drafts, new SemanticHighlights(checker), LEGEND),
    vscode.languages.registerHoverProvider(drafts, new FindingHover(checker)),
    vscode.languages.registerCodeActionsProvider(drafts, new FindingActions(checker), { providedCodeActionKinds: FindingActions.kinds }),
    vscode.window.registerTreeDataProvider("corroborate.sources", new SourcesView(sources, checker)),
    vscode.commands.registerCommand("corroborate.checkDocument", () => commands.checkDocument(services)),
    vscode.commands.registerCommand("corroborate.reindex", () => commands.reindex(services)),
    vscode.commands.registerCommand("corroborate.insertCitation", () => commands.insertCitation(services)),
    vscode.commands.registerCommand("corroborate.showConflicts", () => commands.showConflicts(services)),
    vscode.commands.registerCommand("corroborate.showReport", () => {
      const editor = vscode.window.activeTextEditor;
      return editor ? report.show(editor.document) : vscode.window.showInformationMessage("Corroborate: open a draft first.");
    }),
    vscode.commands.registerCommand("corroborate.openSource", commands.openSource),
    vscode.commands.registerCommand(MARK_KNOWN, (uri: vscode.Uri, text: string) => commands.markKnownSpelling(services, uri, text)),
    vscode.commands.registerCommand(MARK_CHECKED, (uri: vscode.Uri, code: string, text: string) => commands.markChecked(services, uri, code, text)),

    checker.onDidCheck((state) => {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === state.uri.toString());
      if (doc) diagnostics.set(doc.uri, toDiagnostics(doc, state));
      decorations.refresh();
    }),
    checker.onDidClear((uri) => diagnostics.delete(uri)),
    sources.onDidChange(() => void checker.recheckOpen()),
    projects.onDidChange(() => void checker.recheckOpen()),
    vscode.workspace.onDidOpenTextDocument((doc) => checker.schedule(doc)),
    vscode.workspace.onDidChangeTextDocument((e) => checker.schedule(e.document)),
    vscode.workspace.onDidCloseTextDocument((doc) => checker.forget(doc.uri)),
    vscode.window.onDidChangeVisibleTextEditors(() => decorations.refresh()),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void commands.reindex(services)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration("corroborate.sources")) void commands.reindex(services);
      else if (e.affectsConfiguration("corroborate")) void checker.recheckOpen();
    }),
    vscode.workspace.onDidSaveTextDocument((doc) => {
      if (doc.uri.path.endsWith("/.corroborate.json")) projects.forget();
    }),
  );
  for (const doc of vscode.workspace.textDocuments) checker.schedule(doc);
  return { checker, sources };
}

export function deactivate(): void {}
