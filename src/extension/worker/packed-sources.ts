// A folder's list of sources as it crosses from the engine worker to the extension host. Sent as
// 10,000 objects, the list held the host's event loop for 17-33 ms while it was copied in (50,000
// strings made one by one); packed, it is one string and two arrays of numbers, copied whole. The
// host makes the objects only when the Sources view first asks for them.
import type { Problem } from "../../engine/index";

export interface SourceSummary {
  path: string;
  title: string;
  outlet?: string;
  date?: string;
  sentences: number;
}

/** The fields of every source, one after another in `text`; `ends`: where each field ends (four a source). */
export interface PackedSources {
  text: string;
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
  const parts: string[] = [];
  const ends = new Int32Array(list.length * FIELDS);
  const sentences = new Int32Array(list.length);
  let at = 0;
  list.forEach((s, i) => {
    [s.path, s.title, s.outlet ?? "", s.date ?? ""].forEach((field, f) => {
      parts.push(field);
      at += field.length;
      ends[i * FIELDS + f] = at;
    });
    sentences[i] = s.sentences;
  });
  return { text: parts.join(""), ends, sentences };
}

export function unpackSources({ text, ends, sentences }: PackedSources): SourceSummary[] {
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
