// Quoted passages: “…”, "…", «…», and ‘…’ where it is not an apostrophe.
import type { Quote } from "../types";

const PAIRS: Array<[RegExp]> = [
  [/“([^“”]{2,2000}?)”/g],
  [/«([^«»]{2,2000}?)»/g],
  [/„([^„“”]{2,2000}?)[“”]/g],
  [/"([^"\n]{2,2000}?)"/g],
  [/(?<![\p{L}\d])‘([^‘’]{2,2000}?)’(?![\p{L}\d])/gu],
];

export function findQuotes(text: string, from = 0, to = text.length): Quote[] {
  const slice = text.slice(from, to);
  const quotes: Quote[] = [];
  for (const [re] of PAIRS) {
    for (const m of slice.matchAll(re)) {
      const start = from + m.index + 1;
      const end = start + m[1]!.length;
      if (quotes.some((q) => start < q.end && q.start < end)) continue;
      quotes.push({ start, end, text: m[1]! });
    }
  }
  return quotes.sort((a, b) => a.start - b.start);
}
