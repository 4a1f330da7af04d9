// Maps a model path (rule paths and ajv's instancePath alike) to the line:column of its YAML node.
import type { ParsedSource, Position } from './parse.js';

export type { Position } from './parse.js';
import type { Path } from './path.js';

export interface LocateOptions {
  /** Point at the key of the last path segment rather than at its value (unknown keys). */
  key?: boolean;
  /** Point at this text inside the node's source, when it is there verbatim. */
  needle?: string;
  /** Which occurrence of the needle (0 = the first). */
  occurrence?: number;
}

/**
 * Where the node at `path` is: its start and end offsets (the end is past its last character), or the
 * needle's inside it when the needle is there verbatim.
 */
export function spanOf(parsed: ParsedSource, path: Path, opts: LocateOptions = {}): [number, number] {
  const range = parsed.range(path, opts.key ?? false);
  if (!range) return [0, 0];
  const [start, end] = range;
  if (opts.needle) {
    const text = parsed.text.slice(start, end);
    let at = text.indexOf(opts.needle);
    for (let n = opts.occurrence ?? 0; n > 0 && at >= 0; n--) at = text.indexOf(opts.needle, at + opts.needle.length);
    if (at >= 0) return [start + at, start + at + opts.needle.length];
  }
  return [start, end];
}

export function positionOf(parsed: ParsedSource, offset: number): Position {
  return parsed.position(offset);
}

/** The node's text exactly as written in the file (e.g. "1.10" for a number the YAML reads as 1.1). */
export function sourceText(parsed: ParsedSource, path: Path): string | undefined {
  const range = parsed.range(path);
  return range ? parsed.text.slice(range[0], range[1]) : undefined;
}
