import type { YAMLError } from 'yaml';
import type { SourceRule } from '../types.js';

export const isDuplicateKey = (e: YAMLError): boolean => e.code === 'DUPLICATE_KEY';

const rule: SourceRule = {
  id: 'yaml/duplicate-key',
  severity: 'error',
  stage: 'source',
  description: { en: 'A key appears twice in the same mapping', zh: '同一映射中出现重复的键' },
  check(source, ctx) {
    // In a document with syntax errors a "duplicate" is usually a line the parser misread.
    if (source.doc.warnings.length || source.doc.errors.some((e) => !isDuplicateKey(e))) return;
    for (const e of source.doc.errors) {
      if (!isDuplicateKey(e)) continue;
      const key = /^("[^"\n]*"|'[^'\n]*'|[^:#\n]*?)\s*:/.exec(source.text.slice(e.pos[0], e.pos[0] + 1100))?.[1] ?? '';
      ctx.report({ path: [], offset: e.pos[0], data: { key } });
    }
  },
};
export default rule;
