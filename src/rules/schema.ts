// Every JSON Schema violation, turned into a finding at the offending node with a message that
// names the field and says how to fix it.
import type { ErrorObject } from 'ajv';
import localizeZhModule from 'ajv-i18n/localize/zh/index.js';

// ajv-i18n is CommonJS; under NodeNext its default import may be the module namespace.
type Localize = (errors: ErrorObject[]) => void;
const localizeZh = ((localizeZhModule as unknown as { default?: Localize }).default ?? localizeZhModule) as unknown as Localize;
import type { SourceRule, Problem } from './types.js';
import type { Path } from '../model/types.js';
import { nearest } from '../model/nearest.js';
import { sourceText } from '../source/locate.js';
import type { ParsedSource } from '../source/parse.js';

/** ajv's instancePath ("/tasks/0/due") as a model path (["tasks", 0, "due"]). */
export function instancePathToPath(instancePath: string, data: unknown): Path {
  if (!instancePath) return [];
  const path: Path = [];
  let node: unknown = data;
  for (const raw of instancePath.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const index = Array.isArray(node) && /^\d+$/.test(seg) ? Number(seg) : undefined;
    path.push(index ?? seg);
    node = node === null || typeof node !== 'object' ? undefined : (node as Record<string, unknown>)[seg];
  }
  return path;
}

/** "due", "lead[1]", or "(plan)" for the root: how a message names the field. */
export function fieldName(path: Path): string {
  let name = '';
  for (let i = path.length - 1; i >= 0; i--) {
    const seg = path[i]!;
    if (typeof seg === 'number') name = `[${seg}]${name}`;
    else return seg + name;
  }
  return name || '(plan)';
}

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
const typeOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' && Number.isInteger(v) ? 'integer' : typeof v);

function problemFor(e: ErrorObject, source: ParsedSource): Problem | undefined {
  const path = instancePathToPath(e.instancePath, source.data);
  const field = fieldName(path);
  const base = { rule: 'schema', path };
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return { ...base, messageId: 'schema/required', data: { field, key: params.missingProperty } };
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const known = Object.keys((e.parentSchema as { properties?: object })?.properties ?? {});
      return { ...base, path: [...path, key], key: true, messageId: 'schema/unknown-key', data: { key, suggestion: nearest(key, known), known } };
    }
    case 'type': {
      const expected = String(params.type);
      if (path.length === 0) {
        return { ...base, messageId: source.data === null || source.data === undefined ? 'schema/empty' : 'schema/not-a-plan', data: { actual: typeOf(source.data) } };
      }
      if (expected === 'string' && (typeof e.data === 'number' || typeof e.data === 'boolean')) {
        const written = sourceText(source, path) ?? String(e.data);
        // The fix keeps the value exactly as written ("1.10", not 1.1), now as a string.
        return { ...base, messageId: 'schema/quote', data: { field, value: String(e.data), source: written }, fixes: [{ path, value: written }] };
      }
      return { ...base, messageId: 'schema/type', data: { field, expected, actual: typeOf(e.data) } };
    }
    case 'format':
      return {
        ...base,
        messageId: DATE_SHAPE.test(String(e.data)) ? 'schema/date-unreal' : 'schema/date-format',
        data: { field, value: String(e.data) },
      };
    case 'pattern':
      return { ...base, messageId: path.includes('tasks') && field === 'id' ? 'schema/task-id' : 'schema/id', data: { field, value: String(e.data) } };
    case 'enum':
      return { ...base, messageId: 'schema/enum', data: { field, value: String(e.data), allowed: (params.allowedValues as unknown[]).map(String) } };
    case 'const':
      return { ...base, messageId: 'schema/const', data: { field, value: String(e.data), allowed: String(params.allowedValue) } };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { ...base, messageId: `schema/${e.keyword}`, data: { field, value: String(e.data), limit: params.limit } };
    case 'if':
      return undefined; // the branch's own error says what is wrong
    case 'dependentRequired':
      return { ...base, path: [...path, String(params.property)], key: true, messageId: 'schema/depends', data: { key: params.property, needs: params.missingProperty } };
    case 'minLength':
      return { ...base, messageId: 'schema/empty-text', data: { field } };
    default: {
      // Keywords the plan schemas rarely trigger: ajv's own sentence, in Chinese from ajv-i18n.
      const zh = { ...e };
      localizeZh([zh]);
      return { ...base, messageId: 'schema/other', data: { field, keyword: e.keyword, ajv: { message: e.message }, ajvZh: zh.message } };
    }
  }
}

const rule: SourceRule = {
  id: 'schema',
  severity: 'error',
  stage: 'source',
  description: { en: 'The plan does not match the JSON Schema (schemas/)', zh: '方案不符合 JSON Schema（schemas/）' },
  check(source, ctx) {
    if (source.data === undefined) return;
    const seen = new Set<string>();
    for (const e of ctx.schema(source.data)) {
      const p = problemFor(e, source);
      if (!p) continue;
      const key = `${p.messageId}\u0000${p.path.join('\u0000')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      ctx.report(p);
    }
  },
};
export default rule;
