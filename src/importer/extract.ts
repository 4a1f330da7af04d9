// From a document to a draft plan: the outline (outline.ts), then one recogniser per kind of fact — title
// and year (heading.ts), period (period.ts), theme (theme.ts), phases (phases.ts), tasks with their roles and
// dates (tasks.ts, roles.ts), report duties (reports.ts), the leading group and the contact (leadership.ts).
// Every value remembers the line and the words it came from. Pure.
import type { TimeContext } from '../text/time.js';
import { addDays, lastDayOfMonth } from '../calendar/dates.js';
import type { Block, Para, SourceDoc, TableBlock } from './document.js';
import { halfWidthDigits, normalizeDocument } from './normalize.js';
import { unwrap } from './wrapping.js';
import { leavesOf, mergeDivision } from './division.js';
import { headingOf } from './heading.js';
import { contactOf, leadershipOf, type DraftContact, type DraftLeadership } from './leadership.js';
import { ISSUED_DATE, outline, ownText, type Item, type Line } from './outline.js';
import { periodIn, periodInProse, type FoundPeriod } from './period.js';
import { phaseOf, type DraftPhase } from './phases.js';
import { reportDuties } from './reports.js';
import { FIRST_LEADS } from './roles.js';
import { itemTask, tableTasks, titleOf, type DraftTask, type TaskContext } from './tasks.js';
import { themeOf } from './theme.js';
import { UnitRegistry, type DraftUnit } from './units.js';
import { textDocument } from './text-table.js';

export type { DraftTask } from './tasks.js';

export interface Sourced<T> { value: T; line?: number; note?: string }
export interface DraftReport { id: string; title: string; to: string; by?: string; due?: string | null; every?: string; day?: number; time?: string; line: number; note: string }

export interface DraftPlan {
  title: Sourced<string>;
  organizer: Sourced<string>;
  year: Sourced<number>;
  basis: Sourced<string[]>;
  preamble?: Sourced<string>;
  guidance?: Sourced<string>;
  themes: { id: string; title: string; focus: string[]; line: number; note: string }[];
  period: Sourced<{ start: string; end: string }>;
  phases: DraftPhase[];
  units: DraftUnit[];
  tasks: DraftTask[];
  requirements: { id: string; title: string; text?: string; line: number }[];
  reports: DraftReport[];
  leadership?: DraftLeadership;
  contact?: DraftContact;
  /** "行" for a text file, "段" for a Word file: what the comments' numbers count. */
  unit: '行' | '段';
  /** How the comments name a place: "原文第12行", or the file and its paragraph in an import of several files. */
  where: (no: number) => string;
}

/** What each kind of section is called. Anything else with numbered items is work to do. */
const SECTION = {
  guidance: /指导思想|总体要求|总体思路/,
  goal: /目标/,
  theme: /活动主题|宣传主题/,
  period: /活动时间|实施时间|开展时间|整治时间|汛期时间|防火期|活动时限|时间范围|宣传时间|行动时间|工作时间|防控时间|排查时间|检查时间|治理时间|攻坚时间|实施期限|工作期限|时间期限|起止时间|执行时间|防汛时间|宣传时段|活动期间|实施周期|活动周期/,
  phases: /阶段安排|阶段划分|时间安排|步骤|进度安排|实施阶段|工作阶段/,
  organisation: /组织领导|领导小组|组织机构|工作机构|工作专班|专班/,
  requirements: /活动要求|工作要求|有关要求|保障措施|工作保障|注意事项|组织保障|具体要求/,
  scope: /整治重点|整治范围|整治对象|工作重点|重点内容|工作原则|打击重点|检查重点|排查重点|治理重点|重点领域|重点对象|防控重点|监管重点/,
};

type SectionKind = keyof typeof SECTION | 'tasks';

/** A heading that only names a time ("（二）整治时间：…", "时间期限"): the period's section. */
const TIME_HEADING = /^[^，,。；：:]{0,8}(?:时间|期限|时段|期间|周期)(?:[：:]|$)/;

/** A part that is a phase: 第一阶段 / 宣传发动阶段 / 第二步 with its dates (6月1日—6月10日, 即日起至4月30日). */
const PHASE_HEADING = /(?:阶段|第[一二三四五六七八九十]+步)[^。]*?(?:\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?\s*(?:[—–\-~～]+|至|到)|即日起)/;

const kindOf = (item: Item): SectionKind => {
  const kind = (Object.keys(SECTION) as (keyof typeof SECTION)[]).find((k) => SECTION[k].test(item.heading.slice(0, 12)));
  if (kind) return kind;
  // "二、活动安排" whose parts are 第一阶段（…）, 第二阶段（…）: phases, whatever the section is called.
  if (item.children.filter((c) => PHASE_HEADING.test(c.heading)).length >= 2) return 'phases';
  return TIME_HEADING.test(item.heading) && !/安排|步骤/.test(item.heading.slice(0, 10)) ? 'period' : 'tasks';
};

/** A section heading names its contents; what follows a colon on its line is content too. */
const sectionLines = (item: Item): Line[] => {
  const rest = item.heading.replace(/^[^：:]*[：:]/, '');
  return [...(rest !== item.heading && rest ? [{ no: item.line, text: rest }] : []), ...item.body];
};

const allLines = (items: Item[]): Line[] => items.flatMap((i) => [{ no: i.line, text: `${i.heading}` }, ...i.body, ...allLines(i.children)]);

export interface ExtractOptions {
  fallbackYear: number;
  isWorkday: (d: string) => boolean;
  /** The first day of a named holiday, for 国庆节前. */
  holidayStart?: TimeContext['holidayStart'];
}

/** The document's date: the last 成文日期 of the plan, else of its cover. */
function issuedOn(blocks: readonly Block[], cover: readonly Para[]): string | undefined {
  for (const list of [blocks, cover]) {
    const hit = [...list].reverse().map((b) => (b.kind === 'para' ? ISSUED_DATE.exec(b.text.replace(/\s/g, '')) : null)).find(Boolean);
    if (hit) return `${hit[1]}-${hit[2]!.padStart(2, '0')}-${hit[3]!.padStart(2, '0')}`;
  }
  return undefined;
}

export function extractPlan(input: string | SourceDoc, opts: ExtractOptions): DraftPlan {
  const written = typeof input === 'string' ? textDocument(input) : input;
  const doc = normalizeDocument(written);
  const unit = doc.unit === 'line' ? '行' : '段';
  // In an import of several files, a block is named by its file and its number there.
  const placed = new Map(doc.blocks.filter((b) => b.file).map((b) => [b.no, b]));
  const where = (no: number) => {
    const b = placed.get(no);
    return b?.file ? `${b.file}第${b.fileNo ?? no}${unit}` : `原文第${no}${unit}`;
  };
  // The plan inside whatever wraps it (a 印发通知 cover, its 附件 pages, the files of one import).
  const wrapped = unwrap(doc.blocks);
  const tree = outline(wrapped.blocks);
  const signatureOf = (list: readonly Block[]) => [...list].reverse().find((b): b is Para => b.kind === 'para' && /(?:人民政府|委员会|办公室|党委|指挥部|领导小组)$/.test(b.text.replace(/\s/g, '')) && b.text.length <= 30);
  // The plan's own blocks: those before its attachments (the outline says where they start).
  const attachedAt = tree.attachments.length ? wrapped.blocks.findIndex((b) => b.no === tree.attachments[0]!.no) : -1;
  const planBlocks = attachedAt >= 0 ? wrapped.blocks.slice(0, attachedAt) : wrapped.blocks;
  const signature = signatureOf(planBlocks) ?? signatureOf(wrapped.cover);
  const heading = headingOf(tree.head, signature?.text.replace(/\s/g, ''));
  const issued = issuedOn(planBlocks, wrapped.cover);
  const organizer = heading.organizer ?? '';
  const sections = tree.items.map((item) => ({ item, kind: kindOf(item) }));
  const of = (kind: SectionKind) => sections.filter((s) => s.kind === kind).map((s) => s.item);
  const everyLine: Line[] = [...tree.head, ...allLines(tree.items)];

  // The year: the title's, else one the period writes, else the 成文日期's, else the basis document's — never
  // today's unless the document names none; dates without a year resolve against the period.
  const periodLines = [
    ...of('period').flatMap(sectionLines),
    ...of('phases').flatMap((i) => sectionLines(i).slice(0, 1)),
    ...heading.preamble.filter((l) => /自.+起.*至.+止/.test(l.text)),
  ];
  const proseLines = [
    ...heading.preamble,
    ...sections.filter((x) => ['guidance', 'goal', 'theme', 'scope'].includes(x.kind) || x.item === tree.items[0]).flatMap(({ item }) => [{ no: item.line, text: item.heading }, ...item.body]),
    ...tree.items.map((i) => ({ no: i.line, text: i.heading })),
  ];
  const writtenYear = [...periodLines, ...proseLines.slice(0, 40)].map((l) => /((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月/.exec(l.text)?.[1]).find(Boolean);
  const basisYear = /《[^》]*?((?:19|20)\d{2})\s*年/.exec(everyLine.slice(0, 40).map((l) => l.text).join(''))?.[1];
  const docYear = heading.year ?? (writtenYear ? Number(writtenYear) : issued ? Number(issued.slice(0, 4)) : basisYear ? Number(basisYear) : opts.fallbackYear);
  const provisional: TimeContext = { year: docYear, isWorkday: opts.isWorkday, ...(opts.holidayStart ? { holidayStart: opts.holidayStart } : {}) };
  // A document dated in December for a campaign next spring: yearless dates after its date are next year's.
  const issuedCtx: TimeContext = issued && !heading.year && !writtenYear ? { ...provisional, period: { start: issued, end: addDays(issued, 364) } } : provisional;
  let period = periodIn(periodLines, issuedCtx, issued) ?? periodInProse(proseLines, issuedCtx, issued) ?? titleMonth(heading) ?? phaseSpan(of('phases'), issuedCtx);
  const year = heading.year ?? (period ? Number(period.start.slice(0, 4)) : docYear);
  const yearSource = period?.line ? '按活动时间推定' : writtenYear ? '按正文所写年份推定' : issued ? '按成文日期推定' : basisYear ? '按依据文件的年份推定' : '此为推定';
  let periodNote = period ? (period.line ? `${where(period.line)}“${period.text}”` : period.text) : '';
  if (!period) {
    period = { start: `${year}-01-01`, end: `${year}-12-31`, text: '', line: 0 };
    periodNote = '原文未写明活动时间，此为推定，请核对';
  }
  // Undated dates in the text belong to the plan's year: when the period is written in another year (a
  // recycled plan — validate says so), they are read against the period moved into the title's year.
  const shift = heading.year !== undefined && Number(period.start.slice(0, 4)) !== heading.year && Number(period.end.slice(0, 4)) !== heading.year;
  const readAgainst = shift ? { start: `${heading.year}${period.start.slice(4)}`, end: `${heading.year}${period.end.slice(4)}` } : { start: period.start, end: period.end };
  const time: TimeContext = { year, period: readAgainst, isWorkday: opts.isWorkday, ...(opts.holidayStart ? { holidayStart: opts.holidayStart } : {}) };
  const units = new UnitRegistry(organizer);
  const ctx: TaskContext = { organizer, time, units, where, firstLeads: FIRST_LEADS.test(everyLine.map((l) => l.text).join('') + tree.attachments.map((l) => l.text).join('')) };

  // Phases, and the tasks under them.
  const phases: DraftPhase[] = [];
  const groups: { title: string; line: number; tasks: DraftTask[]; phase?: DraftPhase }[] = [];
  for (const section of of('phases')) {
    for (const child of section.children) {
      const phase = phaseOf(child, phases.length, time);
      if (!phase) continue;
      phases.push(phase);
      // The phase's work: its numbered items, or the rows of a 分工 table under it.
      const rows = child.tables.flatMap((t) => tableTasks(t, ctx, { phase }) ?? []);
      if (child.children.length || rows.length) {
        groups.push({ title: phase.title, line: child.line, phase, tasks: [...child.children.map((c) => itemTask(c, String(c.number), ctx, { phase })), ...rows] });
      }
    }
  }

  // The work: numbered items of the task sections, and the rows of a 责任分工表 wherever it stands.
  // A plan numbered 1、2、3 (or （一）（二）) from the start, with no 一、 sections: its items are the work.
  const flat = sections.length > 0 && sections.every(({ item, kind }) => item.level >= 2 && kind === 'tasks');
  if (flat) groups.push({ title: '', line: tree.items[0]!.line, tasks: tree.items.map((c) => itemTask(c, String(c.number), ctx, {})) });
  for (const { item, kind } of flat ? [] : sections) {
    const fromTables = [...item.tables].flatMap((t) => tableTasks(t, ctx, {}) ?? []);
    if (kind !== 'tasks' && !(kind === 'scope' && item.children.length) && fromTables.length === 0) continue;
    if (fromTables.length) {
      groups.push({ title: item.heading, line: item.line, tasks: fromTables });
      continue;
    }
    if (item.children.length) {
      const children = item.children.map((c) => itemTask(c, String(c.number), ctx, {}));
      // What a scope section lists (违规动火…的；) is work only when its items say who or by when.
      if (kind === 'scope' && !leavesOf(children).some((t) => t.lead.length || t.due)) continue;
      groups.push({ title: item.heading, line: item.line, tasks: children });
    }
    else if (/^(?:开展|组织|加强|做好|强化|推进|深化|落实|实施|举办|集中|广泛|全面|扎实|认真|积极)/.test(item.heading) || ownText(item).includes('一是')) {
      // A section that is itself one piece of work.
      groups.push({ title: '', line: item.line, tasks: [itemTask(item, String(groups.length + 1), ctx, {})] });
    }
  }
  for (const table of tree.tables) {
    const rows = tableTasks(table, ctx, {});
    if (rows) groups.push({ title: '', line: table.no, tasks: rows });
  }

  // One group of tasks becomes the plan's top level (its own numbers); several are numbered 1, 2, 3 in order.
  let tasks: DraftTask[];
  if (groups.length === 1 && !groups[0]!.phase) tasks = groups[0]!.tasks;
  else {
    tasks = groups.map((g, i) => {
      if (!g.title && g.tasks.length === 1) return renumber(g.tasks[0]!, String(i + 1));
      const id = String(i + 1);
      return {
        id, title: titleOf(g.title) || `第${i + 1}部分`, lead: [], support: [], line: g.line,
        ...(g.phase ? { phase: g.phase.id } : {}), note: `${where(g.line)}“${excerpt(g.title, 14)}”`,
        tasks: g.tasks.map((t) => renumber(t, `${id}.${t.id}`)),
      };
    });
  }

  // A 任务分工表 among the attachments (附件2, or a spreadsheet imported with the plan): its rows' units and
  // time limits go to the tasks they name; with no numbered tasks in the plan, its rows are the tasks.
  const division = tree.attachmentTables.filter((t) => !NOT_DIVISION.test(captionOf(wrapped.blocks, t))).map((t) => tableTasks(t, ctx, {})).filter((r): r is DraftTask[] => !!r);
  for (const rows of division) {
    if (tasks.length === 0) tasks = rows;
    else mergeDivision(tasks, rows);
  }

  // The organizer's units and recipients, the leading group and the contact, from the whole document.
  const requirementsSection = of('requirements')[0];
  // The cover's own duties ("…并于6月7日前报县安委会办公室备案") come first, in document order.
  const coverLines = wrapped.cover.map((b) => ({ no: b.no, text: b.text }));
  const reports = reportDuties([...coverLines, ...everyLine].filter((l) => /报/.test(l.text)), organizer, time).map((d, i): DraftReport => ({
    id: `r${i + 1}`,
    title: d.title,
    to: units.add(d.to, d.line, `${where(d.line)}的报送对象`),
    ...(d.by ? { by: units.add(d.by, d.line, `${where(d.line)}的报送单位`) } : {}),
    ...(d.every ? { every: d.every, ...(d.day ? { day: d.day } : {}), ...(d.time ? { time: d.time } : {}) } : { due: d.due ?? null }),
    line: d.line,
    note: `${where(d.line)}“${excerpt(d.words, 36)}”${d.dueWords ? `（${d.dueWords}，按节假日推算）` : ''}`,
  }));
  // A leading group or a contact laid out as a table (组长 | 谭建国 | 镇长; 联络单位 | 联系人 | 联系电话) reads as lines.
  const allTables = [...tree.tables, ...tablesOf(tree.items), ...tree.attachmentTables];
  const organisationTables = of('organisation').flatMap((i) => i.tables);
  const leadLines = [...of('organisation').flatMap((i) => [{ no: i.line, text: i.heading }, ...i.body]), ...tableLines(organisationTables), ...heading.preamble, ...tree.attachments, ...tableLines(tree.attachmentTables)];
  const leadership = leadershipOf(leadLines, [...everyLine, ...tableLines(allTables)]);
  const found = contactOf([...everyLine, ...tree.attachments, ...tableLines(allTables), ...coverLines]);
  // The phone as the document writes it (０７１０－…), though it was found in the normalised text.
  const contact = found?.phone ? { ...found, phone: asWritten(written, found.line, found.phone) } : found;

  const allText = everyLine.map((l) => l.text).join('\n');
  const basisMatch = /根据((?:[^《》\n。]{0,40}《[^》]+》[、和及与]?)+)/.exec(allText);
  const basis = basisMatch ? [...basisMatch[1]!.matchAll(/《[^》]+》/g)].map((m) => m[0]) : [];
  const basisLine = basisMatch ? everyLine.find((l) => l.text.includes(basisMatch[1]!.slice(-10)))?.no : undefined;
  const theme = themeOf(of('theme').flatMap(sectionLines), [...heading.preamble, ...everyLine]);
  const focus = theme ? /以([^，。“”]+?)等?为重点/.exec(allText)?.[1] : undefined;
  const guidanceSection = of('guidance')[0];
  const guidance = guidanceSection ? sectionLines(guidanceSection).map((l) => l.text).join('').trim() : '';
  const preamble = heading.preamble.map((l) => l.text).join('\n').trim();

  const requirements = requirementsSection
    ? (requirementsSection.children.length
      ? requirementsSection.children.map((c, i) => {
        const own = ownText(c);
        const title = titleOf(own);
        const rest = own.slice(own.indexOf(title) + title.length).replace(/^[。；，\s]+/, '');
        return { id: `R${i + 1}`, title, ...(rest ? { text: rest } : {}), line: c.line };
      })
      : requirementsSection.body.map((l, i) => ({ id: `R${i + 1}`, title: titleOf(l.text), text: l.text, line: l.no })))
    : [];

  return {
    title: { value: heading.title, line: heading.titleLine },
    organizer: organizer ? { value: organizer, line: heading.titleLine } : { value: '（未识别）', note: '标题中未找到制定单位，请填写' },
    year: heading.year ? { value: year, line: heading.titleLine } : { value: year, note: `标题中未写年份，${yearSource}，请核对` },
    basis: { value: basis, line: basisLine },
    ...(preamble ? { preamble: { value: preamble, line: heading.preamble[0]?.no } } : {}),
    ...(guidance ? { guidance: { value: guidance, line: guidanceSection!.line } } : {}),
    themes: theme ? [{ id: 'main', title: theme.title, focus: focus ? focus.split('、').map((s) => s.trim()).filter(Boolean) : [], line: theme.line, note: `${where(theme.line)}“${excerpt(theme.words, 30)}”` }] : [],
    period: { value: { start: period.start, end: period.end }, line: period.line, note: periodNote },
    phases,
    units: units.units,
    tasks,
    requirements,
    reports,
    ...(leadership ? { leadership } : {}),
    ...(contact ? { contact } : {}),
    unit,
    where,
  };
}

/** Words found in a block's normalised text as its own text writes them (full-width digits map one to one). */
function asWritten(doc: SourceDoc, no: number, words: string): string {
  const block = doc.blocks.find((b) => b.no === no);
  if (block?.kind !== 'para') return words;
  const at = halfWidthDigits(block.text).indexOf(words);
  return at >= 0 ? block.text.slice(at, at + words.length) : words;
}

/** Every table under the items, in order. */
const tablesOf = (items: readonly Item[]): TableBlock[] => items.flatMap((i) => [...i.tables, ...tablesOf(i.children)]);

/**
 * A table's rows as the lines a leading group or a contact is written in: "组长：谭建国  镇党委副书记、镇长" from a
 * row whose first cell is a role, "联系人：何文斌，联系电话：0745-…" from a table with 联系人 and 电话 columns.
 */
function tableLines(tables: readonly TableBlock[]): Line[] {
  const out: Line[] = [];
  for (const t of tables) {
    const header = t.rows[0] ?? [];
    const person = header.findIndex((c) => /联系人|姓名/.test(c));
    const phone = header.findIndex((c) => /电话|手机/.test(c));
    if (person >= 0 && phone >= 0) {
      for (const row of t.rows.slice(1)) if (row[person] && row[phone]) out.push({ no: t.no, text: `联系人：${row[person]}，联系电话：${row[phone]}` });
      continue;
    }
    let role = '';
    for (const row of t.rows) {
      // A role cell merged down its rows (成员 over five) is repeated in each; an empty one goes on with the last.
      const first = row[0]?.replace(/\s/g, '') ?? '';
      if (/^(?:常务副组长|执行副组长|副组长|组长|成员|主任|副主任)$/.test(first)) role = first;
      else if (first || !role) continue;
      const rest = row.slice(1).filter((c) => c.trim()).join('  ');
      if (rest) out.push({ no: t.no, text: `${role}：${rest}` });
    }
  }
  return out;
}

/** A table's title: the paragraph just before it. */
function captionOf(blocks: readonly Block[], table: Block): string {
  const at = blocks.indexOf(table);
  const before = at > 0 ? blocks[at - 1] : undefined;
  return before?.kind === 'para' ? before.text : '';
}

/** Tables that list the work without dividing it: a 进度表, a 统计表, a 台账, a 名单. */
const NOT_DIVISION = /^(?!.*(?:分工|任务清单|责任清单)).*(?:进度表|统计表|汇总表|台账|登记表|名单|报表|情况表|安排表|日程表)/;

/** "樟树镇2024年6月安全生产检查方案": a title that names one month gives it, when nothing else does. */
function titleMonth(heading: { title: string; titleLine?: number }): FoundPeriod | undefined {
  const m = /((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月(?!\s*\d|份?\s*[至到—–-])/.exec(heading.title);
  const month = m ? Number(m[2]) : 0;
  if (!m || month < 1 || month > 12) return undefined;
  const start = `${m[1]}-${String(month).padStart(2, '0')}-01`;
  return { start, end: lastDayOfMonth(Number(m[1]), month), text: m[0], line: heading.titleLine ?? 0 };
}

/** The span of the phases' dates, when nothing else gives the period. */
function phaseSpan(sections: readonly Item[], ctx: TimeContext): FoundPeriod | undefined {
  const found = sections.flatMap((sec) => sec.children.map((c, i) => phaseOf(c, i, ctx))).filter((p): p is DraftPhase => !!p);
  if (found.length === 0) return undefined;
  const start = found.map((p) => p.start).sort()[0]!;
  const end = found.map((p) => p.end).sort().at(-1)!;
  return { start, end, text: '各阶段时间合计，请核对', line: 0 };
}

const excerpt = (s: string, n = 24) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** A task and its subtasks under a new number: "2" becomes "3.2" and its "2.1" becomes "3.2.1". */
function renumber(task: DraftTask, id: string): DraftTask {
  return { ...task, id, tasks: task.tasks.map((t) => renumber(t, `${id}.${t.id.split('.').at(-1)}`)) };
}
