// Hover cards on a checked value: the verdict, and each source's sentence with the value in
// bold, its title, outlet and date, and a link that opens the source at that line.
import * as vscode from "vscode";
import type { Evidence, Finding } from "../engine/index";
import type { Checker } from "./checker";

const TITLES: Record<Finding["kind"], string> = {
  supported: "$(pass) Supported",
  contradicted: "$(error) Contradicted",
  disputed: "$(warning) The sources disagree",
  unsupported: "$(info) No source says this",
  misspelled: "$(error) Misspelt name",
  misquoted: "$(error) Misquoted",
};

export class FindingHover implements vscode.HoverProvider {
  constructor(private readonly checker: Checker) {}

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const findings = this.checker.findingsAt(doc, doc.offsetAt(position));
    const f = findings[0];
    if (!f) return undefined;
    const md = new vscode.MarkdownString(undefined, true);
    md.isTrusted = { enabledCommands: ["corroborate.openSource"] };
    md.supportHtml = false;
    md.appendMarkdown(`**${TITLES[f.kind]}** · \`${f.code}\`\n\n`);
    md.appendText(f.message);
    md.appendMarkdown("\n\n");
    for (const e of f.evidence.slice(0, 5)) md.appendMarkdown(evidenceMarkdown(e) + "\n\n");
    return new vscode.Hover(md, new vscode.Range(doc.positionAt(f.start), doc.positionAt(f.end)));
  }
}

export function evidenceMarkdown(e: Evidence): string {
  const quote = boldValue(e);
  const who = [e.outlet, e.date].filter(Boolean).join(", ");
  const args = encodeURIComponent(JSON.stringify([{ path: e.source, line: e.line, column: e.column }]));
  const says = e.says ? `${escape(e.says)}: ` : "";
  return `> ${says}“${quote}”\n>\n> — *${escape(e.title)}*${who ? `, ${escape(who)}` : ""} · [Open source](command:corroborate.openSource?${args} "Open ${escape(e.source)} at line ${e.line}")`;
}

/** The quoted sentence with the value in bold. */
export function boldValue(e: Evidence): string {
  if (!e.highlight) return escape(e.quote);
  const [a, b] = e.highlight;
  return `${escape(e.quote.slice(0, a))}**${escape(e.quote.slice(a, b))}**${escape(e.quote.slice(b))}`;
}

function escape(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, "\\$&");
}
