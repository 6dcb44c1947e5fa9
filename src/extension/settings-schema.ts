// The settings' types and defaults, and their validation: a value of the wrong type is reported,
// naming the setting, and the default is used. No editor needed, so it is tested on its own.
import type { CitationStyle } from "../engine/index";

export interface Settings {
  sources: string[];
  languages: string[];
  highlight: boolean;
  citationStyle: CitationStyle;
  debounceMs: number;
}

export const DEFAULTS: Settings = {
  sources: ["sources/**/*.{txt,md,markdown}"],
  languages: ["markdown", "plaintext"],
  highlight: true,
  citationStyle: "footnote",
  debounceMs: 300,
};

/** Reads each setting through `get` (undefined when not set) and checks its type. */
export function validateSettings(get: (key: keyof Settings) => unknown): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  const bad = <T>(key: keyof Settings, value: unknown, expected: string): T => {
    if (value !== undefined) problems.push(`the setting corroborate.${key} should be ${expected}, not ${JSON.stringify(value)}; using the default`);
    return DEFAULTS[key] as T;
  };
  const strings = (key: "sources" | "languages"): string[] => {
    const v = get(key);
    return Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === "string" && x.trim()) ? (v as string[]) : bad(key, v, "a list of strings");
  };
  const highlight = get("highlight");
  const citation = get("citationStyle");
  const debounce = get("debounceMs");
  const settings: Settings = {
    sources: strings("sources"),
    languages: strings("languages"),
    highlight: typeof highlight === "boolean" ? highlight : bad("highlight", highlight, "true or false"),
    citationStyle: citation === "footnote" || citation === "inline" || citation === "pandoc" ? citation : bad("citationStyle", citation, '"footnote", "inline" or "pandoc"'),
    debounceMs: typeof debounce === "number" && Number.isFinite(debounce) && debounce >= 0 && debounce <= 10_000 ? debounce : bad("debounceMs", debounce, "a number of milliseconds from 0 to 10000"),
  };
  return { settings, problems };
}
