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
    // The reader gives each the key as written, and its span (src/source/parse.ts, withDuplicateKeys).
    for (const e of source.issues) ctx.report({ path: [], offset: e.offset, end: e.end, messageId: 'duplicate', data: { key: e.key ?? source.text.slice(e.offset, e.end) } });
  },
});
export default rule;
