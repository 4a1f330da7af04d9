import { defineRule, MAX_PER_TEXT } from '../types.js';
import { textFields } from '../../model/texts.js';
import { NEVER_DOUBLED, NOUN_MAKERS, REDUPLICABLE_WORDS, SET_PHRASES } from '../../data/reduplication.js';

const CJK = '\\u3400-\\u9fff';
const DOUBLED = new RegExp(`([${CJK}]{2,6})\\1`, 'gu');

/**
 * Which occurrence of a needle stands at an index, for the findings of one text: asked in order of index (as a
 * rule reports), each needle's count goes on from where it stopped, so a text holding thousands of one date
 * is read once per needle, not once per finding. Counts as `spanOf` finds: non-overlapping, from the start.
 */
export function occurrenceCounter(text: string): (needle: string, index: number) => number {
  const seen = new Map<string, { asked: number; at: number; n: number }>();
  return (needle, index) => {
    let s = seen.get(needle);
    if (!s || index < s.asked) s = { asked: index, at: text.indexOf(needle), n: 0 };
    while (s.at >= 0 && s.at < index) {
      s.n++;
      s.at = text.indexOf(needle, s.at + needle.length);
    }
    s.asked = index;
    seen.set(needle, s);
    return s.n;
  };
}

export interface Doubling { text: string; word: string; index: number }

/** Whether the doubled single character at `i` (and `i + 1`) is right where it stands. */
function rightDoubling(text: string, i: number): boolean {
  const c = text[i]!;
  const data = NEVER_DOUBLED[c]!;
  // AABB words: 的的确确, 和和美美, 家家户户.
  if (text[i + 2] !== undefined && text[i + 2] !== c && text[i + 2] === text[i + 3]) return true;
  if (SET_PHRASES.some((p) => phraseAt(text, i, p, c))) return true;
  // The second starts a word (作为|为民, 合并|并入), or the first ends one and the second may stand alone (目的|的).
  if (data.after.some((w) => text.startsWith(w, i + 1))) return true;
  return data.alone && data.before.some((w) => text.slice(0, i + 1).endsWith(w));
}

/** Whether the phrase, which holds `cc`, covers the doubling at `i`. */
function phraseAt(text: string, i: number, phrase: string, c: string): boolean {
  const at = phrase.indexOf(c + c);
  return at >= 0 && text.startsWith(phrase, i - at);
}

const SINGLE = new RegExp(`([${Object.keys(NEVER_DOUBLED).join('')}])\\1`, 'gu');

/**
 * Whether any character comes again within the next six: every doubling (的的, 活动活动, 研究研究 …) has
 * one, and most texts have none — so most texts are let through without running a regular expression.
 */
function mayDouble(text: string): boolean {
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3400) continue; // doublings are of Chinese characters
    const last = Math.min(text.length - 1, i + 6);
    for (let j = i + 1; j <= last; j++) if (text.charCodeAt(j) === c) return true;
  }
  // Stryker disable next-line BooleanLiteral: mayDouble only lets texts through to the regular expressions, which find nothing in the texts it stops
  return false;
}

export function doubledWords(text: string): Doubling[] {
  const out: Doubling[] = [];
  // Stryker disable next-line ConditionalExpression: a shortcut; without it SINGLE and DOUBLED find nothing in such a text either
  if (!mayDouble(text)) return out;
  for (const m of text.matchAll(SINGLE)) {
    // 的的的: one slip of two extra characters, reported once, at the first.
    if (m.index! > 0 && text[m.index! - 1] === m[1]) continue;
    if (!rightDoubling(text, m.index!)) out.push({ text: m[0], word: m[1]!, index: m.index! });
  }
  for (const m of text.matchAll(DOUBLED)) {
    const word = m[1]!;
    const chars = [...word];
    if (chars.every((c) => c === chars[0])) continue; // 哈哈哈哈, 谢谢谢谢: deliberate
    if (chars[0] === '一' && chars.length === 2) continue; // 一步一步, 一点一点
    if (chars.length === 2 && REDUPLICABLE_WORDS.has(word)) {
      const before = text.slice(Math.max(0, m.index! - 2), m.index!);
      if (!NOUN_MAKERS.some((w) => before.endsWith(w))) continue;
    }
    out.push({ text: m[0], word, index: m.index! });
  }
  return out.sort((a, b) => a.index - b.index);
}

const rule = defineRule({
  id: 'text/repeated',
  severity: 'warning',
  stage: 'plan',
  description: { en: 'A word or a particle written twice by accident (活动活动, 的的)', zh: '词语或虚词误写重复（如“活动活动”“的的”）' },
  messages: { repeated: { text: '活动活动', word: '活动' } },
  check(plan, ctx) {
    for (const field of textFields(plan)) {
      const occurrence = occurrenceCounter(field.text);
      // A text that is nothing but repetition would give thousands: the first few say enough.
      for (const d of doubledWords(field.text).slice(0, MAX_PER_TEXT)) {
        ctx.report({ path: field.path, needle: d.text, occurrence: occurrence(d.text, d.index), messageId: 'repeated', data: { text: d.text, word: d.word } });
      }
    }
  },
});
export default rule;
