// A `# campaign-disable-next-line` or `# campaign-disable` comment (or one rule it names) that silenced no
// finding: the problem it was written for is gone, or it sits on the wrong line. Reported at the comment.
import { defineRule } from '../types.js';

const rule = defineRule({
  id: 'lint/unused-disable',
  severity: 'warning',
  stage: 'directives',
  description: { en: 'A campaign-disable comment that silences no finding', zh: 'campaign-disable 注释没有屏蔽任何问题' },
  messages: {
    unused: { directive: 'campaign-disable-next-line' as 'campaign-disable-next-line' | 'campaign-disable', rule: 'date/weekday' as string | undefined },
  },
  check(outcome, ctx) {
    for (const u of outcome.unused) ctx.report({ path: [], offset: u.offset, messageId: 'unused', data: { directive: u.directive, rule: u.rule } });
  },
});
export default rule;
