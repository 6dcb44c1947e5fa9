// Markdown is parsed with unified + remark-parse. We keep the original offsets by blanking
// (with spaces) everything that is not prose: markup, code, HTML, link targets, front matter.
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkFrontmatter from "remark-frontmatter";
import { parse as parseYaml } from "yaml";

export interface ProseView {
  prose: string;
  /** Paragraphs, headings, list items and table cells, as [start, end) ranges. */
  blocks: Array<[number, number]>;
  frontMatter?: Record<string, unknown>;
  warnings: string[];
}

interface MdNode {
  type: string;
  value?: string;
  url?: string;
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

const BLOCK_TYPES = new Set(["paragraph", "heading", "tableCell"]);
const SKIPPED_TYPES = new Set(["code", "inlineCode", "html", "yaml", "toml", "definition", "image", "imageReference", "math", "inlineMath"]);

const parser = unified().use(remarkParse).use(remarkFrontmatter, ["yaml"]);

export function markdownProse(text: string): ProseView {
  const keep = new Uint8Array(text.length);
  const blocks: Array<[number, number]> = [];
  const warnings: string[] = [];
  let frontMatter: Record<string, unknown> | undefined;
  const tree = parser.parse(text) as MdNode;

  const visit = (node: MdNode, depth: number): void => {
    const from = node.position?.start.offset;
    const to = node.position?.end.offset;
    if (node.type === "yaml") {
      frontMatter = readFrontMatter(node.value ?? "", warnings);
      return;
    }
    if (SKIPPED_TYPES.has(node.type)) return;
    if (BLOCK_TYPES.has(node.type) && from !== undefined && to !== undefined) blocks.push([from, to]);
    if (node.type === "text" && from !== undefined && to !== undefined) keep.fill(1, from, to);
    // Deeply nested input (">>>>>>..." or nested lists) must not blow the stack.
    if (depth > 200) return;
    for (const child of node.children ?? []) visit(child, depth + 1);
  };
  visit(tree, 0);

  // Footnote references and definitions ("[^src-2017]", "[^src-2017]: “Title”, Outlet…") are
  // citations, not claims: they are not checked.
  for (const m of text.matchAll(/^\[\^[^\]\n]+\]:.*$/gm)) keep.fill(0, m.index, m.index + m[0].length);
  for (const m of text.matchAll(/\[\^[^\]\n]+\]/g)) keep.fill(0, m.index, m.index + m[0].length);
  const parts: string[] = [];
  let runStart = 0;
  for (let i = 0; i <= text.length; i++) {
    // Copy kept runs as they are; blank the rest, keeping line breaks so offsets and lines hold.
    if (i === text.length || !keep[i]) {
      if (i > runStart) parts.push(text.slice(runStart, i));
      if (i < text.length) parts.push(text[i] === "\n" || text[i] === "\r" ? text[i]! : " ");
      runStart = i + 1;
    }
  }
  const prose = parts.join("");
  blocks.sort((a, b) => a[0] - b[0]);
  return frontMatter ? { prose, blocks, frontMatter, warnings } : { prose, blocks, warnings };
}

function readFrontMatter(yaml: string, warnings: string[]): Record<string, unknown> | undefined {
  try {
    const value = parseYaml(yaml) as unknown;
    if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch (error) {
    warnings.push(`front matter is not valid YAML (${(error as Error).message.split("\n")[0]}); ignored`);
  }
  return undefined;
}
