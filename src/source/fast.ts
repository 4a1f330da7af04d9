// The node table the quick reader (quick.ts) records as it reads — where each node starts and ends — so
// that findings get exact positions without a second parse, and its lookups by path.
import type { Path } from './path.js';

/** Node starts and ends in document order, with where each node's subtree ends (its next sibling). */
export interface NodeTable {
  count: number;
  start(i: number): number;
  end(i: number): number;
  next(i: number): number;
}

/** No table: where nothing was recorded, a position asked for is found by reading the text carefully. */
export const NO_NODES: NodeTable = { count: 0, start: () => 0, end: () => 0, next: () => 0 };

const INTEGER_KEY = /^(?:0|[1-9][0-9]*)$/;

/** Each node's children, listed once: a plan with many findings among many siblings looks each up in O(1). */
export type ChildMemo = Map<number, number[]>;

function childrenOf(nodes: NodeTable, index: number, memo: ChildMemo): number[] {
  let children = memo.get(index);
  if (!children) {
    children = [];
    for (let c = index + 1; c < nodes.next(index); c = nodes.next(c)) children.push(c);
    // A node wrapping one node of the same extent (a reader may record a flow collection twice): its
    // children are the inner node's.
    const only = children[0];
    if (children.length === 1 && nodes.start(only!) === nodes.start(index) && nodes.end(only!) === nodes.end(index)) children = childrenOf(nodes, only!, memo);
    memo.set(index, children);
  }
  return children;
}

/**
 * The node index of the value at `path` (or of its key), walking the data and the node table side by
 * side: a mapping's children are its keys and values in turn, a list's its items. Undefined when the two
 * do not line up (the caller then asks eemeli/yaml).
 */
export function nodeIndex(data: unknown, nodes: NodeTable, path: Path, key = false, memo: ChildMemo = new Map()): { index: number; depth: number } | undefined {
  let index = 0;
  let node = data;
  let depth = 0;
  if (nodes.count === 0) return undefined;
  for (let p = 0; p < path.length; p++) {
    const seg = path[p]!;
    const children = childrenOf(nodes, index, memo);
    if (Array.isArray(node)) {
      if (children.length !== node.length || typeof seg !== 'number' || seg >= node.length) return p === path.length - 1 || typeof seg !== 'number' ? { index, depth } : undefined;
      index = children[seg]!;
      node = node[seg];
    } else if (node && typeof node === 'object') {
      const keys = Object.keys(node);
      // Integer-like keys are listed first by JavaScript, not in document order (so the first tells).
      if (children.length !== keys.length * 2 || (keys.length > 0 && INTEGER_KEY.test(keys[0]!))) return undefined;
      const at = keys.indexOf(String(seg));
      if (at < 0) return { index, depth };
      index = children[at * 2 + (key && p === path.length - 1 ? 0 : 1)]!;
      node = (node as Record<string, unknown>)[String(seg)];
    } else {
      return { index, depth };
    }
    depth++;
  }
  return { index, depth };
}
