// The published JSON Schemas of the two findings outputs (schemas/output/validate.schema.json and
// collect.schema.json), checked with ajv, strict, against what validate and collect really print.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../src/rules/index.js';
import { cli } from './helpers/in-process.js';
import { HISTORY } from './helpers/plan.js';

const schemaOf = (kind: string) => JSON.parse(readFileSync(`schemas/output/${kind}.schema.json`, 'utf8')) as Record<string, unknown> & { $defs: Record<string, { properties: Record<string, unknown>; required: string[] }> };
const VALIDATE = schemaOf('validate');
const COLLECT = schemaOf('collect');

// Strict: no unknown keywords, tuples written out, every type stated.
const ajv = new Ajv2020({ strict: true, allErrors: true });
const checkValidate = ajv.compile(VALIDATE);
const checkCollect = ajv.compile(COLLECT);

const tmp = () => mkdtempSync(join(tmpdir(), 'campaign-findings-schema-'));

function expectValid(check: typeof checkValidate, data: unknown, what: string): void {
  expect(check(data), `${what}: ${JSON.stringify(check.errors, null, 2)}`).toBe(true);
}

describe('schemas/output/validate.schema.json', () => {
  it('has the published $id and a draft 2020-12 $schema', () => {
    expect(VALIDATE.$id).toBe('https://unpkg.com/@zhenban/campaign/schemas/output/validate.schema.json');
    expect(VALIDATE.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('accepts every real output: findings of every kind, a fix, standard input, several files, --quiet, none', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'p.yaml'), 'version: 1\ntitle: x\ntitle: y\nunits: [{id: a, nmae: b}]\ntasks:\n  - {id: 1.10, title: t, lead: [q]}\n');
    const runs: [string, string[], string?][] = [
      ['seed and a clean plan', ['examples/tongzhong-2020.yaml', 'examples/shifan-2025.yaml', '--as-of', '2020-06-20']],
      ['schema, YAML and reference findings', [join(dir, 'p.yaml'), '--lang', 'zh']],
      ['a syntax error on standard input', ['-'], 'version: 1\ntitle: [unclosed\n'],
      ['notes (info)', ['-', '--as-of', '2031-06-01'], readFileSync('examples/shifan-2025.yaml', 'utf8').replace(/2025/g, '2031')],
      ['--quiet', ['--quiet', 'examples/tongzhong-2020.yaml', '--as-of', '2020-06-20']],
      ['no findings', ['examples/shifan-2025.yaml']],
    ];
    const seen = new Set<string>();
    for (const [what, args, input] of runs) {
      const r = await cli(['validate', '-f', 'json', ...args], input === undefined ? {} : { input });
      const out = JSON.parse(r.stdout);
      expectValid(checkValidate, out, what);
      for (const f of out.findings) {
        seen.add(f.severity);
        if (f.fix) seen.add('fix');
        // What the schema cannot say: rule is ruleId, the counts count, the end is not before the start.
        expect(f.rule).toBe(f.ruleId);
        expect([f.endLine, f.endLine === f.line ? f.endColumn >= f.column : true]).toEqual([expect.any(Number), true]);
        expect(f.endLine).toBeGreaterThanOrEqual(f.line);
      }
      expect(out.errors).toBe(out.findings.filter((f: { severity: string }) => f.severity === 'error').length);
      expect(out.warnings).toBe(out.findings.filter((f: { severity: string }) => f.severity === 'warning').length);
    }
    expect([...seen].sort()).toEqual(['error', 'fix', 'info', 'warning']);
  });

  it('is strict: it refuses a finding without messageId, an unknown severity, a stray key, a bad fix', async () => {
    const out = JSON.parse((await cli(['validate', '-f', 'json', 'examples/tongzhong-2020.yaml', '--as-of', '2020-06-20'])).stdout);
    const broken = (change: (f: Record<string, unknown>) => void) => {
      const copy = structuredClone(out);
      change(copy.findings[1]);
      return copy;
    };
    expect(checkValidate(out)).toBe(true);
    expect(checkValidate(broken((f) => { delete f.messageId; }))).toBe(false);
    expect(checkValidate(broken((f) => { f.severity = 'fatal'; }))).toBe(false);
    expect(checkValidate(broken((f) => { f.nodeType = 'Scalar'; }))).toBe(false);
    expect(checkValidate(broken((f) => { f.fix = { range: [1], text: 'x' }; }))).toBe(false);
    expect(checkValidate(broken((f) => { f.line = 0; }))).toBe(false);
    expect(checkValidate({ ...out, total: 4 })).toBe(false);
  });

  it('names every rule id the tool has', () => {
    const pattern = new RegExp((VALIDATE.$defs.ruleId as unknown as { pattern: string }).pattern);
    for (const rule of RULES) expect(rule.id).toMatch(pattern);
  });
});

describe('schemas/output/collect.schema.json', () => {
  it('has the published $id, and validate\'s finding with the cell and row in place of the path', () => {
    expect(COLLECT.$id).toBe('https://unpkg.com/@zhenban/campaign/schemas/output/collect.schema.json');
    const v = VALIDATE.$defs.finding!;
    const c = COLLECT.$defs.finding!;
    expect(c.required.filter((k) => !['cell', 'row'].includes(k))).toEqual(v.required.filter((k) => k !== 'path'));
    for (const key of ['file', 'ruleId', 'rule', 'message', 'data']) expect(c.properties[key], key).toEqual(v.properties[key]);
    expect(COLLECT.$defs.ruleId).toEqual(VALIDATE.$defs.ruleId);
  });

  it('accepts what collect prints: wrong cells, a file that is no sheet, rows taken, the dry run\'s diff', async () => {
    const dir = tmp();
    const plan = join(dir, 'plan.yaml');
    copyFileSync(HISTORY, plan);
    expect((await cli(['sheets', plan, '--week', '2020-W25', '-o', join(dir, 'out'), '--lang', 'zh'])).code).toBe(0);
    const sheet = join(dir, 'out', '2020-W25-派出所.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sheet);
    // A wrong status in I6, a progress over 100 in J8; a right row 7.
    const ws = wb.worksheets[0]!;
    for (const [ref, value] of Object.entries({ I6: '差不多了', J8: '120', H7: '复查餐饮场所12家', J7: 80, M7: new Date('2020-06-19T00:00:00Z') })) ws.getCell(ref).value = value;
    await wb.xlsx.writeFile(sheet);
    writeFileSync(join(dir, 'out', 'notes.csv'), '随便写的,不是填报表\n1,2\n');
    const r = await cli(['collect', plan, join(dir, 'out'), '--partial', '--dry-run', '-f', 'json', '--as-of', '2020-06-19', '--lang', 'zh']);
    const out = JSON.parse(r.stdout);
    expectValid(checkCollect, out, 'collect --partial --dry-run');
    expect(Object.keys(out)).toEqual(['schemaVersion', 'findings', 'errors', 'warnings', 'taken', 'written', 'diff']);
    const status = out.findings.find((f: { ruleId: string }) => f.ruleId === 'sheet/status');
    expect(status).toEqual({
      file: sheet, line: 6, column: 9, endLine: 6, endColumn: 10, ruleId: 'sheet/status', rule: 'sheet/status', messageId: 'sheet/status',
      severity: 'error', message: '状态“差不多了”无效，应为 未开始、进行中、已完成、受阻、已取消 之一',
      data: { value: '差不多了', allowed: ['未开始', '进行中', '已完成', '受阻', '已取消'] }, cell: '填报!I6', row: 6,
    });
    const whole = out.findings.find((f: { file: string }) => f.file.endsWith('notes.csv'));
    expect(whole).toMatchObject({ line: 0, column: 0, endLine: 0, endColumn: 0, cell: null, row: 0 });
    expect(out.taken.length).toBeGreaterThan(0);
    expect(out.written).toBe(false);
    // Strict here too.
    const copy = structuredClone(out);
    copy.findings[0].severity = 'info';
    expect(checkCollect(copy)).toBe(false);
    delete copy.findings[0].row;
    copy.findings[0].severity = 'error';
    expect(checkCollect(copy)).toBe(false);
  });
});
