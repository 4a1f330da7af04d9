// The sentences of a report written as prose (the Word draft of a 活动总结), per language. Names, titles
// and recorded notes are data and are never translated; only the sentences around them are.
import type { Lang } from './types.js';

export interface Opening {
  organizer: string;
  basis: string[];
  /** The period written out: 2020年6月1日至6月30日. */
  period: string | null;
  /** The campaign as its plan names it: “安全生产月”活动. */
  campaign: string;
  themes: string[];
  /** The report's date written out. */
  asOf: string;
  tasks: number;
  done: number;
  inProgress: number;
  planned: number;
  blocked: number;
  overdue: number;
  completion: string;
  /** The period is over: a summary (总结), not a progress report. */
  finished: boolean;
}

export interface Prose {
  /** The report's title, from the plan's: …活动方案 → …活动总结 (or …活动进展情况报告 while it runs). */
  title(planTitle: string, finished: boolean): string;
  opening(o: Opening): string;
  /** A task's line under its section: what was done, or where it stands when nothing was recorded. */
  task(t: { n: number; title: string; notes: string[]; status: string; progress: string; supporters: { name: string; notes: string[] }[] }): string;
  /** A problem or a next step, with the task it belongs to. */
  item(t: { n: number; text: string; task: string }): string;
  /** Said where nothing was recorded, for the clerk to fill in. */
  nothingRecorded(what: 'problems' | 'next'): string;
  headings: { work: string; problems: string; next: string; units: string; targets: string; reports: string };
  /** A date written out: 2020年6月30日. */
  date(iso: string): string;
  /** A span written out: 2020年6月1日至6月30日, 2023年11月1日至2024年4月30日. */
  span(start: string, end: string): string;
  /** 一、 二、 … for the n-th first-level heading, （一）（二）… for the second level. */
  number(n: number, level: 1 | 2): string;
}

/** A note without the punctuation it ended with, to end it again in a sentence. */
const trimEnd = (n: string): string => n.replace(/[。；;，,\s]+$/, '');

const CN = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const chineseOrdinal = (n: number): string =>
  n <= 10 ? CN[n]! : n < 20 ? `十${CN[n - 10]}` : `${CN[Math.floor(n / 10)]}十${n % 10 ? CN[n % 10] : ''}`;

const ymd = (iso: string) => ({ y: Number(iso.slice(0, 4)), m: Number(iso.slice(5, 7)), d: Number(iso.slice(8, 10)) });

const zh: Prose = {
  title: (planTitle, finished) => {
    const what = finished ? '总结' : '进展情况报告';
    if (/实施方案$/.test(planTitle)) return planTitle.replace(/实施方案$/, finished ? '工作总结' : `工作${what}`);
    if (/方案$/.test(planTitle)) return planTitle.replace(/方案$/, what);
    return `${planTitle}${what}`;
  },
  opening: (o) => {
    const basis = o.basis.length ? `根据${o.basis.join('、')}要求，` : '';
    const when = o.period ? `于${o.period}` : '';
    const theme = o.themes.length ? `，活动以${o.themes.map((t) => `“${t}”`).join('、')}为主题` : '';
    const counts = [`已完成${o.done}项`, o.inProgress ? `正在推进${o.inProgress}项` : '', o.planned ? `尚未开始${o.planned}项` : '', o.blocked ? `受阻${o.blocked}项` : '']
      .filter(Boolean).join('，');
    const late = o.overdue ? `，其中逾期未完成${o.overdue}项` : '';
    const report = o.finished ? '现将活动开展情况总结如下：' : '现将活动进展情况报告如下：';
    return `${basis}${o.organizer}${when}组织开展了${o.campaign}${theme}。截至${o.asOf}，共部署任务${o.tasks}项，${counts}${late}，完成率${o.completion}。${report}`;
  },
  task: (t) => `${t.notes.length ? `${t.n}．${t.title}。${t.notes.map(trimEnd).join('；')}。` : `${t.n}．${t.title}：${t.status}${t.progress ? `（进度${t.progress}）` : ''}。`}${t.supporters.map((s) => `配合单位${s.name}：${s.notes.map(trimEnd).join('；')}。`).join('')}`,
  item: (t) => `${t.n}．${t.text.replace(/[。；;，,\s]+$/, '')}（${t.task}）。`,
  nothingRecorded: (what) => (what === 'problems' ? '（进展记录中未填写存在问题，请补充。）' : '（进展记录中未填写下步计划，请补充。）'),
  headings: { work: '工作开展情况', problems: '存在问题', next: '下步打算', units: '各单位完成情况', targets: '量化指标完成情况', reports: '信息报送情况' },
  date: (iso) => {
    const { y, m, d } = ymd(iso);
    return `${y}年${m}月${d}日`;
  },
  span: (start, end) => {
    const a = ymd(start);
    const b = ymd(end);
    return `${a.y}年${a.m}月${a.d}日至${b.y === a.y ? '' : `${b.y}年`}${b.m}月${b.d}日`;
  },
  number: (n, level) => (level === 1 ? `${chineseOrdinal(n)}、` : `（${chineseOrdinal(n)}）`),
};

const en: Prose = {
  title: (planTitle, finished) => `${planTitle} — ${finished ? 'summary' : 'progress report'}`,
  opening: (o) => {
    const basis = o.basis.length ? `As required by ${o.basis.join(', ')}, ` : '';
    const when = o.period ? ` from ${o.period}` : '';
    const theme = o.themes.length ? ` under the theme ${o.themes.map((t) => `“${t}”`).join(', ')}` : '';
    const counts = [`${o.done} done`, o.inProgress ? `${o.inProgress} in progress` : '', o.planned ? `${o.planned} not started` : '', o.blocked ? `${o.blocked} blocked` : '']
      .filter(Boolean).join(', ');
    const late = o.overdue ? ` (${o.overdue} overdue)` : '';
    return `${basis}${o.organizer} held ${o.campaign}${when}${theme}. As of ${o.asOf}, of ${o.tasks} tasks ${counts}${late}; completion ${o.completion}. ${o.finished ? 'This is the summary of the campaign.' : 'This reports its progress.'}`;
  },
  task: (t) => `${t.notes.length ? `${t.n}. ${t.title}. ${t.notes.join('; ')}.` : `${t.n}. ${t.title}: ${t.status}${t.progress ? ` (${t.progress})` : ''}.`}${t.supporters.map((s) => ` Supported by ${s.name}: ${s.notes.join('; ')}.`).join('')}`,
  item: (t) => `${t.n}. ${t.text} (${t.task}).`,
  nothingRecorded: (what) => (what === 'problems' ? '(No problems were recorded in the progress log; add them here.)' : '(No next steps were recorded in the progress log; add them here.)'),
  headings: { work: 'Work done', problems: 'Problems', next: 'Next steps', units: 'By unit', targets: 'Targets', reports: 'Reports sent' },
  date: (iso) => iso,
  span: (start, end) => `${start} to ${end}`,
  number: (n, level) => (level === 1 ? `${n}. ` : `(${n}) `),
};

export const PROSE: Record<Lang, Prose> = { zh, en };
