// A folder's list of sources as it crosses from the engine worker to the extension host. Sent as
// 10,000 objects, the list held the host's event loop for 17-33 ms while it was copied in (50,000
// strings made one by one); packed in one string, still 16-18 ms (3 MB of fresh memory: memory
// first touched is slow on these machines). So it is three arrays of numbers, handed over (not
// copied); the host makes the strings and objects only when the Sources view first asks for them.
import type { Problem } from "../../engine/index";

export interface SourceSummary {
  path: string;
  title: string;
  outlet?: string;
  date?: string;
  sentences: number;
}

/** The fields of every source, one after another in `text` (UTF-16 code units); `ends`: where each field ends (four a source). */
export interface PackedSources {
  text: Uint16Array;
  ends: Int32Array;
  sentences: Int32Array;
}

export interface CorpusSummary {
  sources: PackedSources;
  problems: Problem[];
}

/** What the extension keeps of a folder's summary: the list is unpacked when first read. */
export interface FolderSummary {
  readonly count: number;
  readonly problems: Problem[];
  readonly sources: SourceSummary[];
}

const FIELDS = 4;

export function packSources(list: readonly SourceSummary[]): PackedSources {
  // Plain loops over one joined string: this runs once per folder, too rarely to be optimised,
  // and a loop per field (or over a closure's variable) ran unoptimised: 10,000 sources took
  // 35-51 ms so, 25-42 ms this way (seven fresh processes each).
  const fields = new Array<string>(list.length * FIELDS);
  const ends = new Int32Array(fields.length);
  let at = 0;
  for (let i = 0; i < list.length; i++) {
    const s = list[i]!;
    fields[i * FIELDS] = s.path;
    fields[i * FIELDS + 1] = s.title;
    fields[i * FIELDS + 2] = s.outlet ?? "";
    fields[i * FIELDS + 3] = s.date ?? "";
    for (let f = i * FIELDS; f < (i + 1) * FIELDS; f++) ends[f] = at += fields[f]!.length;
  }
  const joined = fields.join("");
  const text = new Uint16Array(joined.length);
  for (let c = 0; c < joined.length; c++) text[c] = joined.charCodeAt(c);
  return { text, ends, sentences: Int32Array.from(list, (s) => s.sentences) };
}

/** What to hand over with the packed sources in a message (they are not usable on this side afterwards). */
export function transferOf({ text, ends, sentences }: PackedSources): ArrayBuffer[] {
  return [text.buffer, ends.buffer, sentences.buffer] as ArrayBuffer[];
}

/** The code units as a string, a slice at a time (a call's arguments are limited in number). */
function stringOf(units: Uint16Array): string {
  let out = "";
  for (let i = 0; i < units.length; i += 8192) out += String.fromCharCode(...units.subarray(i, i + 8192));
  return out;
}

export function unpackSources({ text: units, ends, sentences }: PackedSources): SourceSummary[] {
  const text = stringOf(units);
  const list: SourceSummary[] = [];
  let from = 0;
  const field = (k: number) => text.slice(from, (from = ends[k]!));
  for (let i = 0; i < sentences.length; i++) {
    const path = field(i * FIELDS);
    const title = field(i * FIELDS + 1);
    const outlet = field(i * FIELDS + 2);
    const date = field(i * FIELDS + 3);
    list.push({ path, title, sentences: sentences[i]!, ...(outlet ? { outlet } : {}), ...(date ? { date } : {}) });
  }
  return list;
}

export function folderSummary(reply: CorpusSummary): FolderSummary {
  let sources: SourceSummary[] | undefined;
  return {
    count: reply.sources.sentences.length,
    problems: reply.problems,
    get sources() {
      return (sources ??= unpackSources(reply.sources));
    },
  };
}
