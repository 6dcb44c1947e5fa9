// Highlighting of the draft's names, dates and figures, coloured by verdict: semantic tokens
// (custom types and modifiers, which themes can colour) and background decorations with
// themable colours, both switched off by `corroborate.highlight: false`.
import * as vscode from "vscode";
import type { Finding, Mention } from "../engine/index";
import type { Checker, CheckState } from "./checker";
import { readSettings } from "./settings";

export const TOKEN_TYPES = ["corroboratePerson", "corroborateOrganization", "corroboratePlace", "corroborateDate", "corroborateFigure"];
export const TOKEN_MODIFIERS = ["supported", "contradicted", "disputed", "unsupported"];
export const LEGEND = new vscode.SemanticTokensLegend(TOKEN_TYPES, TOKEN_MODIFIERS);

type Verdict = "supported" | "contradicted" | "disputed" | "unsupported";
const TYPE_OF: Record<Mention["type"], number> = { person: 0, organization: 1, place: 2, date: 3, term: 4 };

/** The verdict on a mention: the most severe finding that overlaps it. */
export function verdictOf(m: { start: number; end: number }, findings: Finding[]): Verdict | undefined {
  const over = findings.filter((f) => f.start < m.end && m.start < f.end);
  if (over.some((f) => f.kind === "contradicted" || f.kind === "misspelled" || f.kind === "misquoted")) return "contradicted";
  if (over.some((f) => f.kind === "disputed")) return "disputed";
  if (over.some((f) => f.kind === "unsupported")) return "unsupported";
  if (over.some((f) => f.kind === "supported")) return "supported";
  return undefined;
}

export class SemanticHighlights implements vscode.DocumentSemanticTokensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeSemanticTokens = this.changed.event;

  constructor(private readonly checker: Checker) {
    checker.onDidCheck(() => this.changed.fire());
  }

  provideDocumentSemanticTokens(doc: vscode.TextDocument): vscode.SemanticTokens {
    const builder = new vscode.SemanticTokensBuilder(LEGEND);
    const state = this.checker.state(doc.uri);
    if (!state || state.version !== doc.version || !readSettings(doc.uri).highlight) return builder.build();
    for (const m of state.mentions) {
      const verdict = verdictOf(m, state.findings);
      const modifiers = verdict ? 1 << TOKEN_MODIFIERS.indexOf(verdict) : 0;
      const start = doc.positionAt(m.start);
      const end = doc.positionAt(m.end);
      // Tokens may not span lines: a name broken over two lines is two tokens.
      for (let line = start.line; line <= end.line; line++) {
        const from = line === start.line ? start.character : 0;
        const to = line === end.line ? end.character : doc.lineAt(line).text.length;
        if (to > from) builder.push(line, from, to - from, TYPE_OF[m.type], modifiers);
      }
    }
    return builder.build();
  }
}

const DECORATION_COLORS: Record<Verdict, string> = {
  supported: "corroborate.supportedBackground",
  contradicted: "corroborate.contradictedBackground",
  disputed: "corroborate.disputedBackground",
  unsupported: "corroborate.unsupportedBackground",
};

export class DecorationHighlights implements vscode.Disposable {
  private readonly types = new Map<Verdict, vscode.TextEditorDecorationType>();
  private readonly plain = vscode.window.createTextEditorDecorationType({ borderWidth: "0 0 1px 0", borderStyle: "dotted", borderColor: new vscode.ThemeColor("corroborate.mentionBorder") });

  constructor(private readonly checker: Checker) {
    for (const [verdict, color] of Object.entries(DECORATION_COLORS) as Array<[Verdict, string]>) {
      this.types.set(verdict, vscode.window.createTextEditorDecorationType({ backgroundColor: new vscode.ThemeColor(color), borderRadius: "2px" }));
    }
  }

  refresh(): void {
    for (const editor of vscode.window.visibleTextEditors) this.apply(editor, this.checker.state(editor.document.uri));
  }

  apply(editor: vscode.TextEditor, state: CheckState | undefined): void {
    const on = readSettings(editor.document.uri).highlight && state && state.version === editor.document.version;
    const ranges = new Map<Verdict | "plain", vscode.Range[]>();
    if (on) {
      for (const m of state.mentions) {
        const verdict = verdictOf(m, state.findings) ?? "plain";
        const list = ranges.get(verdict) ?? [];
        list.push(new vscode.Range(editor.document.positionAt(m.start), editor.document.positionAt(m.end)));
        ranges.set(verdict, list);
      }
    }
    for (const [verdict, type] of this.types) editor.setDecorations(type, ranges.get(verdict) ?? []);
    editor.setDecorations(this.plain, ranges.get("plain") ?? []);
  }

  dispose(): void {
    for (const t of this.types.values()) t.dispose();
    this.plain.dispose();
  }
}
