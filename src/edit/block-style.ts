// Rewrites a flow collection ({…} or […]) as block style, one entry a line, so that a task written on
// one line can take its progress log beneath it, an entry a line. Only the collection's own bytes change:
// each key and value keeps its text (quotes, spacing inside values, nested [lists] and {maps}), the keys
// keep their order, and every comment stays on the entry it followed (one after the closing bracket goes
// to the first line). The data read back is the same; apply.ts checks that.
import { isCollection, isMap, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { EditError } from './errors.js';
import { childAt, indentSteps, keyOf, walk, type Splice } from './nodes.js';
import type { Path } from '../source/path.js';

interface Comment { pre: string; text: string }

/** One entry of a flow collection: where its text is, and how it is written again. */
interface Entry {
  start: number;
  end: number;
  /** The entry as written, for one that keeps its text. */
  copy?: string;
  /** The collection to write in block style beneath `head` (a key and its colon, or nothing for a list item). */
  nested?: { node: YAMLMap | YAMLSeq; path: Path; head: string; comments: Comment[] };
}

const unsupported = (what: string) => new EditError('unsupported', `${what} cannot be rewritten in block style`);

export class BlockStyle {
  private readonly steps: { seq: number; map: number };
  private wanted = new Set<string>();

  constructor(
    private readonly text: string,
    private readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
    private readonly eol: string,
  ) {
    this.steps = indentSteps(doc, text, (o) => this.column(o));
  }

  private column(offset: number): number {
    return this.lines.linePos(offset).col - 1;
  }

  /**
   * The splices that write the collection at each path (where there is one) and every flow collection
   * around it in block style. Collections already in block style, and empty ones, are left alone.
   */
  splices(paths: readonly Path[]): Splice[] {
    this.wanted = new Set();
    const outermost = new Map<string, { node: YAMLMap | YAMLSeq; path: Path }>();
    for (const path of paths) {
      let node = this.doc.contents as Node | null | undefined;
      let first: { node: YAMLMap | YAMLSeq; path: Path } | undefined;
      for (let i = 0; isCollection(node); i++) {
        const at = path.slice(0, i);
        this.wanted.add(JSON.stringify(at));
        if (node.flow && !first && node.items.length) first = { node, path: at };
        if (i === path.length) break;
        node = childAt(node, path[i]!);
      }
      if (first) outermost.set(JSON.stringify(first.path), first);
    }
    return [...outermost.values()].map(({ node, path }) => this.rewrite(node, path));
  }

  /** The splice that writes `node`, a flow collection inside block ones, in block style. */
  private rewrite(node: YAMLMap | YAMLSeq, path: Path): Splice {
    if (!path.length) throw unsupported('a document written as one flow collection');
    const parent = walk(this.doc, path.slice(0, -1)).node;
    const close = node.range![1];
    // A comment after the closing bracket, on its line, goes to the first line: it spoke of the whole.
    const rest = /^[ \t]*(?:#[^\r\n]*)?/.exec(this.text.slice(close))![0];
    const after = this.gapComments(rest, path)[0];
    const end = close + (after ? rest.length : 0);
    if (isSeq(parent)) {
      const indent = this.column(node.range![0]);
      const lines = this.render(node, path, indent, after ? [after] : []);
      return { at: node.range![0], end, text: [lines[0]!.slice(indent), ...lines.slice(1)].join(this.eol) };
    }
    const pair = (parent as YAMLMap).items.find((p) => p.value === node)!;
    const key = pair.key as Node;
    const at = this.colonEnd(key, node, path);
    const comments = [...this.gapComments(this.text.slice(at, node.range![0]), path), ...(after ? [after] : [])];
    const indent = this.column(key.range![0]) + (isSeq(node) ? this.steps.seq : this.steps.map);
    const lines = this.render(node, path, indent, []);
    return { at, end, text: `${comments.map((c) => `${c.pre}${c.text}`).join('')}${this.eol}${lines.join(this.eol)}` };
  }

  /** The offset after the colon between a key and its value (the value may start on a later line). */
  private colonEnd(key: Node, value: Node, path: Path): number {
    const m = /^[ \t]*:/.exec(this.text.slice(key.range![1], value.range![0]));
    if (!m) throw unsupported(path.join('.'));
    return key.range![1] + m[0].length;
  }

  /** The lines of `node` in block style at `indent`; `first` comments go on its first line. */
  private render(node: YAMLMap | YAMLSeq, path: Path, indent: number, first: Comment[]): string[] {
    const entries = isMap(node) ? node.items.map((p) => this.pairEntry(p, path)) : node.items.map((item, i) => this.itemEntry(item as Node, [...path, i]));
    const open = node.range![0] + 1;
    const close = node.range![1] - 1;
    if (this.text[close] !== (isMap(node) ? '}' : ']')) throw unsupported(`${path.join('.')}, whose end is not a bracket,`);
    const pad = ' '.repeat(indent);
    const dash = isSeq(node) ? '- ' : '';
    const out: string[] = [];
    let trailing: Comment[] = [...first];
    let lastOf = -1; // the line the trailing comments of the gap after an entry go on
    const gaps = entries.map((e, i) => this.text.slice(i ? entries[i - 1]!.end : open, e.start));
    gaps.push(this.text.slice(entries.length ? entries[entries.length - 1]!.end : open, close));
    gaps.forEach((gap, i) => {
      for (const c of this.gapComments(gap, path)) {
        // A comment right after the opening bracket speaks of the first entry.
        if (c.ownLine && i > 0) out.push(`${pad}${c.text}`);
        else if (i === 0) trailing.push(c);
        else out[lastOf] += `${c.pre}${c.text}`;
      }
      const e = entries[i];
      if (!e) return;
      const firstLine = out.length;
      if (e.nested) {
        const inner = this.render(e.nested.node, e.nested.path, isSeq(node) ? indent + 2 : indent + (isSeq(e.nested.node) ? this.steps.seq : this.steps.map), []);
        if (e.nested.head) out.push(`${pad}${e.nested.head}${e.nested.comments.map((c) => `${c.pre}${c.text}`).join('')}`, ...inner);
        else out.push(`${pad}${dash}${inner[0]!.trimStart()}`, ...inner.slice(1));
        lastOf = firstLine;
      } else {
        out.push(...this.reindent(`${pad}${dash}${e.copy}`, indent + 2));
        lastOf = out.length - 1;
      }
      if (i === 0) {
        out[firstLine] += trailing.map((c) => `${c.pre}${c.text}`).join('');
        trailing = [];
      }
    });
    return out;
  }

  private pairEntry(pair: Pair, path: Path): Entry {
    const key = pair.key as Node | null;
    const value = pair.value as Node | null;
    if (!key?.range || !isScalar(key)) throw unsupported(`a key that is not a plain value at ${path.join('.')}`);
    const keyText = this.text.slice(key.range[0], key.range[1]);
    const childPath = [...path, keyOf(pair)];
    if (isCollection(value) && value.flow && value.items.length && this.wanted.has(JSON.stringify(childPath))) {
      const comments = this.gapComments(this.text.slice(this.colonEnd(key, value, childPath), value.range![0]), childPath);
      return { start: key.range[0], end: value.range![1], nested: { node: value, path: childPath, head: `${keyText}:`, comments } };
    }
    // `{a}` and `{a: }` have no value to copy: the key and its colon say the same in block style.
    const valueEnd = value?.range && value.range[1] > key.range[1] ? value.range[1] : undefined;
    if (valueEnd === undefined || (isScalar(value) && value.value === null && !this.text.slice(value.range![0], valueEnd).trim())) {
      return { start: key.range[0], end: Math.max(key.range[1], valueEnd ?? 0), copy: `${keyText}:` };
    }
    return { start: key.range[0], end: valueEnd, copy: this.text.slice(key.range[0], valueEnd) };
  }

  private itemEntry(item: Node, path: Path): Entry {
    if (!item?.range || (!isScalar(item) && !isCollection(item))) throw unsupported(`an entry at ${path.join('.')}`);
    if (isMap(item) && item.flow && item.items.length && this.wanted.has(JSON.stringify(path))) {
      return { start: item.range[0], end: item.range[1], nested: { node: item, path, head: '', comments: [] } };
    }
    return { start: item.range[0], end: item.range[1], copy: this.text.slice(item.range[0], item.range[1]) };
  }

  /** The comments in the text between two entries, which may hold only commas, blanks and comments. */
  private gapComments(gap: string, path: Path): (Comment & { ownLine: boolean })[] {
    const found: (Comment & { ownLine: boolean })[] = [];
    for (const m of gap.matchAll(/([ \t]*)(#[^\r\n]*)/g)) {
      found.push({ pre: m[1] || ' ', text: m[2]!, ownLine: /[\r\n]/.test(gap.slice(0, m.index)) });
    }
    // Tags, anchors and `? ` keys would be left behind: refuse rather than lose them.
    if (gap.replace(/#[^\r\n]*/g, '').replace(/[\s,]/g, '')) throw unsupported(`the tags, anchors or ? keys at ${path.join('.')}`);
    return found;
  }

  /** An entry's lines, the ones after the first moved to `indent` (a list or map spanning lines). */
  private reindent(entry: string, indent: number): string[] {
    const [head, ...rest] = entry.split(/\r?\n/);
    return [head!, ...rest.map((l) => (l.trim() ? `${' '.repeat(indent)}${l.trimStart()}` : ''))];
  }
}
