// Every refusal of the editor (src/edit/apply.ts) that a file can reach, each with the reason it gives and
// the text left untouched (issue #25: deleting any of them used to fail no test). A refusal is an
// EditError, which update turns into "the file was not changed".
import { describe, expect, it } from 'vitest';
import { applyEdits, EditError, type EditOp } from '../src/edit/apply.js';

/** The reason and message of the error the edits are refused with (none: the text they make). */
function refusal(text: string, ops: EditOp[]): { reason: string; message: string } | string {
  try {
    return applyEdits(text, ops);
  } catch (err) {
    expect(err).toBeInstanceOf(EditError);
    return { reason: (err as EditError).reason, message: (err as Error).message };
  }
}

describe('the editor refuses rather than write anything but the intended change', () => {
  it.each<[string, string, EditOp[], string, RegExp]>([
    ['a file that is not YAML', 'a: [1,\n', [{ kind: 'set', path: ['b'], value: 1 }], 'syntax', /./],
    ['a value set under a key that holds no mapping', 'a: 1\n', [{ kind: 'set', path: ['a', 'b'], value: 2 }], 'not-found', /no mapping at a/],
    ['a value set over a mapping', 'a: {b: 1}\n', [{ kind: 'set', path: ['a'], value: 2 }], 'unsupported', /not a single value/],
    ['a value set over a list', 'a:\n  - 1\n', [{ kind: 'set', path: ['a'], value: 2 }], 'unsupported', /not a single value/],
    ['an entry appended under a key that holds no mapping', 'a: 1\n', [{ kind: 'append', path: ['a', 'log'], value: 2 }], 'not-found', /no mapping at a/],
    ['an entry appended to a key written empty', 'a:\n  log:\n', [{ kind: 'append', path: ['a', 'log'], value: 2 }], 'unsupported', /is empty; write \[\] or remove it/],
    ['an entry appended to a single value', 'a: 1\n', [{ kind: 'append', path: ['a'], value: 2 }], 'unsupported', /is not a list/],
    ['a place set twice', 'a: 1\n', [{ kind: 'set', path: ['a'], value: 2 }, { kind: 'set', path: ['a'], value: 3 }], 'unsupported', /two edits of the same place/],
    ['a place set and appended to', 'a: [1]\n', [{ kind: 'set', path: ['a'], value: [2] }, { kind: 'append', path: ['a'], value: 3 }], 'unsupported', /two edits of the same place/],
    ['a place appended to and then set', 'a: [1]\n', [{ kind: 'append', path: ['a'], value: 3 }, { kind: 'set', path: ['a'], value: [2] }], 'unsupported', /two edits of the same place/],
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
  });
});
