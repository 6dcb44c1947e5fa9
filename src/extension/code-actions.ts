// Quick fixes (Ctrl+.): each reads its edit from the finding — replace the value with the
// sources' value, or cite the evidence — and two that record a judgement in .corroborate.json:
// a name is a known spelling, a finding has been checked.
import * as vscode from "vscode";
import type { Fix } from "../engine/index";
import type { Checker } from "./checker";

export const MARK_KNOWN = "corroborate.markKnownSpelling";
export const MARK_CHECKED = "corroborate.markChecked";

export class FindingActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly checker: Checker) {}

  provideCodeActions(doc: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const state = this.checker.state(doc.uri);
    if (!state || state.version !== doc.version) return [];
    const from = doc.offsetAt(range.start);
    const to = doc.offsetAt(range.end);
    const findings = state.findings.filter((f) => f.start <= to && from <= f.end);
    const actions: vscode.CodeAction[] = [];
    for (const f of findings) {
      const diagnostic = context.diagnostics.find((d) => d.range.isEqual(new vscode.Range(doc.positionAt(f.start), doc.positionAt(f.end))) && d.message === f.message);
      f.fixes.forEach((fix, i) => actions.push(fixAction(doc, fix, diagnostic, i === 0 && fix.kind === "replace")));
      const text = doc.getText(new vscode.Range(doc.positionAt(f.start), doc.positionAt(f.end)));
      if (f.code === "name.spelling" || f.code === "name.unknown") {
        const a = new vscode.CodeAction(`Mark “${text}” as a known spelling`, vscode.CodeActionKind.QuickFix);
        a.command = { title: a.title, command: MARK_KNOWN, arguments: [doc.uri, text] };
        if (diagnostic) a.diagnostics = [diagnostic];
        actions.push(a);
      }
      if (f.kind !== "supported") {
        const a = new vscode.CodeAction(`Mark “${text}” as checked`, vscode.CodeActionKind.QuickFix);
        a.command = { title: a.title, command: MARK_CHECKED, arguments: [doc.uri, f.code, text] };
        if (diagnostic) a.diagnostics = [diagnostic];
        actions.push(a);
      }
    }
    return actions;
  }
}

/** One undoable edit made of the fix's text edits, in the draft's offsets. */
export function fixAction(doc: vscode.TextDocument, fix: Fix, diagnostic: vscode.Diagnostic | undefined, preferred: boolean): vscode.CodeAction {
  const action = new vscode.CodeAction(fix.kind === "cite" ? `Insert citation: ${fix.title.replace(/^Cite /, "")}` : fix.title, vscode.CodeActionKind.QuickFix);
  const edit = new vscode.WorkspaceEdit();
  for (const e of fix.edits) edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.newText);
  action.edit = edit;
  action.isPreferred = preferred;
  if (diagnostic) action.diagnostics = [diagnostic];
  return action;
}
