// Command-line arguments: a command, its options and the files.

export type Format = "text" | "json" | "sarif";

export interface CliArgs {
  command: string;
  sources: string[];
  format: Format;
  all: boolean;
  files: string[];
  help: boolean;
  version: boolean;
  /** Threads that read sources; undefined: one per core. */
  jobs?: number;
  /** Folder of the persisted index; undefined: none. */
  cache?: string;
}

export class UsageError extends Error {}

const FORMATS: Format[] = ["text", "json", "sarif"];

export function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = { command: "", sources: [], format: "text", all: false, files: [], help: false, version: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = a.includes("=") ? a.slice(a.indexOf("=") + 1) : argv[++i];
      if (v === undefined || v === "") throw new UsageError(`${a.split("=")[0]} needs a value`);
      return v;
    };
    if (a === "--help" || a === "-h") args.help = true;
    else if (a === "--version" || a === "-V") args.version = true;
    else if (a === "--all") args.all = true;
    else if (a === "--jobs" || a.startsWith("--jobs=") || a === "-j") {
      const v = value();
      if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 64) throw new UsageError(`--jobs must be a whole number from 1 to 64, not "${v}"`);
      args.jobs = Number(v);
    } else if (a === "--cache" || a.startsWith("--cache=")) args.cache = value();
    else if (a === "--sources" || a.startsWith("--sources=") || a === "-s") args.sources.push(value());
    else if (a === "--format" || a.startsWith("--format=") || a === "-f") {
      const f = value();
      if (!FORMATS.includes(f as Format)) throw new UsageError(`--format must be one of ${FORMATS.join(", ")}, not "${f}"`);
      args.format = f as Format;
    } else if (a.startsWith("-") && a !== "-") throw new UsageError(`unknown option ${a}`);
    else if (!args.command) args.command = a;
    else args.files.push(a);
  }
  return args;
}

export const USAGE = `Usage: corroborate <command> [options] [FILE...]

Commands:
  check      check drafts against their sources (exit 1 when a red finding exists)
  mentions   list the names, dates and figures of each file
  sources    list the sources, their dates and outlets, and the entities they name
  conflicts  list the points on which the sources disagree

Options:
  -s, --sources DIR   a folder of sources (repeatable); default: sources/ beside the first draft
  -f, --format FMT    text (default), json, or sarif (check only)
      --all           with check and text: show supported findings too
  -j, --jobs N        threads that read the sources (default: one per core; 1: no threads)
      --cache DIR     keep the index in DIR and reuse it next time for the files not changed
  -h, --help          this help
  -V, --version       the version
`;
