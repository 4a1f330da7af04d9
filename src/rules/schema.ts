// Every JSON Schema violation, turned into a finding at the offending node with a message that
// names the field and says how to fix it.
import type { ErrorObject } from 'ajv';
import localizeZhModule from 'ajv-i18n/localize/zh/index.js';

// ajv-i18n is CommonJS; under NodeNext its default import may be the module namespace.
type Localize = (errors: ErrorObject[]) => void;
const localizeZh = ((localizeZhModule as unknown as { default?: Localize }).default ?? localizeZhModule) as unknown as Localize;
import { defineRule, type Reported } from './types.js';
import { nearest } from '../model/nearest.js';
import { sourceText } from '../source/locate.js';
import type { ParsedSource } from '../source/parse.js';
import type { Path } from '../source/path.js';

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

/** Every schema message: each names the field (as `fieldName` gives it) and says how to fix it. */
const messages = {
  required: { field: 'tasks[0]', key: 'title' },
  'unknown-key': { key: 'dueDate', suggestion: 'due' as string | undefined, known: ['id', 'title', 'due'] },
  empty: { actual: 'null' },
  'not-a-plan': { actual: 'array' },
  quote: { field: 'id', value: '1.1', source: '1.10' },
  type: { field: 'lead', expected: 'array', actual: 'string' },
  finite: { field: 'progress', value: '.nan' },
  'date-unreal': { field: 'due', value: '2020-06-31' },
  'date-format': { field: 'due', value: '2020/6/30' },
  'task-id': { field: 'id', value: '1-2' },
  id: { field: 'id', value: 'police station' },
  time: { field: 'time', value: '24:00' },
  'month-day': { field: 'week[0]', value: '5-12' },
  enum: { field: 'status', value: 'finished', allowed: ['planned', 'in_progress', 'done'] },
  const: { field: 'version', value: '2', allowed: '1' },
  minimum: { field: 'progress', value: '-5', limit: 0 },
  maximum: { field: 'progress', value: '120', limit: 100 },
  exclusiveMinimum: { field: 'target', value: '0', limit: 0 },
  exclusiveMaximum: { field: 'target', value: '100', limit: 100 },
  depends: { key: 'until', needs: 'every' },
  'empty-text': { field: 'title' },
  other: { field: 'tasks', keyword: 'minItems', ajv: { message: 'must NOT have fewer than 1 items' as string | undefined }, ajvZh: '不应少于 1 个项' as string | undefined },
};

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
/** What a value is, by name: a date/time or bytes (which no reader of plans makes, but a caller might) is not called a mapping. */
const typeOf = (v: unknown): string => {
  if (v instanceof Date) return 'date-time';
  if (v instanceof Uint8Array) return 'binary';
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' && Number.isInteger(v) ? 'integer' : typeof v;
};

/**
 * The schemas' patterns, each with its own message: a time of day is not an id. A pattern not named here
 * is said in ajv's words (`other`), never as an id.
 */
const PATTERNS: Readonly<Record<string, 'id' | 'task-id' | 'time' | 'month-day'>> = {
  '^[^\\s,\\[\\]{}]+$': 'id',
  '^[0-9]+(\\.[0-9]+)*$': 'task-id',
  '^([01][0-9]|2[0-3]):[0-5][0-9]$': 'time',
  '^\\d\\d-\\d\\d$': 'month-day',
};

type SchemaProblem = Reported<typeof messages>;

function problemFor(e: ErrorObject, source: ParsedSource): SchemaProblem | undefined {
  const path = instancePathToPath(e.instancePath, source.data);
  const field = fieldName(path);
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return { path, messageId: 'required', data: { field, key: String(params.missingProperty) } };
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const known = Object.keys((e.parentSchema as { properties?: object })?.properties ?? {});
      return { path: [...path, key], key: true, messageId: 'unknown-key', data: { key, suggestion: nearest(key, known), known } };
    }
    case 'type': {
      const expected = String(params.type);
      if (path.length === 0) {
        return { path, messageId: source.data === null || source.data === undefined ? 'empty' : 'not-a-plan', data: { actual: typeOf(source.data) } };
      }
      if (expected === 'string' && (typeof e.data === 'number' || typeof e.data === 'boolean')) {
        const written = sourceText(source, path) ?? String(e.data);
        // The fix keeps the value exactly as written ("1.10", not 1.1), now as a string.
        return { path, messageId: 'quote', data: { field, value: String(e.data), source: written }, fixes: [{ path, value: written }] };
      }
      // .nan, .inf and 1e400 are numbers to YAML, but none a plan can count with.
      if ((expected === 'number' || expected === 'integer') && typeof e.data === 'number' && !Number.isFinite(e.data)) {
        return { path, messageId: 'finite', data: { field, value: sourceText(source, path) ?? String(e.data) } };
      }
      return { path, messageId: 'type', data: { field, expected, actual: typeOf(e.data) } };
    }
    case 'format':
      return {
        path,
        messageId: DATE_SHAPE.test(String(e.data)) ? 'date-unreal' : 'date-format',
        data: { field, value: String(e.data) },
      };
    case 'pattern': {
      const messageId = Object.hasOwn(PATTERNS, String(params.pattern)) ? PATTERNS[String(params.pattern)] : undefined;
      if (messageId) return { path, messageId, data: { field, value: String(e.data) } };
      return otherProblem(e, path, field);
    }
    case 'enum':
      return { path, messageId: 'enum', data: { field, value: String(e.data), allowed: (params.allowedValues as unknown[]).map(String) } };
    case 'const':
      return { path, messageId: 'const', data: { field, value: String(e.data), allowed: String(params.allowedValue) } };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { path, messageId: e.keyword, data: { field, value: String(e.data), limit: params.limit as number } };
    case 'if':
      return undefined; // the branch's own error says what is wrong
    case 'dependentRequired':
      return { path: [...path, String(params.property)], key: true, messageId: 'depends', data: { key: String(params.property), needs: String(params.missingProperty) } };
    case 'minLength':
      return { path, messageId: 'empty-text', data: { field } };
    default:
      return otherProblem(e, path, field);
  }
}

/** Keywords the plan schemas rarely trigger: ajv's own sentence, in Chinese from ajv-i18n. */
function otherProblem(e: ErrorObject, path: Path, field: string): SchemaProblem {
  const zh = { ...e };
  localizeZh([zh]);
  return { path, messageId: 'other', data: { field, keyword: e.keyword, ajv: { message: e.message }, ajvZh: zh.message } };
}

const rule = defineRule({
  id: 'schema',
  severity: 'error',
  stage: 'source',
  description: { en: 'The plan does not match the JSON Schema (schemas/)', zh: '方案不符合 JSON Schema（schemas/）' },
  messages,
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
});
export default rule;
