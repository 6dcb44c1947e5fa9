// The kinds of finding, their severities and codes.
import type { Evidence, Finding, FindingKind, Fix, Severity } from "../types";

export const SEVERITY: Record<FindingKind, Severity> = {
  contradicted: "error",
  misspelled: "error",
  misquoted: "error",
  disputed: "warning",
  unsupported: "information",
  supported: "hint",
};

export const RED_KINDS = new Set<FindingKind>(["contradicted", "misspelled", "misquoted"]);

export function finding(start: number, end: number, kind: FindingKind, code: string, message: string, evidence: Evidence[] = [], fixes: Fix[] = []): Finding {
  return { start, end, kind, code, severity: SEVERITY[kind], message, evidence, fixes };
}
