import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, formatMessage, formatProblem, messageKey } from '../src/messages/index.js';
import type { MessageData, MessageKey } from '../src/messages/types.js';
import { RULES } from '../src/rules/index.js';
import { TOOL_MESSAGE_SAMPLES } from './helpers/tool-message-samples.js';
import { lintText, plan } from './helpers/lint.js';

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
