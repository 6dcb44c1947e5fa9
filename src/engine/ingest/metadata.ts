// A source's title, outlet, URL and publication date: from its front matter when it has one,
// else from its first lines (a dateline, a "logo" line, a site address), else its file name.
import type { DateValue, DocumentMeta, Sentence } from "../types";
import { findDates, type DateAnchor, type DateHit } from "../extract/dates";
import type { ClutterLine } from "./clutter";

const DATELINE_WINDOW = 600;

/** `dates`: each sentence's dates as read without an anchor (the document's date is not known yet). */
export function readMeta(
  path: string,
  prose: string,
  sentences: Sentence[],
  dates: DateHit[][],
  clutter: ClutterLine[],
  frontMatter: Record<string, unknown> | undefined,
): DocumentMeta {
  const meta: DocumentMeta = { path, title: "" };
  const fm = frontMatter ?? {};
  const str = (...keys: string[]): string | undefined => {
    for (const k of keys) if (typeof fm[k] === "string" && (fm[k] as string).trim()) return (fm[k] as string).trim();
    return undefined;
  };

  const first = sentences.find((s, i) => !isDateOnly(prose, s, dates[i]!));
  meta.title = str("title", "headline") ?? (first ? prose.slice(first.start, first.end).trim() : baseName(path));
  const outlet = str("outlet", "publication", "publisher", "source", "site") ?? outletFromEdges(clutter) ?? outletFromTitle(meta, prose);
  if (outlet) meta.outlet = outlet;
  const url = str("url", "link", "canonical") ?? firstUrl(clutter);
  if (url) meta.url = url;

  const fmDate = fm.date ?? fm.published ?? fm.pubDate;
  const fromFm = fmDate instanceof Date ? dateFromJs(fmDate) : typeof fmDate === "string" ? firstFullDate(fmDate, 0, fmDate.length) : undefined;
  if (fromFm) return { ...meta, date: fromFm, dateSource: "front-matter" };
  const fromText = datelineDate(prose, sentences, dates);
  if (fromText) return { ...meta, date: fromText, dateSource: "text" };
  const fromName = dateFromFileName(path);
  if (fromName) return { ...meta, date: fromName, dateSource: "file-name" };
  return meta;
}

/** A date that stands alone or opens a paragraph near the top: "06.10.2017", "6 October, 2017The…". */
function datelineDate(prose: string, sentences: Sentence[], dates: DateHit[][]): DateValue | undefined {
  for (const [i, s] of sentences.entries()) {
    if (s.start > DATELINE_WINDOW) break;
    const hit = dates[i]!.find((d) => d.value.precision === "day" && d.value.year !== undefined);
    if (!hit) continue;
    const before = prose.slice(s.start, hit.start).trim();
    if (before === "" || /^(?:published|updated|posted|date)\b[:\s]*$/i.test(before)) return hit.value;
  }
  return undefined;
}

function firstFullDate(text: string, from: number, to: number): DateValue | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text.slice(from, to).trim());
  if (iso) return { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]), precision: "day" };
  return findDates(text, from, to).find((d) => d.value.year !== undefined)?.value;
}

function dateFromJs(d: Date): DateValue | undefined {
  if (Number.isNaN(d.getTime())) return undefined;
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), precision: "day" };
}

function dateFromFileName(path: string): DateValue | undefined {
  const m = /((?:19|20)\d\d)-?(\d\d)-?(\d\d)/.exec(baseName(path));
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return { year, month, day, precision: "day" };
}

/** "Harbour Post logotype", "www.example.org" among the edge lines. */
function outletFromEdges(clutter: ClutterLine[]): string | undefined {
  for (const line of clutter) {
    // Trimmed first: a regular expression over untrimmed whitespace runs can backtrack for ever.
    const t = line.text.trim();
    const cut = t.lastIndexOf(" ");
    if (cut > 0 && /^(?:logotype|logo)$/i.test(t.slice(cut + 1))) return t.slice(0, cut).trim();
  }
  for (const line of clutter) {
    const site = /(?:https?:\/\/)?(?:www\.)?([a-z0-9-]+)\.(?:org|com|net|info|news|co\.uk|kz|ru|de|fr|eu|io)\b/i.exec(line.text.trim());
    if (site && !line.text.includes("@")) return site[1];
  }
  return undefined;
}

/** "Harbourpost: Dockers strike…": a one-word prefix that the body never repeats is the outlet. */
function outletFromTitle(meta: DocumentMeta, prose: string): string | undefined {
  const m = /^([\p{L}][\p{L}\d.&-]{1,30}):\s+\S/u.exec(meta.title);
  if (!m) return undefined;
  const word = m[1]!;
  const body = prose.slice(prose.indexOf(meta.title) + meta.title.length);
  if (new RegExp(`\\b${word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "i").test(body)) return undefined;
  meta.title = meta.title.slice(m[0].length - 1).trim();
  return word;
}

function firstUrl(clutter: ClutterLine[]): string | undefined {
  for (const line of clutter) {
    const m = /\b(https?:\/\/\S+|www\.[^\s@]+)/.exec(line.text);
    if (m) return m[1]!.startsWith("http") ? m[1] : `https://${m[1]}`;
  }
  return undefined;
}

/** A sentence that is one date and nothing else ("6 October, 2017"); `hits` are its dates. */
function isDateOnly(prose: string, s: Sentence, hits: DateHit[]): boolean {
  const sentence = prose.slice(s.start, s.end);
  return hits.length === 1 && sentence.replace(prose.slice(hits[0]!.start, hits[0]!.end), "").replace(/[\s,.]/g, "") === "";
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** The date year-less and relative dates are read against: the publication date, or else the latest full date the text gives. */
export function dateAnchor(meta: DocumentMeta, fullDates: DateValue[]): DateAnchor | undefined {
  const d = meta.date;
  if (d?.year !== undefined) return { year: d.year, month: d.month ?? 6, day: d.day ?? 15, published: true };
  let latest: DateValue | undefined;
  for (const v of fullDates) {
    // Only dated events anchor: "by 2050" is a plan, not the time of writing.
    if (v.year === undefined || v.yearInferred || v.precision === "year") continue;
    const key = v.year * 10000 + (v.month ?? 0) * 100 + (v.day ?? 0);
    const best = latest ? latest.year! * 10000 + (latest.month ?? 0) * 100 + (latest.day ?? 0) : -1;
    if (key > best) latest = v;
  }
  if (!latest) return undefined;
  return { year: latest.year!, month: latest.month ?? 12, day: latest.day ?? 28, published: false };
}
