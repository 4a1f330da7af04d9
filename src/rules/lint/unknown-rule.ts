// A campaign-disable / campaign-enable comment naming a rule there is none of (a typo): it silences
// nothing, so the finding it was meant for still shows. Reported at the comment, with the nearest id.
import { defineRule } from '../types.js';

const rule = defineRule({
  id: 'lint/unknown-rule',
  severity: 'error',
  stage: 'directives',
  description: { en: 'A campaign-disable or campaign-enable comment names a rule that does not exist', zh: 'campaign-disable 或 campaign-enable 注释中的规则不存在' },
  messages: {
    unknown: { rule: 'date/weekdy', suggestion: 'date/weekday' as string | undefined },
  },
  check(outcome, ctx) {
    for (const u of outcome.unknown) ctx.report({ path: [], offset: u.offset, messageId: 'unknown', data: { rule: u.rule, suggestion: u.suggestion } });
  },
});
export default rule;
