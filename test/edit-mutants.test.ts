// The edit layer's decisions that no other test pinned down (each found by a mutant of src/edit/ that
// survived them): where a tag and anchor go when a value is set, where a new key goes on a line with
// trailing blanks, which text is quoted, which flow collections a block-style rewrite refuses or keeps,
// where each comment goes, and how update turns its options into edits. Exact texts, reasons and messages.
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { applyEdits, EditError, majorityEol, replacementsOf, type EditOp } from '../src/edit/apply.js';
import { RequestError } from '../src/edit/errors.js';
import { logOps, taskUpdateOps, type TaskUpdateRequest } from '../src/edit/progress-update.js';
import { flowText, scalarText } from '../src/edit/scalar.js';
import { buildPlan } from '../src/model/build.js';
import { STATUSES, STATUS_ALIASES, type Plan } from '../src/model/types.js';
import { loadCalendar } from '../src/io/holidays.js';
import { parseSource } from '../src/source/parse.js';
import { refusal } from './helpers/edit-refusal.js';
import { HISTORY } from './helpers/plan.js';

// yaml's parse, counted: scalar.ts parses a text to learn whether it reads back as itself, and remembers
// the answer (a bounded cache), which only the number of parses shows.
const parses = vi.hoisted(() => ({ count: 0 }));
vi.mock('yaml', async (importOriginal) => {
  const yaml = await importOriginal<typeof import('yaml')>();
  return { ...yaml, parse: (...args: Parameters<typeof yaml.parse>) => { parses.count++; return yaml.parse(...args); } };
});


const set = (path: (string | number)[], value: unknown): EditOp => ({ kind: 'set', path, value });
const append = (path: (string | number)[], value: unknown): EditOp => ({ kind: 'append', path, value });
const block = (path: (string | number)[]): EditOp => ({ kind: 'block', path });
/** A flow task given a log beneath it, as update does. */
const logOn = (path: (string | number)[]): EditOp[] => [block(path), block([...path, 'updates']), append([...path, 'updates'], { date: '2020-06-17', note: 'x' })];

describe('majorityEol counts each kind of line end', () => {
  it('a lone CR wins only when it is more common than CRLF and than LF', () => {
    expect(majorityEol('a\rb\r\nc\r\n')).toBe('\r\n');
    expect(majorityEol('a\rb\r\n')).toBe('\r\n');
    expect(majorityEol('a\rb\n')).toBe('\n');
    expect(majorityEol('a\nb\n')).toBe('\n');
  });
});

describe('a value set where the old one had a tag', () => {
  it('drops the tag and keeps the anchor, whichever comes first', () => {
    expect(applyEdits('a: &x !!str 1\n', [set(['a'], '2')])).toBe('a: &x "2"\n');
    expect(applyEdits('a: !!str &x 1\n', [set(['a'], '2')])).toBe('a: &x "2"\n');
  });

  it('drops a non-specific tag (!), which would make the new number a text', () => {
    expect(applyEdits('a: &x ! 1\n', [set(['a'], 2)])).toBe('a: &x 2\n');
  });

  it('drops a tag followed by more than one blank', () => {
    expect(applyEdits('a: !!str  1\n', [set(['a'], 'x')])).toBe('a: x\n');
  });

  it('drops only the tag of the value set, not one earlier on its line', () => {
    expect(applyEdits('a: {x: !!str 1, b: !!float 2}\n', [set(['a', 'b'], 3)])).toBe('a: {x: !!str 1, b: 3}\n');
  });

  it('drops a tag at the start of its line', () => {
    expect(applyEdits('{a:\n!!str 1}\n', [set(['a'], 'x')])).toBe('{a:\nx}\n');
  });
});

describe('a key added to a block mapping', () => {
  it('goes after the trailing blanks of the last line', () => {
    expect(applyEdits('a: 1   \n', [set(['b'], 2)])).toBe('a: 1   \nb: 2\n');
  });

  it('goes at the end of a file without a final line end', () => {
    expect(applyEdits('a: 1', [set(['b'], 2)])).toBe('a: 1\nb: 2');
  });

  it('is written as in block style: a list and a map in flow style, a text with commas plain, a key with commas plain', () => {
    expect(applyEdits('a:\n  b: 1\n', [set(['a', 'l'], [1, 'x, y']), set(['a', 'a,b'], 'x, y'), set(['a', 'm'], { k: 'v, w' })]))
      .toBe('a:\n  b: 1\n  l: [1, "x, y"]\n  a,b: x, y\n  m: {k: "v, w"}\n');
  });

  it('to an empty flow mapping has no comma before it', () => {
    expect(applyEdits('a: {}\n', [set(['a', 'b'], 1)])).toBe('a: {b: 1}\n');
  });
});

describe('a value set in place', () => {
  it('a text with a comma is plain in block style, a map is written in flow style', () => {
    expect(applyEdits('a: 1\n', [set(['a'], 'x, y')])).toBe('a: x, y\n');
    expect(applyEdits('a: 1\n', [set(['a'], { b: 1 })])).toBe('a: {b: 1}\n');
  });

  it('in a document written as one flow mapping, with no block style asked for', () => {
    expect(applyEdits('{a: 1}\n', [set(['a'], 2)])).toBe('{a: 2}\n');
  });
});

describe('an entry appended to a block list of block mappings', () => {
  it('is a block mapping, its texts plain as block style allows; a text is an item of its own', () => {
    expect(applyEdits('l:\n  - date: 1\n', [append(['l'], { 'a,b': 'x, y', n: null, o: { p: 1 } }), append(['l'], 'ab')]))
      .toBe('l:\n  - date: 1\n  - a,b: x, y\n    n: null\n    o: {p: 1}\n  - ab\n');
  });
});

describe('refusals name the place, with the path in full', () => {
  it.each<[string, string, EditOp[], string, string]>([
    ['a value set under a key that holds no mapping', 'a:\n  b: 1\n', [set(['a', 'b', 'c'], 2)], 'not-found', 'no mapping at a.b'],
    ['a value set over a list', 'a:\n  b: [1]\n', [set(['a', 'b'], 2)], 'unsupported', 'the value at a.b is not a single value'],
    ['an entry appended under a key that holds no mapping', 'a:\n  b: 1\n', [append(['a', 'b', 'log'], 2)], 'not-found', 'no mapping at a.b'],
    ['an entry appended to a key written empty', 'a:\n  b:\n    log:\n', [append(['a', 'b', 'log'], 2)], 'unsupported', 'a.b.log is empty; write [] or remove it'],
    ['an entry appended to a single value', 'a:\n  b: 1\n', [append(['a', 'b'], 2)], 'unsupported', 'a.b is not a list'],
    ['a document written as one flow collection, in block style', '{a: 1}\n', [block([])], 'unsupported', 'a document written as one flow collection cannot be rewritten in block style'],
    ['an explicit key (? a) whose value is to be rewritten', '? a\n: [1, 2]\n', [block(['a'])], 'unsupported', 'a cannot be rewritten in block style'],
    ['a key that is an alias', 'x: &k k\ntasks:\n  - {*k : 1, id: a}\n', logOn(['tasks', 0]), 'unsupported', 'a key that is not a plain value at tasks.0 cannot be rewritten in block style'],
    ['an alias in a list', 'x: &a 1\nl: [*a, 2]\n', [block(['l'])], 'unsupported', 'an entry at l.0 cannot be rewritten in block style'],
    ['an anchor on a key', 'tasks:\n  - {id: a, &t title: 宣讲}\n', logOn(['tasks', 0]), 'unsupported', 'the tags, anchors or ? keys at tasks.0 cannot be rewritten in block style'],
  ])('%s', (_what, text, ops, reason, message) => {
    expect(refusal(text, ops)).toEqual({ reason, message });
  });
});

describe('block style keeps every comment and every entry', () => {
  it('comments before the list and after it go on its key\'s line, in order', () => {
    expect(applyEdits('a: # one\n  [1, 2] # two\n', [block(['a'])])).toBe('a: # one # two\n  - 1\n  - 2\n');
  });

  it('a blank before the colon stays', () => {
    expect(applyEdits('a : [1, 2]\n', [block(['a'])])).toBe('a :\n  - 1\n  - 2\n');
  });

  it('a comment on its own line after the opening bracket goes on the first entry\'s line', () => {
    expect(applyEdits('a: [\n  # c\n  1, 2]\n', [block(['a'])])).toBe('a:\n  - 1  # c\n  - 2\n');
    expect(applyEdits('a: [\n#c\n  1, 2]\n', [block(['a'])])).toBe('a:\n  - 1 #c\n  - 2\n');
  });

  it('comments between a nested key and its flow list go on the key\'s line', () => {
    expect(applyEdits('tasks:\n  - {id: a, updates: # one\n      # two\n      [{date: 1}]}\n', logOn(['tasks', 0])))
      .toBe('tasks:\n  - id: a\n    updates: # one      # two\n      - {date: 1}\n      - {date: 2020-06-17, note: x}\n');
  });

  it('the comment after the closing brace and the one after the opening brace both go on the first line', () => {
    expect(applyEdits('tasks:\n  - { # a\n      id: x, title: y}   # b\n', logOn(['tasks', 0])))
      .toBe('tasks:\n  - id: x   # b # a\n    title: y\n    updates:\n      - {date: 2020-06-17, note: x}\n');
  });

  it('keys without a value are written with their colon; an explicit null keeps its text', () => {
    expect(applyEdits('tasks:\n  - {id: x, a, b: , c: null, d: ~}\n', logOn(['tasks', 0])))
      .toBe('tasks:\n  - id: x\n    a:\n    b:\n    c: null\n    d: ~\n    updates:\n      - {date: 2020-06-17, note: x}\n');
  });

  it('only the collections on the way are rewritten: a nested list or map not asked for keeps its flow style', () => {
    expect(applyEdits('a: [1, [2, 3], {b: 4}]\n', [block(['a'])])).toBe('a:\n  - 1\n  - [2, 3]\n  - {b: 4}\n');
    expect(applyEdits('a: [1, [2, 3], {b: 4}]\n', [block(['a', 1])])).toBe('a:\n  - 1\n  - [2, 3]\n  - {b: 4}\n');
    expect(applyEdits('a: [1, [2, 3], {b: 4}]\n', [block(['a', 2])])).toBe('a:\n  - 1\n  - [2, 3]\n  - b: 4\n');
  });

  it('an entry over several lines is copied with its later lines at the entry\'s indentation', () => {
    expect(applyEdits('a: [[1,\n        2], 3]\n', [block(['a'])])).toBe('a:\n  - [1,\n    2]\n  - 3\n');
  });

  it('a refusal of block style is an unsupported edit', () => {
    expect(refusal('{a: 1}\n', [block(['a'])])).toMatchObject({ reason: 'unsupported' });
  });
});

describe('scalarText and flowText quote what would not read back as itself', () => {
  it.each<[unknown, boolean, string]>([
    [null, false, 'null'],
    [undefined, false, 'null'],
    [undefined, true, 'null'],
    ['进展:', false, '"进展:"'],
    ['a:', false, '"a:"'],
    ['完成 #1', false, '"完成 #1"'],
    ['a #b', false, '"a #b"'],
    ['完成#1', false, '完成#1'],
    ['', true, '""'],
    ['null', false, '"null"'],
    ['~', false, '"~"'],
    ['123', false, '"123"'],
    ['0x1F', false, '"0x1F"'],
    ['yes', false, 'yes'],
    ['False', false, '"False"'],
    ['2020-06-08', false, '2020-06-08'],
    ['a,b', false, 'a,b'],
    ['a,b', true, '"a,b"'],
  ])('%j (flow %s) → %s', (value, flow, text) => {
    expect(scalarText(value, flow)).toBe(text);
  });

  it('flowText leaves out a key whose value is undefined, and quotes a key with a comma', () => {
    expect(flowText({ a: 1, b: undefined, 'c,d': 'e' })).toBe('{a: 1, "c,d": e}');
    expect(flowText([{ a: undefined }, null])).toBe('[{}, null]');
  });
});

describe('scalarText parses a text once, and forgets what it learnt after 10,000 texts', () => {
  it('parses a plain ASCII text once however often it is written, and a Chinese text never', async () => {
    vi.resetModules();
    const fresh = await import('../src/edit/scalar.js');
    parses.count = 0;
    expect(fresh.scalarText('ascii-once', false)).toBe('ascii-once');
    expect(fresh.scalarText('ascii-once', true)).toBe('ascii-once');
    expect(parses.count).toBe(1);
    expect(fresh.scalarText('完成3场', false)).toBe('完成3场');
    expect(parses.count).toBe(1);
  });

  it('keeps 10,001 answers, and starts again with the next', async () => {
    vi.resetModules();
    const fresh = await import('../src/edit/scalar.js');
    parses.count = 0;
    for (let i = 0; i <= 10_000; i++) fresh.scalarText(`k${i}`, false);
    expect(parses.count).toBe(10_001);
    fresh.scalarText('k0', false);
    fresh.scalarText('k10000', false);
    expect(parses.count).toBe(10_001);
    fresh.scalarText('one more', false);
    expect(parses.count).toBe(10_002);
    fresh.scalarText('k1', false);
    expect(parses.count).toBe(10_003);
    fresh.scalarText('one more', false);
    expect(parses.count).toBe(10_003);
  });
});

describe('replacementsOf', () => {
  it('makes one replacement of a group whatever order its edits are given in', () => {
    const text = 'p: {start: 1, end: 2}\n';
    const forward = replacementsOf(text, [[set(['p', 'start'], 3), set(['p', 'end'], 4)]]);
    expect(forward).toEqual([{ range: [11, 20], text: '3, end: 4' }]);
    expect(replacementsOf(text, [[set(['p', 'end'], 4), set(['p', 'start'], 3)]])).toEqual(forward);
  });
});

describe('errors', () => {
  it('a RequestError is named so, and an EditError carries its reason', () => {
    expect(new RequestError('update/nothing').name).toBe('RequestError');
    expect(new EditError('verify', 'm').reason).toBe('verify');
  });
});

// taskUpdateOps against the tracking fixture: task 1.1 (tasks.0.tasks.0) has a target 宣讲场次 and police's
// entries of 06-03 and 06-10; 1.3 (tasks.0.tasks.2) is blocked; the period is June 2020.
const HISTORY_TEXT = readFileSync(HISTORY, 'utf8');
const planOf = (text: string): Plan => buildPlan(parseSource(text).data, loadCalendar());
const PLAN = planOf(HISTORY_TEXT);
const T11 = ['tasks', 0, 'tasks', 0];
const T13 = ['tasks', 0, 'tasks', 2];

/** The ops, entry and target of a request (date 2020-06-20 unless given), or the RequestError's id and data. */
function update(req: Partial<TaskUpdateRequest>, plan = PLAN): unknown {
  try {
    const r = taskUpdateOps(plan, { task: '1.1', date: '2020-06-20', ...req });
    return { ops: r.ops, entry: r.entry, target: r.target };
  } catch (err) {
    expect(err).toBeInstanceOf(RequestError);
    return { error: (err as RequestError).messageId, data: (err as RequestError).data };
  }
}
const logged = (task: (string | number)[], entry: Record<string, unknown>, ...more: EditOp[]) => ({
  ops: [block(task), block([...task, 'updates']), append([...task, 'updates'], entry), ...more],
  entry,
  target: undefined,
});

describe('taskUpdateOps checks each option', () => {
  it('a progress is a number from 0 to 100, not blank', () => {
    for (const progress of ['', ' ', '-1', '100.5', 'x']) expect(update({ progress })).toEqual({ error: 'update/progress', data: { value: progress } });
    expect(update({ progress: '100' })).toEqual(logged(T11, { date: '2020-06-20', progress: 100 }));
  });

  it('a progress of -0 is 0', () => {
    const r = update({ progress: '-0' }) as { entry: { progress: number } };
    expect(Object.is(r.entry.progress, 0)).toBe(true);
  });

  it('an actual value is METRIC=N with both sides given and N a number ≥ 0 on one line', () => {
    for (const a of ['宣讲场次= ', ' =3', '宣讲场次=abc', '宣讲场次=1\n2', '宣讲场次=-1']) {
      expect(update({ actual: [a] })).toEqual({ error: 'update/actual-format', data: { value: a } });
    }
  });

  it('the metric is trimmed and -0 is 0', () => {
    const r = update({ actual: [' 宣讲场次 =-0'] }) as { entry: { actual: Record<string, number> } };
    expect(r).toEqual(logged(T11, { date: '2020-06-20', actual: { 宣讲场次: 0 } }, set([...T11, 'targets', 0, 'actual'], 0)));
    expect(Object.is(r.entry.actual.宣讲场次, 0)).toBe(true);
  });

  it('a target of the wrong shape is refused as a target', () => {
    expect(update({ target: [' =3'] })).toEqual({ error: 'update/target-format', data: { value: ' =3' } });
  });

  it('a unit alone is refused', () => {
    expect(update({ unit: '场' })).toEqual({ error: 'update/unit-alone', data: {} });
  });

  it('an unknown status is refused with the words allowed', () => {
    expect(update({ status: 'nope' })).toEqual({ error: 'update/status', data: { value: 'nope', allowed: [...STATUSES, ...Object.keys(STATUS_ALIASES)] } });
  });

  it('an unknown unit is refused with the nearest one and its name', () => {
    expect(update({ by: 'edux', note: 'n' })).toEqual({ error: 'update/unknown-unit', data: { value: 'edux', suggestion: 'edu', suggestionName: '教育站' } });
    expect(update({ by: 'zzzzzzzz', note: 'n' })).toEqual({ error: 'update/unknown-unit', data: { value: 'zzzzzzzz', suggestion: undefined, suggestionName: undefined } });
  });
});

describe('taskUpdateOps: the edits of an update', () => {
  it('a next step alone is a report', () => {
    expect(update({ next: '下周' })).toEqual(logged(T11, { date: '2020-06-20', next: '下周' }));
  });

  it('done means 100, unless a progress is given', () => {
    expect(update({ task: '1.3', status: 'done' })).toEqual(logged(T13, { date: '2020-06-20', status: 'done', progress: 100 },
      set([...T13, 'status'], 'done'), set([...T13, 'progress'], 100)));
    expect(update({ task: '1.3', status: 'done', progress: '50' })).toEqual(logged(T13, { date: '2020-06-20', status: 'done', progress: 50 },
      set([...T13, 'status'], 'done'), set([...T13, 'progress'], 100)));
  });

  it('a target added takes its unit; an actual value of another metric is not its', () => {
    expect(update({ target: ['x=3'], unit: '场', actual: ['宣讲场次=5'] })).toEqual({
      ops: [block(T11), block([...T11, 'targets']), append([...T11, 'targets'], { metric: 'x', unit: '场', target: 3 }),
        block([...T11, 'updates']), append([...T11, 'updates'], { date: '2020-06-20', actual: { 宣讲场次: 5 } }), set([...T11, 'targets', 0, 'actual'], 5)],
      entry: { date: '2020-06-20', actual: { 宣讲场次: 5 } },
      target: { metric: 'x', unit: '场', target: 3 },
    });
  });

  it('figures alone join the reporter\'s own entry of the day', () => {
    expect(update({ by: 'police', date: '2020-06-10', actual: ['宣讲场次=6'] })).toEqual({
      ops: [block(T11), set([...T11, 'updates', 1, 'actual'], { 宣讲场次: 6 }), set([...T11, 'targets', 0, 'actual'], 6)],
      entry: { date: '2020-06-10', by: 'police', actual: { 宣讲场次: 6 } },
      target: undefined,
    });
  });

  it('figures alone set each figure of an own entry that has figures already', () => {
    const plan = planOf(HISTORY_TEXT.replace('note: 宣讲4场，全部完成, by: police}', 'note: 宣讲4场，全部完成, by: police, actual: {宣讲场次: 4}}'));
    expect(update({ by: 'police', date: '2020-06-10', actual: ['宣讲场次=6'] }, plan)).toEqual({
      ops: [block(T11), set([...T11, 'updates', 1, 'actual', '宣讲场次'], 6), set([...T11, 'targets', 0, 'actual'], 6)],
      entry: { date: '2020-06-10', by: 'police', actual: { 宣讲场次: 6 } },
      target: undefined,
    });
  });

  it('figures alone join the latest of the reporter\'s entries of the day', () => {
    const plan = planOf(HISTORY_TEXT.replace('note: 宣讲4场，全部完成, by: police}\n', 'note: 宣讲4场，全部完成, by: police}\n          - {date: 2020-06-10, note: 补报, by: police}\n'));
    expect(update({ by: 'police', date: '2020-06-10', actual: ['宣讲场次=6'] }, plan)).toEqual({
      ops: [block(T11), set([...T11, 'updates', 2, 'actual'], { 宣讲场次: 6 }), set([...T11, 'targets', 0, 'actual'], 6)],
      entry: { date: '2020-06-10', by: 'police', actual: { 宣讲场次: 6 } },
      target: undefined,
    });
  });

  it('a target alone is added to the task\'s targets, written in block style', () => {
    expect(update({ target: ['x=3'] })).toEqual({
      ops: [block(T11), block([...T11, 'targets']), append([...T11, 'targets'], { metric: 'x', target: 3 })],
      entry: undefined,
      target: { metric: 'x', target: 3 },
    });
  });

  it('an actual value of a metric the task has not, nor adds, is refused with the metrics known', () => {
    expect(update({ target: ['x=3'], actual: ['y=1'] })).toEqual({
      error: 'update/unknown-metric', data: { task: '1.1', metric: 'y', suggestion: 'x', known: ['宣讲场次', 'x'] },
    });
  });

  it('figures of another unit, or with a report, are an entry of their own', () => {
    expect(update({ date: '2020-06-10', actual: ['宣讲场次=6'] })).toEqual(logged(T11, { date: '2020-06-10', actual: { 宣讲场次: 6 } }, set([...T11, 'targets', 0, 'actual'], 6)));
    expect(update({ by: 'police', date: '2020-06-10', note: 'n' })).toEqual(logged(T11, { date: '2020-06-10', note: 'n', by: 'police' }));
  });

  it('figures alone dated outside the period are refused unless the date was given', () => {
    // Task 1.1's log starts on 2020-06-03: an entry dated before it goes before it, so the log stays in date order.
    const inOrder = (date: string) => {
      const expected = logged(T11, { date, actual: { 宣讲场次: 6 } }, set([...T11, 'targets', 0, 'actual'], 6));
      return date < '2020-06-03' ? { ...expected, ops: expected.ops.map((op) => (op.kind === 'append' ? { ...op, before: 0 } : op)) } : expected;
    };
    for (const date of ['2020-05-31', '2020-07-01']) {
      expect(update({ date, actual: ['宣讲场次=6'] })).toEqual({ error: 'update/date-outside', data: { date, start: '2020-06-01', end: '2020-06-30' } });
      expect(update({ date, dateGiven: true, actual: ['宣讲场次=6'] })).toEqual(inOrder(date));
    }
    for (const date of ['2020-06-01', '2020-06-30']) expect(update({ date, actual: ['宣讲场次=6'] })).toEqual(inOrder(date));
  });

  it('a task\'s own status and progress are set only when the log changes them or the file says otherwise', () => {
    expect(update({ note: 'n' })).toEqual(logged(T11, { date: '2020-06-20', note: 'n' }));
    const agreeing = planOf(HISTORY_TEXT.replace('        due: 2020-06-12\n', '        due: 2020-06-12\n        status: done\n        progress: 100\n'));
    expect(update({ note: 'n' }, agreeing)).toEqual(logged(T11, { date: '2020-06-20', note: 'n' }));
    const stale = planOf(HISTORY_TEXT.replace('        due: 2020-06-12\n', '        due: 2020-06-12\n        status: in_progress\n        progress: 30\n'));
    expect(update({ note: 'n' }, stale)).toEqual(logged(T11, { date: '2020-06-20', note: 'n' }, set([...T11, 'status'], 'done'), set([...T11, 'progress'], 100)));
  });
});

describe('logOps writes the status in the words of the latest entry that says it', () => {
  const task = PLAN.allTasks.find((t) => t.id === '1.3')!;
  const statusSet = (entries: { date: string; status: string }[]) =>
    logOps(entries.map((entry) => ({ task, entry: entry as never }))).filter((op) => op.kind === 'set' && op.path[op.path.length - 1] === 'status');

  it('of two words for one status, the later entry\'s', () => {
    expect(statusSet([{ date: '2020-06-20', status: '进行中' }, { date: '2020-06-21', status: 'in_progress' }])).toEqual([set([...T13, 'status'], 'in_progress')]);
  });

  it('not the word of an entry that says another status', () => {
    expect(statusSet([{ date: '2020-06-21', status: 'blocked' }, { date: '2020-06-20', status: '进行中' }])).toEqual([]);
    expect(statusSet([{ date: '2020-06-21', status: 'done' }, { date: '2020-06-20', status: '进行中' }])).toEqual([set([...T13, 'status'], 'done')]);
  });

  it('blocks the task and its log once, then appends each entry', () => {
    expect(logOps([{ task, entry: { date: '2020-06-20', note: 'a' } }, { task, entry: { date: '2020-06-21', note: 'b' } }])).toEqual([
      block(T13), block([...T13, 'updates']), append([...T13, 'updates'], { date: '2020-06-20', note: 'a' }), append([...T13, 'updates'], { date: '2020-06-21', note: 'b' }),
    ]);
  });
});
