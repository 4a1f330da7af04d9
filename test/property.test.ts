// Property tests (fast-check): no input makes any command throw; update adds exactly its entry;
// import of any text gives YAML that reads back.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Document, parse, parseDocument, stringify } from 'yaml';
import { applyEdits } from '../src/edit/apply.js';
import { taskUpdateOps } from '../src/edit/progress-update.js';
import { buildPlan, normaliseStatus } from '../src/model/build.js';
import { stateAsOf } from '../src/model/status-at.js';
import { extractPlan } from '../src/importer/extract.js';
import { renderDraft } from '../src/importer/render.js';
import { loadCalendar } from '../src/io/holidays.js';
import { runInProcess } from './helpers/in-process.js';

const COMMANDS = [['validate', '-'], ['status', '-'], ['weekly', '-'], ['report', '-'], ['export', '-'], ['export', '-f', 'ics', '-'], ['report', '-f', 'html', '-']];
const SEED = parse(readFileSync('examples/tongzhong-2020.yaml', 'utf8'));

async function neverThrows(text: string) {
  for (const args of COMMANDS) {
    const r = await runInProcess(args, text);
    expect([0, 1, 2]).toContain(r.code);
    expect(r.err).not.toMatch(/internal error/);
    if (r.code === 2) expect(r.err).toMatch(/^campaign: /);
  }
}

/** Any JSON-like value, including the awkward ones (empty keys, __proto__, deep nesting). */
const value = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small' },
    fc.string(), fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null), fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    fc.array(tie('v'), { maxLength: 4 }), fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'tasks', 'id', 'due', 'updates')), tie('v'), { maxKeys: 4 })),
})).v;

describe('no input makes a command throw', () => {
  it('arbitrary text', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.constantFrom('- [', '{a: *x}', '&a [*a]', 'a: !!binary x', '\t- x', '---\n---\n')), neverThrows), { numRuns: 60 });
  });

  it('arbitrary YAML', async () => {
    await fc.assert(fc.asyncProperty(value, (v) => neverThrows(stringify(v))), { numRuns: 60 });
  });

  it('a real plan with any part replaced by anything', async () => {
    const paths: (string | number)[][] = [];
    const walk = (node: unknown, path: (string | number)[]) => {
      paths.push(path);
      if (Array.isArray(node)) node.forEach((c, i) => { walk(c, [...path, i]); });
      else if (node && typeof node === 'object') for (const [k, c] of Object.entries(node)) walk(c, [...path, k]);
    };
    walk(SEED, []);
    await fc.assert(fc.asyncProperty(fc.constantFrom(...paths.filter((p) => p.length > 0)), value, (path, v) => {
      const copy = structuredClone(SEED);
      let node = copy;
      for (const seg of path.slice(0, -1)) node = node[seg];
      node[path[path.length - 1]!] = v;
      return neverThrows(stringify(copy));
    }), { numRuns: 80 });
  });
});

describe('update adds exactly its entry', () => {
  const taskArb = fc.record({
    title: fc.string({ minLength: 1 }),
    updates: fc.option(fc.array(fc.record({ date: fc.constantFrom('2020-06-01', '2020-06-10'), note: fc.string() }), { maxLength: 2 }), { nil: undefined }),
    flow: fc.boolean(),
  });
  it('on plans in any mix of flow and block style, with any note', () => {
    fc.assert(fc.property(fc.array(taskArb, { minLength: 1, maxLength: 4 }), fc.nat(), fc.string(), fc.constantFrom('done', 'in_progress', '受阻'), fc.boolean(), (tasks, pick, note, status, flowLog) => {
      const data = {
        version: 1, title: '测试乡2020年活动方案', organizer: '测试乡', year: 2020,
        period: { start: '2020-06-01', end: '2020-06-30' }, units: [{ id: 'p', name: '派出所' }],
        tasks: tasks.map((t, i) => ({ id: String(i + 1), title: t.title, lead: ['p'], ...(t.updates ? { updates: t.updates } : {}) })),
      };
      const doc = new Document(data);
      // Mix styles: some tasks written as one flow mapping, some logs as flow lists.
      tasks.forEach((t, i) => {
        const node = doc.getIn(['tasks', i], true) as { flow?: boolean };
        node.flow = t.flow;
        const log = doc.getIn(['tasks', i, 'updates'], true) as { flow?: boolean } | undefined;
        if (log && !t.flow) log.flow = flowLog;
      });
      const text = doc.toString();
      const plan = buildPlan(parse(text));
      const target = plan.allTasks[pick % plan.allTasks.length]!;
      const { ops, entry } = taskUpdateOps(plan, { task: target.id, date: '2020-06-20', status, note });
      const after = parseDocument(applyEdits(text, ops));
      expect(after.errors).toEqual([]);
      const expected = structuredClone(parse(text));
      const i = pick % plan.allTasks.length;
      const t = expected.tasks[i];
      t.updates = [...(t.updates ?? []), entry];
      // The task's own status and progress follow its log: whatever they are now, they say what the log says.
      const got = after.toJS();
      const { status: field, progress, ...rest } = got.tasks[i];
      expect({ ...got, tasks: got.tasks.map((x: object, k: number) => (k === i ? rest : x)) }).toEqual(expected);
      const state = stateAsOf(buildPlan(got).allTasks[i]!, '2020-06-20');
      expect(state.status).toBe(normaliseStatus(status));
      if (field !== undefined) expect(normaliseStatus(field)).toBe(state.status);
      if (progress !== undefined) expect(progress).toBe(state.progress);
    }), { numRuns: 150 });
  });
});

describe('import of any text', () => {
  const docLike = fc.array(fc.oneof(
    fc.string({ unit: 'grapheme' }),
    fc.constantFrom('一、指导思想', '二、活动时间', '2020年6月1日-6月30日', '三、主要任务', '（一）宣传', '(二)检查', '1.派出所、教育站等负责', '2．一是宣讲；二是培训。', '（1）排查', '四、工作要求', '6月30日前报送县安委会办公室。', '以“安全”为主题', '根据《通知》'),
  ), { maxLength: 12 }).map((lines) => lines.join('\n'));
  it('never throws, and writes YAML that reads back', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), docLike), (text) => {
      const yaml = renderDraft(extractPlan(text, { fallbackYear: 2020, isWorkday: loadCalendar().isWorkday }), 'https://unpkg.com/@zhenban/campaign/schemas/campaign.schema.json', 'doc.txt');
      expect(parseDocument(yaml).errors).toEqual([]);
    }), { numRuns: 300 });
  });
});
