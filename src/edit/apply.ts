// Surgical edits of YAML text: only the bytes of the values set and the entries added change, so
// every comment, blank line, key order, style and quote elsewhere stays as it was. Each result is
// parsed again and must equal the old data plus exactly the intended change, or nothing is returned.
import { isDeepStrictEqual } from 'node:util';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Path } from '../model/types.js';
import { flowText, scalarText } from './scalar.js';

export type EditOp =
  /** Set the value at `path`; the last key is added to its map when missing. */
  | { kind: 'set'; path: Path; value: unknown }
  /** Append an item to the list at `path`; the key is added (as a block list) when missing. */
  | { kind: 'append'; path: Path; value: unknown };

export class EditError extends Error {
  constructor(readonly reason: 'syntax' | 'not-found' | 'unsupported' | 'verify', message: string) {
    super(message);
  }
}

interface Splice { at: number; end: number; text: string }

/** The line ending most of the file's lines use: one stray CRLF does not make new lines CRLF. */
export function majorityEol(text: string): '\r\n' | '\n' {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    if (text.charCodeAt(i - 1) === 13) crlf++;
    else lf++;
  }
  return crlf > lf ? '\r\n' : '\n';
}

const keyOf = (p: Pair): string => (isScalar(p.key) ? String(p.key.value) : String(p.key));

function lookup(doc: Document.Parsed, path: Path): Node | null | undefined {
  return walk(doc, path).node;
}

/** The node at `path`, and whether any collection on the way is a flow one ([…] or {…}). */
function walk(doc: Document.Parsed, path: Path): { node: Node | null | undefined; flow: boolean } {
  let node: Node | null | undefined = doc.contents as Node | null;
  let flow = false;
  for (const seg of path) {
    if ((isMap(node) || isSeq(node)) && node.flow) flow = true;
    if (isMap(node)) node = (node.items.find((p) => keyOf(p) === String(seg))?.value as Node | null | undefined) ?? undefined;
    else if (isSeq(node) && typeof seg === 'number') node = node.items[seg] as Node | undefined;
    else return { node: undefined, flow };
    if (node === undefined) return { node, flow };
  }
  return { node, flow: flow || ((isMap(node) || isSeq(node)) && !!node.flow) };
}

class Editor {
  readonly splices: Splice[] = [];
  readonly eol: string;
  private readonly lines = new LineCounter();
  readonly doc: Document.Parsed;

  constructor(readonly text: string) {
    this.doc = parseDocument(text, { lineCounter: this.lines, keepSourceTokens: true });
    if (this.doc.errors.length) throw new EditError('syntax', this.doc.errors[0]!.message);
    this.eol = majorityEol(text);
  }

  private column(offset: number): number {
    return this.lines.linePos(offset).col - 1;
  }

  /** End of the line holding the last non-blank character before `offset`. */
  private lineEndBefore(offset: number): number {
    let p = offset;
    while (p > 0 && /\s/.test(this.text[p - 1]!)) p--;
    const nl = this.text.indexOf('\n', p);
    if (nl < 0) return this.text.length;
    return this.text[nl - 1] === '\r' ? nl - 1 : nl;
  }

  /** The end of a collection's content (ranges may run on over trailing blank lines). */
  private contentEnd(node: Node): number {
    return this.lineEndBefore(node.range![1]);
  }

  set(path: Path, value: unknown): void {
    const parentPath = path.slice(0, -1);
    const key = path[path.length - 1]!;
    const { node: parent, flow: inFlow } = walk(this.doc, parentPath);
    if (!isMap(parent)) throw new EditError('not-found', `no mapping at ${parentPath.join('.')}`);
    const pair = parent.items.find((p) => keyOf(p) === String(key));
    if (pair && isScalar(pair.value) && pair.value.range) {
      const [start, end] = pair.value.range;
      this.splices.push({ at: start, end, text: typeof value === 'object' && value !== null ? flowText(value) : scalarText(value, inFlow) });
      return;
    }
    if (pair) throw new EditError('unsupported', `the value at ${path.join('.')} is not a single value`);
    this.addPair(parent, String(key), value);
  }

  append(path: Path, value: unknown): void {
    const node = lookup(this.doc, path);
    if (node === undefined || node === null || (isScalar(node) && node.value === null)) {
      const parent = lookup(this.doc, path.slice(0, -1));
      if (!isMap(parent)) throw new EditError('not-found', `no mapping at ${path.slice(0, -1).join('.')}`);
      if (node !== undefined) throw new EditError('unsupported', `${path.join('.')} is empty; write [] or remove it`);
      this.addPair(parent, String(path[path.length - 1]), [value], true);
      return;
    }
    if (!isSeq(node)) throw new EditError('unsupported', `${path.join('.')} is not a list`);
    this.appendItem(node, value);
  }

  private addPair(map: YAMLMap, key: string, value: unknown, asBlockList = false): void {
    const k = scalarText(key, !!map.flow);
    if (map.flow) {
      const close = map.range![1] - 1;
      if (this.text[close] !== '}') throw new EditError('unsupported', 'unexpected flow mapping end');
      this.splices.push({ at: close, end: close, text: `${map.items.length ? ', ' : ''}${k}: ${flowText(value)}` });
      return;
    }
    const first = map.items[0];
    if (!first?.key || !(first.key as Node).range) throw new EditError('unsupported', 'empty block mapping');
    const indent = ' '.repeat(this.column((first.key as Node).range![0]));
    const at = this.contentEnd(map);
    const body = asBlockList && Array.isArray(value)
      ? `${k}:${value.map((v) => `${this.eol}${indent}  - ${flowText(v)}`).join('')}`
      : `${k}: ${typeof value === 'object' && value !== null ? flowText(value) : scalarText(value, false)}`;
    this.splices.push({ at, end: at, text: `${this.eol}${indent}${body}` });
  }

  private appendItem(seq: YAMLSeq, value: unknown): void {
    if (seq.flow) {
      const close = seq.range![1] - 1;
      if (this.text[close] !== ']') throw new EditError('unsupported', 'unexpected flow sequence end');
      this.splices.push({ at: close, end: close, text: `${seq.items.length ? ', ' : ''}${flowText(value)}` });
      return;
    }
    const last = seq.items[seq.items.length - 1] as Node | undefined;
    if (!last?.range) throw new EditError('unsupported', 'empty block sequence');
    // The dash of the last item sets the indentation; its style (flow map or block map) is followed.
    let dash = last.range[0] - 1;
    while (dash > 0 && this.text[dash] !== '-') dash--;
    const indent = ' '.repeat(this.column(dash));
    const at = this.contentEnd(seq);
    let item: string;
    if (isMap(last) && !last.flow && value && typeof value === 'object' && !Array.isArray(value)) {
      const firstKey = last.items[0]!.key as Node;
      const keyIndent = ' '.repeat(this.column(firstKey.range![0]));
      item = Object.entries(value).filter(([, v]) => v !== undefined)
        .map(([k, v], i) => `${i === 0 ? `${indent}- ` : keyIndent}${scalarText(k, false)}: ${typeof v === 'object' && v !== null ? flowText(v) : scalarText(v, false)}`)
        .join(this.eol);
    } else {
      item = `${indent}- ${flowText(value)}`;
    }
    this.splices.push({ at, end: at, text: `${this.eol}${item}` });
  }

  result(): string {
    let out = this.text;
    // Later offsets first, so earlier ones stay valid; insertions at one offset keep their order.
    const ordered = this.splices.map((s, i) => ({ ...s, i })).sort((a, b) => b.at - a.at || b.i - a.i);
    for (const s of ordered) out = out.slice(0, s.at) + s.text + out.slice(s.end);
    return out;
  }
}

function applyToData(data: unknown, op: EditOp): void {
  let node = data as Record<string | number, unknown>;
  for (const seg of op.path.slice(0, -1)) node = node[seg] as Record<string | number, unknown>;
  const last = op.path[op.path.length - 1]!;
  if (op.kind === 'set') node[last] = op.value;
  else node[last] = [...((node[last] as unknown[] | null | undefined) ?? []), op.value];
}

/**
 * Applies the edits to the text in one pass (the file is parsed once to find the places, once more
 * to check the result); throws EditError rather than return anything but the intended change.
 */
export function applyEdits(text: string, ops: readonly EditOp[]): string {
  const paths = ops.map((op) => JSON.stringify(op.path));
  if (new Set(paths).size !== paths.length) throw new EditError('unsupported', 'two edits of the same place');
  const editor = new Editor(text);
  for (const op of ops) {
    if (op.kind === 'set') editor.set(op.path, op.value);
    else editor.append(op.path, op.value);
  }
  const result = editor.result();
  const expected = editor.doc.toJS() as unknown;
  for (const op of ops) applyToData(expected, op);
  const after = parseDocument(result);
  if (after.errors.length || !isDeepStrictEqual(after.toJS(), expected)) {
    throw new EditError('verify', 'the edited text does not read back as the intended change');
  }
  return result;
}
