import { defineRule, MAX_PER_TEXT } from '../types.js';
import { textFields } from '../../model/texts.js';

// Full-width and ASCII parentheses are one kind: clerks mix （一) freely, and that is not unbalanced.
const PAIRS: Record<string, string> = { '“': '”', '《': '》', '（': '）', '(': '）', '【': '】', '‘': '’' };
const CLOSERS: Record<string, string> = { '”': '“', '》': '《', '）': '（', ')': '（', '】': '【', '’': '‘' };
const norm = (c: string) => (c === '(' ? '（' : c === ')' ? '）' : c);

export interface Unbalanced { char: string; index: number; kind: 'unclosed' | 'unopened'; expected: string }

const ANY_BRACKET = /[“”《》（）()【】‘’]/;
const BRACKET_CODES = new Set([...'“”《》（）()【】‘’'].map((c) => c.charCodeAt(0)));

export function unbalanced(text: string): Unbalanced[] {
  if (!ANY_BRACKET.test(text)) return [];
  const stack: { char: string; index: number }[] = [];
  const out: Unbalanced[] = [];
  // Index in characters (code points), counted as it goes: no array of the text's characters is made, and
  // only the code units that are brackets are looked at as strings.
  let index = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff) continue; // the second half of a character already counted
    index++;
    if (!BRACKET_CODES.has(code)) continue;
    const char = text[i]!;
    if (PAIRS[char]) {
      stack.push({ char, index });
    } else if (CLOSERS[char]) {
      const want = CLOSERS[char]!;
      const at = stack.map((s) => norm(s.char)).lastIndexOf(want);
      if (at < 0) out.push({ char, index, kind: 'unopened', expected: want });
      else {
        // The match closes; any opener above it was never closed.
        for (const s of stack.splice(at).slice(1)) out.push({ ...s, kind: 'unclosed', expected: PAIRS[s.char]! });
      }
    }
  }
  for (const s of stack) out.push({ ...s, kind: 'unclosed', expected: PAIRS[s.char]! });
  return out.sort((a, b) => a.index - b.index);
}

const rule = defineRule({
  id: 'text/brackets',
  severity: 'warning',
  stage: 'plan',
  description: { en: 'Unbalanced quotation marks or brackets (“ ” 《 》 （ ）)', zh: '引号或括号不配对（“ ” 《 》 （ ））' },
  messages: { unbalanced: { char: '“', kind: 'unclosed' as Unbalanced['kind'], expected: '”', text: '开展“安全生产月活动' } },
  check(plan, ctx) {
    for (const field of textFields(plan)) {
      const found = unbalanced(field.text).slice(0, MAX_PER_TEXT);
      if (found.length === 0) continue;
      const chars = [...field.text];
      for (const u of found) {
        const occurrence = chars.slice(0, u.index).filter((c) => c === u.char).length;
        ctx.report({ path: field.path, needle: u.char, occurrence, messageId: 'unbalanced', data: { char: u.char, kind: u.kind, expected: u.expected, text: field.text.length > 30 ? `${field.text.slice(0, 30)}…` : field.text } });
      }
    }
  },
});
export default rule;
