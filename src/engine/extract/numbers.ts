// Numbers written in words or digits, read from a run of tokens: "two and a half", "75,000",
// "1.2 million", "seventy-five thousand", "a hundred", "dozens".
import type { Token } from "./tokens";

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
export const NUMBER_WORDS = UNITS;
const SCALES: Record<string, number> = { hundred: 100, thousand: 1_000, million: 1_000_000, billion: 1_000_000_000, bn: 1_000_000_000, m: 1_000_000 };
/** Vague plurals: "dozens of workers" is many workers, at least this many. */
export const VAGUE: Record<string, number> = { dozens: 24, scores: 40, hundreds: 200, thousands: 2_000, millions: 2_000_000 };

export interface NumberRead {
  value: number;
  /** Index of the first token after the number. */
  next: number;
  vague?: boolean;
}

export function readNumber(tokens: Token[], i: number): NumberRead | undefined {
  const first = tokens[i];
  if (!first) return undefined;
  let value: number | undefined;
  let j = i;
  if (/^\d/.test(first.text)) {
    value = Number(first.text.replace(/,/g, ""));
    j = i + 1;
  } else if (first.lower === "a" || first.lower === "an") {
    const next = tokens[i + 1];
    if (next && SCALES[next.lower] && next.lower !== "m" && next.lower !== "bn") {
      value = SCALES[next.lower]!;
      j = i + 2;
    } else if (next && next.lower === "dozen") {
      value = 12;
      j = i + 2;
    } else return undefined;
  } else if (VAGUE[first.lower] !== undefined) {
    return { value: VAGUE[first.lower]!, next: i + 1, vague: true };
  } else if (UNITS[first.lower] !== undefined) {
    let total = 0;
    let current = 0;
    while (j < tokens.length) {
      const t = tokens[j]!;
      if (UNITS[t.lower] !== undefined && (j === i || t.before === " " || t.before === "-")) {
        current += UNITS[t.lower]!;
        j++;
      } else if (t.lower === "hundred") {
        current = (current || 1) * 100;
        j++;
      } else if (SCALES[t.lower] && t.lower !== "m" && t.lower !== "bn") {
        total += (current || 1) * SCALES[t.lower]!;
        current = 0;
        j++;
      } else if (t.lower === "and" && tokens[j + 1] && UNITS[tokens[j + 1]!.lower] !== undefined && j > i && /hundred|thousand|million/.test(tokens[j - 1]!.lower)) {
        j++;
      } else break;
    }
    value = total + current;
  } else return undefined;

  // Scales after digits: "1.2 million", "75 thousand", "3bn".
  const scale = tokens[j];
  if (scale && SCALES[scale.lower] && /^\d/.test(first.text) && scale.lower !== "hundred") {
    value *= SCALES[scale.lower]!;
    j++;
  }
  // "and a half", "-and-a-half"
  const [a, b, c] = [tokens[j], tokens[j + 1], tokens[j + 2]];
  if (a?.lower === "and" && b?.lower === "a" && c?.lower === "half") {
    value += 0.5;
    j += 3;
  }
  return { value, next: j };
}

export function formatNumber(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString("en-US") : String(Math.round(n * 100) / 100);
}
