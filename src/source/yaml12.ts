// A js-yaml schema that reads plain scalars exactly as YAML 1.2's core schema does (and as eemeli/yaml
// reads them): no binary 0b integers, "+.5" is a number, dates stay strings.
import jsyaml from 'js-yaml';

const INT = /^[-+]?[0-9]+$/;
const OCT = /^0o[0-7]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const INF = /^[-+]?\.(?:inf|Inf|INF)$/;
const NAN = /^\.(?:nan|NaN|NAN)$/;

/** Numbers start with a digit, a sign or a point: most plain scalars (Chinese text, ids) are ruled out at once. */
const mayBeNumber = (s: string): boolean => {
  const c = s.charCodeAt(0);
  return (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46;
};

const int = new jsyaml.Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (s: string) => mayBeNumber(s) && (INT.test(s) || OCT.test(s) || HEX.test(s)),
  construct: (s: string) => (OCT.test(s) ? parseInt(s.slice(2), 8) : HEX.test(s) ? parseInt(s.slice(2), 16) : Number(s)),
  predicate: (v: unknown) => typeof v === 'number' && Number.isInteger(v),
  represent: (v: unknown) => String(v),
});

const float = new jsyaml.Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (s: string) => mayBeNumber(s) && (FLOAT.test(s) || INF.test(s) || NAN.test(s)),
  construct: (s: string) => (NAN.test(s) ? NaN : INF.test(s) ? (s.startsWith('-') ? -Infinity : Infinity) : Number(s)),
  predicate: (v: unknown) => typeof v === 'number',
  represent: (v: unknown) => String(v),
});

// js-yaml's own null and bool already match YAML 1.2 core (~, null, Null, NULL, empty; true/True/TRUE …).
const builtin = (jsyaml as unknown as { types: Record<'null' | 'bool', jsyaml.Type> }).types;

export const YAML12_CORE = jsyaml.FAILSAFE_SCHEMA.extend({ implicit: [builtin.null, builtin.bool, int, float] });

const NULLS = new Set(['~', 'null', 'Null', 'NULL']);
const BOOLS = new Map([['true', true], ['True', true], ['TRUE', true], ['false', false], ['False', false], ['FALSE', false]]);

/** A plain scalar's value as YAML12_CORE reads it (js-yaml tries null, bool, int, float in this order). */
export function resolvePlain(s: string): unknown {
  if (s === '' || NULLS.has(s)) return null;
  const b = BOOLS.get(s);
  if (b !== undefined) return b;
  if (int.resolve(s)) return int.construct(s);
  if (float.resolve(s)) return float.construct(s);
  return s;
}
