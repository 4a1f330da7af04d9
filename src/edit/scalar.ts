// Writes a value as YAML text the way a person would: plain where that reads back as the same
// value, double-quoted otherwise, and flow maps/lists on one line.
import { parse } from 'yaml';

const FLOW_UNSAFE = /[,[\]{}]/;

export function scalarText(value: unknown, inFlow: boolean): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return 'null';
  const s = String(value);
  const plainOk =
    s !== '' &&
    s === s.trim() &&
    !/[\n\r\t]/.test(s) &&
    !/^[-?:,[\]{}#&*!|>'"%@`~]/.test(s) &&
    !/:(\s|$)/.test(s) &&
    !/\s#/.test(s) &&
    !(inFlow && FLOW_UNSAFE.test(s)) &&
    readsAsItself(s);
  return plainOk ? s : JSON.stringify(s);
}

/**
 * Text of printable ASCII, CJK punctuation, ideographs and full-width forms, with at least one character
 * beyond ASCII: no YAML number, boolean, null or date is written so, so it reads back as itself (a week's
 * collection writes hundreds of notes, each of which would otherwise be parsed to be sure).
 */
const PLAINLY_TEXT = /^(?=.*[^\x20-\x7e])[\x20-\x7e\u3000-\u303f\u4e00-\u9fff\uff01-\uffee]*$/;

/** Texts already parsed once, and whether each read back as itself: keys, dates and unit ids repeat. */
const known = new Map<string, boolean>();

function readsAsItself(s: string): boolean {
  if (PLAINLY_TEXT.test(s)) return true;
  let ok = known.get(s);
  if (ok === undefined) {
    ok = safeParse(s) === s;
    if (known.size > 10_000) known.clear();
    known.set(s, ok);
  }
  return ok;
}

function safeParse(s: string): unknown {
  try {
    return parse(s);
  } catch {
    return undefined;
  }
}

/** A value as YAML text inside a flow collection: `{date: 2020-06-08, note: 完成}`, `[a, b]`. */
export function flowText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(flowText).join(', ')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => `${scalarText(k, true)}: ${flowText(v)}`).join(', ')}}`;
  }
  return scalarText(value, true);
}
