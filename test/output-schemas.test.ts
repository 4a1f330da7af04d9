// The published JSON Schemas of the JSON outputs (schemas/output/*.schema.json), checked the way a script
// would use them: ajv (2020-12, formats, strict) on what the CLI really prints for the example plans and the
// test fixtures, one plan and several; each rejects a changed shape; they agree with the types they are
// generated from; `campaign schema --output KIND` prints them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { loadSchemas } from '../src/io/schemas.js';
import { cli } from './helpers/in-process.js';
import { ROOT } from './helpers/run.js';

const BASE = 'https://unpkg.com/@zhenban/campaign/schemas/';
const OUTPUT_DIR = new URL('../schemas/output/', import.meta.url);
const read = (kind: string) => JSON.parse(readFileSync(new URL(`${kind}.schema.json`, OUTPUT_DIR), 'utf8')) as Record<string, unknown>;

/** What a script does: ajv for 2020-12 with formats, strict, every published schema added by its absolute id. */
function makeAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  // The plan's schemas, for import's plan: published beside schemas/output/ (their ids made absolute, as published).
  for (const [file, schema] of Object.entries(loadSchemas())) ajv.addSchema({ ...schema, $id: `${BASE}${file}` });
  return ajv;
}
const ajv = makeAjv();
const validators = new Map<string, ValidateFunction>();
function validator(kind: string): ValidateFunction {
  if (!validators.has(kind)) validators.set(kind, ajv.compile(read(kind)));
  return validators.get(kind)!;
}
const errorsOf = (kind: string, data: unknown): ErrorObject[] => (validator(kind)(data) ? [] : [...(validator(kind).errors ?? [])]);
const where = (errors: ErrorObject[]) => errors.map((e) => `${e.instancePath} ${e.keyword}`);

const EXAMPLES = ['examples/tongzhong-2020.yaml', 'examples/shifan-2025.yaml'];
const FIXTURES = ['test/fixtures/tracking/history.yaml', 'test/fixtures/summary-month/plan.yaml', 'test/fixtures/month/plan.yaml'];
const CLEAN = readdirSync(new URL('fixtures/clean-plans/', import.meta.url)).filter((f) => f.endsWith('.yaml')).map((f) => `test/fixtures/clean-plans/${f}`);
const PLANS = [...EXAMPLES, ...FIXTURES, ...CLEAN];

/** The CLI's JSON for `args`, run from the package's folder; it must have printed JSON. */
async function json(args: string[]): Promise<unknown> {
  const r = await cli([...args, '-f', 'json'], { cwd: ROOT, today: '2025-06-18', time: '09:00' });
  expect(r.code, r.stderr).toBeLessThan(2);
  return JSON.parse(r.stdout);
}

describe('each published schema accepts what the CLI prints', () => {
  for (const kind of ['status', 'weekly', 'report', 'export'] as const) {
    it(`${kind}: one plan at a time, every example and fixture, as of several dates: a list of one`, async () => {
      for (const plan of PLANS) {
        // Weekly as of each plan's own second week; every kind as of a day in some periods, after all, and today.
        for (const when of [...(kind === 'weekly' ? [['--week', '2']] : []), ['--as-of', '2024-06-15'], ['--as-of', '2030-01-01'], []]) {
          const out = await json([kind, plan, ...when]);
          expect(where(errorsOf(kind, out)), `${kind} ${plan} ${when.join(' ')}`).toEqual([]);
          expect(out).toHaveLength(1);
          expect((out as { file: string }[])[0]!.file).toBe(plan);
        }
      }
    });
    it(`${kind}: every plan at once: a list of one object per plan, in order`, async () => {
      const out = (await json([kind, ...PLANS, ...(kind === 'weekly' ? ['--week', '2'] : ['--as-of', '2024-06-15'])])) as { file: string; schemaVersion: number }[];
      expect(where(errorsOf(kind, out))).toEqual([]);
      expect(out.map((o) => o.file)).toEqual(PLANS);
      expect(out.every((o) => o.schemaVersion === 1)).toBe(true);
    });
  }

  it('rollup: the examples, the fixtures, a folder of plans, and a plan that cannot be read (a row with its reason)', async () => {
    const broken = join(mkdtempSync(join(tmpdir(), 'rollup-')), 'broken.yaml');
    writeFileSync(broken, 'version: 1\ntasks: [\n');
    for (const args of [EXAMPLES, PLANS, ['test/fixtures/clean-plans'], [EXAMPLES[0]!], [...EXAMPLES, broken]]) {
      const out = await json(['rollup', ...args, '--as-of', '2024-06-20', '--no-cache']);
      expect(where(errorsOf('rollup', out)), args.join(' ')).toEqual([]);
      expect((out as { schemaVersion: number }).schemaVersion).toBe(1);
    }
    const last = (await json(['rollup', ...EXAMPLES, broken, '--as-of', '2024-06-20', '--no-cache'])) as { plans: { error?: string }[] };
    expect(last.plans.filter((p) => p.error).length).toBe(1);
  });

  it('agenda: one plan, every plan, with --unit, as of dates inside and after the periods', async () => {
    const runs = [
      [EXAMPLES[1]!, '--as-of', '2025-06-10'],
      [...PLANS, '--as-of', '2024-06-10', '--days', '366'],
      [...EXAMPLES, '--as-of', '2025-06-30', '--unit', '派出所'],
      [...PLANS, '--as-of', '2031-01-01'],
    ];
    for (const args of runs) {
      const out = await json(['agenda', ...args]);
      expect(where(errorsOf('agenda', out)), args.join(' ')).toEqual([]);
    }
  });

  it('import: every document of the import corpus, and a plan read from several files', async () => {
    const dir = 'test/fixtures/import-corpus/';
    const docs = readdirSync(new URL(`../${dir}`, import.meta.url)).filter((f) => /\.(txt|docx)$/.test(f));
    expect(docs.length).toBeGreaterThan(10);
    for (const doc of [...docs.map((d) => [`${dir}${d}`]), ['examples/tongzhong-2020-safety-month.txt'], ['test/fixtures/import-formats/doc-09-taoyuan-safety-month.doc', 'test/fixtures/import-formats/sheet-taoyuan-tasks-gbk.csv']]) {
      const out = (await json(['import', ...doc])) as { documents: { file: string }[]; notes: unknown[] };
      expect(where(errorsOf('import', out)), doc.join(' ')).toEqual([]);
      expect(out.documents.map((d) => d.file)).toEqual(doc);
    }
  });
});

/** A real output of each kind, to change. */
async function sample(kind: string): Promise<unknown> {
  switch (kind) {
    case 'rollup': return json(['rollup', ...EXAMPLES, '--as-of', '2025-06-20', '--no-cache']);
    case 'agenda': return json(['agenda', ...EXAMPLES, '--as-of', '2025-06-10']);
    case 'import': return json(['import', 'examples/tongzhong-2020-safety-month.txt']);
    default: return json([kind, ...EXAMPLES, '--as-of', '2025-06-20']);
  }
}

type Json = Record<string, unknown>;
const first = (out: unknown): Json => (Array.isArray(out) ? (out[0] as Json) : (out as Json));

describe('each published schema rejects a changed shape', () => {
  // What a script relies on, changed as a careless release might: a field renamed, dropped, retyped, a
  // value out of its list, one object where there is a list, another version.
  const changes: Record<string, { change: (out: unknown) => unknown; errors: string[] }[]> = {
    status: [
      { change: (o) => first(o), errors: [' type'] },
      { change: (o) => { const p = first(o); p.overall = { ...(p.overall as Json), complete: 1 }; delete (p.overall as Json).completion; return o; }, errors: ['/0/overall required', '/0/overall additionalProperties'] },
      { change: (o) => { ((first(o).units as Json[])[0]!).tasks = '3'; return o; }, errors: ['/0/units/0/tasks type'] },
    ],
    weekly: [
      { change: (o) => { delete first(o).file; return o; }, errors: ['/0 required'] },
      { change: (o) => { first(o).weekStarts = 'mon'; return o; }, errors: ['/0/weekStarts enum'] },
      { change: (o) => { first(o).schemaVersion = 2; return o; }, errors: ['/0/schemaVersion const'] },
    ],
    report: [
      { change: (o) => { (first(o).timeline as Json[])[0]!.light = 'amber'; return o; }, errors: ['/0/timeline/0/light enum'] },
      { change: (o) => { first(o).asOf = '2025/06/20'; return o; }, errors: ['/0/asOf format'] },
    ],
    export: [
      // The old shape: each plan's tasks spread into an object.
      { change: (o) => ({ ...(first(o).tasks as unknown[]) }), errors: [' type'] },
      { change: (o) => { (first(o).tasks as Json[])[0]!.status = 'finished'; return o; }, errors: ['/0/tasks/0/status enum'] },
      { change: (o) => { first(o).tasks = (first(o).tasks as Json[]).map(({ leadNames, ...t }) => ({ ...t, lead_names: leadNames })); return o; }, errors: ['/0/tasks/0 required', '/0/tasks/0 additionalProperties'] },
    ],
    rollup: [
      { change: (o) => [o], errors: [' type'] },
      { change: (o) => { ((o as Json).plans as Json[])[0]!.completion = '50%'; return o; }, errors: ['/plans/0/completion type'] },
    ],
    agenda: [
      { change: (o) => { ((o as Json).items as Json[])[0]!.state = 'late'; return o; }, errors: ['/items/0/state enum'] },
      { change: (o) => { delete (o as Json).schemaVersion; return o; }, errors: [' required'] },
    ],
    import: [
      { change: (o) => { (o as Json).notes = ((o as Json).notes as Json[]).map((n) => ({ ...n, path: (n.path as unknown[]).join('.') })); return o; }, errors: ['/notes/0/path type'] },
      // The plan itself is checked against the plan's own schema.
      { change: (o) => { ((o as Json).plan as Json).year = '2020年'; return o; }, errors: ['/plan/year type'] },
    ],
  };
  for (const [kind, cases] of Object.entries(changes)) {
    it(kind, async () => {
      expect(errorsOf(kind, await sample(kind))).toEqual([]);
      for (const { change, errors } of cases) {
        const got = where(errorsOf(kind, change(await sample(kind))));
        for (const e of errors) expect(got, `${kind}: ${errors.join(', ')}`).toContain(e);
      }
    });
  }
});

describe('the published schemas', () => {
  const kinds = readdirSync(OUTPUT_DIR).filter((f) => f.endsWith('.schema.json')).map((f) => f.replace('.schema.json', ''));

  it('have an absolute $id under the package, a version, draft 2020-12, and are closed', () => {
    for (const kind of ['status', 'weekly', 'report', 'export', 'rollup', 'agenda', 'import']) {
      const s = read(kind);
      expect(s.$id).toBe(`${BASE}output/${kind}.schema.json`);
      expect(s.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(s.title).toMatch(/, schemaVersion 1$/);
      // Every object the generator wrote is closed: a new field is a change of shape.
      const open: string[] = [];
      const walk = (n: unknown, at: string) => {
        if (typeof n !== 'object' || n === null) return;
        const o = n as Json;
        if (o.type === 'object' && o.additionalProperties !== false && at !== '/$defs/PlanDocument') open.push(at);
        for (const [k, v] of Object.entries(o)) walk(v, `${at}/${k}`);
      };
      walk(s, '');
      expect(open, kind).toEqual([]);
    }
  });

  it('agree with the types they are generated from (scripts/output-schemas.mjs --check)', () => {
    const r = spawnSync(process.execPath, ['scripts/output-schemas.mjs', '--check'], { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('schemas/output: up to date\n');
    expect(r.status).toBe(0);
  }, 200_000);

  it('ajv-cli, as a script would run it, takes what schema --output prints and what status prints, and refuses a change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ajv-cli-'));
    writeFileSync(join(dir, 'status.schema.json'), (await cli(['schema', '--output', 'status'])).stdout);
    const out = (await json(['status', ...EXAMPLES, '--as-of', '2025-06-20'])) as Json[];
    writeFileSync(join(dir, 'good.json'), JSON.stringify(out));
    (out[1]!.overall as Json).completion = '50%';
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(out));
    const ajvCli = (data: string) => spawnSync(process.execPath, [join(ROOT, 'node_modules/ajv-cli/dist/index.js'), 'validate', '--spec=draft2020', '-c', 'ajv-formats', '-s', 'status.schema.json', '-d', data, '--errors=line'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    const good = ajvCli('good.json');
    expect([good.status, good.stdout + good.stderr]).toEqual([0, 'good.json valid\n']);
    const bad = ajvCli('bad.json');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('bad.json invalid');
    expect(bad.stderr).toContain('/1/overall/completion');
  }, 90_000);

  it('campaign schema --output KIND prints the file as published, for every file there', async () => {
    for (const kind of kinds) {
      const r = await cli(['schema', '--output', kind]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(readFileSync(new URL(`${kind}.schema.json`, OUTPUT_DIR), 'utf8'));
    }
    // Its help lists the kinds the folder has.
    const help = (await cli(['schema', '--help'], { columns: 400 })).stdout.replace(/\s+/g, ' ');
    expect(help).toContain(`--output <kind> print the JSON Schema of a JSON output instead: ${kinds.sort().join(', ')}`);
  });

  it('campaign schema --output with an unknown kind is a usage error with a suggestion; without --output, the plan schema as before', async () => {
    const r = await cli(['schema', '--output', 'statu']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--output: there is no JSON output "statu"; did you mean "status"?');
    const zh = await cli(['schema', '--output', 'weekley'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('--output “weekley”：没有这种 JSON 输出，是否应为“weekly”？');
    const plan = JSON.parse((await cli(['schema'])).stdout) as Json;
    expect(plan.title).toBe('活动方案 / Campaign plan');
    expect(Object.keys(plan.$defs as Json)).toContain('task');
  });
});
