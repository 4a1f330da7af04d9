// Surgical YAML edits: exactly the intended lines change, in the style of their neighbours.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { applyEdits, EditError, majorityEol, type EditOp } from '../src/edit/apply.js';
import { flowText, scalarText } from '../src/edit/scalar.js';
import { changedLines } from './helpers/diff.js';

const PLAN = readFileSync('test/fixtures/edit/commented.yaml', 'utf8');

describe('applyEdits on a plan full of comments and mixed styles', () => {
  it('appends to a flow-style log and sets missing fields after the last key', () => {
    const out = applyEdits(PLAN, [
      { kind: 'append', path: ['tasks', 0, 'tasks', 0, 'updates'], value: { date: '2020-06-10', status: 'done', progress: 100, note: '完成: 全部, 4场' } },
      { kind: 'set', path: ['tasks', 0, 'tasks', 0, 'status'], value: 'done' },
      { kind: 'set', path: ['tasks', 0, 'tasks', 0, 'progress'], value: 100 },
    ]);
    expect(changedLines(PLAN, out)).toEqual({
      removed: [],
      added: [
        '          - {date: 2020-06-10, status: done, progress: 100, note: "完成: 全部, 4场"}',
        '        status: done',
        '        progress: 100',
      ],
    });
  });

  it('follows a block-style log and replaces values in place, keeping trailing comments', () => {
    const out = applyEdits(PLAN, [
      { kind: 'append', path: ['tasks', 0, 'tasks', 1, 'updates'], value: { date: '2020-06-18', status: 'done', progress: 100 } },
      { kind: 'set', path: ['tasks', 0, 'tasks', 1, 'status'], value: 'done' },
      { kind: 'set', path: ['tasks', 0, 'tasks', 0, 'targets', 0, 'actual'], value: 11 },
    ]);
    expect(changedLines(PLAN, out)).toEqual({
      removed: ['          - {metric: 宣讲场次, unit: 场, target: 10, actual: 4}   # updated weekly', '        status: in_progress'],
      added: [
        '          - {metric: 宣讲场次, unit: 场, target: 10, actual: 11}   # updated weekly',
        '        status: done',
        '          - date: 2020-06-18',
        '            status: done',
        '            progress: 100',
      ],
    });
  });

  it('adds to a flow task on its own line, and creates a missing log as a block list', () => {
    const out = applyEdits(PLAN, [
      { kind: 'append', path: ['tasks', 1, 'updates'], value: { date: '2020-06-18', status: 'in_progress' } },
      { kind: 'append', path: ['tasks', 2, 'updates'], value: { date: '2020-06-18', note: '起草中' } },
      { kind: 'set', path: ['reports', 0, 'submitted'], value: '2020-07-03' },
    ]);
    expect(changedLines(PLAN, out)).toEqual({
      removed: [
        '  - {id: "2", title: 隐患排查, lead: [police], due: 2020-06-18}   # a flow task',
        '  - {id: summary, title: 活动总结, to: police, due: 2020-07-05}',
      ],
      added: [
        '  - {id: "2", title: 隐患排查, lead: [police], due: 2020-06-18, updates: [{date: 2020-06-18, status: in_progress}]}   # a flow task',
        '    updates:',
        '      - {date: 2020-06-18, note: 起草中}',
        '  - {id: summary, title: 活动总结, to: police, due: 2020-07-05, submitted: 2020-07-03}',
      ],
    });
  });

  it('where a task ends with its log, the new entry goes in the log and a new key after it', () => {
    const out = applyEdits(PLAN, [
      { kind: 'append', path: ['tasks', 0, 'tasks', 1, 'targets'], value: { metric: '进校园', unit: '所', target: 5 } },
      { kind: 'append', path: ['tasks', 0, 'tasks', 1, 'updates'], value: { date: '2020-06-16', progress: 70 } },
    ]);
    expect(changedLines(PLAN, out).added).toEqual([
      '          - date: 2020-06-16',
      '            progress: 70',
      '        targets:',
      '          - {metric: 进校园, unit: 所, target: 5}',
    ]);
  });

  it('keeps CRLF line endings', () => {
    const crlf = PLAN.replace(/\n/g, '\r\n');
    const out = applyEdits(crlf, [{ kind: 'append', path: ['tasks', 2, 'updates'], value: { date: '2020-06-18', note: 'x' } }]);
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
    expect(changedLines(crlf, out).added).toEqual(['    updates:', '      - {date: 2020-06-18, note: x}']);
  });

  it('in a CRLF file whose task was written with LF, new lines end CRLF and the lines there keep their own ends (hostile report 4, defect 14)', () => {
    const lines = PLAN.split('\n');
    // Every line CRLF but those of tasks[2] (from its id to the line before requirements or the end): LF, as pasted from another file.
    const start = lines.findIndex((l) => /^ {2}- id: /.test(l) && lines.slice(0, lines.indexOf(l)).filter((x) => /^ {2}- id: /.test(x)).length === 2);
    expect(start).toBeGreaterThan(0);
    const mixed = lines.map((l, i) => `${l}${i === lines.length - 1 ? '' : i >= start ? '\n' : '\r\n'}`).join('');
    const lf = (t: string) => t.split('\n').length - 1 - (t.split('\r\n').length - 1);
    const before = lf(mixed);
    const out = applyEdits(mixed, [
      { kind: 'append', path: ['tasks', 2, 'updates'], value: { date: '2020-06-18', note: 'x' } },
      { kind: 'set', path: ['tasks', 2, 'note'], value: '新' },
    ]);
    expect(lf(out)).toBe(before);
    expect(out).toContain('      - {date: 2020-06-18, note: x}\r\n');
    expect(out).toContain('    note: 新\r\n');
    expect(parse(out).tasks[2].updates).toEqual([{ date: '2020-06-18', note: 'x' }]);
    // Appended to a list that already has entries, written with LF: the entry above keeps its LF.
    const again = applyEdits(out.replace(/(note: x\})\r\n/, '$1\n'), [{ kind: 'append', path: ['tasks', 2, 'updates'], value: { date: '2020-06-19', note: 'y' } }]);
    expect(again).toContain('      - {date: 2020-06-18, note: x}\n      - {date: 2020-06-19, note: y}\r\n');
  });

  it('a file with no line break at its end gets the new lines before its end, and still none after', () => {
    expect(applyEdits('a:\r\n  - 1\r\n  - 2', [{ kind: 'append', path: ['a'], value: 3 }])).toBe('a:\r\n  - 1\r\n  - 2\r\n  - 3');
    expect(applyEdits('a:\r\n  - 1\r\n  - 2\r\n', [{ kind: 'append', path: ['a'], value: 3 }])).toBe('a:\r\n  - 1\r\n  - 2\r\n  - 3\r\n');
  });

  it('keeps old Mac line ends (a lone CR), and writes new lines so; in a mixed file, the most common end', () => {
    const cr = PLAN.replace(/\n/g, '\r');
    const op: EditOp = { kind: 'append', path: ['tasks', 2, 'updates'], value: { date: '2020-06-18', note: 'x' } };
    const out = applyEdits(cr, [op]);
    expect(out).not.toContain('\n');
    expect(changedLines(PLAN, out.replace(/\r/g, '\n')).added).toEqual(['    updates:', '      - {date: 2020-06-18, note: x}']);
    expect(majorityEol('a\rb\rc\r\nd\n')).toBe('\r');
    expect(majorityEol('a\rb\r\nc\r\nd\n')).toBe('\r\n');
    expect(majorityEol('a\rb\nc\n')).toBe('\n');
    expect(majorityEol('a\rb\nc\r\n')).toBe('\n');
  });

  it('writes -0 as 0, and a value set anew without the tag of the old one', () => {
    expect(applyEdits('p: 30\nq: [1]\n', [{ kind: 'set', path: ['p'], value: -0 }, { kind: 'append', path: ['q'], value: { a: -0, b: [-0] } }]))
      .toBe('p: 0\nq: [1, {a: 0, b: [0]}]\n');
    expect(applyEdits('p: !!float 30 # 注\n', [{ kind: 'set', path: ['p'], value: 'x' }])).toBe('p: x # 注\n');
    // A tag the edit cannot see on the value's line is refused by the check, as a file validate would refuse.
    expect(() => applyEdits('p: !!int\n  30\n', [{ kind: 'set', path: ['p'], value: 'x' }])).toThrow(/does not read back/);
  });

  it('refuses a document with syntax errors, two edits of one place, and a place that is not a value', () => {
    expect(() => applyEdits('a: [1\n', [{ kind: 'set', path: ['a'], value: 1 }])).toThrow(EditError);
    expect(() => applyEdits(PLAN, [
      { kind: 'set', path: ['year'], value: 2021 },
      { kind: 'set', path: ['year'], value: 2022 },
    ])).toThrow(/same place/);
    expect(() => applyEdits(PLAN, [{ kind: 'set', path: ['period'], value: 'x' }])).toThrow(/not a single value/);
    expect(() => applyEdits(PLAN, [{ kind: 'append', path: ['nope', 'updates'], value: {} }])).toThrow(EditError);
    expect(() => applyEdits(PLAN, [
      { kind: 'append', path: ['tasks', 2, 'updates'], value: { date: '2020-06-18' } },
      { kind: 'set', path: ['tasks', 2, 'updates'], value: [] },
    ])).toThrow(/same place/);
  });

  it('appends several entries to one log in the order given: a flow log, a block log, a log not there yet', () => {
    const entries = [{ date: '2020-06-18', note: '甲', by: 'police' }, { date: '2020-06-18', note: '乙', by: 'edu' }, { date: '2020-06-19', note: '丙' }];
    const appendAll = (path: (string | number)[]) => applyEdits(PLAN, entries.map((value) => ({ kind: 'append' as const, path, value })));
    expect(changedLines(PLAN, appendAll(['tasks', 0, 'tasks', 0, 'updates'])).added).toEqual([
      '          - {date: 2020-06-18, note: 甲, by: police}', '          - {date: 2020-06-18, note: 乙, by: edu}', '          - {date: 2020-06-19, note: 丙}',
    ]);
    expect(changedLines(PLAN, appendAll(['tasks', 0, 'tasks', 1, 'updates'])).added).toEqual([
      '          - date: 2020-06-18', '            note: 甲', '            by: police',
      '          - date: 2020-06-18', '            note: 乙', '            by: edu',
      '          - date: 2020-06-19', '            note: 丙',
    ]);
    expect(changedLines(PLAN, appendAll(['tasks', 2, 'updates'])).added).toEqual([
      '    updates:', '      - {date: 2020-06-18, note: 甲, by: police}', '      - {date: 2020-06-18, note: 乙, by: edu}', '      - {date: 2020-06-19, note: 丙}',
    ]);
    const flow = 'a: []\n';
    expect(applyEdits(flow, [{ kind: 'append', path: ['a'], value: 1 }, { kind: 'append', path: ['a'], value: 2 }])).toBe('a: [1, 2]\n');
  });
});

describe('block style: a flow task takes its log beneath it, an entry a line', () => {
  const logOn = (path: (string | number)[], entry: Record<string, unknown>) => [
    { kind: 'block' as const, path },
    { kind: 'block' as const, path: [...path, 'updates'] },
    { kind: 'append' as const, path: [...path, 'updates'], value: entry },
  ];

  it('rewrites only that task, keeping key order, quotes and its trailing comment', () => {
    const out = applyEdits(PLAN, [
      ...logOn(['tasks', 1], { date: '2020-06-17', status: 'in_progress', progress: 60, note: '排查企业12家' }),
      { kind: 'set', path: ['tasks', 1, 'status'], value: 'in_progress' },
    ]);
    expect(changedLines(PLAN, out)).toEqual({
      removed: ['  - {id: "2", title: 隐患排查, lead: [police], due: 2020-06-18}   # a flow task'],
      added: [
        '  - id: "2"   # a flow task',
        '    title: 隐患排查',
        '    lead: [police]',
        '    due: 2020-06-18',
        '    updates:',
        '      - {date: 2020-06-17, status: in_progress, progress: 60, note: 排查企业12家}',
        '    status: in_progress',
      ],
    });
  });

  it('the next update is one more line', () => {
    const once = applyEdits(PLAN, logOn(['tasks', 1], { date: '2020-06-17', note: '一' }));
    const twice = applyEdits(once, logOn(['tasks', 1], { date: '2020-06-24', note: '二' }));
    expect(changedLines(once, twice)).toEqual({ removed: [], added: ['      - {date: 2020-06-24, note: 二}'] });
  });

  it('a task that grew one long line of updates gets a line for each', () => {
    const text = '  - {id: "2", title: 排查, updates: [{date: 2020-06-03, note: 一}, {date: 2020-06-10, note: 二}], status: in_progress}\n';
    const out = applyEdits(`tasks:\n${text}`, logOn(['tasks', 0], { date: '2020-06-17', note: '三' }));
    expect(out).toBe([
      'tasks:',
      '  - id: "2"',
      '    title: 排查',
      '    updates:',
      '      - {date: 2020-06-03, note: 一}',
      '      - {date: 2020-06-10, note: 二}',
      '      - {date: 2020-06-17, note: 三}',
      '    status: in_progress',
      '',
    ].join('\n'));
  });

  it('changes nothing where everything is in block style already', () => {
    expect(applyEdits(PLAN, [{ kind: 'block', path: ['tasks', 0, 'tasks', 1] }, { kind: 'block', path: ['tasks', 0, 'tasks', 1, 'updates'] }])).toBe(PLAN);
    expect(applyEdits(PLAN, [{ kind: 'block', path: ['tasks', 2, 'updates'] }])).toBe(PLAN);
  });

  it('a flow task over several lines keeps every comment, on the entry it followed', () => {
    const text = [
      'tasks:',
      '  - {id: "2", title: \'隐患 排查\',   # which title',
      '     # own line',
      '     lead: [police,',
      '       edu], due: 2020-06-18   # before the end',
      '    }   # the whole task',
      '  - {id: "3", title: 总结}',
      '',
    ].join('\n');
    const out = applyEdits(text, logOn(['tasks', 0], { date: '2020-06-17', note: 'x' }));
    expect(out).toBe([
      'tasks:',
      '  - id: "2"   # the whole task',
      '    title: \'隐患 排查\'   # which title',
      '    # own line',
      '    lead: [police,',
      '      edu]',
      '    due: 2020-06-18   # before the end',
      '    updates:',
      '      - {date: 2020-06-17, note: x}',
      '  - {id: "3", title: 总结}',
      '',
    ].join('\n'));
  });

  it('writes a block task\'s flow log as a list, an entry a line', () => {
    const text = 'tasks:\n  - id: "1"\n    title: 宣讲\n    updates: [{date: 2020-06-01, note: 一}, {date: 2020-06-08, note: "二, 三"}]   # log\n    status: in_progress\n';
    const out = applyEdits(text, logOn(['tasks', 0], { date: '2020-06-15', note: '四' }));
    expect(out).toBe([
      'tasks:',
      '  - id: "1"',
      '    title: 宣讲',
      '    updates:   # log',
      '      - {date: 2020-06-01, note: 一}',
      '      - {date: 2020-06-08, note: "二, 三"}',
      '      - {date: 2020-06-15, note: 四}',
      '    status: in_progress',
      '',
    ].join('\n'));
  });

  it('a task inside a flow list of subtasks: the way to it is rewritten, its siblings keep their lines', () => {
    const text = 'tasks:\n- {id: "1", title: 宣传, tasks: [{id: "1.1", title: 宣讲}, {id: "1.2", title: 进校园}]}\n- {id: "2", title: 排查}\n';
    const out = applyEdits(text, logOn(['tasks', 0, 'tasks', 1], { date: '2020-06-17', note: 'x' }));
    // This file writes lists at their key's column (`- id` under `tasks:`), and so do the new lines.
    expect(out).toBe([
      'tasks:',
      '- id: "1"',
      '  title: 宣传',
      '  tasks:',
      '  - {id: "1.1", title: 宣讲}',
      '  - id: "1.2"',
      '    title: 进校园',
      '    updates:',
      '    - {date: 2020-06-17, note: x}',
      '- {id: "2", title: 排查}',
      '',
    ].join('\n'));
  });

  it('follows the file\'s indentation', () => {
    const text = 'units:\n    - {id: p, name: 派出所}\ntasks:\n    - {id: "1", title: 宣讲, lead: [p]}\n';
    expect(applyEdits(text, logOn(['tasks', 0], { date: '2020-06-17', note: 'x' }))).toBe(
      'units:\n    - {id: p, name: 派出所}\ntasks:\n    - id: "1"\n      title: 宣讲\n      lead: [p]\n      updates:\n          - {date: 2020-06-17, note: x}\n',
    );
  });

  it('keeps CRLF line endings', () => {
    const crlf = PLAN.replace(/\n/g, '\r\n');
    const out = applyEdits(crlf, logOn(['tasks', 1], { date: '2020-06-17', note: 'x' }));
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
    expect(changedLines(crlf, out).added).toEqual([
      '  - id: "2"   # a flow task', '    title: 隐患排查', '    lead: [police]', '    due: 2020-06-18', '    updates:', '      - {date: 2020-06-17, note: x}',
    ]);
  });

  it('refuses a task whose keys carry tags or anchors rather than leave them behind', () => {
    const text = 'tasks:\n  - {id: "1", &t title: 宣讲}\n';
    expect(() => applyEdits(text, logOn(['tasks', 0], { date: '2020-06-17', note: 'x' }))).toThrow(/cannot be rewritten in block style/);
  });
});

describe('scalarText', () => {
  it.each([
    ['2020-06-08', false, '2020-06-08'],
    ['完成3场', false, '完成3场'],
    ['1.10', false, '"1.10"'],
    ['true', false, '"true"'],
    ['进展: 完成', false, '"进展: 完成"'],
    ['a, b', true, '"a, b"'],
    ['a, b', false, 'a, b'],
    ['#1', false, '"#1"'],
    ['- 项目', false, '"- 项目"'],
    ['', false, '""'],
    [' 空格', false, '" 空格"'],
    ['行一\n行二', false, '"行一\\n行二"'],
  ])('%j (flow %s) → %s', (value, flow, text) => {
    expect(scalarText(value, flow)).toBe(text);
    expect(parse(`k: ${text}`).k).toBe(value);
  });

  it('writes flow maps that read back', () => {
    const v = { date: '2020-06-08', note: '{不是: 映射}', n: 3, list: ['a', 'b c'] };
    expect(parse(`x: ${flowText(v)}`).x).toEqual(v);
  });
});
