// SARIF 2.1.0, so a newsroom's CI or code scanning can show the findings.
import type { Finding } from "../engine/types";
import { LineMap } from "../engine/ingest/lines";

const LEVEL = { error: "error", warning: "warning", information: "note", hint: "none" } as const;

export interface SarifInput {
  path: string;
  text: string;
  findings: Finding[];
}

export function toSarif(files: SarifInput[], version: string): object {
  const rules = new Map<string, Finding>();
  const results = [];
  for (const file of files) {
    const lines = new LineMap(file.text);
    for (const f of file.findings) {
      if (!rules.has(f.code)) rules.set(f.code, f);
      const start = lines.position(f.start);
      const end = lines.position(f.end);
      results.push({
        ruleId: f.code,
        level: LEVEL[f.severity],
        kind: f.kind === "supported" ? "pass" : "fail",
        message: { text: f.message },
        locations: [{ physicalLocation: { artifactLocation: { uri: toUri(file.path) }, region: { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column, charOffset: f.start, charLength: f.end - f.start } } }],
        relatedLocations: f.evidence.map((e, id) => ({
          id,
          message: { text: `${e.outlet ?? e.title}${e.date ? `, ${e.date}` : ""}: ${e.quote}` },
          physicalLocation: { artifactLocation: { uri: toUri(e.source) }, region: { startLine: e.line, startColumn: e.column } },
        })),
        properties: { verdict: f.kind },
      });
    }
  }
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [{
      tool: { driver: { name: "corroborate", version, informationUri: "https://github.com/corroborate/corroborate", rules: [...rules.keys()].sort().map((id) => ({ id, shortDescription: { text: id } })) } },
      results,
    }],
  };
}

function toUri(path: string): string {
  return path.split(/[\\/]/).map(encodeURIComponent).join("/");
}
