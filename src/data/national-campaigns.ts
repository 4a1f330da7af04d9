// National themes and edition numbers (第N个…) of the campaigns the theme rule judges: 安全生产月 (its
// themes are in themes.ts), 全国防灾减灾日 with its 防灾减灾宣传周, the “119”消防宣传月 with the 全国消防日,
// and the 全民禁毒宣传月 with the 国际禁毒日.
//
// The themes themselves are data: data/national-themes.yaml (each entry with the pages it was confirmed on),
// read by builtin-themes.ts; the edition counts and the rules for judging are here. Source of the last three:
// shared/data/national-campaign-themes.yaml, whose rules hold here too:
// - An entry is listed only when two independent pages or one official source (gov.cn, marked
//   "official") confirm it. A year that could not be confirmed is absent, and a year not listed is never
//   judged: there is nothing to guess from.
// - The theme is written as the national notice has it; `variants` are other wordings seen in reprints,
//   and count as the theme. Themes are compared without punctuation and spaces (normaliseTheme), so
//   "，" / "、" / a space / "·" between the halves never matter, only the words do. (The copies consulted
//   render "，" as ",", so the two could not be told apart in the sources.)
// - The sources are archived copies of public pages, many of them reprints on low-quality sites; each
//   entry's pages are listed beside it in data/national-themes.yaml.
import type { CampaignKind } from './campaigns.js';
import { builtinThemes } from './builtin-themes.js';
import { normaliseTheme, SAFETY_MONTH_THEMES } from './themes.js';
import type { Observance, YearTheme } from './theme-types.js';

/** How an observance numbers its editions: edition N is held in year N + base, in the years from–to. */
export interface EditionCount {
  observance: Observance;
  base: number;
  /** The first year the count holds in. */
  from: number;
  /** The last year it is known to hold in, where the sources checked no later year. */
  to?: number;
  /** Editions of years before `from` that their own reports numbered otherwise: year → edition. */
  earlier?: ReadonlyMap<number, number>;
  /** The words after 第N个 that name the observance (a regular expression's source). */
  words: string;
}

export interface NationalCampaign {
  /** The campaign's id in the campaign calendar (campaigns.ts). */
  id: Exclude<CampaignKind['id'], 'health-month'>;
  /** Recognised in a plan's title (消防日 too, which the calendar's pattern does not know). */
  title: RegExp;
  /** What its themes are announced for, unless an entry says otherwise. */
  themesOf: Observance;
  themes: readonly YearTheme[];
  editions: readonly EditionCount[];
  /** A slogan that is never another year's theme from `from` on, though some years had it as their theme. */
  standingSlogan?: { text: string; from: number };
}

// 全国防灾减灾日, May 12, since 2009; the 防灾减灾宣传周 is the week around it.
export const DISASTER_DAY_THEMES: readonly YearTheme[] = builtinThemes()['disaster-week'];

// “119”消防宣传月 (November, since 2017) and the 全国消防日 (November 9). `statedAs` says whether the theme
// was announced as the 119消防日 (活动) theme or the 消防宣传月 (活动) theme.
export const FIRE_THEMES: readonly YearTheme[] = builtinThemes()['fire-month'];

// 全民禁毒宣传月 (June) and the 国际禁毒日 (June 26). The theme is China's own 宣传主题, set by 国家禁毒委 /
// 国家禁毒办 for the 宣传月 and 6·26, not the UN/UNODC theme of the international day; many year lists mix
// the two.
export const ANTI_DRUG_THEMES: readonly YearTheme[] = builtinThemes()['anti-drug-month'];

/**
 * 健康人生、绿色无毒: the standing slogan (理念) of national anti-drug publicity since about 2018. It appears in
 * plans of every later year (beside 2024–2025's 防范青少年药物滥用), so from 2018 on it is never a wrong theme.
 */
export const ANTI_DRUG_SLOGAN = { text: '健康人生、绿色无毒', from: 2018 } as const;

// How each observance counts its editions. Optional words around the name: 全国, quotes, “119”, “6·26”.
const FIRE = '(?:全国\\s*)?[“"]?(?:119\\s*[”"]?\\s*)?(?:全国\\s*)?消防';

export const SAFETY_MONTH: EditionCount = { observance: 'safety-month', base: 2001, from: 2002, words: '(?:全国\\s*)?[“"]?安全生产月' };
/** 第N个全国防灾减灾日: 2010 第二个 … 2025 第17个. */
export const DISASTER_DAY: EditionCount = { observance: 'disaster-day', base: 2008, from: 2009, words: '(?:全国\\s*)?[“"]?防灾减灾日' };
/**
 * 第N个全国消防日. No single count: reports of 2011–2017 counted year − 1990 (2013 第23个, 2016 第26个, 2017
 * 第27个), official reports from 2020 on count year − 1991 (2022 第31个, 2024 第三十三个, 2025 第34个), and
 * 2019's reports are split (第28个 / 第29个). Before 2020, only the number a listed year's own reports
 * used, where they agree.
 */
export const FIRE_DAY: EditionCount = {
  observance: 'fire-day', base: 1991, from: 2020, words: `${FIRE}(?:宣传)?日`,
  earlier: new Map(FIRE_THEMES.filter((t) => t.year < 2020 && t.edition !== undefined && !t.editionAlsoSeen).map((t) => [t.year, t.edition!])),
};
/** 第N个全国消防宣传月: the month since 2017 (2021 第五个, 2024 第八个). */
export const FIRE_MONTH: EditionCount = { observance: 'fire-month', base: 2016, from: 2017, words: `${FIRE}宣传月` };
/** 第N个国际禁毒日: since 1988 (2021 第34个, 2023 第36个, 2024 第37个, 2025 第38个). */
export const DRUG_DAY: EditionCount = { observance: 'drug-day', base: 1987, from: 1988, words: '[“"]?(?:6\\s*[·.．]\\s*26\\s*[”"]?\\s*)?国际禁毒日' };
/** 第N个全民禁毒宣传月 = year − 2010, checked only for 2024 (第14个) and 2025 (第15个). */
export const DRUG_MONTH: EditionCount = { observance: 'drug-month', base: 2010, from: 2024, to: 2025, words: '(?:全民\\s*)?禁毒宣传月' };

/** The campaigns the theme rule knows, in the order a title is tried against them. */
export const NATIONAL_CAMPAIGNS: readonly NationalCampaign[] = [
  {
    id: 'safety-month', title: /安全生产月/, themesOf: 'safety-month',
    themes: SAFETY_MONTH_THEMES.map(({ year, theme }) => ({ year, theme })), editions: [SAFETY_MONTH],
  },
  { id: 'disaster-week', title: /防灾减灾/, themesOf: 'disaster-day', themes: DISASTER_DAY_THEMES, editions: [DISASTER_DAY] },
  { id: 'fire-month', title: /119|消防宣传月|消防日/, themesOf: 'fire-month', themes: FIRE_THEMES, editions: [FIRE_DAY, FIRE_MONTH] },
  {
    id: 'anti-drug-month', title: /禁毒/, themesOf: 'drug-month', themes: ANTI_DRUG_THEMES, editions: [DRUG_DAY, DRUG_MONTH],
    standingSlogan: ANTI_DRUG_SLOGAN,
  },
];

export const nationalCampaignOf = (title: string | undefined): NationalCampaign | undefined =>
  title ? NATIONAL_CAMPAIGNS.find((c) => c.title.test(title)) : undefined;

/** The edition held in `year`, or undefined where the count is not known to hold (or the sources disagree). */
export function editionOf(count: EditionCount, year: number): number | undefined {
  if (year >= count.from && (count.to === undefined || year <= count.to)) return year - count.base;
  return count.earlier?.get(year);
}

/** The year edition `n` was held in, where that is known. */
export function yearOfEdition(count: EditionCount, n: number): number | undefined {
  if (editionOf(count, n + count.base) === n) return n + count.base;
  for (const [year, edition] of count.earlier ?? []) if (edition === n) return year;
  return undefined;
}

/** 第N个 followed by the observance's name, N in Chinese or Arabic numerals (group 1). */
export const editionPattern = (count: EditionCount): RegExp =>
  new RegExp(`第\\s*([〇零一二两三四五六七八九十百]+|\\d+)\\s*个\\s*${count.words}`, 'g');

/** The campaign's theme of `year`, or undefined where that year is not listed. */
export const themeOf = (campaign: NationalCampaign, year: number): YearTheme | undefined =>
  campaign.themes.find((t) => t.year === year);

const wordings = (t: YearTheme): string[] => [t.theme, ...(t.variants ?? [])].map(normaliseTheme);

/**
 * The years whose theme `text` is: it matches a year's theme or one of its variants, and then every
 * year with that same theme counts (全民共治、防范青少年药物滥用, a 2024 variant, is 2025's theme too).
 */
export function yearsOfTheme(campaign: NationalCampaign, text: string): number[] {
  const n = normaliseTheme(text);
  const themes = new Set(campaign.themes.filter((t) => wordings(t).includes(n)).map((t) => normaliseTheme(t.theme)));
  return campaign.themes.filter((t) => themes.has(normaliseTheme(t.theme))).map((t) => t.year);
}

/**
 * The listed year of another theme that `text` is, when the plan's `year` is listed with a theme of its
 * own. Not another year's theme: `year`'s own theme, the standing slogan, or `year`'s main theme written
 * without its sub-theme (2025's 全民消防、生命至上——安全用火用电 as 全民消防、生命至上, which was 2024's whole
 * theme). Of several such years, the one nearest `year`.
 */
export function otherYearOfTheme(campaign: NationalCampaign, text: string, year: number): YearTheme | undefined {
  const current = themeOf(campaign, year);
  const years = yearsOfTheme(campaign, text);
  if (!current || years.length === 0 || years.includes(year)) return undefined;
  const n = normaliseTheme(text);
  const slogan = campaign.standingSlogan;
  if (slogan && year >= slogan.from && n === normaliseTheme(slogan.text)) return undefined;
  if (wordings(current).some((w) => w.startsWith(n))) return undefined;
  const nearest = years.reduce((a, b) => (Math.abs(b - year) < Math.abs(a - year) ? b : a));
  return themeOf(campaign, nearest);
}

/**
 * For a plan whose own year is not listed: the earlier listed year whose theme `text` is — a copy of an old
 * plan — where the data says that theme is over. Never a judgement of the year itself (its theme is not
 * known), so only where the theme cannot be the year's own:
 * - every listed year with that theme lies before `year`, and it is not the standing slogan;
 * - no later listed year carries it on as its main theme (2023's 人人讲安全、个个会应急 heads 2024's and 2025's);
 * - a later listed year before `year` had another theme, or the theme was one year's only and the campaign has
 *   never kept a theme for two listed years running (禁毒 kept 2024's for 2025: in 2026 it may go on again).
 */
export function earlierYearOfTheme(campaign: NationalCampaign, text: string, year: number): YearTheme | undefined {
  if (themeOf(campaign, year)) return undefined;
  const years = yearsOfTheme(campaign, text);
  if (years.length === 0 || years.some((y) => y >= year)) return undefined;
  const n = normaliseTheme(text);
  const slogan = campaign.standingSlogan;
  if (slogan && year >= slogan.from && n === normaliseTheme(slogan.text)) return undefined;
  const last = Math.max(...years);
  const later = campaign.themes.filter((t) => t.year > last);
  if (later.some((t) => wordings(t).some((w) => w.startsWith(n)))) return undefined;
  const ended = later.some((t) => t.year < year);
  if (!ended && (years.length > 1 || keepsThemes(campaign))) return undefined;
  return themeOf(campaign, last);
}

/** Whether two listed years in a row had the same theme. */
function keepsThemes(campaign: NationalCampaign): boolean {
  return campaign.themes.some((t) => {
    const next = themeOf(campaign, t.year + 1);
    return next !== undefined && normaliseTheme(next.theme) === normaliseTheme(t.theme);
  });
}

/**
 * For a plan of a year after the last one an observance's count is known to hold in (全民禁毒宣传月: 2025): the
 * earlier year whose edition `n` is. Editions go up by one a year, so an earlier year's number is never the
 * plan's; which number is right is not claimed.
 */
export function earlierYearOfEdition(count: EditionCount, n: number, year: number): number | undefined {
  if (editionOf(count, year) !== undefined || count.to === undefined || year <= count.to) return undefined;
  const at = yearOfEdition(count, n);
  return at !== undefined && at < year ? at : undefined;
}
