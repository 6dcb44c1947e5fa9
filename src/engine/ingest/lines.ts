// Offsets to 1-based line and column numbers (columns in UTF-16 code units, as editors count).

export class LineMap {
  private found: number[] | undefined;

  /**
   * `text` may be given as a function, read on the first question: a corpus keeps a map for each
   * source, and most are never asked (their line starts are then never worked out).
   */
  constructor(private readonly text: string | (() => string)) {}

  private get starts(): number[] {
    if (this.found) return this.found;
    const text = typeof this.text === "string" ? this.text : this.text();
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10) starts.push(i + 1);
      else if (ch === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1); // a lone CR
    }
    return (this.found = starts);
  }

  position(offset: number): { line: number; column: number } {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  }
}
