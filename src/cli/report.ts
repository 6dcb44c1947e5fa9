// The JSON report shared by `check --format json`, `mentions --format json` and the scorer:
// {"files":[{"path","findings":[...],"mentions":[{start,end,type,text,value}]}]}.
import type { Finding, Mention } from "../engine/types";

export interface FileReport {
  path: string;
  findings: Finding[];
  mentions: Array<Pick<Mention, "start" | "end" | "type" | "text" | "value">>;
  warnings?: string[];
}

export interface Report {
  files: FileReport[];
  problems: Array<{ path: string; message: string }>;
}

export function fileReport(path: string, findings: Finding[], mentions: Mention[], warnings: string[]): FileReport {
  const report: FileReport = {
    path,
    findings,
    mentions: mentions.map(({ start, end, type, text, value }) => ({ start, end, type, text, value })),
  };
  if (warnings.length) report.warnings = warnings;
  return report;
}
