import { defineRule } from '../types.js';
import { textFields } from '../../model/texts.js';

/**
 * Two-character words that Chinese doubles on purpose: verbs ("研究研究", "let's look into it") and
 * vivid adjectives ("雪白雪白"). Doubled, they are a slip only after a noun-making word
 * ("宣传活动活动"), never after a subject or a modal ("出去活动活动", "要研究研究").
 */
const REDUPLICABLE = new Set([
  '研究', '讨论', '学习', '商量', '考虑', '休息', '打扫', '整理', '检查', '交流', '锻炼', '活动', '准备', '收拾',
  '介绍', '了解', '放松', '比较', '体验', '认识', '思考', '练习', '清理', '分析', '总结', '沟通', '琢磨', '打听',
  '溜达', '散步', '聊聊', '联系', '调查', '观察', '试验', '尝试', '反思', '修理', '梳理', '核实', '提醒', '关心',
  '雪白', '通红', '冰凉', '笔直', '火热', '漆黑', '碧绿', '金黄', '滚烫', '蜡黄', '瓦蓝', '乌黑', '粉红',
]);
/** Words before a doubled verb that make it a noun, so that the doubling is a slip. */
const NOUN_MAKERS = ['宣传', '教育', '专题', '主题', '系列', '各项', '开展', '进行', '组织', '举办', '相关', '有关', '的', '等', '和', '与', '及', '项', '类'];

const CJK = '\\u3400-\\u9fff';
const DOUBLED = new RegExp(`([${CJK}]{2,6})\\1`, 'gu');

/** Findings of one kind in one text, at most. */
export const MAX_PER_TEXT = 20;

/** How many times `needle` occurs in `text` before `index` (which occurrence the one at `index` is). */
export function occurrenceAt(text: string, needle: string, index: number): number {
  let n = 0;
  for (let at = text.indexOf(needle); at >= 0 && at < index; at = text.indexOf(needle, at + needle.length)) n++;
  return n;
}

export interface Doubling { text: string; word: string; index: number }

export function doubledWords(text: string): Doubling[] {
  const out: Doubling[] = [];
  for (const m of text.matchAll(DOUBLED)) {
    const word = m[1]!;
    const chars = [...word];
    if (chars.every((c) => c === chars[0])) continue; // 哈哈哈哈, 谢谢谢谢: deliberate
    if (chars[0] === '一' && chars.length === 2) continue; // 一步一步, 一点一点
    if (chars.length === 2 && REDUPLICABLE.has(word)) {
      const before = text.slice(Math.max(0, m.index! - 2), m.index!);
      if (!NOUN_MAKERS.some((w) => before.endsWith(w))) continue;
    }
    out.push({ text: m[0], word, index: m.index! });
  }
  return out;
}

const rule = defineRule({
  id: 'text/repeated',
  severity: 'warning',
  stage: 'plan',
  description: { en: 'A word written twice by accident (活动活动)', zh: '词语误写重复（如“活动活动”）' },
  messages: { repeated: { text: '活动活动', word: '活动' } },
  check(plan, ctx) {
    for (const field of textFields(plan)) {
      // A text that is nothing but repetition would give thousands: the first few say enough.
      for (const d of doubledWords(field.text).slice(0, MAX_PER_TEXT)) {
        ctx.report({ path: field.path, needle: d.text, occurrence: occurrenceAt(field.text, d.text, d.index), messageId: 'repeated', data: { text: d.text, word: d.word } });
      }
    }
  },
});
export default rule;
