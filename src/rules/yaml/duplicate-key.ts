import { defineRule } from '../types.js';
import type { YamlIssue } from '../../source/parse.js';

export const isDuplicateKey = (e: YamlIssue): boolean => e.code === 'DUPLICATE_KEY';

const rule = defineRule({
  id: 'yaml/duplicate-key',
  severity: 'error',
  stage: 'source',
  description: { en: 'A key appears twice in the same mapping', zh: '同一映射中出现重复的键' },
  messages: { duplicate: { key: 'title' } },
  check(source, ctx) {
    // In a document with syntax errors a "duplicate" is usually a line the parser misread.
    if (source.issues.some((e) => !isDuplicateKey(e))) return;
    for (const e of source.issues) {
      const key = /^("[^"\n]*"|'[^'\n]*'|[^:#\n]*?)\s*:/.exec(source.text.slice(e.offset, e.offset + 1100))?.[1] ?? '';
      ctx.report({ path: [], offset: e.offset, end: key ? e.offset + key.length : e.end, messageId: 'duplicate', data: { key } });
    }
  },
});
export default rule;
