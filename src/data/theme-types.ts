// What the national themes data holds, entry by entry (data/national-themes.yaml, and a user's own file
// given with --data; schemas/campaign-data.schema.json): shared by its reader (builtin-themes.ts), the
// campaigns that judge themes and editions, and the messages that name an observance.

/** A theme of the Safety Production Month (安全生产月): edition N was held in year N + 2001. */
export interface NationalTheme { year: number; edition: number; theme: string }

/** A day or month whose editions are counted (第N个…), and under whose name a theme is announced. */
export type Observance = 'safety-month' | 'disaster-day' | 'fire-day' | 'fire-month' | 'drug-day' | 'drug-month';

export interface YearTheme {
  year: number;
  theme: string;
  /** Other wordings of the same theme seen in reprints: they count as the theme. */
  variants?: readonly string[];
  /** What the theme was announced for, where the campaign's own name is not it (消防日 or 消防宣传月). */
  statedAs?: Observance;
  /** 全国消防日: the edition that year's own reports used (before 2020 there is no single count). */
  edition?: number;
  /** Other numbers that year's reports used: such a year's edition is not judged. */
  editionAlsoSeen?: readonly number[];
  /** 防灾减灾宣传周: its first and last day (MM-DD), where the sources state them. */
  week?: readonly [string, string];
  note?: string;
}
