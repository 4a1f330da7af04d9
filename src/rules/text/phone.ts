import { defineRule } from '../types.js';
import { textFields } from '../../model/texts.js';
import { labelledPhoneProblems, phoneProblems, type PhoneProblem } from '../../text/phone.js';
import { occurrenceCounter } from './repeated.js';

/**
 * A telephone number with a letter in it (138l2345678, O719-…) or the wrong number of digits for a landline with
 * its area code, a mobile or a 400/800 number (src/text/phone.ts has the grammar: every form accepted, and why).
 * Read in the contact's phone (every number in it), in its other fields (numbers of seven characters or more),
 * and in the plan's texts after a label such as 联系电话： (up to the end of that sentence).
 */
const rule = defineRule({
  id: 'text/phone',
  severity: 'error',
  stage: 'plan',
  description: {
    en: 'A telephone number with a letter in it, or with the wrong number of digits',
    zh: '电话号码中混有字母，或位数不对',
  },
  messages: {
    letter: { phone: '138l2345678', suggestion: '13812345678' },
    length: { phone: '0719-882315', digits: 10 },
  },
  check(plan, ctx) {
    const report = (path: (string | number)[], occurrence: (needle: string, index: number) => number, p: PhoneProblem) => {
      const at = { path, needle: p.text, occurrence: occurrence(p.text, p.index) };
      if (p.kind === 'letter') ctx.report({ ...at, messageId: 'letter', data: { phone: p.text, suggestion: p.suggestion! } });
      else ctx.report({ ...at, messageId: 'length', data: { phone: p.text, digits: p.digits } });
    };
    const { contact } = plan;
    for (const key of ['phone', 'person', 'reviewer', 'unit'] as const) {
      const text = contact[key];
      if (!text) continue;
      const occurrence = occurrenceCounter(text);
      for (const p of phoneProblems(text, { all: key === 'phone' })) report(['contact', key], occurrence, p);
    }
    for (const field of textFields(plan)) {
      const occurrence = occurrenceCounter(field.text);
      for (const p of labelledPhoneProblems(field.text)) report(field.path, occurrence, p);
    }
  },
});
export default rule;
