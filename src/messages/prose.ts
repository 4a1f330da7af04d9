// The sentences of a report written as prose (the Word draft of a 活动总结), per language. Names, titles
// and recorded notes are data and are never translated; only the sentences around them are. Each sentence
// is built from facts (src/reports/summary-facts.ts), never from other sentences.
import type { Lang } from './types.js';
import { quoted } from '../text/quote.js';

export interface Opening {
  organizer: string;
  basis: string[];
  /** The period written out: 2020年6月1日至6月30日. */
  period: string | null;
  /** The campaign as its plan names it: “安全生产月”活动. */
  campaign: string;
  themes: string[];
  /** The period is over: a summary (总结), not a progress report. */
  finished: boolean;
}

/** What 工作开展情况 tells in figures. */
export interface WorkFigures {
  /** The report's date written out. */
  asOf: string;
  tasks: number;
  sections: number;
  done: number;
  doneLate: number;
  inProgress: number;
  planned: number;
  blocked: number;
  cancelled: number;
  overdue: number;
  completion: string;
  units: { involved: number; reported: number };
  /** Figures summed by metric: 宣讲 12 场 (target 10). */
  totals: { metric: string; unit: string; actual: number; target: number | null }[];
  /** Recurring reports sent upwards: how many of how many, to whom. */
  duties: { title: string; to: string | null; due: number; submitted: number; late: number }[];
  finished: boolean;
}

/** A task's sentence under 主要做法和成效. */
export interface TaskLine {
  n: number;
  title: string;
  /** The newest note of each lead (its unit's name, when the task has several speakers). */
  said: { name: string | null; note: string }[];
  /** Supporters whose notes say what they did, and those who only took part (named). */
  supporters: { name: string; note: string }[];
  joined: string[];
  /** Where it stands, when it is not simply done: 逾期完成, 正在推进 (进度60%), 受阻, 尚未开始, 已取消. */
  state: string;
}

export interface Prose {
  /** The report's title, from the plan's: …活动方案 → …活动总结 (or …活动进展情况报告 while it runs). */
  title(planTitle: string, finished: boolean): string;
  opening(o: Opening): string;
  work(w: WorkFigures): string[];
  task(t: TaskLine): string;
  /** Where a task stands, for its sentence. */
  state(s: { status: string; progress: string; doneLate: boolean; overdue: boolean }): string;
  problem(p: { n: number; text: string; tasks: string[]; units: string[] }): string;
  /** The tasks left unfinished, as one problem (where each stands is in the attachment). */
  unfinished(u: { n: number; asOf: string; tasks: string[] }): string;
  /** Said when no problem is open. */
  noProblems(solved: number): string;
  step(s: { n: number; text: string; task: string }): string;
  /** After the campaign: what is still to follow up. */
  /** The follow-up of the unfinished tasks, named under 存在的问题 already (上述7项). */
  followUnfinished(f: { n: number; count: number }): string;
  followProblems(f: { n: number; count: number }): string;
  /** Said when no next step lies ahead. */
  noSteps(finished: boolean): string;
  headings: { work: string; practice: string; problems: string; next: string };
  /** The attachment's title and the headings of its tables. */
  attachment: { title: string; tasks: string; units: string };
  /** A list item's number: 1． */
  item(n: number): string;
  /** A date written out: 2020年6月30日. */
  date(iso: string): string;
  /** A span written out: 2020年6月1日至6月30日, 2023年11月1日至2024年4月30日. */
  span(start: string, end: string): string;
  /** 一、 二、 … for the n-th first-level heading, （一）（二）… for the second level. */
  number(n: number, level: 1 | 2): string;
}

/** A note without the punctuation it ended with, to end it again in a sentence. */
const trimEnd = (n: string): string => n.replace(/[。；;，,.\s]+$/, '');

const CN = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const chineseOrdinal = (n: number): string =>
  n <= 10 ? CN[n]! : n < 20 ? `十${CN[n - 10]}` : `${CN[Math.floor(n / 10)]}十${n % 10 ? CN[n % 10] : ''}`;

const ymd = (iso: string) => ({ y: Number(iso.slice(0, 4)), m: Number(iso.slice(5, 7)), d: Number(iso.slice(8, 10)) });

/** A note as said by a unit: its name first, unless the note starts with it. */
const byUnit = (name: string | null, note: string): string => (name && !note.startsWith(name) ? `${name}${note}` : note);

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
    const theme = o.themes.length ? `，活动以${o.themes.map(quoted).join('、')}为主题` : '';
    return `${basis}${o.organizer}${when}组织开展了${o.campaign}${theme}。${o.finished ? '现将活动开展情况总结如下：' : '现将活动进展情况报告如下：'}`;
  },
  work: (w) => {
    const counts = [
      `已完成${w.done}项${w.doneLate ? `（其中逾期完成${w.doneLate}项）` : ''}`,
      w.inProgress ? `正在推进${w.inProgress}项` : '', w.blocked ? `受阻${w.blocked}项` : '', w.planned ? `尚未开始${w.planned}项` : '',
      w.cancelled ? `取消${w.cancelled}项` : '',
    ].filter(Boolean).join('，');
    const late = w.overdue ? `，逾期未完成${w.overdue}项` : '';
    const out = [`活动共部署${w.sections}个方面${w.tasks}项任务，涉及${w.units.involved}个单位，${w.units.reported}个单位报送了工作进展。截至${w.asOf}，${counts}${late}，任务完成率${w.completion}。`];
    if (w.totals.length) {
      const figures = w.totals.map((t) => `${t.metric}${t.actual}${t.unit}${t.target !== null ? `（计划${t.target}${t.unit}）` : ''}`).join('，');
      out.push(`${w.finished ? '活动期间' : '截至目前'}，各单位累计${figures}。`);
    }
    for (const d of w.duties) {
      if (d.due === 0) continue;
      const missed = d.due - d.submitted;
      out.push(`按要求${d.to ? `向${d.to}` : ''}报送${d.title}${d.submitted}期（应报${d.due}期${d.late ? `，其中迟报${d.late}期` : ''}${missed ? `，未报${missed}期` : ''}）。`);
    }
    return out;
  },
  task: (t) => {
    const done = [...t.said.map((s) => byUnit(s.name, s.note)), ...t.supporters.map((s) => byUnit(s.name, s.note))].map(trimEnd).join('；');
    const joined = t.joined.length ? `${done ? '，' : ''}${t.joined.join('、')}配合参与` : '';
    if (!done) return `${t.n}．${t.title}：${t.state || '已完成'}${joined}。`;
    return `${t.n}．${t.title}。${done}${joined}${t.state ? `（${t.state}）` : ''}。`;
  },
  state: (s) => {
    if (s.status === 'done') return s.doneLate ? '逾期完成' : '';
    const late = s.overdue ? '，已逾期' : '';
    if (s.status === 'in_progress') return `正在推进${s.progress ? `，进度${s.progress}` : ''}${late}`;
    if (s.status === 'blocked') return `受阻${s.progress ? `，进度${s.progress}` : ''}${late}`;
    if (s.status === 'planned') return `尚未开始${late}`;
    return '已取消';
  },
  problem: (p) => `${p.n}．${p.tasks.join('、')}：${trimEnd(p.text)}${p.units.length ? `（${p.units.join('、')}反映）` : ''}。`,
  unfinished: (u) => `${u.n}．截至${u.asOf}，仍有${u.tasks.length}项任务未完成：${u.tasks.join('、')}（详见附件）。`,
  noProblems: (solved) => (solved ? `活动期间各单位反映的${solved}个问题均已整改解决，目前无未解决的问题。` : '活动期间各单位未反映存在问题。'),
  step: (s) => `${s.n}．${trimEnd(s.text)}（${s.task}）。`,
  followUnfinished: (f) => `${f.n}．督促牵头单位加快推进上述${f.count}项未完成任务，完成后及时报告。`,
  followProblems: (f) => `${f.n}．对尚未解决的${f.count}个问题建立台账，逐项跟踪督办，整改到位后销号。`,
  noSteps: (finished) => (finished ? '各项任务均已完成，下一步将巩固活动成果，把各项措施落实到日常安全监管中。' : '各单位暂未报送下步计划。'),
  headings: { work: '工作开展情况', practice: '主要做法和成效', problems: '存在的问题', next: '下一步工作打算' },
  attachment: { title: '任务完成情况统计表', tasks: '一、任务完成情况', units: '二、各单位完成情况' },
  item: (n) => `${n}．`,
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
    const theme = o.themes.length ? ` under the theme ${o.themes.map(quoted).join(', ')}` : '';
    return `${basis}${o.organizer} held ${o.campaign}${when}${theme}. ${o.finished ? 'This is the summary of the campaign.' : 'This reports its progress.'}`;
  },
  work: (w) => {
    const counts = [`${w.done} done${w.doneLate ? ` (${w.doneLate} late)` : ''}`, w.inProgress ? `${w.inProgress} in progress` : '', w.blocked ? `${w.blocked} blocked` : '',
      w.planned ? `${w.planned} not started` : '', w.cancelled ? `${w.cancelled} cancelled` : ''].filter(Boolean).join(', ');
    const out = [`The campaign set ${w.tasks} tasks in ${w.sections} parts for ${w.units.involved} units, of which ${w.units.reported} reported progress. As of ${w.asOf}, ${counts}${w.overdue ? `; ${w.overdue} overdue` : ''}; completion ${w.completion}.`];
    if (w.totals.length) out.push(`In all: ${w.totals.map((t) => `${t.metric} ${t.actual}${t.unit ? ` ${t.unit}` : ''}${t.target !== null ? ` (target ${t.target})` : ''}`).join('; ')}.`);
    for (const d of w.duties) if (d.due) out.push(`${d.title}${d.to ? ` to ${d.to}` : ''}: ${d.submitted} of ${d.due} sent${d.late ? `, ${d.late} late` : ''}.`);
    return out;
  },
  task: (t) => {
    const done = [...t.said.map((s) => byUnit(s.name ? `${s.name}: ` : null, s.note)), ...t.supporters.map((s) => `${s.name}: ${s.note}`)].map(trimEnd).join('; ');
    const joined = t.joined.length ? `${done ? '; ' : ''}with ${t.joined.join(', ')}` : '';
    if (!done) return `${t.n}. ${t.title}: ${t.state || 'done'}${joined}.`;
    return `${t.n}. ${t.title}. ${done}${joined}${t.state ? ` (${t.state})` : ''}.`;
  },
  state: (s) => {
    if (s.status === 'done') return s.doneLate ? 'done late' : '';
    const late = s.overdue ? ', overdue' : '';
    if (s.status === 'in_progress' || s.status === 'blocked') return `${s.status === 'blocked' ? 'blocked' : 'in progress'}${s.progress ? `, ${s.progress}` : ''}${late}`;
    return s.status === 'planned' ? `not started${late}` : 'cancelled';
  },
  problem: (p) => `${p.n}. ${p.tasks.join(', ')}: ${trimEnd(p.text)}${p.units.length ? ` (raised by ${p.units.join(', ')})` : ''}.`,
  unfinished: (u) => `${u.n}. As of ${u.asOf}, ${u.tasks.length} tasks are not finished: ${u.tasks.join('; ')} (see the attachment).`,
  noProblems: (solved) => (solved ? `The ${solved} problems raised were all solved; none is open.` : 'No problems were raised.'),
  step: (s) => `${s.n}. ${trimEnd(s.text)} (${s.task}).`,
  followUnfinished: (f) => `${f.n}. Follow up the ${f.count} unfinished tasks named above until each is done.`,
  followProblems: (f) => `${f.n}. Track the ${f.count} open problems until each is solved.`,
  noSteps: (finished) => (finished ? 'Every task is done; the measures carry on in everyday supervision.' : 'No next steps have been reported yet.'),
  headings: { work: 'Work done', practice: 'What was done, and with what effect', problems: 'Problems', next: 'Next steps' },
  attachment: { title: 'Tasks and units', tasks: '1. Tasks', units: '2. By unit' },
  item: (n) => `${n}. `,
  date: (iso) => iso,
  span: (start, end) => `${start} to ${end}`,
  number: (n, level) => (level === 1 ? `${n}. ` : `(${n}) `),
};

export const PROSE: Record<Lang, Prose> = { zh, en };
