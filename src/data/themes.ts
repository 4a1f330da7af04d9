// National themes of the Safety Production Month (安全生产月), by year, from data/national-themes.yaml.
// Source: shared/data/safety-month-themes.yaml (public notices and news reports); edition N = year − 2001.
import { builtinThemes } from './builtin-themes.js';
import type { NationalTheme } from './theme-types.js';

export const SAFETY_MONTH_THEMES: readonly NationalTheme[] = builtinThemes()['safety-month'];

/** Punctuation and spacing differ between copies of the same theme (“，”, “、”, a space, “·”): compare without them. */
export const normaliseTheme = (s: string): string => s.replace(/[\s，,、。．.；;：:——\-—–“”"'‘’（）()！!·・•]/g, '');

/**
 * The theme `campaign init` writes where it knows no national theme for the year (a year the data does not
 * list yet, or the blank template): words to replace, which theme/placeholder reports until they are.
 */
export const PLACEHOLDER_THEMES = {
  'safety-month': '全国“安全生产月”活动主题',
  'fire-month': '“119”消防宣传月活动主题',
  'disaster-week': '全国防灾减灾日主题',
  'anti-drug-month': '全民禁毒宣传月活动主题',
  blank: '活动主题',
} as const;

const PLACEHOLDERS = new Set(Object.values(PLACEHOLDER_THEMES).map(normaliseTheme));

/** Whether a theme is one of init's placeholders, however it is punctuated. */
export const isPlaceholderTheme = (title: string): boolean => PLACEHOLDERS.has(normaliseTheme(title));
