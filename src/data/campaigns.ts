// Recurring national campaigns a township plans for, and their key days. Source:
// shared/data/campaign-calendar.md (public notices).
import { nthWeekdayOfMonth, type IsoDate } from '../calendar/dates.js';

export interface KeyDay { date: IsoDate; names: readonly string[] }

export interface CampaignKind {
  id: 'safety-month' | 'fire-month' | 'disaster-week' | 'anti-drug-month' | 'health-month';
  /** Recognised in a plan's title. */
  title: RegExp;
  name: string;
  period(year: number): { start: IsoDate; end: IsoDate };
  keyDays(year: number): KeyDay[];
}

const pad = (n: number) => String(n).padStart(2, '0');
const day = (y: number, m: number, d: number): IsoDate => `${y}-${pad(m)}-${pad(d)}`;

/** 全国安全生产宣传咨询日: June 16 since 2014; the second Sunday of June 2002–2013. */
export function consultationDay(year: number): IsoDate | undefined {
  if (year < 2002) return undefined;
  return year >= 2014 ? day(year, 6, 16) : nthWeekdayOfMonth(year, 6, 0, 2);
}

export const CAMPAIGNS: readonly CampaignKind[] = [
  {
    id: 'safety-month', title: /安全生产月/, name: '安全生产月',
    period: (y) => ({ start: day(y, 6, 1), end: day(y, 6, 30) }),
    keyDays: (y) => (consultationDay(y) ? [{ date: consultationDay(y)!, names: ['咨询日'] }] : []),
  },
  {
    id: 'fire-month', title: /119|消防宣传月/, name: '“119”消防宣传月',
    period: (y) => ({ start: day(y, 11, 1), end: day(y, 11, 30) }),
    keyDays: (y) => [{ date: day(y, 11, 9), names: ['119', '消防日', '消防宣传日'] }],
  },
  {
    id: 'disaster-week', title: /防灾减灾/, name: '防灾减灾宣传周',
    // The week around May 12 (since 2009); the exact days come with each year's notice.
    period: (y) => ({ start: day(y, 5, 9), end: day(y, 5, 15) }),
    keyDays: (y) => [{ date: day(y, 5, 12), names: ['防灾减灾日'] }],
  },
  {
    id: 'anti-drug-month', title: /禁毒/, name: '全民禁毒宣传月',
    period: (y) => ({ start: day(y, 6, 1), end: day(y, 6, 30) }),
    keyDays: (y) => [{ date: day(y, 6, 26), names: ['禁毒日', '6·26', '6.26'] }],
  },
  {
    id: 'health-month', title: /爱国卫生/, name: '爱国卫生月',
    period: (y) => ({ start: day(y, 4, 1), end: day(y, 4, 30) }),
    keyDays: () => [],
  },
];

export const campaignOf = (title: string | undefined): CampaignKind | undefined =>
  title ? CAMPAIGNS.find((c) => c.title.test(title)) : undefined;
