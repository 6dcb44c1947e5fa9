// `.corroborate.json` in a workspace folder: names marked as known spellings and findings marked
// as checked, kept with the story so an editor sees what the reporter already verified.
// A malformed file is reported and left untouched: nothing is overwritten that we could not read.
import * as vscode from "vscode";
import type { Finding } from "../engine/index";
import { emptyProjectFile, parseProjectFile, type ProjectFile } from "./project-format";

export type { ProjectFile } from "./project-format";

const NAME = ".corroborate.json";
const empty = emptyProjectFile;

export class ProjectFiles {
  private readonly cache = new Map<string, { file: ProjectFile; broken?: string }>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  uri(folder: vscode.WorkspaceFolder): vscode.Uri {
    return vscode.Uri.joinPath(folder.uri, NAME);
  }

  async load(folder: vscode.WorkspaceFolder): Promise<ProjectFile> {
    const key = folder.uri.toString();
    const hit = this.cache.get(key);
    if (hit) return hit.file;
    const entry = await this.read(folder);
    this.cache.set(key, entry);
    if (entry.broken) void vscode.window.showWarningMessage(`Corroborate: ${NAME} in ${folder.name} is not valid (${entry.broken}); it is ignored until fixed.`);
    return entry.file;
  }

  forget(): void {
    this.cache.clear();
    this.changed.fire();
  }

  /** Is this finding marked checked, or its name a known spelling? */
  static hides(file: ProjectFile, f: Finding, draftText: string): boolean {
    const text = draftText.slice(f.start, f.end);
    if ((f.code === "name.spelling" || f.code === "name.unknown") && file.knownSpellings.includes(text)) return true;
    return file.checked.some((c) => c.code === f.code && c.text === text);
  }

  async update(folder: vscode.WorkspaceFolder, change: (file: ProjectFile) => void): Promise<void> {
    const entry = await this.read(folder);
    if (entry.broken) {
      void vscode.window.showErrorMessage(`Corroborate: ${NAME} in ${folder.name} is not valid (${entry.broken}); fix it before marking more.`);
      return;
    }
    change(entry.file);
    const bytes = new TextEncoder().encode(JSON.stringify(entry.file, null, 2) + "\n");
    await vscode.workspace.fs.writeFile(this.uri(folder), bytes);
    this.cache.set(folder.uri.toString(), entry);
    this.changed.fire();
  }

  private async read(folder: vscode.WorkspaceFolder): Promise<{ file: ProjectFile; broken?: string }> {
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(this.uri(folder));
    } catch {
      return { file: empty() };
    }
    return parseProjectFile(new TextDecoder().decode(bytes));
  }
}
