// What the edit layer reads off a parsed document: the node at a path, and the indentation the file
// uses for collections nested under a key.
import { isMap, isScalar, isSeq, visit, type Document, type Node, type Pair } from 'yaml';
import type { Path } from '../source/path.js';

/** A replacement of the text from `at` to `end`; `depth`, for an insertion, is the path length of what it adds. */
export interface Splice { at: number; end: number; text: string; depth?: number }

export const keyOf = (p: Pair): string => (isScalar(p.key) ? String(p.key.value) : String(p.key));

/** The child of a collection at one path segment. */
export function childAt(node: Node | null | undefined, seg: string | number): Node | null | undefined {
  if (isMap(node)) return (node.items.find((p) => keyOf(p) === String(seg))?.value as Node | null | undefined) ?? undefined;
  if (isSeq(node) && typeof seg === 'number') return node.items[seg] as Node | undefined;
  return undefined;
}

/** The node at `path`, and whether any collection on the way is a flow one ([…] or {…}). */
export function walk(doc: Document.Parsed, path: Path): { node: Node | null | undefined; flow: boolean } {
  let node: Node | null | undefined = doc.contents as Node | null;
  let flow = false;
  for (const seg of path) {
    if ((isMap(node) || isSeq(node)) && node.flow) flow = true;
    node = childAt(node, seg);
    if (node === undefined) return { node, flow };
  }
  return { node, flow: flow || ((isMap(node) || isSeq(node)) && !!node.flow) };
}

/** The offset of the dash of a block sequence item that starts on its dash's line. */
export function dashOf(text: string, item: Node): number {
  let dash = item.range![0] - 1;
  while (dash > 0 && text[dash] !== '-') dash--;
  return dash;
}

/**
 * How far the file indents a block list under its key (`tasks:` then `  - id:`: 2; `- id:` at the key's
 * column: 0) and a block mapping under its key, from the first of each it has; 2 where it has none.
 */
export function indentSteps(doc: Document.Parsed, text: string, column: (offset: number) => number): { seq: number; map: number } {
  let seq: number | undefined;
  let map: number | undefined;
  visit(doc, {
    Pair(_, pair) {
      const key = pair.key as Node | null;
      const value = pair.value as Node | null;
      if (!key?.range) return undefined;
      if (seq === undefined && isSeq(value) && !value.flow && (value.items[0] as Node | undefined)?.range) {
        seq = column(dashOf(text, value.items[0] as Node)) - column(key.range[0]);
      }
      const first = isMap(value) && !value.flow ? (value.items[0]?.key as Node | undefined) : undefined;
      if (map === undefined && first?.range) map = column(first.range[0]) - column(key.range[0]);
      return seq !== undefined && map !== undefined ? visit.BREAK : undefined;
    },
  });
  return { seq: seq !== undefined && seq >= 0 ? seq : 2, map: map !== undefined && map > 0 ? map : 2 };
}
