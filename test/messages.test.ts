import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { helpText } from '../src/messages/help.js';
import { CATALOGUES, formatMessage, formatProblem, messageKey } from '../src/messages/index.js';
import type { MessageData, MessageKey } from '../src/messages/types.js';
import { RULES } from '../src/rules/index.js';
import { nestQuotes, quoted } from '../src/text/quote.js';
import { TOOL_MESSAGE_SAMPLES } from './helpers/tool-message-samples.js';
import { lintText, plan } from './helpers/lint.js';
import { quoteDepth } from './helpers/quotes.js';

const LANGS = ['zh', 'en'] as const;

/** What a rendered message must never show: a hole in the data, or a template that was not one. */
function expectWellFormed(id: string, zh: string, en: string) {
  for (const text of [zh, en]) expect(text, id).not.toMatch(/undefined|NaN|\[object Object\]|\$\{/);
  expect(zh, id).toMatch(/[\u4e00-\u9fff]/);
}

// Messages are rendered from samples that arrive untyped here (Object.entries); the compiler checked them
// where they were declared.
const render = (id: string, data: unknown, lang: 'zh' | 'en') => formatMessage(id as MessageKey, data as MessageData[MessageKey], lang);

describe('message catalogues', () => {
  it('zh and en have the same message ids', () => {
    expect(Object.keys(CATALOGUES.zh).sort()).toEqual(Object.keys(CATALOGUES.en).sort());
  });

  it('throws on an unknown id rather than printing nothing', () => {
    // @ts-expect-error: the compiler knows every message id; an id made at run time is checked too
    expect(() => formatMessage('no/such-message', {}, 'en')).toThrow(/no message/);
  });

  it('renders every problem of a messy plan in both languages without placeholders left over', () => {
    const text = plan(
      `  - id: "1"
    title: 6月15日（星期二）宣讲
    lead: [polise]
    theme: x
    due: 2020-06-10
    start: 2020-06-20
    dueDate: 2020-06-10
    status: done
    progress: 50
  - {id: "3", title: 培训, lead: [edu], due: 2020-07-20}
  - {id: 4, title: 检查}
`,
      'reports: [{id: s, title: 总结, due: 2020-07-01}]\n',
    );
    const problems = lintText(text, { asOf: '2020-07-25' });
    expect(new Set(problems.map((p) => messageKey(p.rule, p.messageId))).size).toBeGreaterThanOrEqual(9);
    for (const lang of ['zh', 'en'] as const) {
      for (const p of problems) {
        const msg = formatProblem(p, lang);
        expect(msg).not.toMatch(/undefined|\[object Object\]|NaN/);
        if (lang === 'zh') expect(msg).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });
});

describe('rule messages', () => {
  const declared = RULES.flatMap((rule) => Object.entries(rule.messages).map(([id, sample]) => ({ key: messageKey(rule.id, id), sample })));

  it.each(declared.map((d) => [d.key, d.sample] as const))('%s renders its sample in both languages', (key, sample) => {
    for (const lang of LANGS) expect(CATALOGUES[lang], `${lang} has no ${key}`).toHaveProperty([key]);
    expectWellFormed(key, render(key, sample, 'zh'), render(key, sample, 'en'));
  });

  it('every rule message in a catalogue is one a rule declares', () => {
    for (const lang of LANGS) {
      const unused = Object.keys(CATALOGUES[lang]).filter((k) => k.includes(':') && !declared.some((d) => d.key === k));
      expect(unused, lang).toEqual([]);
    }
  });
});

describe('the other messages', () => {
  const samples = Object.entries(TOOL_MESSAGE_SAMPLES);

  it('every message without a rule has a sample (and every sample a message)', () => {
    for (const lang of LANGS) {
      expect(Object.keys(CATALOGUES[lang]).filter((k) => !k.includes(':')).sort(), lang).toEqual(Object.keys(TOOL_MESSAGE_SAMPLES).sort());
    }
  });

  it.each(samples)('%s renders its sample in both languages', (id, sample) => {
    expectWellFormed(id, render(id, sample, 'zh'), render(id, sample, 'en'));
  });

  it('is used somewhere in src/ outside src/messages/', () => {
    const SRC = new URL('../src/', import.meta.url).pathname;
    const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? (e.name === 'messages' && dir === SRC ? [] : files(join(dir, e.name))) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []);
    const code = files(SRC).map((f) => readFileSync(f, 'utf8')).join('\n');
    const unused = samples.map(([id]) => id).filter((id) => !code.includes(`'${id}'`) && !code.includes(`"${id}"`));
    expect(unused).toEqual([]);
  });
});

/** A sample with “” around part of every text of it that is plan text (has Chinese in it); ids, keys and states stay. */
function withQuotes(data: unknown): unknown {
  if (typeof data === 'string') return /[\u4e00-\u9fff]/.test(data) ? `${data}“安全生产月”` : data;
  if (Array.isArray(data)) return data.map(withQuotes);
  if (data && typeof data === 'object') return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, withQuotes(v)]));
  return data;
}

describe('quotation marks', () => {
  it('quoted: the text in “”, its own “” turned ‘’', () => {
    expect(quoted('青石镇2026年“安全生产月”活动方案')).toBe('“青石镇2026年‘安全生产月’活动方案”');
    expect(quoted('“安全生产月”“消防宣传月”')).toBe('“‘安全生产月’‘消防宣传月’”');
    expect(quoted('道路交通隐患排查')).toBe('“道路交通隐患排查”');
    expect(quoted(3)).toBe('“3”');
    expect(nestQuotes('燃气安全检查, "餐饮"场所')).toBe('燃气安全检查, "餐饮"场所'); // ASCII quotes are not “”
  });

  const all = [
    ...RULES.flatMap((rule) => Object.entries(rule.messages).map(([id, sample]) => [messageKey(rule.id, id), sample] as const)),
    ...Object.entries(TOOL_MESSAGE_SAMPLES),
  ];

  // The English catalogue quotes in ASCII "…", which the “” of a plan's text never clash with.
  // The sample of text/brackets is about an unpaired “, shown as written (tested below); the others are checked here.
  const quotedMark = (id: string, sample: unknown) => id === 'text/brackets:unbalanced' && /[“”]/.test((sample as { char: string }).char);
  it.each(all.filter(([id, sample]) => !quotedMark(id, sample)).map(([id, sample]) => [id, sample] as const))('%s never nests “ in “', (id, sample) => {
    const text = render(id, withQuotes(sample), 'zh');
    expect(quoteDepth(text), text).toBeLessThanOrEqual(1);
  });

  it('an unpaired quotation mark is shown in the text as written; another unpaired bracket with the text\'s “” turned ‘’', () => {
    expect(render('text/brackets:unbalanced', { char: '“', kind: 'unclosed', expected: '”', text: '开展“安全生产月活动' }, 'zh'))
      .toBe('“开展“安全生产月活动”中的 “ 没有配对的 ”');
    expect(render('text/brackets:unbalanced', { char: '（', kind: 'unclosed', expected: '）', text: '开展“安全生产月”活动（六月' }, 'zh'))
      .toBe('“开展‘安全生产月’活动（六月”中的 （ 没有配对的 ）');
  });

  it('a plan text quoted in a message has its own “” turned ‘’', () => {
    expect(render('date/phase-order:backwards', { phase: '“安全生产月”宣传阶段', start: '2020-06-10', end: '2020-06-01' }, 'zh'))
      .toBe('阶段“‘安全生产月’宣传阶段”的结束日期（2020-06-01）早于开始日期（2020-06-10）');
  });

  it('the command line\'s errors quote what was typed the same way', () => {
    expect(helpText('zh', 'err.unknownCommand', { name: '“周报”', suggestion: helpText('zh', 'err.didYouMean', { name: 'weekly' }) }))
      .toBe('没有命令“‘周报’”，是否应为“weekly”？');
    expect(helpText('zh', 'err.excessArguments', { command: 'weekly', expected: 1, got: 2 })).toBe('weekly 的参数过多：应为 1 个，实际 2 个');
    expect(helpText('en', 'err.unknownCommand', { name: 'x', suggestion: '' })).toBe("unknown command 'x'");
  });
});
