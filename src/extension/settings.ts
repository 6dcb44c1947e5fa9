// The extension's settings, read and checked: a value of the wrong type is reported once,
// naming the setting, and the default is used instead.
import * as vscode from "vscode";
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

const reported = new Set<string>();

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const config = vscode.workspace.getConfiguration("corroborate", scope);
  const strings = (key: keyof Settings): string[] | undefined => {
    const v = config.get<unknown>(key);
    return Array.isArray(v) && v.every((x) => typeof x === "string" && x.trim()) ? (v as string[]) : bad(key, v, "a list of strings");
  };
  const citation = config.get<unknown>("citationStyle");
  const debounce = config.get<unknown>("debounceMs");
  const highlight = config.get<unknown>("highlight");
  return {
    sources: strings("sources") ?? DEFAULTS.sources,
    languages: strings("languages") ?? DEFAULTS.languages,
    highlight: typeof highlight === "boolean" ? highlight : (bad("highlight", highlight, "true or false") ?? DEFAULTS.highlight),
    citationStyle: citation === "footnote" || citation === "inline" || citation === "pandoc" ? citation : (bad("citationStyle", citation, '"footnote", "inline" or "pandoc"') ?? DEFAULTS.citationStyle),
    debounceMs: typeof debounce === "number" && debounce >= 0 && debounce <= 10_000 ? debounce : (bad("debounceMs", debounce, "a number of milliseconds from 0 to 10000") ?? DEFAULTS.debounceMs),
  };
}

function bad(key: string, value: unknown, expected: string): undefined {
  if (value === undefined) return undefined;
  const id = `${key}:${JSON.stringify(value)}`;
  if (!reported.has(id)) {
    reported.add(id);
    void vscode.window.showWarningMessage(`Corroborate: the setting corroborate.${key} should be ${expected}, not ${JSON.stringify(value)}; using the default.`);
  }
  return undefined;
}
