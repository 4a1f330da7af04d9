// Plain scalars read exactly as YAML 1.2's core schema reads them (and as eemeli/yaml does): no binary 0b
// integers, "+.5" is a number, dates stay strings. The quick reader's, checked against eemeli/yaml on every
// file of the repository (test/read-paths.test.ts).

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

const NULLS = new Set(['~', 'null', 'Null', 'NULL']);
const BOOLS = new Map([['true', true], ['True', true], ['TRUE', true], ['false', false], ['False', false], ['FALSE', false]]);

/** A plain scalar's value under the core schema: null, bool, int, float in this order, else the text. */
export function resolvePlain(s: string): unknown {
  if (s === '' || NULLS.has(s)) return null;
  const b = BOOLS.get(s);
  if (b !== undefined) return b;
  if (!mayBeNumber(s)) return s;
  if (INT.test(s)) return Number(s);
  if (OCT.test(s)) return Number.parseInt(s.slice(2), 8);
  if (HEX.test(s)) return Number.parseInt(s.slice(2), 16);
  if (FLOAT.test(s)) return Number(s);
  if (INF.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
  if (NAN.test(s)) return Number.NaN;
  return s;
}
