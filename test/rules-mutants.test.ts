// What the rule fixtures cannot show: the exported helpers of src/rules/ (text/repeated's doubledWords and
// occurrenceCounter) case by case, and the parts of a finding a fixture's marker does not name — its path, where
// it ends. Each case is one a mutation of the rule's code got past (npm run mutation rules).
import { describe, expect, it } from 'vitest';
import { REDUPLICABLE_WORDS } from '../src/data/reduplication.js';
import { unbalanced } from '../src/rules/text/brackets.js';
import { doubledWords, occurrenceCounter } from '../src/rules/text/repeated.js';
import { lintText, plan } from './helpers/lint.js';

/** A rule's findings, each as "line:column-endLine:endColumn messageId", with its path and data. */
const findings = (text: string, rule: string) =>
  lintText(text).filter((p) => p.rule === rule).map((p) => ({
    at: `${p.line}:${p.column}-${p.endLine}:${p.endColumn} ${p.messageId}`, path: p.path, data: p.data,
  }));

const found = (text: string) => doubledWords(text).map((d) => d.text);

describe('text/repeated: doubledWords', () => {
  it('an AABB word is right at the start of a text too (将将就就)', () => {
    expect(found('将将就就地过日子')).toEqual([]);
  });

  it('a doubling that ends the text is a slip', () => {
    expect(found('检查要落实的的')).toEqual(['的的']);
  });

  it('a character typed four times is one slip, at the first', () => {
    expect(doubledWords('落实的的的的责任')).toEqual([{ text: '的的', word: '的', index: 2 }]);
  });

  it('a word of six characters doubled is found: no character comes again within five of itself', () => {
    expect(found('开展安全生产检查安全生产检查工作')).toEqual(['安全生产检查安全生产检查']);
  });

  it('one character said six times is deliberate, however the repeat is cut (哈哈哈 twice)', () => {
    expect(found('大家哈哈哈哈哈哈')).toEqual([]);
  });

  it('only a word of two starting with 一 is a deliberate repeat (一步一步); 一次性一次性 is a slip', () => {
    expect(found('一次性一次性')).toEqual(['一次性一次性']);
  });

  it('a reduplicable word is a slip after a noun-making word of one character at the start of the text', () => {
    const w = [...REDUPLICABLE_WORDS][0]!;
    expect(doubledWords(`和${w}${w}`)).toEqual([{ text: w + w, word: w, index: 1 }]);
  });

  it('doublings of words and of single characters come in the order of the text', () => {
    expect(doubledWords('安全生产安全生产要落实的的责任')).toEqual([
      { text: '安全生产安全生产', word: '安全生产', index: 0 },
      { text: '的的', word: '的', index: 11 },
    ]);
  });
});

describe('text/repeated: occurrenceCounter', () => {
  it('counts the occurrences before an index, the one at index 0 included', () => {
    const at = occurrenceCounter('活动活动，活动');
    expect([at('活动', 0), at('活动', 2), at('活动', 5)]).toEqual([0, 1, 2]);
  });

  it('asked again at an earlier index, counts from the start again', () => {
    const at = occurrenceCounter('活动活动，活动');
    expect([at('活动', 5), at('活动', 2), at('活动', 0), at('活动', 2)]).toEqual([2, 1, 0, 1]);
  });
});

describe('text/brackets: unbalanced', () => {
  it('in the order of the text, an opener left open at the end before a closer found on the way', () => {
    expect(unbalanced('“通知）')).toEqual([
      { char: '“', index: 0, kind: 'unclosed', expected: '”' },
      { char: '）', index: 3, kind: 'unopened', expected: '（' },
    ]);
  });
});

/** A small valid plan: a key or a line added after it is on line 11 or later. */
const PLAN = plan('  - {id: "1", title: 宣讲, lead: [police], status: done}\n');

describe('yaml/duplicate-key: the finding spans the key as written', () => {
  it('a quoted key with a colon in it, in double or single quotes', () => {
    const text = `${PLAN}contact:\n  "url:a": 1\n  "url:a": 2\n  'k:y': 1\n  'k:y'  : 2\n`;
    expect(findings(text, 'yaml/duplicate-key')).toEqual([
      { at: '13:3-13:10 duplicate', path: [], data: { key: '"url:a"' } },
      { at: '15:3-15:8 duplicate', path: [], data: { key: "'k:y'" } },
    ]);
  });

  it('a key with # in it (no comment without a space before it), a key with a space, a block key over two lines', () => {
    const text = `${PLAN}contact:\n  a#b: 1\n  a#b: 2\n  x y : 1\n  x y: 2\n? |\n  block\n: 1\n? |\n  block\n: 2\n`;
    expect(findings(text, 'yaml/duplicate-key')).toEqual([
      { at: '13:3-13:6 duplicate', path: [], data: { key: 'a#b' } },
      { at: '15:3-15:6 duplicate', path: [], data: { key: 'x y' } },
      { at: '19:3-19:4 duplicate', path: [], data: { key: 'block' } },
    ]);
  });
});

describe('yaml/syntax: each finding is the whole file\'s (path []) and spans what is wrong', () => {
  it('a tag, a core tag on a value it does not fit, a malformed line', () => {
    expect(findings(`${PLAN}preamble: !!binary cG9saWNl\nguidance: !!int 三\n`, 'yaml/syntax')).toEqual([
      { at: '11:11-11:19 tag', path: [], data: { tag: '!!binary' } },
      { at: '12:11-12:16 tag-value', path: [], data: { tag: '!!int', core: 'int' } },
    ]);
    expect(findings(`${PLAN}  - id: "2"\n\ttitle: 培训\n`, 'yaml/syntax')).toEqual([
      { at: '12:1-12:2 malformed', path: [], data: { code: 'TAB_AS_INDENT', detail: 'Tabs are not allowed as indentation' } },
    ]);
  });

  it('a YAML version directive', () => {
    expect(findings(`%YAML 1.1\n---\n${PLAN}`, 'yaml/syntax')).toEqual([{ at: '1:1-1:10 version', path: [], data: { directive: '%YAML 1.1' } }]);
  });

  it('a billion laughs', () => {
    const bomb = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]', ...'bcdefghij'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghij'[i]}`).join(', ')}]`)].join('\n');
    expect(findings(`${bomb}\n`, 'yaml/syntax')).toEqual([{ at: '1:1-1:1 alias-limit', path: [], data: { limit: 1000 } }]);
  });

  it('nesting deeper than the stack: too deep, said once however many levels past it the parser gives up', () => {
    // Read after other plans and from deeper in the stack too: the parser's own error comes at a depth
    // that depends on the stack, once per level it gives up on.
    const text = `version: 1\nnote: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    const nested = (n: number): ReturnType<typeof findings> => (n === 0 ? findings(text, 'yaml/syntax') : nested(n - 1));
    for (const found of [findings(text, 'yaml/syntax'), nested(2000)]) {
      expect(found).toEqual([{ at: expect.stringMatching(/^2:\d+-2:\d+ too-deep$/), path: [], data: {} }]);
    }
  });
});
