// Surgical edits of YAML text: only the bytes of the values set and the entries added change, so
// every comment, blank line, key order, style and quote elsewhere stays as it was. Each result is
// parsed again and must equal the old data plus exactly the intended change, or nothing is returned.
import { isDeepStrictEqual } from 'node:util';
import { isMap, isNode, isScalar, isSeq, LineCounter, type Document, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { BlockStyle } from './block-style.js';
import { EditError } from './errors.js';
import { dashOf, indentSteps, keyOf, walk, type Splice } from './nodes.js';
import { flowText, scalarText } from './scalar.js';
import { MAX_ALIAS_COUNT, parseSource, readYamlDocument, withLineFeeds } from '../source/parse.js';
import type { Path } from '../source/path.js';

export { EditError };

export type EditOp =
  /** Set the value at `path`; the last key is added to its map when missing. */
  | { kind: 'set'; path: Path; value: unknown }
  /**
   * Append an item to the list at `path`; the key is added (as a block list) when missing. With `before`,
   * the item goes in before the list's item of that index instead (an entry dated before later ones).
   */
  | { kind: 'append'; path: Path; value: unknown; before?: number }
  /**
   * Write the collection at `path` (when there is one) and every flow collection around it in block
   * style, an entry a line; the data stays the same. Done before the other edits, which then see it so.
   */
  | { kind: 'block'; path: Path };

/**
 * The line ending most of the file's lines use: one stray CRLF does not make new lines CRLF, and a file
 * of old Mac line ends (a lone CR) gets new lines that end so too.
 */
export function majorityEol(text: string): '\r\n' | '\n' | '\r' {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) lf++;
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else cr++;
    }
  }
  if (cr > crlf && cr > lf) return '\r';
  return crlf > lf ? '\r\n' : '\n';
}

function lookup(doc: Document.Parsed, path: Path): Node | null | undefined {
  return walk(doc, path).node;
}

class Editor {
  readonly splices: Splice[] = [];
  readonly eol: string;
  private readonly lines = new LineCounter();
  readonly doc: Document.Parsed;
  /**
   * The text as every command reads it (a lone CR made a LF: the same offsets), where places are found;
   * the edits are made in the file's own text, so that its line ends stay as they were.
   */
  readonly text: string;

  constructor(readonly original: string) {
    this.text = withLineFeeds(original);
    this.doc = readYamlDocument(this.text, { lineCounter: this.lines, keepSourceTokens: true });
    // A warning of eemeli/yaml (a tag that does not fit its value) is a syntax error to validate too.
    const broken = this.doc.errors[0] ?? this.doc.warnings[0];
    if (broken) throw new EditError('syntax', broken.message);
    this.eol = majorityEol(original);
  }

  private column(offset: number): number {
    return this.lines.linePos(offset).col - 1;
  }

  private steps: { seq: number; map: number } | undefined;

  /** How far this file indents a list under its key. */
  private listStep(): number {
    this.steps ??= indentSteps(this.doc, this.text, (o) => this.column(o));
    return this.steps.seq;
  }

  block(paths: readonly Path[]): void {
    this.splices.push(...new BlockStyle(this.text, this.doc, this.lines, this.eol).splices(paths));
  }

  /**
   * The tags and anchors written before a value on its line (`key: &a !!int 1`): where they start, and the
   * anchors alone, to be written again. Undefined when there is no tag there (one on the line above is
   * left, and the result's check refuses what it makes of the new value).
   */
  private propsBefore(start: number): { at: number; anchors: string } | undefined {
    const lineStart = this.text.lastIndexOf('\n', start - 1) + 1;
    const m = /(?:^|[\s,[{])((?:[!&][^\s,[\]{}]*[ \t]+)+)$/.exec(this.text.slice(lineStart, start));
    if (!m || !/(?:^|\s)!/.test(m[1]!)) return undefined;
    const anchors = m[1]!.split(/[ \t]+/).filter((t) => t.startsWith('&'));
    return { at: start - m[1]!.length, anchors: anchors.map((a) => `${a} `).join('') };
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

  /**
   * New lines after the line that ends at `end`: placed after that line's own line ending, each ending with
   * the file's (majorityEol), so that the line above keeps its ending and a CRLF file gets no LF line from
   * a block written with LF; at the end of a file with no final line break, before the new lines instead.
   */
  private linesAfter(end: number, lines: readonly string[]): { at: number; text: string } {
    const c = this.text[end];
    if (c === undefined) return { at: end, text: lines.map((l) => `${this.eol}${l}`).join('') };
    const after = end + (c === '\r' && this.text[end + 1] === '\n' ? 2 : 1);
    return { at: after, text: lines.map((l) => `${l}${this.eol}`).join('') };
  }

  set(path: Path, value: unknown): void {
    const parentPath = path.slice(0, -1);
    const key = path[path.length - 1]!;
    const { node: parent, flow: inFlow } = walk(this.doc, parentPath);
    if (!isMap(parent)) throw new EditError('not-found', `no mapping at ${parentPath.join('.')}`);
    const pair = parent.items.find((p) => keyOf(p) === String(key));
    if (pair && isScalar(pair.value) && pair.value.range) {
      const [start, end] = pair.value.range;
      const text = typeof value === 'object' && value !== null ? flowText(value) : scalarText(value, inFlow);
      // The new value is written to read as itself: a tag the old one had (!!str 30, !!int "2025") goes with it.
      const props = pair.value.tag ? this.propsBefore(start) : undefined;
      this.splices.push(props ? { at: props.at, end, text: `${props.anchors}${text}` } : { at: start, end, text });
      return;
    }
    if (pair) throw new EditError('unsupported', `the value at ${path.join('.')} is not a single value`);
    this.addPair(parent, String(key), value, path.length);
  }

  /**
   * Appends the values, in order, to the list at `path` (one place in the text, so that they keep their
   * order) — or, with `before`, puts them in before its item of that index.
   */
  append(path: Path, values: readonly unknown[], before?: number): void {
    const node = lookup(this.doc, path);
    if (before !== undefined) {
      if (!isSeq(node) || !isNode(node.items[before])) throw new EditError('not-found', `no item ${before} in the list at ${path.join('.')}`);
      this.insertItems(node, path, values, before);
      return;
    }
    if (node === undefined || node === null || (isScalar(node) && node.value === null)) {
      const parent = lookup(this.doc, path.slice(0, -1));
      if (!isMap(parent)) throw new EditError('not-found', `no mapping at ${path.slice(0, -1).join('.')}`);
      if (node !== undefined) throw new EditError('unsupported', `${path.join('.')} is empty; write [] or remove it`);
      this.addPair(parent, String(path[path.length - 1]), values, path.length, true);
      return;
    }
    if (!isSeq(node)) throw new EditError('unsupported', `${path.join('.')} is not a list`);
    this.appendItems(node, path, values);
  }

  /** Adds `key: value` to a map; `depth` is the path length of the new key, which orders insertions at one place. */
  private addPair(map: YAMLMap, key: string, value: unknown, depth: number, asBlockList = false): void {
    const k = scalarText(key, !!map.flow);
    if (map.flow) {
      const close = map.range![1] - 1;
      // A flow mapping ends with its brace, except a pair written alone in a flow list (`[b: 1]`): a map
      // of one pair, with no brace to add another before.
      if (this.text[close] !== '}') throw new EditError('unsupported', `${key} cannot be added to a pair written in a flow list ([key: value])`);
      this.splices.push({ at: close, end: close, text: `${map.items.length ? ', ' : ''}${k}: ${flowText(value)}`, depth });
      return;
    }
    // A block mapping has an entry, and each entry a key with a range (`: v` has an empty one): eemeli/yaml
    // writes no block mapping without an entry.
    const first = map.items[0]!.key as Node;
    const indent = ' '.repeat(this.column(first.range![0]));
    const at = this.contentEnd(map);
    const body = asBlockList && Array.isArray(value)
      ? `${k}:${value.map((v) => `${this.eol}${indent}${' '.repeat(this.listStep())}- ${flowText(v)}`).join('')}`
      : `${k}: ${typeof value === 'object' && value !== null ? flowText(value) : scalarText(value, false)}`;
    const added = this.linesAfter(at, [`${indent}${body}`]);
    this.splices.push({ at: added.at, end: added.at, text: added.text, depth });
  }

  private appendItems(seq: YAMLSeq, path: Path, values: readonly unknown[]): void {
    const depth = path.length + 1;
    if (seq.flow) {
      // A flow list always ends with its bracket: eemeli/yaml reports one that does not as an error, which
      // the constructor refuses (and the read-back check would refuse the result).
      const close = seq.range![1] - 1;
      this.splices.push({ at: close, end: close, text: `${seq.items.length ? ', ' : ''}${values.map(flowText).join(', ')}`, depth });
      return;
    }
    // A block list always has an entry. Its entries are nodes, except in a list of pairs (YAML 1.1's
    // !!omap and !!pairs: `- key: value` read as a pair, not a mapping), where a new entry would be read
    // as something else.
    const last = seq.items[seq.items.length - 1];
    if (!isNode(last)) throw new EditError('unsupported', `${path.join('.')} is a list of pairs (!!omap, !!pairs); write it as a plain list`);
    // The dash of the last item sets the indentation; its style (flow map or block map) is followed.
    const item = this.itemLike(last);
    const added = this.linesAfter(this.contentEnd(seq), values.map(item));
    this.splices.push({ at: added.at, end: added.at, text: added.text, depth });
  }

  /** Puts the values, in order, before item `before` of the list: on lines of their own, written like it. */
  private insertItems(seq: YAMLSeq, path: Path, values: readonly unknown[], before: number): void {
    const depth = path.length + 1;
    const next = seq.items[before] as Node;
    if (seq.flow) {
      this.splices.push({ at: next.range![0], end: next.range![0], text: `${values.map(flowText).join(', ')}, `, depth });
      return;
    }
    // A block list's item starts its line, after the indentation (`- - x`, a list in a list's item, does not).
    const dash = dashOf(this.text, next);
    const startOf = (at: number) => Math.max(this.text.lastIndexOf('\n', at - 1), this.text.lastIndexOf('\r', at - 1)) + 1;
    let lineStart = startOf(dash);
    if (this.text.slice(lineStart, dash).trim() !== '') throw new EditError('unsupported', `item ${before} of ${path.join('.')} does not start its line`);
    // The comment lines right above the item are its own (# 第三周): they stay above it.
    while (lineStart > 0) {
      const above = startOf(this.text[lineStart - 1] === '\n' && this.text[lineStart - 2] === '\r' ? lineStart - 2 : lineStart - 1);
      if (!this.text.slice(above, lineStart).trim().startsWith('#')) break;
      lineStart = above;
    }
    const item = this.itemLike(next);
    this.splices.push({ at: lineStart, end: lineStart, text: values.map((v) => `${item(v)}${this.eol}`).join(''), depth });
  }

  /** How an item written like `like` (in a block list: its dash's column, a block map or a flow value) is written. */
  private itemLike(like: Node): (value: unknown) => string {
    const indent = ' '.repeat(this.column(dashOf(this.text, like)));
    const keyIndent = isMap(like) && !like.flow ? ' '.repeat(this.column((like.items[0]!.key as Node).range![0])) : undefined;
    return (value: unknown): string => {
      if (keyIndent !== undefined && value && typeof value === 'object' && !Array.isArray(value)) {
        return Object.entries(value).filter(([, v]) => v !== undefined)
          .map(([k, v], i) => `${i === 0 ? `${indent}- ` : keyIndent}${scalarText(k, false)}: ${typeof v === 'object' && v !== null ? flowText(v) : scalarText(v, false)}`)
          .join(this.eol);
      }
      return `${indent}- ${flowText(value)}`;
    };
  }

  result(): string {
    let out = this.original;
    // Later offsets first, so earlier ones stay valid. Insertions at one offset (the end of a task that
    // ends with its log) keep their order, except that an entry of a list there comes before a key added
    // to the map around it: the one applied last stands first.
    const ordered = this.splices.map((s, i) => ({ ...s, i })).sort((a, b) => b.at - a.at || (a.depth ?? 0) - (b.depth ?? 0) || b.i - a.i);
    for (const s of ordered) out = out.slice(0, s.at) + s.text + out.slice(s.end);
    return out;
  }
}

/**
 * A value as its text reads back: -0 is written 0 (YAML would read "-0" back, but no plan means it), so
 * a progress of -0 is the change to 0 rather than a result that "does not read back".
 */
const asWritten = (value: unknown): unknown => {
  if (Object.is(value, -0)) return 0;
  if (Array.isArray(value)) return value.map(asWritten);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asWritten(v)]));
  return value;
};

/** Where a list's new items go: its end, or before one of its items. */
const placeKey = (op: Extract<EditOp, { kind: 'append' }>): string => `${JSON.stringify(op.path)}\u0000${op.before ?? ''}`;

/**
 * The edits made to the data, as the text gets them: the items put in before one item of a list are put in
 * together, in order, all before it (an index in `before` is of the list as it was).
 */
function applyAllToData(data: unknown, ops: readonly Exclude<EditOp, { kind: 'block' }>[]): void {
  const inserts = ops.filter((op): op is Extract<EditOp, { kind: 'append' }> => op.kind === 'append' && op.before !== undefined);
  for (const op of ops) if (op.kind === 'set' || op.before === undefined) applyToData(data, op);
  // Highest index first, so that the lower ones still point at the items they name; in order within one.
  const groups = new Map<string, Extract<EditOp, { kind: 'append' }>[]>();
  for (const op of inserts) groups.set(placeKey(op), [...(groups.get(placeKey(op)) ?? []), op]);
  const ordered = [...groups.values()].sort((a, b) => b[0]!.before! - a[0]!.before!);
  for (const group of ordered) {
    for (const [i, op] of group.entries()) applyToData(data, { ...op, before: op.before! + i });
  }
}

function applyToData(data: unknown, op: Exclude<EditOp, { kind: 'block' }>): void {
  let node = data as Record<string | number, unknown>;
  for (const seg of op.path.slice(0, -1)) node = node[seg] as Record<string | number, unknown>;
  const last = op.path[op.path.length - 1]!;
  const value = asWritten(op.value);
  if (op.kind === 'set') node[last] = value;
  else {
    const list = [...((node[last] as unknown[] | null | undefined) ?? [])];
    list.splice(op.before ?? list.length, 0, value);
    node[last] = list;
  }
}

/**
 * Applies the edits to the text (the file is parsed once to find the places — once more after any
 * rewrite in block style — and once more to check the result); throws EditError rather than return
 * anything but the intended change.
 */
export function applyEdits(text: string, ops: readonly EditOp[]): string {
  const edits = ops.filter((op) => op.kind !== 'block');
  // Entries appended to one list are one edit, in the order given (several units' rows on one task); a
  // place set twice, or set and appended to, is refused.
  const appends = new Map<string, { path: Path; values: unknown[]; before?: number }>();
  const appended = new Set<string>();
  const sets = new Set<string>();
  for (const op of edits) {
    const key = JSON.stringify(op.path);
    if (op.kind === 'append' && !sets.has(key)) {
      appended.add(key);
      const place = placeKey(op);
      const group = appends.get(place);
      if (group) group.values.push(op.value);
      else appends.set(place, { path: op.path, values: [op.value], before: op.before });
    } else if (op.kind === 'set' && !sets.has(key) && !appended.has(key)) {
      sets.add(key);
    } else {
      throw new EditError('unsupported', 'two edits of the same place');
    }
  }
  const original = new Editor(text);
  const expected = original.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown;
  // Block style first, in a pass of its own: the other edits then find their places in the new text.
  let editor = original;
  const blocks = ops.flatMap((op) => (op.kind === 'block' ? [op.path] : []));
  if (blocks.length) {
    original.block(blocks);
    try {
      editor = new Editor(original.result());
    } catch {
      throw new EditError('verify', 'the task rewritten in block style does not read back');
    }
  }
  // In the order given (insertions at one place keep it); a list's entries all where its first is.
  const applied = new Set<string>();
  for (const op of edits) {
    if (op.kind === 'set') {
      editor.set(op.path, op.value);
      continue;
    }
    const key = placeKey(op);
    if (applied.has(key)) continue;
    applied.add(key);
    const group = appends.get(key)!;
    editor.append(op.path, group.values, group.before);
  }
  const result = editor.result();
  applyAllToData(expected, edits);
  // A warning (a tag that does not fit its value) leaves a file validate refuses: no more written than an error.
  const after = readYamlDocument(result);
  if (after.errors.length || after.warnings.length || !isDeepStrictEqual(after.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), expected)) {
    throw new EditError('verify', 'the edited text does not read back as the intended change');
  }
  return result;
}

/** One replacement of the text: ESLint's fix shape — the offsets of the text replaced (end excluded) and the new text. */
export interface TextReplacement { range: [number, number]; text: string }

/** The text with one replacement made. */
const replaced = (text: string, r: TextReplacement): string => text.slice(0, r.range[0]) + r.text + text.slice(r.range[1]);

/**
 * Whether `result` reads back as the data with exactly these edits made: read as validate reads a plan
 * (the quick reader, which reads what eemeli/yaml reads, several times faster), like the original.
 */
function readsBack(result: string, data: unknown, ops: readonly Exclude<EditOp, { kind: 'block' }>[]): boolean {
  const expected = structuredClone(data);
  applyAllToData(expected, ops);
  const after = parseSource(result, { positions: false });
  return after.issues.length === 0 && isDeepStrictEqual(after.data, expected);
}

/**
 * Each group of `set` edits (one finding's fixes) as one replacement of the original text, for findings
 * that offer their fix to other tools; undefined for a group that cannot be made or does not read back.
 * The text is parsed once to find every place, and once more to check all the replacements together
 * (each on its own only when that fails, or when two replace the same text).
 */
export function replacementsOf(text: string, groups: readonly (readonly EditOp[])[]): (TextReplacement | undefined)[] {
  let editor: Editor;
  try {
    editor = new Editor(text);
  } catch (err) {
    if (err instanceof EditError) return groups.map(() => undefined);
    throw err;
  }
  const out = groups.map((group): TextReplacement | undefined => {
    const before = editor.splices.length;
    try {
      for (const op of group) {
        if (op.kind !== 'set') throw new EditError('unsupported', 'a fix only sets values');
        editor.set(op.path, op.value);
      }
    } catch (err) {
      editor.splices.length = before;
      if (err instanceof EditError) return undefined;
      throw err;
    }
    const splices = editor.splices.splice(before).sort((a, b) => a.at - b.at);
    if (splices.length === 0) return undefined;
    const start = splices[0]!.at;
    const end = Math.max(...splices.map((s) => s.end));
    let middle = '';
    let at = start;
    for (const s of splices) {
      if (s.at < at) return undefined; // two edits of one place
      middle += text.slice(at, s.at) + s.text;
      at = s.end;
    }
    return { range: [start, end], text: middle + text.slice(at, end) };
  });
  const data = parseSource(text, { positions: false }).data;
  const setsOf = (i: number) => groups[i]!.filter((op): op is Extract<EditOp, { kind: 'set' }> => op.kind === 'set');
  // All together, later replacements first so that earlier offsets hold; apart when they overlap or fail.
  const made = out.flatMap((r, i) => (r ? [{ r, i }] : [])).sort((a, b) => b.r.range[0] - a.r.range[0]);
  const overlap = made.some((m, k) => k > 0 && m.r.range[1] > made[k - 1]!.r.range[0]);
  if (made.length === 0) return out;
  if (!overlap && readsBack(made.reduce((t, m) => replaced(t, m.r), text), data, made.flatMap((m) => setsOf(m.i)))) return out;
  return out.map((r, i) => (r && readsBack(replaced(text, r), data, setsOf(i)) ? r : undefined));
}
