// `.corroborate.json` in a workspace folder: names marked as known spellings and findings marked
// as checked, kept with the story so an editor sees what the reporter already verified.
// A malformed file is reported and left untouched: nothing is overwritten that we could not read.
import * as vscode from "vscode";
import type { Finding } from "../engine/index";

export interface ProjectFile {
  knownSpellings: string[];
  checked: Array<{ code: string; text: string }>;
}

const NAME = ".corroborate.json";
const empty = (): ProjectFile => ({ knownSpellings: [], checked: [] });

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
    try {
      const raw = JSON.parse(new TextDecoder().decode(bytes)) as unknown;
      if (!raw || typeof raw !== "object" || Array.isArray(raw)) return { file: empty(), broken: "not a JSON object" };
      const o = raw as Record<string, unknown>;
      const known = Array.isArray(o.knownSpellings) ? o.knownSpellings.filter((x): x is string => typeof x === "string") : [];
      const checked = Array.isArray(o.checked)
        ? o.checked.filter((c): c is { code: string; text: string } => Boolean(c) && typeof (c as { code?: unknown }).code === "string" && typeof (c as { text?: unknown }).text === "string")
        : [];
      if (o.knownSpellings !== undefined && !Array.isArray(o.knownSpellings)) return { file: empty(), broken: '"knownSpellings" must be a list of names' };
      if (o.checked !== undefined && !Array.isArray(o.checked)) return { file: empty(), broken: '"checked" must be a list' };
      return { file: { knownSpellings: known, checked } };
    } catch (error) {
      return { file: empty(), broken: (error as Error).message };
    }
  }
}
