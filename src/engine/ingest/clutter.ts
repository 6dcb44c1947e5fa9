// Scraped pages carry navigation, share and comment lines at their edges ("Jump to main content",
// "• Home • >", "Leave a Reply"). They are recognised by shape, never by their exact words:
// short lines without sentence punctuation, menu markers, lone addresses, at the top or bottom.

export interface ClutterLine {
  start: number;
  end: number;
  text: string;
}

const MAX_EDGE_LINES = 15;
const MENU_MARKERS = /[•·|»›▸►>]|^\s*[-*]\s/;
const ADDRESS = /^(?:https?:\/\/\S+|www\.\S+|\S+@\S+\.\S+)$/i;
const DATE_LIKE = /\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b(?:19|20)\d\d\b/;

export function isClutterShape(line: string): boolean {
  const t = line.trim();
  if (!t) return false;
  if (ADDRESS.test(t)) return true;
  const words = t.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length === 0) return true; // only symbols: "• >"
  if (MENU_MARKERS.test(t) && words.length <= 12 && !/[.!?]["”’]?$/.test(t)) return true;
  if (DATE_LIKE.test(t)) return false;
  return words.length <= 4 && !/[.!?]["”’]?$/.test(t) && !/[“"]/.test(t);
}

/** The clutter lines at the top and the bottom of a text. */
export function findClutter(text: string): ClutterLine[] {
  const lines: ClutterLine[] = [];
  let at = 0;
  for (const line of text.split("\n")) {
    lines.push({ start: at, end: at + line.length, text: line });
    at += line.length + 1;
  }
  const found: ClutterLine[] = [];
  const walk = (indices: number[]): void => {
    let seen = 0;
    for (const i of indices) {
      const line = lines[i]!;
      if (!line.text.trim()) continue;
      if (++seen > MAX_EDGE_LINES || !isClutterShape(line.text)) return;
      found.push(line);
    }
  };
  walk(lines.map((_, i) => i));
  const fromTop = new Set(found.map((l) => l.start));
  walk(lines.map((_, i) => lines.length - 1 - i).filter((i) => !fromTop.has(lines[i]!.start)));
  return found.sort((a, b) => a.start - b.start);
}
