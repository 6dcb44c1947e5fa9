// Posting lists (a key to the ascending ids that have it) as plain data, for a host to persist:
// the keys, how many ids each has, and the ids one list after another. Loaded lists stay views
// into the one loaded list of ids until an id is added to them (no array made per key).

export type PostingList = number[] | Int32Array;

export interface PostingsData {
  keys: string[];
  counts: Int32Array;
  ids: Int32Array;
}

/**
 * The lists as data; with `renumber`, each id as it gives it (or left out where it gives -1), each
 * list in ascending order again (and left out when empty).
 */
export function postingsToData(postings: Map<string, PostingList>, renumber?: (id: number) => number): PostingsData {
  if (renumber) return postingsToData(renumbered(postings, renumber));
  const keys = [...postings.keys()];
  const counts = Int32Array.from(postings.values(), (list) => list.length);
  const ids = new Int32Array(counts.reduce((sum, n) => sum + n, 0));
  let at = 0;
  for (const list of postings.values()) {
    ids.set(list, at);
    at += list.length;
  }
  return { keys, counts, ids };
}

function renumbered(postings: Map<string, PostingList>, renumber: (id: number) => number): Map<string, PostingList> {
  const out = new Map<string, PostingList>();
  for (const [key, list] of postings) {
    const ids: number[] = [];
    for (const id of list) {
      const n = renumber(id);
      if (n >= 0) ids.push(n);
    }
    if (!ids.length) continue;
    if (ids.some((id, i) => i > 0 && ids[i - 1]! > id)) ids.sort((a, b) => a - b);
    out.set(key, ids);
  }
  return out;
}

/** The lists of the data: views into its ids (no array made per key: 3.3 million ids at 10,000 sources). */
export function postingsFromData(data: PostingsData): Map<string, PostingList> {
  const postings = new Map<string, PostingList>();
  let at = 0;
  data.keys.forEach((key, i) => postings.set(key, data.ids.subarray(at, (at += data.counts[i]!))));
  return postings;
}

/**
 * The buffers of the lists grown here from loaded views (see insertId): a list into one of them
 * starts at its start, and the room past its end is its own. A view into the loaded ids has no
 * room of its own (what follows it is the next key's list).
 */
const grownBuffers = new WeakSet<ArrayBufferLike>();

/**
 * Puts `id` into `key`'s list, `list` as the postings have it, at place `at` (by default at its
 * end). A list made here is an array, pushed to (or spliced). A list loaded as a view is copied
 * once into a buffer of its own with room to grow, and stays a view, now into that buffer: copied
 * into an array, element by element, the lists a source's words touch took 90-130 ms of the first
 * source re-indexed after opening 10,000 again, and 20-50 ms of the next few.
 */
export function insertId(postings: Map<string, PostingList>, key: string, list: PostingList | undefined, id: number, at = list?.length ?? 0): void {
  if (list === undefined) return void postings.set(key, [id]);
  if (Array.isArray(list)) return void (at === list.length ? list.push(id) : list.splice(at, 0, id));
  const n = list.length;
  let buffer = list;
  if (!grownBuffers.has(list.buffer) || list.buffer.byteLength === list.byteLength) {
    buffer = new Int32Array(n + Math.max(16, n >> 3));
    buffer.set(list);
    grownBuffers.add(buffer.buffer);
  }
  const room = new Int32Array(buffer.buffer, 0, n + 1);
  if (at < n) room.copyWithin(at + 1, at, n);
  room[at] = id;
  postings.set(key, room);
}
