// The text format: a document as plain lines, for a chat or a text message.
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { renderer } from '../src/formats/index.js';
import type { Doc } from '../src/formats/doc.js';

const ctx = { lang: 'zh' as const, chalk: new Chalk({ level: 0 }), width: 80, bom: false };

describe('the text format', () => {
  it('writes paragraphs a line each, sections apart, documents further apart; tables as label：value', async () => {
    const render = await renderer('text');
    const doc: Doc = {
      title: '标题',
      meta: [['截至', '2020-06-21']],
      notes: ['活动时间已结束'],
      sections: [
        { paragraphs: ['第一段。', '第二段。'] },
        { heading: '逾期任务', table: { columns: [{ label: '编号' }, { label: '进度', kind: 'progress' }, { label: '备注' }], rows: [['2.1', 40, null], ['2.2', 100, '已完成']] } },
      ],
    };
    expect(await render({ docs: [doc, { meta: [], sections: [{ paragraphs: ['另一份'] }] }], data: null }, ctx)).toBe(
      '标题\n截至：2020-06-21\n活动时间已结束\n\n第一段。\n第二段。\n\n逾期任务\n编号：2.1，进度：40%\n编号：2.2，进度：100%，备注：已完成\n\n\n另一份\n',
    );
  });

  it('shows control characters and bidirectional overrides escaped, keeps line breaks', async () => {
    const render = await renderer('text');
    const out = await render({ docs: [{ meta: [], sections: [{ paragraphs: ['a\u001b[2Jb\u202ec'] }] }], data: null }, ctx);
    expect(out).toBe('a\\x1b[2Jb\\u202ec\n');
  });
});
