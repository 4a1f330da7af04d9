// Schema findings: the right node, the right line:column, and data that lets the message say the fix.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { loadSchemas } from '../src/io/schemas.js';
import { bundleSchemas } from '../src/schema/bundle.js';
import { ROOT_SCHEMA_ID } from '../src/schema/validator.js';
import { fieldName, instancePathToPath } from '../src/rules/schema.js';
import { parseSource } from '../src/source/parse.js';
import { lint } from '../src/lint.js';
import { loadCalendar } from '../src/io/holidays.js';
import { formatProblem } from '../src/messages/index.js';
import { lintText, plan, schema } from './helpers/lint.js';
import { readFileSync } from 'node:fs';

const schemaOnly = (text: string) => lintText(text).filter((p) => p.rule === 'schema');

describe('schema findings', () => {
  it('an unknown key is reported at the key and suggests the nearest known key', () => {
    const [p, ...rest] = schemaOnly(plan('  - {id: "1", title: 宣讲, dueDate: 2020-06-30}\n'));
    expect(rest).toEqual([]);
    expect([p!.line, p!.column, p!.messageId, p!.data.key, p!.data.suggestion]).toEqual([10, 26, 'unknown-key', 'dueDate', 'due']);
  });

  it('a missing key is reported at the object that lacks it', () => {
    const [p] = schemaOnly(plan('  - id: "1"\n    lead: [police]\n'));
    expect([p!.line, p!.column, p!.messageId, p!.data.key]).toEqual([10, 5, 'required', 'title']);
  });

  it('an unquoted 1.10 is reported with its written form so the message can say to quote it', () => {
    const [p] = schemaOnly(plan('  - id: "1"\n    title: x\n    tasks:\n      - id: 1.10\n        title: y\n'));
    expect([p!.line, p!.column, p!.messageId, p!.data.source, p!.data.value]).toEqual([13, 13, 'quote', '1.10', '1.1']);
  });

  it('2022-02-30 is not a date; 2020/6/30 is not written YYYY-MM-DD', () => {
    const ps = schemaOnly(plan('  - {id: "1", title: x, start: 2022-02-30, due: 2020/6/30}\n'));
    expect(ps.map((p) => [p.line, p.column, p.messageId])).toEqual([
      [10, 32, 'date-unreal'],
      [10, 49, 'date-format'],
    ]);
  });

  it('accepts the Chinese status names', () => {
    for (const s of ['未开始', '进行中', '已完成', '受阻', '已取消']) {
      expect(schemaOnly(plan(`  - {id: "1", title: x, status: ${s}}\n`))).toEqual([]);
    }
  });

  it('reporting.weekStarts takes a weekday in either spelling, and nothing else', () => {
    const withReporting = (r: string) => plan('  - {id: "1", title: x}\n').replace('units:', `reporting: ${r}\nunits:`);
    for (const day of ['friday', '周五', 'monday']) expect(schemaOnly(withReporting(`{weekStarts: ${day}}`))).toEqual([]);
    expect(schemaOnly(withReporting('{weekStarts: fri}')).map((p) => p.messageId)).toEqual(['enum']);
    expect(schemaOnly(withReporting('{weekStart: friday}')).map((p) => [p.messageId, p.data.suggestion])).toEqual([['unknown-key', 'weekStarts']]);
  });

  it('keeps positions right with CRLF line endings', () => {
    const text = plan('  - id: "1"\n    title: x\n    dueDate: 2020-06-30\n').replace(/\n/g, '\r\n');
    expect(schemaOnly(text).map((p) => [p.line, p.column])).toEqual([[12, 5]]);
  });

  it('an empty file is one clear finding at 1:1', () => {
    const ps = lintText('');
    expect(ps.map((p) => [p.line, p.column, p.messageId])).toEqual([[1, 1, 'empty']]);
  });

  it('a list instead of a mapping is one clear finding', () => {
    expect(lintText('- a\n- b\n').map((p) => p.messageId)).toEqual(['not-a-plan']);
  });
});

describe('where a schema finding is, and how its message names the field', () => {
  const data = { tasks: [{ id: '1', lead: ['police', 'edu'] }], actual: { 2020: 5 }, title: 'x', 'a/b': { 'c~d': 1 } };

  it.each([
    ['', []],
    ['/tasks/0/lead/1', ['tasks', 0, 'lead', 1]],
    // A number is an index only in a list: in a mapping it is a key, and under a text there is nothing.
    ['/actual/2020', ['actual', '2020']],
    ['/title/0', ['title', '0']],
    // JSON Pointer's escapes: ~1 is /, ~0 is ~.
    ['/a~1b/c~0d', ['a/b', 'c~d']],
  ])('ajv\'s %j is the model path %j', (pointer, path) => {
    expect(instancePathToPath(pointer, data)).toEqual(path);
  });

  it.each([
    [[], '(plan)'],
    [['tasks', 0], 'tasks[0]'],
    [['tasks', 0, 'lead', 1], 'lead[1]'],
    [['tasks', 0, 'tasks', 2, 'due'], 'due'],
    [[0, 1], '[0][1]'],
  ])('the field at %j is called %s', (path, name) => {
    expect(fieldName(path)).toBe(name);
  });
});

describe('schema ids', () => {
  const schemas = loadSchemas();

  it('every schema file\'s $id is its absolute URL in the published package', () => {
    expect(Object.entries(schemas).map(([file, s]) => [file, (s as { $id: string }).$id])).toEqual(
      Object.keys(schemas).map((file) => [file, `https://unpkg.com/@zhenban/campaign/schemas/${file}`]),
    );
  });

  it('the files\' $refs resolve through the absolute $ids, not through file names', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    (addFormats as unknown as (a: Ajv2020) => void)(ajv);
    for (const s of Object.values(schemas)) ajv.addSchema(s);
    expect(ajv.getSchema('campaign.schema.json')).toBeUndefined();
    const validate = ajv.getSchema(ROOT_SCHEMA_ID)!;
    expect(validate(parseSource(readFileSync('examples/tongzhong-2020.yaml', 'utf8')).data)).toBe(true);
    // A wrong date deep in a task is caught through task.schema.json → dates.schema.json.
    const data = parseSource(readFileSync('examples/tongzhong-2020.yaml', 'utf8')).data as { tasks: { due?: string }[] };
    data.tasks[0]!.due = '2020/6/30';
    expect(validate(data)).toBe(false);
  });
});

describe('bundled schema', () => {
  const bundle = bundleSchemas(loadSchemas());
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  const validateBundle = ajv.compile(bundle);

  it('has no remaining references to other files', () => {
    expect(JSON.stringify(bundle)).not.toMatch(/"\$ref":"[^#]/);
  });

  it('keeps the plan schema\'s absolute $id, and no other', () => {
    expect(bundle.$id).toBe('https://unpkg.com/@zhenban/campaign/schemas/campaign.schema.json');
    expect(JSON.stringify(bundle).match(/"\$id"/g)).toHaveLength(1);
  });

  it.each([
    ['examples/tongzhong-2020.yaml', true],
    ['examples/shifan-2025.yaml', true],
    ['test/fixtures/rules/schema/invalid-unknown-key.yaml', false],
    ['test/fixtures/rules/schema/invalid-top.yaml', false],
    ['test/fixtures/rules/schema/invalid-numeric-id.yaml', false],
  ])('agrees with the per-file schemas on %s', (file, valid) => {
    const data = parseSource(readFileSync(file, 'utf8')).data;
    expect(validateBundle(data)).toBe(valid);
    expect(schema()(data).length === 0).toBe(valid);
  });
});

// No reader of plans makes a date/time or bytes any more (YAML 1.1's !!timestamp, !!binary and %YAML 1.1 are
// reported), but a value is described by what it is wherever it came from: never "a mapping" for a date.
describe('a value of the wrong type is named by what it is', () => {
  it('a date/time and binary data, not "a mapping"', () => {
    const source = parseSource(plan('  - {id: "1", title: 宣讲, lead: [police]}\n'));
    const data = source.data as Record<string, unknown>;
    const odd = { ...source, data: { ...data, organizer: Buffer.from('测试'), period: { start: new Date('2020-06-01'), end: '2020-06-30' } } };
    const found = lint(odd, { asOf: '2020-07-15', schema: schema(), calendar: loadCalendar() }).problems.filter((p) => p.rule === 'schema');
    expect(found.map((p) => [p.messageId, p.data.field, p.data.actual])).toEqual([
      ['type', 'organizer', 'binary'],
      ['type', 'start', 'date-time'],
    ]);
    expect(found.map((p) => formatProblem(p, 'en'))).toEqual(['"organizer" must be a string, not binary data', '"start" must be a string, not a date/time']);
    expect(found.map((p) => formatProblem(p, 'zh'))).toEqual([expect.stringContaining('二进制数据'), expect.stringContaining('日期时间')]);
  });
});
