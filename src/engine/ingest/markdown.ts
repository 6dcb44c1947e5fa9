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

  let prose = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    prose += keep[i] || ch === "\n" ? ch : ch === "\r" ? "\r" : " ";
  }
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
