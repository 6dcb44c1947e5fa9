// A document's text kept one byte per character where it can be. News prose is Latin-1 but for
// a few curly quotes and dashes, and one of them makes V8 keep the whole text two bytes per
// character (10,000 sources are 39 million characters: 78 MB instead of 39). The text is kept
// as its Latin-1 characters, with the few others and where they stand beside it, and made again
// when read.
import { Recent } from "./recent";
import { lowerBound } from "../index/sorted";

export interface NarrowText {
  /** The text with each character beyond Latin-1 replaced by U+001A. */
  base: string;
  /** Where those characters stand, in order. */
  at: Int32Array;
  /** The characters themselves, one for each position. */
  wide: string;
}

const PLACEHOLDER = 0x1a;
/** Beyond this share of wide characters (a text in Cyrillic, Greek or Arabic), a text is kept as it is. */
const MAX_WIDE_SHARE = 1 / 16;
const CHUNK = 8192;

/** The text kept narrow, or undefined when it is kept as it is (no wide character, or mostly wide ones). */
export function narrowText(text: string): NarrowText | undefined {
  const at: number[] = [];
  const codes = new Uint8Array(text.length);
  const scan = scanCodes(text, codes, at);
  if (scan === TOO_WIDE || !at.length) return undefined;
  let wide = "";
  for (const k of at) wide += text[k];
  return { base: oneByteString(codes, scan === WITH_CONTROLS), at: Int32Array.from(at), wide };
}

const PLAIN = 0;
const WITH_CONTROLS = 1;
const TOO_WIDE = 2;

/**
 * Copies the text's character codes, the wide ones (their positions put in `at`) replaced by the
 * placeholder; says whether a C1 control was seen, or that too many are wide. The loop is a
 * function of its own: compiled inside narrowText, it was thrown away again and again by a type
 * check after it that failed (up to 1,220 deoptimisations indexing 3,000 sources; a profile of
 * one reading thread put 0.9 s in narrowText).
 */
function scanCodes(text: string, codes: Uint8Array, at: number[]): number {
  const most = text.length * MAX_WIDE_SHARE;
  let controls = false;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c > 0xff) {
      at.push(k);
      if (at.length > most) return TOO_WIDE;
      codes[k] = PLACEHOLDER;
    } else {
      codes[k] = c;
      if (c >= 0x80 && c <= 0x9f) controls = true;
    }
  }
  return controls ? WITH_CONTROLS : PLAIN;
}

/**
 * The string of these character codes, one byte per character. A "latin1" decoder (windows-1252,
 * as the Encoding standard defines it) makes one, several times faster than String.fromCharCode,
 * and gives each byte's own character but for 0x80-0x9F: codes there (C1 controls, rare in text)
 * are made into a string the slower way.
 */
function oneByteString(codes: Uint8Array, controls: boolean): string {
  if (!controls) return latin1.decode(codes);
  // From character codes that all fit one byte, V8 makes a one-byte string.
  let base = "";
  for (let k = 0; k < codes.length; k += CHUNK) base += String.fromCharCode.apply(null, codes.subarray(k, k + CHUNK) as unknown as number[]);
  return base;
}

const latin1 = new TextDecoder("latin1");

/**
 * The text kept narrow, made again. With `blanked` (runs of start, end, and 0 for spaces or 1 for
 * line ends: see prose-view), those stretches are blanked as the text is made: the prose, made
 * in one pass (building a corpus asks for each source's prose three times, and for its text only
 * to make the prose: the joins making both were 15% of what building 3,000 sources allocated).
 */
export function widenText(narrow: NarrowText, blanked: readonly number[] = []): string {
  const { base, at, wide } = narrow;
  const parts: string[] = [];
  let from = 0;
  let w = 0;
  // Adds the text from `from` to `to`: the base with its wide characters put back (those blanked,
  // before `from`, passed over).
  const copyTo = (to: number) => {
    for (; w < at.length && at[w]! < to; w++) {
      if (at[w]! < from) continue;
      parts.push(base.slice(from, at[w]!), wide[w]!);
      from = at[w]! + 1;
    }
    parts.push(base.slice(from, to));
    from = to;
  };
  for (let k = 0; k < blanked.length; k += 3) {
    copyTo(blanked[k]!);
    parts.push((blanked[k + 2] ? "\n" : " ").repeat(blanked[k + 1]! - blanked[k]!));
    from = blanked[k + 1]!;
  }
  copyTo(base.length);
  return parts.join("");
}

const made = new Recent<string>(64);

/** The text of a document kept narrow, made again (the most recently used kept). */
export function textFrom(owner: object, narrow: NarrowText): string {
  return made.get(owner, () => widenText(narrow));
}

/**
 * A part of a document's text to keep (a mention's text): a view into what the document keeps
 * anyway, never into a text made again for a moment (see detached).
 */
export function textPart(doc: { readonly text: string; narrowText?: NarrowText }, start: number, end: number): string {
  const narrow = doc.narrowText;
  if (!narrow) return doc.text.slice(start, end);
  const first = lowerBound(narrow.at.length, (i) => narrow.at[i]! < start);
  if (first >= narrow.at.length || narrow.at[first]! >= end) return narrow.base.slice(start, end);
  return detached(doc.text.slice(start, end));
}

/**
 * A part of a string to keep, that does not keep the whole string alive: V8 makes a slice of 13
 * characters or more a view into its parent (a document's text or prose, made again for a
 * moment). Concatenation then slicing makes it flatten a copy; shorter slices are copies already.
 */
export function detached(part: string): string {
  return part.length < 13 ? part : (" " + part).slice(1);
}
