// The format of `.corroborate.json`: names marked as known spellings and findings marked as
// checked. Parsing says what is wrong with a malformed file instead of throwing.

export interface ProjectFile {
  knownSpellings: string[];
  checked: Array<{ code: string; text: string }>;
}

export const emptyProjectFile = (): ProjectFile => ({ knownSpellings: [], checked: [] });

export function parseProjectFile(text: string): { file: ProjectFile; broken?: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { file: emptyProjectFile(), broken: (error as Error).message };
  }
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return { file: emptyProjectFile(), broken: "not a JSON object" };
  const o = raw as Record<string, unknown>;
  if (o.knownSpellings !== undefined && !Array.isArray(o.knownSpellings)) return { file: emptyProjectFile(), broken: '"knownSpellings" must be a list of names' };
  if (o.checked !== undefined && !Array.isArray(o.checked)) return { file: emptyProjectFile(), broken: '"checked" must be a list' };
  const known = ((o.knownSpellings as unknown[]) ?? []).filter((x): x is string => typeof x === "string");
  const checked = ((o.checked as unknown[]) ?? []).filter(
    (c): c is { code: string; text: string } => Boolean(c) && typeof (c as { code?: unknown }).code === "string" && typeof (c as { text?: unknown }).text === "string",
  );
  return { file: { knownSpellings: known, checked } };
}
