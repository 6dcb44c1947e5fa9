// The sources of each workspace folder: found by the `corroborate.sources` globs, read through
// the workspace file system (so remote and virtual workspaces work), sent to the engine worker,
// and watched: a changed, added or deleted source is re-read alone.
import * as vscode from "vscode";
import { createHash } from "node:crypto";
import * as path from "node:path";
import type { EngineClient } from "./engine-client";
import { folderSummary, type FolderSummary } from "./worker/packed-sources";
import { readSettings } from "./settings";
import { SENDING_AT_ONCE } from "./worker/protocol";

export class WorkspaceSources implements vscode.Disposable {
  private readonly watchers: vscode.Disposable[] = [];
  private readonly summaries = new Map<string, FolderSummary>();
  private readonly ready = new Map<string, Promise<void>>();
  /** The source paths indexed for each folder, to drop them when a folder above them goes. */
  private readonly indexed = new Map<string, Set<string>>();
  private readonly changed = new vscode.EventEmitter<vscode.WorkspaceFolder>();
  readonly onDidChange = this.changed.event;
  private readonly output: vscode.OutputChannel;

  private readonly persistLater = new Map<string, ReturnType<typeof setTimeout>>();

  /** `cacheRoot`: a folder of the extension's storage where each folder's prepared sources are kept. */
  constructor(private readonly engine: EngineClient, output: vscode.OutputChannel, private readonly cacheRoot?: string) {
    this.output = output;
  }

  /** The folder whose sources a document is checked against. */
  folderOf(uri: vscode.Uri): vscode.WorkspaceFolder | undefined {
    return vscode.workspace.getWorkspaceFolder(uri) ?? vscode.workspace.workspaceFolders?.[0];
  }

  /** Is this document one of the sources (so not a draft)? VS Code matches the globs. */
  isSource(doc: vscode.TextDocument): boolean {
    const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
    if (!folder) return false;
    return readSettings(folder).sources.some((glob) => vscode.languages.match({ pattern: new vscode.RelativePattern(folder, glob) }, doc) > 0);
  }

  summary(folder: vscode.WorkspaceFolder): FolderSummary | undefined {
    return this.summaries.get(folder.uri.toString());
  }

  /** Waits for the folder's sources to be indexed, indexing them the first time. */
  whenReady(folder: vscode.WorkspaceFolder): Promise<void> {
    const key = folder.uri.toString();
    let p = this.ready.get(key);
    if (!p) {
      p = this.index(folder);
      this.ready.set(key, p);
    }
    return p;
  }

  async reindexAll(): Promise<void> {
    this.ready.clear();
    this.indexed.clear();
    this.disposeWatchers();
    await Promise.all((vscode.workspace.workspaceFolders ?? []).map((f) => this.whenReady(f)));
  }

  private async index(folder: vscode.WorkspaceFolder): Promise<void> {
    const key = folder.uri.toString();
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Corroborate: indexing the sources of ${folder.name}` }, async (progress) => {
      const cacheDir = this.cacheRoot ? path.join(this.cacheRoot, `index-${createHash("sha1").update(key).digest("hex").slice(0, 12)}`) : undefined;
      // The engine loads the folder's cache while the files are found here.
      const reset = this.engine.request({ op: "reset", root: key, ...(cacheDir ? { cacheDir } : {}) });
      const settings = readSettings(folder);
      const uris = new Map<string, vscode.Uri>();
      for (const glob of settings.sources) {
        for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(folder, glob))) uris.set(uri.toString(), uri);
      }
      const found = [...uris.values()].sort((a, b) => a.fsPath.localeCompare(b.fsPath));
      // With a cache, the files it knows by their size and date are taken from it unread.
      const all = cacheDir ? await this.takeKnown(key, found) : found;
      const cacheProblem = await reset;
      if (cacheProblem) this.output.appendLine(`${folder.name}: ${cacheProblem}`);
      // Several files in flight, so that the engine's threads always have one to prepare; the
      // engine takes them into the corpus in the order sent.
      let sent = 0;
      const lanes = Array.from({ length: Math.min(SENDING_AT_ONCE, all.length) }, async () => {
        for (let i = sent++; i < all.length; i = sent++) {
          await this.send(key, all[i]!);
          if (i % 50 === 0) progress.report({ message: `${i + 1} of ${all.length}`, increment: (50 / Math.max(1, all.length)) * 100 });
        }
      });
      await Promise.all(lanes);
      await this.persist(key);
      this.watch(folder, settings.sources);
      await this.refreshSummary(folder);
    });
  }

  /**
   * Gives the engine the files' sizes and dates in one message, as soon as they are looked at
   * (the engine answers once its cache is loaded); returns those its cache does not know so (to
   * be read and sent).
   */
  private async takeKnown(root: string, uris: vscode.Uri[]): Promise<vscode.Uri[]> {
    const files: Array<{ path: string; size: number; mtime: number }> = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(SENDING_AT_ONCE, uris.length) }, async () => {
        for (let i = next++; i < uris.length; i = next++) {
          const uri = uris[i]!;
          // A file that cannot be stat'ed is read and sent (and its problem said then).
          const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
          if (stat) files.push({ path: uri.fsPath, size: stat.size, mtime: stat.mtime });
        }
      }),
    );
    // Sent without waiting for the cache to load: the engine takes the message in while it loads.
    // The benchmark's opening again, in ten alternating pairs: ready in 0.80-1.10 s against
    // 0.82-1.17 s (median 0.90 against 0.92 s), the loop held up 18-23 ms against 17-28 ms.
    const { problems, unknown } = await this.engine.request({ op: "known", root, files });
    for (const p of problems) this.output.appendLine(`${vscode.workspace.asRelativePath(p.path)}: ${p.message}`);
    const paths = this.indexedIn(root);
    for (const f of files) paths.add(f.path);
    const toRead = new Set(unknown);
    const stated = new Set(files.map((f) => f.path));
    return uris.filter((u) => toRead.has(u.fsPath) || !stated.has(u.fsPath));
  }

  /** The paths sent for a folder (made empty the first time). */
  private indexedIn(root: string): Set<string> {
    let paths = this.indexed.get(root);
    if (!paths) this.indexed.set(root, (paths = new Set()));
    return paths;
  }

  private async send(root: string, uri: vscode.Uri): Promise<void> {
    this.indexedIn(root).add(uri.fsPath);
    try {
      const bytes = await vscode.workspace.fs.readFile(uri);
      const problems = await this.engine.request({ op: "upsert", root, path: uri.fsPath, bytes });
      for (const p of problems) this.output.appendLine(`${vscode.workspace.asRelativePath(p.path)}: ${p.message}`);
    } catch (error) {
      this.output.appendLine(`${vscode.workspace.asRelativePath(uri)}: cannot read: ${(error as Error).message}`);
      await this.engine.request({ op: "remove", root, path: uri.fsPath });
    }
  }

  private watch(folder: vscode.WorkspaceFolder, globs: string[]): void {
    const root = folder.uri.toString();
    for (const glob of globs) {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, glob));
      const update = async (uri: vscode.Uri) => {
        await this.send(root, uri);
        await this.refreshSummary(folder);
        this.persistSoon(root);
      };
      watcher.onDidChange(update);
      watcher.onDidCreate(update);
      this.watchers.push(watcher);
    }
    // Deletions, of a source or of a folder above sources (said once, for the folder), in one place.
    const deletions = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, "**"), true, true, false);
    deletions.onDidDelete((uri) => this.dropUnder(folder, uri));
    this.watchers.push(deletions);
  }

  private async dropUnder(folder: vscode.WorkspaceFolder, uri: vscode.Uri): Promise<void> {
    const root = folder.uri.toString();
    const paths = this.indexed.get(root);
    if (!paths) return;
    const gone = [...paths].filter((p) => p === uri.fsPath || p.startsWith(uri.fsPath.endsWith("/") ? uri.fsPath : uri.fsPath + "/"));
    if (!gone.length) return;
    for (const path of gone) {
      paths.delete(path);
      await this.engine.request({ op: "remove", root, path });
    }
    this.output.appendLine(`${vscode.workspace.asRelativePath(uri)}: deleted; ${gone.length} source${gone.length === 1 ? "" : "s"} no longer checked against`);
    await this.refreshSummary(folder);
  }

  /** Tells the engine the folder is indexed: it writes the index cache, if there is a cache folder. */
  private async persist(root: string): Promise<void> {
    const problem = await this.engine.request({ op: "persist", root });
    if (problem) this.output.appendLine(`could not save the index cache: ${problem}`);
  }

  /** After sources change: the cache is written once they have been quiet for a while. */
  private persistSoon(root: string): void {
    if (!this.cacheRoot) return;
    clearTimeout(this.persistLater.get(root));
    this.persistLater.set(root, setTimeout(() => void this.persist(root).catch(() => undefined), 5000));
  }

  private async refreshSummary(folder: vscode.WorkspaceFolder): Promise<void> {
    const summary = folderSummary(await this.engine.request({ op: "summary", root: folder.uri.toString() }));
    this.summaries.set(folder.uri.toString(), summary);
    if (!summary.count) this.output.appendLine(`${folder.name}: no sources found (setting corroborate.sources: ${readSettings(folder).sources.join(", ")})`);
    this.changed.fire(folder);
  }

  private disposeWatchers(): void {
    for (const w of this.watchers.splice(0)) w.dispose();
  }

  dispose(): void {
    for (const timer of this.persistLater.values()) clearTimeout(timer);
    this.disposeWatchers();
    this.changed.dispose();
  }
}
