// Plain data shared by every stage. Offsets are UTF-16 code-unit offsets into the original text.

export type MentionType = "person" | "organization" | "place" | "date" | "term";

export type DatePrecision = "day" | "month" | "year";

export interface DateValue {
  year?: number;
  month?: number; // 1-12
  day?: number;
  precision: DatePrecision;
  /** The year was not written; it was inferred from the document's date. */
  yearInferred?: boolean;
}

export type TermKind = "duration" | "money" | "count";

export interface TermValue {
  kind: TermKind;
  /** Normalised amount: hours for durations, units of `unit` otherwise. */
  amount: number;
  /** "hour" for durations, an ISO-like currency code for money, the counted noun for counts. */
  unit: string;
  /** How the value was written, normalised: "4 years", "EUR 75,000", "6,000 signatures". */
  display: string;
  qualifier?: "about" | "over" | "under" | "up to" | "at least" | "many";
  /** The noun the figure qualifies, when written: "ban", "jail", "forced labour". */
  head?: string;
}

export interface Mention {
  start: number;
  end: number;
  type: MentionType;
  text: string;
  /** Normalised value: an ISO date, a term's display, or an entity's canonical name. */
  value: string;
  date?: DateValue;
  term?: TermValue;
  /** Set on names once entities are resolved. */
  entityId?: string;
}

export interface Sentence {
  start: number;
  end: number;
  /** Index of the block (paragraph, heading, line) the sentence belongs to. */
  block: number;
}

export interface Quote {
  start: number; // offsets of the quoted words, without the marks
  end: number;
  text: string;
}

export interface DocumentMeta {
  path: string;
  title: string;
  outlet?: string;
  url?: string;
  date?: DateValue;
  /** Where the date came from: front matter, the text near the top, the file name. */
  dateSource?: "front-matter" | "text" | "file-name" | "inferred";
}

/** A source or a draft, read and analysed. */
export interface AnalysedDocument {
  meta: DocumentMeta;
  text: string;
  /** The text with everything that is not prose (markup, code, URLs, web clutter) blanked out. */
  prose: string;
  sentences: Sentence[];
  mentions: Mention[];
  quotes: Quote[];
  warnings: string[];
}

export type FindingKind =
  | "supported"
  | "contradicted"
  | "disputed"
  | "unsupported"
  | "misspelled"
  | "misquoted";

export type Severity = "error" | "warning" | "information" | "hint";

export interface Evidence {
  source: string;
  title: string;
  outlet?: string;
  date?: string;
  url?: string;
  quote: string;
  line: number; // 1-based
  column: number; // 1-based
  start: number; // offsets of the quoted sentence in the source text
  end: number;
  /** Offsets of the value inside the source text, when the evidence is about one value. */
  valueStart?: number;
  valueEnd?: number;
  /** What this source says, when sources disagree: "28 September 2017". */
  says?: string;
  /** Where the value stands inside `quote`, to show it in bold. */
  highlight?: [number, number];
}

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  title: string;
  kind: "replace" | "cite";
  edits: TextEdit[];
}

export interface Finding {
  start: number;
  end: number;
  kind: FindingKind;
  code: string;
  severity: Severity;
  message: string;
  evidence: Evidence[];
  fixes: Fix[];
}
