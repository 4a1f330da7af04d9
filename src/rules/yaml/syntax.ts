import { defineRule } from '../types.js';
import { isDuplicateKey } from './duplicate-key.js';

const rule = defineRule({
  id: 'yaml/syntax',
  severity: 'error',
  stage: 'source',
  description: { en: 'The file is not well-formed YAML', zh: '文件不是格式正确的 YAML' },
  messages: {
    malformed: { code: 'TAB_AS_INDENT', detail: 'Tabs are not allowed as indentation' },
    'alias-limit': { limit: 1000 },
    'too-deep': {},
    tag: { tag: '!!binary' },
    'tag-value': { tag: '!!int', core: 'int' },
    version: { directive: '%YAML 1.1' },
  },
  check(source, ctx) {
    let deep = false;
    for (const e of source.issues) {
      if (isDuplicateKey(e)) continue;
      // The parser recurses once per level of nesting; past a few hundred levels the stack runs out — at a
      // depth that depends on how deep the stack already is, and once for each level it gives up on: said once.
      if (/Maximum call stack size exceeded/.test(e.message)) {
        if (!deep) ctx.report({ path: [], offset: e.offset, end: e.end, messageId: 'too-deep', data: {} });
        deep = true;
        continue;
      }
      // A tag, or a YAML version, said with the text as written and what to remove.
      const written = source.text.slice(e.offset, e.end).trim();
      if (e.code === 'TAG') ctx.report({ path: [], offset: e.offset, end: e.end, messageId: 'tag', data: { tag: written } });
      else if (e.code === 'TAG_VALUE') ctx.report({ path: [], offset: e.offset, end: e.end, messageId: 'tag-value', data: { tag: written, core: e.core! } });
      else if (e.code === 'YAML_VERSION') ctx.report({ path: [], offset: e.offset, end: e.end, messageId: 'version', data: { directive: written } });
      else ctx.report({ path: [], offset: e.offset, end: e.end, messageId: 'malformed', data: { code: e.code, detail: firstLine(e.message) } });
    }
    if (source.aliasError) ctx.report({ path: [], offset: 0, messageId: 'alias-limit', data: { limit: source.aliasError } });
  },
});
export default rule;

/** The reader's words, their first line (the reader runs with prettyErrors off: no place or excerpt is in them). */
const firstLine = (s: string): string => s.split('\n')[0]!;
