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
    safeParse(s) === s;
  return plainOk ? s : JSON.stringify(s);
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
