import { defineRule } from '../types.js';
import { isPlaceholderTheme } from '../../data/themes.js';
import { nationalCampaignOf, themeOf } from '../../data/national-campaigns.js';

/**
 * A theme still reading as the words `campaign init` leaves where it knows no theme (全国“安全生产月”活动主题,
 * 活动主题 …): the clerk has yet to write this year's. Where the data lists the year's national theme, the
 * message gives it.
 */
const rule = defineRule({
  id: 'theme/placeholder',
  severity: 'warning',
  stage: 'plan',
  description: { en: "A theme is still `campaign init`'s placeholder (全国“安全生产月”活动主题)", zh: '主题仍是 campaign init 生成的占位文字（如“全国“安全生产月”活动主题”）' },
  messages: { placeholder: { theme: '全国“安全生产月”活动主题', suggestion: '消除事故隐患，筑牢安全防线' as string | undefined } },
  check(plan, ctx) {
    const campaign = nationalCampaignOf(plan.title);
    const suggestion = campaign && plan.year !== undefined ? themeOf(campaign, plan.year)?.theme : undefined;
    for (const theme of plan.themes) {
      if (!isPlaceholderTheme(theme.title)) continue;
      ctx.report({ path: [...theme.path, 'title'], messageId: 'placeholder', data: { theme: theme.title, suggestion } });
    }
  },
});
export default rule;
