// Every refusal of the editor (src/edit/apply.ts) that a file can reach, each with the reason it gives, and
// its read-back check, each with a file where a splice alone would write something else (issue #25:
// deleting any of them used to fail no test). A refusal is an EditError, which update turns into "the file
// was not changed".
import { describe, expect, it } from 'vitest';
import type { EditOp } from '../src/edit/apply.js';
import { refusal } from './helpers/edit-refusal.js';


describe('the editor refuses rather than write anything but the intended change', () => {
  it.each<[string, string, EditOp[], string, RegExp]>([
    ['a file that is not YAML', 'a: [1,\n', [{ kind: 'set', path: ['b'], value: 1 }], 'syntax', /^Flow sequence in block collection must be sufficiently indented and end with a \]/],
    // eemeli/yaml warns of a tag that does not fit its value; validate reads the warning as a syntax error.
    ['a file with a tag that does not fit its value', 'a: !!int x\n', [{ kind: 'set', path: ['b'], value: 1 }], 'syntax', /^Unresolved tag: tag:yaml.org,2002:int/],
    ['a value set under a key that holds no mapping', 'a: 1\n', [{ kind: 'set', path: ['a', 'b'], value: 2 }], 'not-found', /no mapping at a/],
    ['a value set over a mapping', 'a: {b: 1}\n', [{ kind: 'set', path: ['a'], value: 2 }], 'unsupported', /not a single value/],
    ['a value set over a list', 'a:\n  - 1\n', [{ kind: 'set', path: ['a'], value: 2 }], 'unsupported', /not a single value/],
    ['an entry appended under a key that holds no mapping', 'a: 1\n', [{ kind: 'append', path: ['a', 'log'], value: 2 }], 'not-found', /no mapping at a/],
    ['an entry appended to a key written empty', 'a:\n  log:\n', [{ kind: 'append', path: ['a', 'log'], value: 2 }], 'unsupported', /is empty; write \[\] or remove it/],
    ['an entry appended to a single value', 'a: 1\n', [{ kind: 'append', path: ['a'], value: 2 }], 'unsupported', /is not a list/],
    ['a place set twice', 'a: 1\n', [{ kind: 'set', path: ['a'], value: 2 }, { kind: 'set', path: ['a'], value: 3 }], 'unsupported', /two edits of the same place/],
    ['a place set and appended to', 'a: [1]\n', [{ kind: 'set', path: ['a'], value: [2] }, { kind: 'append', path: ['a'], value: 3 }], 'unsupported', /two edits of the same place/],
    ['a place appended to and then set', 'a: [1]\n', [{ kind: 'append', path: ['a'], value: 3 }, { kind: 'set', path: ['a'], value: [2] }], 'unsupported', /two edits of the same place/],
    // `[b: 1]` is a list holding a map of one pair, with no brace to write a second pair before.
    ['a key added to a pair written in a flow list', 'a: [b: 1]\n', [{ kind: 'set', path: ['a', 0, 'c'], value: 2 }], 'unsupported', /^c cannot be added to a pair written in a flow list/],
    // YAML 1.1's ordered maps and pairs are lists whose `- key: value` entries are pairs, not mappings.
    ['an entry appended to a list of pairs (!!omap)', '%YAML 1.1\n---\na: !!omap\n  - c: 1\n', [{ kind: 'append', path: ['a'], value: { d: 2 } }], 'unsupported', /^a is a list of pairs/],
    ['an entry appended to a list of pairs (!!pairs)', '%YAML 1.1\n---\nx:\n  log: !!pairs\n    - c: 1\n', [{ kind: 'append', path: ['x', 'log'], value: { d: 2 } }], 'unsupported', /^x\.log is a list of pairs/],
  ])('%s', (_what, text, ops, reason, message) => {
    const r = refusal(text, ops);
    expect(typeof r).toBe('object');
    expect((r as { reason: string }).reason).toBe(reason);
    expect((r as { message: string }).message).toMatch(message);
  });

  it('takes what it refuses above when it is asked properly: the refusals are not blanket', () => {
    expect(refusal('a: 1\n', [{ kind: 'set', path: ['a'], value: 2 }])).toBe('a: 2\n');
    expect(refusal('a: {b: 1}\n', [{ kind: 'set', path: ['a', 'b'], value: 2 }])).toBe('a: {b: 2}\n');
    expect(refusal('a: [1]\n', [{ kind: 'append', path: ['a'], value: 3 }, { kind: 'append', path: ['a'], value: 4 }])).toBe('a: [1, 3, 4]\n');
    expect(refusal('a:\n  b: 1\n', [{ kind: 'append', path: ['a', 'log'], value: 2 }])).toBe('a:\n  b: 1\n  log:\n    - 2\n');
    expect(refusal('a: [b: 1]\n', [{ kind: 'set', path: ['a', 0, 'b'], value: 2 }])).toBe('a: [b: 2]\n');
    expect(refusal('a: [{b: 1}]\n', [{ kind: 'set', path: ['a', 0, 'c'], value: 2 }])).toBe('a: [{b: 1, c: 2}]\n');
    expect(refusal('%YAML 1.1\n---\na:\n  - c: 1\n', [{ kind: 'append', path: ['a'], value: { d: 2 } }])).toBe('%YAML 1.1\n---\na:\n  - c: 1\n  - d: 2\n');
  });
});

/** A task written as one flow mapping, given a log beneath it as update does (src/edit/progress-update.ts). */
const logOn = (path: (string | number)[]): EditOp[] => [
  { kind: 'block', path },
  { kind: 'block', path: [...path, 'updates'] },
  { kind: 'append', path: [...path, 'updates'], value: { date: '2020-06-17', note: 'x' } },
];

// The splices are made where eemeli/yaml says each value is; what they make is read again, and refused
// unless it is the old data with exactly the intended change. These are files where a splice alone
// would write something else, each kept unchanged with the reason.
describe('the editor reads its result back, and refuses one that reads otherwise', () => {
  it.each<[string, string, EditOp[], string]>([
    // The rewrite puts the comment after the closing brace on the task's first line, which here ends
    // inside a plain value written over two lines: `- id: a   # c` then `b,` reads as a syntax error.
    ['a flow task whose first value runs over two lines, with a comment after it',
      'tasks:\n  - {id: a\n      b, title: x}   # c\n', logOn(['tasks', 0]), 'the task rewritten in block style does not read back'],
    ['the same with the comment after the opening brace',
      'tasks:\n  - { # c\n      id: a\n      b, title: x}\n', logOn(['tasks', 0]), 'the task rewritten in block style does not read back'],
    // There the comment would go inside the quotes: the rewrite reads, as another id ("1   # c 2").
    ['a flow task whose first value is a quoted text over two lines, with a comment after it',
      'tasks:\n  - {id: "1\n      2", title: x}   # c\n', logOn(['tasks', 0]), 'the edited text does not read back as the intended change'],
    // b is an alias of a: setting a would set b too.
    ['a value set that an alias repeats', 'a: &x 1\nb: *x\n', [{ kind: 'set', path: ['a'], value: 2 }], 'the edited text does not read back as the intended change'],
    // A YAML 1.1 set holds keys without values.
    ['a key with a value added to a set (!!set)', '%YAML 1.1\n---\na: !!set\n  ? c\n', [{ kind: 'set', path: ['a', 'd'], value: 2 }], 'the edited text does not read back as the intended change'],
    // An implicit key of a block mapping is at most 1024 characters: the data reads the same, with an error.
    ['a key longer than YAML allows', 'a: 1\n', [{ kind: 'set', path: ['宣'.repeat(1100)], value: 1 }], 'the edited text does not read back as the intended change'],
  ])('%s', (_what, text, ops, message) => {
    expect(refusal(text, ops)).toEqual({ reason: 'verify', message });
  });

  it('takes the same edits where the file is written plainly', () => {
    expect(refusal('tasks:\n  - {id: a b, title: x}   # c\n', logOn(['tasks', 0])))
      .toBe('tasks:\n  - id: a b   # c\n    title: x\n    updates:\n      - {date: 2020-06-17, note: x}\n');
    expect(refusal('tasks:\n  - {id: "1 2", title: x}   # c\n', logOn(['tasks', 0])))
      .toBe('tasks:\n  - id: "1 2"   # c\n    title: x\n    updates:\n      - {date: 2020-06-17, note: x}\n');
    // A value set is written without the old value's tag, which might not fit it (!!int x would not read).
    expect(refusal('a: !!str 1\n', [{ kind: 'set', path: ['a'], value: '2' }])).toBe('a: "2"\n');
    expect(refusal('a: !!str 1\n', [{ kind: 'set', path: ['a'], value: 2 }])).toBe('a: 2\n');
    expect(refusal('a: !!int 1\n', [{ kind: 'set', path: ['a'], value: 'x' }])).toBe('a: x\n');
    expect(refusal('a: &x 1\nb: *x\n', [{ kind: 'set', path: ['c'], value: 2 }])).toBe('a: &x 1\nb: *x\nc: 2\n');
    expect(refusal('a: 1\n', [{ kind: 'set', path: ['宣'.repeat(1024)], value: 1 }])).toBe(`a: 1\n${'宣'.repeat(1024)}: 1\n`);
  });
});
