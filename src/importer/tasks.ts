// Numbered items into tasks: title and text, lead and support (roles.ts), start and due (text/time.ts),
// each guess with the words it came from. Parts numbered inside a paragraph become subtasks; a subtask
// without roles or a date of its own takes its parent's, and a task in a dated phase its phase's dates.
import { readDates, type TimeContext, type TimeHit } from '../text/time.js';
import type { TableBlock } from './document.js';
import { CONTACT_LINE, inlineParts, LABEL_LINE, ROLE_TAIL, type Item } from './outline.js';
import type { DraftPhase } from './phases.js';
import { DUE_LABEL_WORDS, LEAD_LABEL, SUPPORT_LABEL } from './labels.js';
import { labelledRoles, MARKED_LEAD, phraseRoles, subjectRoles, type Roles } from './roles.js';
import { unitList, unitName, type UnitRegistry } from './units.js';

export interface DraftTask {
  id: string;
  title: string;
  text?: string;
  lead: string[];
  support: string[];
  start?: string;
  due?: string | null;
  phase?: string;
  line: number;
  /** Where the roles were read, and how. */
  roleNote?: string;
  dueNote?: string;
  /** Where the task is in the document (a numbered item, 一是 …). */
  note?: string;
  tasks: DraftTask[];
}

export interface TaskContext {
  organizer: string;
  time: TimeContext;
  units: UnitRegistry;
  /** "原文第12行" or "原文第12段". */
  where: (no: number) => string;
  /** The document says the first unit of a 责任单位 list leads (排在第一位的为牵头单位). */
  firstLeads?: boolean;
}

/** A line that says when: 完成时限：6月20日前. */
const WHEN_LINE = new RegExp(`^[（(]?(?:${DUE_LABEL_WORDS})\\s*[：:]`);

const TRAILING_LABELS = new RegExp(`[（(](?:${LEAD_LABEL}|${SUPPORT_LABEL})\\s*[：:][^（()）]*(?:[（(](?:牵头|社区|居)[）)][^（()）]*)*[）)][。；]?$`);

const DUE_LABEL = new RegExp(`(?:${DUE_LABEL_WORDS})\\s*[：:]\\s*([^；;。\\n）)\\u3000]+)`, 'g');

/** The first sentence, short enough for a title; the whole text goes to `text`. */
export function titleOf(text: string): string {
  const sentence = text.replace(/^[。；，\s]+/, '').split(/[。；;！!？?]/)[0]!.trim();
  if (sentence.length <= 40) return sentence;
  // "进家庭：乡妇联负责，…" — a short label before a colon names the item.
  const label = /^([^，,。：:]{2,8})[：:]/.exec(sentence);
  if (label) return label[1]!;
  // A clause ending within the first 60 characters (only those are looked at: a paragraph of 200,000
  // characters has as many commas, and checking the brackets before each would take minutes).
  const cut = [...sentence.slice(0, 61).matchAll(/[，,：:]/g)].map((m) => m.index!).find((i) => i >= 6 && balanced(sentence.slice(0, i)));
  if (cut !== undefined) return sentence.slice(0, cut);
  // No clause to end on: 40 characters, never inside 《》 “” （）, so the title has no bracket left open.
  let head = sentence.slice(0, 40);
  while (!balanced(head)) head = head.slice(0, Math.max(...OPENERS.map((o) => head.lastIndexOf(o))));
  return `${head}…`;
}

const OPENERS = ['《', '“', '（', '(', '【', '「'];
const PAIRS: Record<string, string> = { '《': '》', '“': '”', '（': '）', '(': ')', '【': '】', '「': '」' };

/** Every bracket and quote opened in the text is closed in it. */
function balanced(text: string): boolean {
  return OPENERS.every((o) => text.split(o).length === text.split(PAIRS[o]!).length);
}

/**
 * The deadline a text gives: the latest of its deadlines and spans (…前, 底前, 旬, ranges, N个工作日内), else the
 * day it names. A date cited from an earlier year (学习2019年6月16日事故通报) is none of them.
 */
export function dueOf(text: string, ctx: TimeContext, month?: number): TimeHit | undefined {
  const hits = readDates(text, month ? { ...ctx, month } : ctx).filter((h) => !h.cited);
  let deadlines = hits.filter((h) => h.kind !== 'on' && h.kind !== 'open' && h.due);
  // "国庆中秋假期前（9月30日前）": the date written out says which day the holiday words mean.
  if (deadlines.some((h) => h.kind !== 'holiday')) deadlines = deadlines.filter((h) => h.kind !== 'holiday');
  if (deadlines.length) return deadlines.reduce((a, b) => (b.due! > a.due! ? b : a));
  return hits.find((h) => h.kind === 'on') ?? hits.find((h) => h.kind === 'open');
}

interface Inherited { roles?: Roles & { line: number }; due?: TimeHit & { line: number }; phase?: DraftPhase }

function addRoles(task: DraftTask, roles: Roles, line: number, ctx: TaskContext, inherited: boolean): void {
  task.lead = roles.lead.map((n) => ctx.units.add(n, line, `${ctx.where(line)}“${roles.words}”`));
  task.support = roles.support.map((n) => ctx.units.add(n, line, `${ctx.where(line)}“${roles.words}”`));
  const how = roles.source === 'label' ? '' : roles.source === 'phrase' ? '按' : '按首句主语推定：';
  task.roleNote = `${inherited ? '同上级，' : ''}${how}${ctx.where(line)}“${excerpt(roles.words)}”`;
}

const excerpt = (s: string, n = 30) => (s.length > n ? `${s.slice(0, n)}…` : s);

function setDue(task: DraftTask, hit: TimeHit, line: number, ctx: TaskContext, inherited: boolean): void {
  // A 旬 is a deadline (6月上旬完成 is due on the 10th): the task need not start on its first day.
  if (hit.start && hit.kind !== 'xun') task.start = hit.start;
  task.due = hit.due;
  task.dueNote = `${inherited ? '同上级，' : ''}${ctx.where(line)}“${hit.text}”`;
}

/** A task with no date of its own runs over its phase. */
function setPhaseDates(task: DraftTask, phase: DraftPhase, ctx: TaskContext): void {
  task.start = phase.start;
  task.due = phase.end;
  task.dueNote = `所在阶段“${phase.title}”（${ctx.where(phase.line)}）`;
}

export function itemTask(item: Item, id: string, ctx: TaskContext, inherited: Inherited): DraftTask {
  const labelLines = item.body.filter((l) => LABEL_LINE.test(l.text));
  const bodyLines = item.body.filter((l) => !LABEL_LINE.test(l.text) && !CONTACT_LINE.test(l.text));
  const own = [item.heading, ...bodyLines.map((l) => l.text)].join('');
  const all = [own, ...labelLines.map((l) => l.text)].join('。');
  // "…三是…。（牵头单位：X；配合单位：Y）": the bracket after the last part is the whole item's, not that part's.
  const tail = TRAILING_LABELS.exec(own);
  const parts = item.children.length === 0 ? inlineParts(tail ? own.slice(0, tail.index) : own) : undefined;
  // "（3）…。以上工作由X牵头，Y配合。": the closing sentence is about every part, not the last one.
  let roleTail = '';
  const last = parts?.parts.at(-1);
  if (last) {
    const sentences = last.text.split(/(?<=[。；;])/);
    const k = sentences.findIndex((x, i) => i > 0 && (ROLE_TAIL.test(x.trim()) || /^由[^，。]{2,30}(?:牵头|负责)/.test(x.trim())));
    if (k > 0) {
      roleTail = sentences.slice(k).join('');
      last.text = sentences.slice(0, k).join('');
    }
  }
  const intro = parts ? parts.intro : own;

  let title: string;
  let text: string | undefined;
  // A heading on a line of its own names the item; the paragraph below is what it says (and whose subject leads).
  const headed = bodyLines.length > 0 && !!item.heading && !/[。；]$/.test(item.heading) && item.heading.length <= 40;
  if (headed) {
    title = item.heading.replace(/[：:]$/, '');
    text = bodyLines.map((l) => l.text).join('');
  } else {
    title = titleOf(intro || own);
    text = intro.replace(/[。；\s]+$/, '') !== title ? intro : undefined;
  }
  // When the item says (时间：6月8日, 完成时限：6月20日前) stays in its text: the plan keeps the words its date came from.
  const whenLines = labelLines.filter((l) => WHEN_LINE.test(l.text)).map((l) => l.text);
  if (whenLines.length && !parts) text = [text ?? own, ...whenLines].join(text && /[。；]$/.test(text) ? '' : '。');
  const task: DraftTask = { id, title, ...(text ? { text } : {}), lead: [], support: [], line: item.line, tasks: [] };
  if (inherited.phase) task.phase = inherited.phase.id;

  // Roles: a label anywhere in the item, else a phrase or the first sentence's subject in its own words.
  const roleText = parts ? `${intro}${roleTail}${tail?.[0] ?? ''}${all.slice(own.length)}` : all;
  const said = headed && !parts ? bodyLines.map((l) => l.text).join('') : parts ? intro : own;
  const roles = labelledRoles(parts ? roleText : all, ctx.organizer, { firstLeads: ctx.firstLeads }) ?? phraseRoles(roleText, ctx.organizer) ?? subjectRoles(said, ctx.organizer);
  // Dates: a label (完成时限：…) anywhere in the item, else the item's own words (leaves only).
  const labelDue = [...all.matchAll(DUE_LABEL)].map((m) => dueOf(m[1]!, ctx.time)).find(Boolean);
  const month = inherited.phase ? Number(inherited.phase.start.slice(5, 7)) : undefined;
  const leaf = item.children.length === 0 && !parts;
  const ownDue = labelDue ?? (leaf ? dueOf(own, ctx.time, month) : undefined);
  // A parent's own date — a label, its opening words ("11月9日，在集镇开展…（1）…（2）…"), or the sentence after
  // its parts ("以上工作由…牵头，5月16日前完成") — is its parts' when they give none.
  const parentDue = leaf ? undefined : (labelDue ?? dueOf(parts ? `${intro}${roleTail}` : own, ctx.time, month));
  const passDown: Inherited = {
    ...inherited,
    ...(roles ? { roles: { ...roles, line: item.line } } : {}),
    ...(parentDue ? { due: { ...parentDue, line: item.line } } : {}),
  };

  if (parts) {
    task.tasks = parts.parts.map((p) => partTask(p, `${id}.${p.n}`, item.line, ctx, passDown));
  } else if (item.children.length) {
    task.tasks = item.children.map((c) => itemTask(c, `${id}.${c.number}`, ctx, passDown));
  } else {
    if (roles) addRoles(task, roles, item.line, ctx, false);
    else if (inherited.roles) addRoles(task, inherited.roles, inherited.roles.line, ctx, true);
    if (ownDue) setDue(task, ownDue, item.line, ctx, false);
    else if (inherited.due) setDue(task, inherited.due, inherited.due.line, ctx, true);
    else if (inherited.phase) setPhaseDates(task, inherited.phase, ctx);
  }
  return task;
}

/** A part numbered inside its parent's paragraph (一是…, （1）…, ①…). */
function partTask(part: { n: number; marker: string; text: string }, id: string, line: number, ctx: TaskContext, inherited: Inherited): DraftTask {
  const item: Item = { level: 9, number: part.n, marker: part.marker, heading: part.text, body: [], tables: [], line, children: [], inline: true };
  const task = itemTask(item, id, ctx, inherited);
  task.note = `${ctx.where(line)}“${part.marker}”`;
  return task;
}

const COLUMN: Record<string, RegExp> = {
  id: /^序号$|^编号$/,
  // 工作任务, 重点工作, 项目 … — not 工作要求 / 工作措施 / 完成时间 / 责任单位, which say more about a task.
  task: /^(?!.*(?:要求|措施|目标|标准|时间|时限|单位|部门|领导|责任人))(?:.*(?:工作任务|工作内容|主要任务|任务内容|工作事项|重点工作|工作项目|任务|内容|事项|项目|活动))/,
  lead: new RegExp(`${LEAD_LABEL}|^责任$`),
  support: new RegExp(SUPPORT_LABEL),
  // A 日程安排's 日期 column is when each row's activity takes place.
  due: new RegExp(`${DUE_LABEL_WORDS}|日期|时段|日程`),
  /** 具体措施 beside 重点任务: what the task says, under its name. */
  measures: /具体措施|工作措施|主要措施|措施|具体内容|工作要求|任务要求|工作目标/,
};

/** Task headers from the plainest to the vaguest: 工作任务 before 任务 before 项目 (a category: 整治项目). */
const TASK_RANK = [/工作任务|任务内容|工作内容|主要任务|重点任务|具体任务/, /任务|内容|事项|重点工作/, /项目|活动|工作/];

/** A header that names a person, not a unit: 责任领导, 分管领导, 责任人. */
const PERSON_HEAD = /领导|责任人|负责人|联系人/;

/**
 * Who a row's unit cells name: a cell that labels its units ("牵头：X↵配合：Y"), one that marks its lead
 * (X（牵头）、Y), one that says it in words (X牵头，Y配合), or a list — the lead column's units lead (only its first,
 * under a note that the first named leads and no column of helpers), the helpers' column's help.
 */
function cellRoles(leadCell: string, supportCell: string, hasSupportColumn: boolean, ctx: TaskContext): Roles | undefined {
  const words = [leadCell, supportCell].filter(Boolean).join('；');
  const labelled = /[：:]/.test(leadCell) ? labelledRoles(`${leadCell}\n${supportCell}`, ctx.organizer, { firstLeads: ctx.firstLeads }) : undefined;
  if (labelled) return labelled;
  const lead = unitList(leadCell.replace(/\n/g, '、'), ctx.organizer) ?? [];
  const marked = [...leadCell.matchAll(MARKED_LEAD)].map((m) => unitName(m[1]!, ctx.organizer));
  if (!marked.length && lead.length === 0 && leadCell.trim()) {
    const said = phraseRoles(leadCell.replace(/\n/g, '，'), ctx.organizer);
    if (said) return { ...said, source: 'label' };
  }
  const first = !marked.length && ctx.firstLeads && !hasSupportColumn && lead.length > 1 ? [lead[0]!] : [];
  const leads = marked.length ? marked : first.length ? first : lead;
  const helpers = [...lead.filter((n) => !leads.includes(n)), ...(unitList(supportCell.replace(/\n/g, '、'), ctx.organizer) ?? [])];
  return { lead: leads, support: [...new Set(helpers)].filter((n) => !leads.includes(n)), source: 'label', words };
}

/** A 责任分工表: rows of tasks with their units and dates, recognised by the words of its header row. */
export function tableTasks(table: TableBlock, ctx: TaskContext, inherited: Inherited): DraftTask[] | undefined {
  const headerAt = table.rows.findIndex((r) => r.some((c) => COLUMN.task!.test(c)) && r.some((c) => COLUMN.lead!.test(c)));
  if (headerAt < 0) return undefined;
  const header = table.rows[headerAt]!;
  const col = (name: string) => header.findIndex((c) => COLUMN[name]!.test(c.replace(/\s/g, '')) && !PERSON_HEAD.test(c));
  const [idCol, dueCol] = ['id', 'due'].map((n) => col(n)) as [number, number];
  // Of several columns that may name the task (整治项目 | 工作任务), the one headed most plainly as the work.
  const taskCol = TASK_RANK.map((re) => header.findIndex((c) => re.test(c.replace(/\s/g, '')) && COLUMN.task!.test(c.replace(/\s/g, '')))).find((k) => k >= 0) ?? -1;
  // 牵头单位 beside 责任单位: the lead, and the others responsible with it (they help).
  const headOf = (k: number) => header[k]?.replace(/\s/g, '') ?? '';
  const ledBy = header.findIndex((c) => /牵头|主责|主办/.test(c) && !PERSON_HEAD.test(c));
  const leadCol = ledBy >= 0 ? ledBy : col('lead');
  const helpedBy = col('support');
  const supportCol = helpedBy >= 0 ? helpedBy : /牵头|主责|主办/.test(headOf(leadCol)) ? header.findIndex((c, k) => k !== leadCol && /责任单位|责任部门|参与单位/.test(c.replace(/\s/g, ''))) : -1;
  const measuresCol = header.findIndex((c, k) => k !== taskCol && COLUMN.measures!.test(c.replace(/\s/g, '')));
  const tasks: DraftTask[] = [];
  // Rows merged across the table ("一、宣传教育培训") head the rows below them.
  const sections: DraftTask[] = [];
  /** How many rows came before each section. */
  const sectionAt: number[] = [];
  table.rows.slice(headerAt + 1).forEach((row, i) => {
    const filled = row.filter((c) => c.trim());
    if (filled.length >= 1 && new Set(filled).size === 1 && (filled.length > 1 || row.length > 2) && !/^\d+$/.test(filled[0]!.trim())) {
      const heading = filled[0]!.replace(/\n/g, '');
      sectionAt.push(tasks.length);
      sections.push({ id: String(sections.length + 1), title: titleOf(heading.replace(/^[一二三四五六七八九十]+[、．.]\s*|^[（(][一二三四五六七八九十]+[）)]\s*/, '')), lead: [], support: [], line: table.no, note: `${ctx.where(table.no)}（表格）“${heading}”`, tasks: [] });
      return;
    }
    const name = row[taskCol]?.replace(/\n/g, '') ?? '';
    const measures = measuresCol >= 0 ? (row[measuresCol]?.replace(/\n/g, '') ?? '') : '';
    if (!name && !measures) return;
    // 重点任务 | 具体措施: the task named by the first, said in full by the second.
    const content = name && measures && measures !== name ? `${name.replace(/[。；\s]*$/, '。')}${measures}` : name || measures;
    const number = idCol >= 0 ? /^\d+$/.exec(row[idCol]?.trim() ?? '')?.[0] : undefined;
    const id = number ?? String(tasks.length + 1);
    const title = titleOf(content);
    // The row's date cell joins the text, headed as the table heads it, so the plan keeps the words of its date.
    const when = dueCol >= 0 && row[dueCol] ? `${header[dueCol]!.replace(/\s/g, '')}：${row[dueCol]!.replace(/\n/g, '')}` : '';
    const words = when ? `${content.replace(/[。；\s]*$/, '。')}${when}` : content;
    const task: DraftTask = { id, title, ...(words.replace(/[。；\s]+$/, '') !== title ? { text: words } : {}), lead: [], support: [], line: table.no, tasks: [] };
    if (inherited.phase) task.phase = inherited.phase.id;
    const leadCell = leadCol >= 0 ? (row[leadCol] ?? '') : '';
    const supportCell = supportCol >= 0 ? (row[supportCol] ?? '') : '';
    const roles = cellRoles(leadCell, supportCell, supportCol >= 0, ctx);
    if (roles) roles.words = `第${i + 1}行：${roles.words}`;
    if (roles && (roles.lead.length || roles.support.length)) addRoles(task, roles, table.no, ctx, false);
    const due = dueCol >= 0 ? dueOf(row[dueCol] ?? '', ctx.time) : undefined;
    if (due) setDue(task, due, table.no, ctx, false);
    // A row of a phase's table with no date of its own (暑期, 长期 aside) is the phase's.
    else if (inherited.phase) setPhaseDates(task, inherited.phase, ctx);
    task.note = `${ctx.where(table.no)}（表格）序号 ${row[idCol] ?? id}`;
    tasks.push(task);
  });
  if (sections.length && tasks.length) {
    // Each row goes under the section above it; rows before the first section stand alone.
    const out: DraftTask[] = tasks.slice(0, sectionAt[0]);
    sections.forEach((section, k) => {
      section.tasks = tasks.slice(sectionAt[k], sectionAt[k + 1] ?? tasks.length).map((t, n) => ({ ...t, id: `${section.id}.${n + 1}` }));
      if (section.tasks.length) out.push(section);
    });
    return out;
  }
  return tasks.length ? tasks : undefined;
}

export type { Inherited };
