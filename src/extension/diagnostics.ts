// Findings as diagnostics in the Problems panel: every verdict but "supported", with the check's
// code linking to its documentation and the evidence as related information.
import * as vscode from "vscode";
import type { Finding } from "../engine/index";
import type { CheckState } from "./checker";

export const DOCS_URL = "https://github.com/corroborate/corroborate/blob/main/docs/checks.md";

const SEVERITY: Record<Finding["severity"], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function toDiagnostics(doc: vscode.TextDocument, state: CheckState): vscode.Diagnostic[] {
  return state.findings
    .filter((f) => f.kind !== "supported")
    .map((f) => {
      const range = new vscode.Range(doc.positionAt(f.start), doc.positionAt(f.end));
      const d = new vscode.Diagnostic(range, f.message, SEVERITY[f.severity]);
      d.source = "Corroborate";
      d.code = { value: f.code, target: vscode.Uri.parse(`${DOCS_URL}#${f.code.replace(/\./g, "")}`) };
      d.relatedInformation = f.evidence.map(
        (e) => new vscode.DiagnosticRelatedInformation(
          new vscode.Location(vscode.Uri.file(e.source), new vscode.Position(e.line - 1, e.column - 1)),
          `${e.outlet ?? e.title}${e.date ? `, ${e.date}` : ""}: “${e.quote.length > 160 ? e.quote.slice(0, 159) + "…" : e.quote}”`,
        ),
      );
      return d;
    });
}
