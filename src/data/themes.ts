// National themes of the Safety Production Month (安全生产月), by year. Source:
// shared/data/safety-month-themes.yaml (public notices and news reports); edition N = year − 2001.
export interface NationalTheme { year: number; edition: number; theme: string }

export const SAFETY_MONTH_THEMES: readonly NationalTheme[] = [
  { year: 2005, edition: 4, theme: '遵章守法，关爱生命' },
  { year: 2006, edition: 5, theme: '安全发展，国泰民安' },
  { year: 2007, edition: 6, theme: '综合治理，保障平安' },
  { year: 2008, edition: 7, theme: '治理隐患，防范事故' },
  { year: 2009, edition: 8, theme: '关爱生命，安全发展' },
  { year: 2010, edition: 9, theme: '安全发展，预防为主' },
  { year: 2011, edition: 10, theme: '安全责任，重在落实' },
  { year: 2012, edition: 11, theme: '科学发展，安全发展' },
  { year: 2013, edition: 12, theme: '强化安全基础，推动安全发展' },
  { year: 2014, edition: 13, theme: '强化红线意识，促进安全发展' },
  { year: 2015, edition: 14, theme: '加强安全法治，保障安全生产' },
  { year: 2016, edition: 15, theme: '强化安全发展观念，提升全民安全素质' },
  { year: 2017, edition: 16, theme: '全面落实企业安全生产主体责任' },
  { year: 2018, edition: 17, theme: '生命至上，安全发展' },
  { year: 2019, edition: 18, theme: '防风险、除隐患、遏事故' },
  { year: 2020, edition: 19, theme: '消除事故隐患，筑牢安全防线' },
  { year: 2021, edition: 20, theme: '落实安全责任，推动安全发展' },
  { year: 2022, edition: 21, theme: '遵守安全生产法，当好第一责任人' },
  { year: 2023, edition: 22, theme: '人人讲安全、个个会应急' },
  { year: 2024, edition: 23, theme: '人人讲安全、个个会应急——畅通生命通道' },
  { year: 2025, edition: 24, theme: '人人讲安全、个个会应急——查找身边安全隐患' },
];

/** The campaign began as a month in 2002; edition N was held in year N + 2001. */
export const editionYear = (edition: number): number => edition + 2001;

/** Punctuation and spacing differ between copies of the same theme (“，”, “、”, a space, “·”): compare without them. */
export const normaliseTheme = (s: string): string => s.replace(/[\s，,、。．.；;：:——\-—–“”"'‘’（）()！!·・•]/g, '');

export const themeOfYear = (year: number): NationalTheme | undefined => SAFETY_MONTH_THEMES.find((t) => t.year === year);

export function yearsOfTheme(text: string): NationalTheme[] {
  const n = normaliseTheme(text);
  return SAFETY_MONTH_THEMES.filter((t) => normaliseTheme(t.theme) === n);
}

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
