// The engine reads sources through this small interface, never from a file system of its own:
// the CLI gives it the disk, the extension the workspace, a test an in-memory map.

export interface SourceEntry {
  path: string;
  size?: number;
  mtime?: number;
}

export interface SourceStore {
  list(): Promise<SourceEntry[]>;
  read(path: string): Promise<Uint8Array>;
}

/** Sources held in memory: tests, the browser, and callers that already have the text. */
export class MemoryStore implements SourceStore {
  private readonly files: Map<string, Uint8Array>;

  constructor(files: Record<string, string | Uint8Array>) {
    this.files = new Map(Object.entries(files).map(([p, t]) => [p, typeof t === "string" ? new TextEncoder().encode(t) : t]));
  }

  async list(): Promise<SourceEntry[]> {
    return [...this.files].map(([path, bytes]) => ({ path, size: bytes.length }));
  }

  async read(path: string): Promise<Uint8Array> {
    const bytes = this.files.get(path);
    if (!bytes) throw new Error(`${path}: no such source`);
    return bytes;
  }
}
