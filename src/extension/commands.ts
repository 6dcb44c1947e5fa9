// The commands of the "Corroborate" category.
import * as vscode from "vscode";
import type { Evidence } from "../engine/index";
import type { Checker } from "./checker";
import type { EngineClient } from "./engine-client";
import type { WorkspaceSources } from "./workspace-sources";
import type { ProjectFiles } from "./project-file";
import { readSettings } from "./settings";
import { citationFix, citationPoint } from "../engine/verify/fixes";

export interface Services {
  engine: EngineClient;
  sources: WorkspaceSources;
  checker: Checker;
  projects: ProjectFiles;
}

export async function openSource(arg: { path: string; line: number; column?: number }): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(arg.path));
  const pos = new vscode.Position(Math.max(0, arg.line - 1), Math.max(0, (arg.column ?? 1) - 1));
  await vscode.window.showTextDocument(doc, { selection: new vscode.Range(pos, pos), viewColumn: vscode.ViewColumn.Beside, preview: true });
}

export async function checkDocument(s: Services): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return void vscode.window.showInformationMessage("Corroborate: open a draft to check it.");
  if (!s.checker.isDraft(editor.document)) {
    return void vscode.window.showInformationMessage(`Corroborate: ${vscode.workspace.asRelativePath(editor.document.uri)} is a source or not a draft language (setting corroborate.languages).`);
  }
  await s.checker.checkNow(editor.document);
}

export async function reindex(s: Services): Promise<void> {
  await s.sources.reindexAll();
  await s.checker.recheckOpen();
}

/** A quick pick that searches the sources' sentences as one types, and cites the one picked. */
export async function insertCitation(s: Services): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const folder = s.sources.folderOf(editor.document.uri);
  if (!folder) return;
  await s.sources.whenReady(folder);
  type Item = vscode.QuickPickItem & { evidence: Evidence };
  const pick = vscode.window.createQuickPick<Item>();
  pick.placeholder = "Search the sources for the sentence to cite";
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  let generation = 0;
  const search = async (query: string) => {
    const mine = ++generation;
    pick.busy = true;
    const results = query.trim() ? await s.engine.request({ op: "search", root: folder.uri.toString(), query }) : [];
    if (mine !== generation) return;
    pick.items = results.map((e) => ({ label: e.quote.length > 120 ? e.quote.slice(0, 119) + "…" : e.quote, description: [e.outlet, e.date].filter(Boolean).join(", "), detail: e.title, evidence: e, alwaysShow: true }));
    pick.busy = false;
  };
  const line = editor.document.lineAt(editor.selection.active.line).text.trim();
  pick.value = line.split(/\s+/).slice(0, 8).join(" ");
  pick.onDidChangeValue((v) => void search(v));
  void search(pick.value);
  const chosen = await new Promise<Item | undefined>((resolve) => {
    pick.onDidAccept(() => resolve(pick.selectedItems[0]));
    pick.onDidHide(() => resolve(undefined));
    pick.show();
  });
  pick.dispose();
  if (!chosen) return;
  const text = editor.document.getText();
  const at = citationPoint(text, editor.document.offsetAt(editor.selection.end));
  const fix = citationFix(text, at, chosen.evidence, readSettings(editor.document.uri).citationStyle);
  await editor.edit((b) => {
    for (const e of [...fix.edits].sort((a, b2) => b2.start - a.start)) b.replace(new vscode.Range(editor.document.positionAt(e.start), editor.document.positionAt(e.end)), e.newText);
  });
}

export async function showConflicts(s: Services): Promise<void> {
  const folder = vscode.window.activeTextEditor ? s.sources.folderOf(vscode.window.activeTextEditor.document.uri) : vscode.workspace.workspaceFolders?.[0];
  if (!folder) return void vscode.window.showInformationMessage("Corroborate: open a folder with sources first.");
  await s.sources.whenReady(folder);
  // Worked out on first request (in a large archive it takes a while: say so).
  const conflicts = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: "Corroborate: comparing the sources" }, () =>
    s.engine.request({ op: "conflicts", root: folder.uri.toString() }),
  );
  if (!conflicts.length) return void vscode.window.showInformationMessage("Corroborate: the sources agree on every point found.");
  type Item = vscode.QuickPickItem & { evidence?: Evidence };
  const items: Item[] = conflicts.flatMap((c) => [
    { label: `${c.id}. ${c.summary}`, kind: vscode.QuickPickItemKind.Separator },
    ...c.evidence.map((e) => ({ label: `$(quote) ${e.says ?? ""}`, description: [e.outlet ?? e.title, e.date].filter(Boolean).join(", "), detail: e.quote, evidence: e })),
  ]);
  const chosen = await vscode.window.showQuickPick(items, { title: `Corroborate: ${conflicts.length} point${conflicts.length === 1 ? "" : "s"} on which the sources disagree`, matchOnDetail: true });
  if (chosen?.evidence) await openSource({ path: chosen.evidence.source, line: chosen.evidence.line, column: chosen.evidence.column });
}

export async function markKnownSpelling(s: Services, uri: vscode.Uri, text: string): Promise<void> {
  const folder = s.sources.folderOf(uri);
  if (!folder) return;
  await s.projects.update(folder, (f) => {
    if (!f.knownSpellings.includes(text)) f.knownSpellings.push(text);
  });
  await s.checker.recheckOpen();
}

export async function markChecked(s: Services, uri: vscode.Uri, code: string, text: string): Promise<void> {
  const folder = s.sources.folderOf(uri);
  if (!folder) return;
  await s.projects.update(folder, (f) => {
    if (!f.checked.some((c) => c.code === code && c.text === text)) f.checked.push({ code, text });
  });
  await s.checker.recheckOpen();
}
