// Maps a model path (rule paths and ajv's instancePath alike) to the line:column of its YAML node.
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { ParsedSource } from './parse.js';
import type { Path } from '../model/types.js';

export interface Position { line: number; column: number }

export interface LocateOptions {
  /** Point at the key of the last path segment rather than at its value (unknown keys). */
  key?: boolean;
  /** Point at this text inside the node's source, when it is there verbatim. */
  needle?: string;
  /** Which occurrence of the needle (0 = the first). */
  occurrence?: number;
}

function nodeAt(parsed: ParsedSource, path: Path, key: boolean): Node | null {
  let node = parsed.doc.contents as Node | null;
  for (let i = 0; i < path.length && node; i++) {
    const seg = path[i]!;
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(seg));
      if (!pair) return node;
      if (last && key) return (pair.key as Node) ?? node;
      node = (pair.value as Node | null) ?? (pair.key as Node);
    } else if (isSeq(node)) {
      const item = typeof seg === 'number' ? node.items[seg] : undefined;
      if (!item) return node;
      node = item as Node;
    } else {
      return node;
    }
  }
  return node;
}

export function offsetOf(parsed: ParsedSource, path: Path, opts: LocateOptions = {}): number {
  const node = nodeAt(parsed, path, opts.key ?? false);
  if (!node?.range) return 0;
  const [start, end] = node.range;
  if (opts.needle) {
    const text = parsed.text.slice(start, end);
    let at = text.indexOf(opts.needle);
    for (let n = opts.occurrence ?? 0; n > 0 && at >= 0; n--) at = text.indexOf(opts.needle, at + opts.needle.length);
    if (at >= 0) return start + at;
  }
  return start;
}

export function positionOf(parsed: ParsedSource, offset: number): Position {
  const { line, col } = parsed.lineCounter.linePos(offset);
  return { line, column: col };
}

export function locate(parsed: ParsedSource, path: Path, opts: LocateOptions = {}): Position {
  return positionOf(parsed, offsetOf(parsed, path, opts));
}

/** The node's text exactly as written in the file (e.g. "1.10" for a number the YAML reads as 1.1). */
export function sourceText(parsed: ParsedSource, path: Path): string | undefined {
  const node = nodeAt(parsed, path, false);
  return node?.range ? parsed.text.slice(node.range[0], node.range[1]) : undefined;
}
