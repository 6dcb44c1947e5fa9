// The `corroborate` command: check drafts, list mentions, sources and the sources' conflicts.
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { checkDraft, conflictSummaries, decodeBytes, RED_KINDS, type Corpus, type Problem } from "../engine/index";
import { mentionsOf } from "../engine/index/corpus";
import { prepareDocument } from "../engine/ingest/document";
import { LineMap } from "../engine/ingest/lines";
import { parseArgs, UsageError, USAGE, type CliArgs } from "./args";
import { loadSources } from "../host/load-sources";
import { DiskStore, describe, displayPath } from "./fs-store";
import { fileReport, type FileReport } from "./report";
import { findingLines, truncate } from "./format-text";
import { toSarif } from "./format-sarif";

declare const __VERSION__: string;
const VERSION = typeof __VERSION__ === "string" ? __VERSION__ : "dev";

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const stdio: Io = { out: (s) => process.stdout.write(s + "\n"), err: (s) => process.stderr.write(s + "\n") };

export async function main(argv: string[], io: Io = stdio): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`corroborate: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  if (args.version) {
    io.out(VERSION);
    return 0;
  }
  if (args.help || !args.command) {
    (args.help ? io.out : io.err)(USAGE);
    return args.help ? 0 : 2;
  }
  switch (args.command) {
    case "check":
    case "mentions":
      if (!args.files.length) return usage(io, `${args.command} needs at least one FILE`);
      return runOnDrafts(args, io);
    case "sources":
      return runSources(args, io);
    case "conflicts":
      return runConflicts(args, io);
    default:
      return usage(io, `unknown command "${args.command}"`);
  }
}

function usage(io: Io, message: string): number {
  io.err(`corroborate: ${message}\n\n${USAGE}`);
  return 2;
}

async function openCorpus(args: CliArgs, io: Io): Promise<{ corpus: Corpus; problems: Problem[] } | undefined> {
  const dirs = args.sources.length ? args.sources : args.files.length ? [join(dirname(args.files[0]!), "sources")] : [];
  if (!dirs.length) {
    io.err("corroborate: no sources: give --sources DIR");
    return undefined;
  }
  const store = new DiskStore(dirs);
  const { corpus, problems, cache } = await loadSources(store, { ...(args.jobs ? { jobs: args.jobs } : {}), ...(args.cache ? { cacheDir: args.cache } : {}) });
  if (cache?.problem) io.err(`corroborate: ${displayPath(args.cache!)}: the index cache is ${cache.problem}`);
  const unsaved = cache?.save(corpus);
  if (unsaved) io.err(`corroborate: ${displayPath(args.cache!)}: could not save the index cache: ${unsaved}`);
  problems.unshift(...store.problems);
  for (const p of problems) io.err(`corroborate: ${displayPath(p.path)}: ${p.message}`);
  if (!corpus.sources.length) {
    io.err(`corroborate: no readable sources in ${dirs.map(displayPath).join(", ")}`);
    return undefined;
  }
  return { corpus, problems };
}

async function readDraftFile(path: string, io: Io): Promise<string | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    io.err(`corroborate: ${displayPath(path)}: ${describe(error)}`);
    return undefined;
  }
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) {
    io.err(`corroborate: ${displayPath(path)}: ${decoded.problem}`);
    return undefined;
  }
  for (const w of decoded.warnings) io.err(`corroborate: ${displayPath(path)}: ${w}`);
  if (!decoded.text.trim()) io.err(`corroborate: ${displayPath(path)}: the draft is empty; nothing to check`);
  return decoded.text;
}

async function runOnDrafts(args: CliArgs, io: Io): Promise<number> {
  const opened = await openCorpus(args, io);
  if (!opened) return 2;
  const { corpus, problems } = opened;
  const reports: FileReport[] = [];
  const texts: string[] = [];
  let red = false;
  for (const path of args.files) {
    const text = await readDraftFile(path, io);
    if (text === undefined) continue;
    if (args.command === "check") {
      const result = checkDraft(corpus, path, text);
      red ||= result.findings.some((f) => RED_KINDS.has(f.kind));
      reports.push(fileReport(path, result.findings, result.mentions, result.warnings));
    } else {
      const doc = prepareDocument(path, text);
      reports.push(fileReport(path, [], mentionsOf(doc, corpus.entities), doc.warnings));
    }
    texts.push(text);
  }
  if (!reports.length) return 2;

  if (args.format === "json") io.out(JSON.stringify({ files: reports, problems }, null, 1));
  else if (args.format === "sarif") io.out(JSON.stringify(toSarif(reports.map((r, i) => ({ path: r.path, text: texts[i]!, findings: r.findings })), VERSION), null, 1));
  else {
    reports.forEach((r, i) => {
      if (args.command === "check") {
        const lines = findingLines(r.path, texts[i]!, r.findings, args.all);
        for (const l of lines) io.out(l);
        const count = (k: string) => r.findings.filter((f) => f.kind === k).length;
        io.out(`${displayPath(r.path)}: ${count("contradicted")} contradicted, ${count("misspelled")} misspelled, ${count("misquoted")} misquoted, ${count("disputed")} disputed, ${count("unsupported")} unsupported, ${count("supported")} supported`);
      } else {
        const lines = new LineMap(texts[i]!);
        for (const m of r.mentions) {
          const { line, column } = lines.position(m.start);
          io.out(`${displayPath(r.path)}:${line}:${column}  ${m.type.padEnd(12)} ${JSON.stringify(m.text)}  → ${m.value}`);
        }
      }
    });
  }
  return args.command === "check" && red ? 1 : 0;
}

async function runSources(args: CliArgs, io: Io): Promise<number> {
  const opened = await openCorpus(args, io);
  if (!opened) return 2;
  const { corpus } = opened;
  if (args.format === "json") {
    io.out(JSON.stringify({
      sources: corpus.sources.map((s) => ({ path: s.doc.meta.path, title: s.doc.meta.title, outlet: s.doc.meta.outlet ?? null, date: s.mentions.length >= 0 ? s.doc.meta.date ?? null : null, url: s.doc.meta.url ?? null, sentences: s.doc.sentences.length, mentions: s.mentions.length })),
      entities: corpus.entities.entities.map((e) => ({ id: e.id, type: e.type, name: e.name, variants: e.variants, mentions: e.mentions })),
    }, null, 1));
    return 0;
  }
  io.out(`${corpus.sources.length} sources`);
  for (const s of corpus.sources) {
    const m = s.doc.meta;
    const date = m.date ? [m.date.day, m.date.month, m.date.year].filter((x) => x !== undefined).join(".") : "no date";
    io.out(`  ${displayPath(m.path)}`);
    io.out(`      ${truncate(m.title, 90)}`);
    io.out(`      ${m.outlet ?? "outlet unknown"} · ${date} · ${s.doc.sentences.length} sentences · ${s.mentions.length} mentions`);
  }
  for (const type of ["person", "organization", "place"] as const) {
    const list = corpus.entities.entities.filter((e) => e.type === type).sort((a, b) => b.mentions - a.mentions);
    io.out(`\n${type === "person" ? "People" : type === "organization" ? "Organisations" : "Places"} (${list.length})`);
    for (const e of list) {
      const others = e.variants.filter((v) => v !== e.name);
      io.out(`  ${e.name}${others.length ? ` = ${others.join(" = ")}` : ""}  (${e.mentions})`);
    }
  }
  return 0;
}

async function runConflicts(args: CliArgs, io: Io): Promise<number> {
  const opened = await openCorpus(args, io);
  if (!opened) return 2;
  const { corpus } = opened;
  const conflicts = conflictSummaries(corpus);
  if (args.format === "json") {
    io.out(JSON.stringify({ conflicts }, null, 1));
    return 0;
  }
  io.out(`${conflicts.length} point${conflicts.length === 1 ? "" : "s"} on which the sources disagree`);
  for (const c of conflicts) {
    io.out(`\n${c.id}. ${c.summary}`);
    for (const e of c.evidence) io.out(`    ${e.says}: “${truncate(e.quote, 200)}” — ${e.outlet ?? e.title} (${displayPath(e.source)}:${e.line})`);
  }
  return 0;
}

/**
 * Exits once what was written has gone out: output to a pipe (`corroborate check … | jq`) is
 * written asynchronously, and exiting at once cut a long report after 64 KB.
 */
function exitWhenWritten(code: number): void {
  process.exitCode = code;
  let waiting = 2;
  for (const stream of [process.stdout, process.stderr]) stream.write("", () => --waiting === 0 && process.exit(code));
}

if (require.main === module) {
  main(process.argv.slice(2)).then(exitWhenWritten, (error: unknown) => {
    process.stderr.write(`corroborate: internal error: ${(error as Error)?.message ?? String(error)}\n`);
    exitWhenWritten(2);
  });
}
