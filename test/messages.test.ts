import { describe, expect, it } from 'vitest';
import { CATALOGUES, formatMessage, formatProblem, messageKey } from '../src/messages/index.js';
import { lintText, plan } from './helpers/lint.js';

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
