// From the plain text of an official plan (公文) to a draft plan: title, organizer and year, basis,
// guidance, theme, period, the numbered tasks (keeping the document's own numbers), units, requirements
// and report duties. Every guess remembers the document line it came from. Pure.
import { isRealDate, lastDayOfMonth } from '../calendar/dates.js';
import { KNOWN_UNITS, UNIT_SUFFIX } from '../data/units.js';
import { chineseNumber } from '../text/numerals.js';
import { outline, ownText, splitLines, type Item, type Line } from './outline.js';

export interface DraftTask { id: string; title: string; text?: string; lead: string[]; line: number; leadLine?: number; tasks: DraftTask[]; note?: string }
export interface DraftUnit { id: string; name: string; external?: boolean; line: number; note: string }
export interface DraftReport { id: string; title: string; to?: string; due?: string; line: number; note: string }
export interface Sourced<T> { value: T; line?: number; note?: string }

export interface DraftPlan {
  title: Sourced<string>;
  organizer: Sourced<string>;
  year: Sourced<number>;
  basis: Sourced<string[]>;
  guidance?: Sourced<string>;
  themes: { id: string; title: string; focus: string[]; line: number }[];
  period: Sourced<{ start: string; end: string }>;
  units: DraftUnit[];
  tasks: DraftTask[];
  requirements: { id: string; title: string; text?: string; line: number }[];
  reports: DraftReport[];
}

const SECTION = {
  guidance: /指导思想|总体思路/,
  period: /活动时间|时间安排|实施时间|开展时间|活动时限/,
  theme: /活动主题/,
  requirements: /活动要求|工作要求|有关要求|保障措施|组织保障|工作保障|注意事项/,
  organisation: /组织领导|组织机构|领导小组/,
};

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const excerpt = (s: string, n = 24) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** The first sentence, short enough for a title; the whole text goes to `text`. */
export function titleOf(text: string): string {
  const sentence = text.replace(/^[。；，\s]+/, '').split(/[。；;！!？?]/)[0]!.trim();
  if (sentence.length <= 40) return sentence;
  const cut = sentence.search(/[，,：:]/);
  return cut >= 6 && cut <= 60 ? sentence.slice(0, cut) : `${sentence.slice(0, 40)}…`;
}

/** "一是…。二是…。三是…" inside a paragraph: the text before, and the numbered parts. */
export function enumeration(text: string): { intro: string; parts: { n: number; text: string }[] } | undefined {
  const re = /(?:^|(?<=[。；;！？]))\s*([一二三四五六七八九十]+)是/g;
  const hits = [...text.matchAll(re)].map((m) => ({ n: chineseNumber(m[1]!) ?? 0, at: m.index!, len: m[0].length }));
  if (hits.length < 2 || hits[0]!.n !== 1) return undefined;
  return {
    intro: text.slice(0, hits[0]!.at).trim(),
    parts: hits.map((h, i) => ({ n: h.n, text: text.slice(h.at + h.len, hits[i + 1]?.at ?? text.length).trim() })),
  };
}

/** Periods as plans write them: 2020年6月1日-6月30日, 6月1日至30日, 2020年6月1日—2020年6月30日, 6月份. */
export function parsePeriod(text: string, year: number): { start: string; end: string; text: string } | undefined {
  const range = /(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日?\s*(?:[-–—~～]+|至|到)\s*(?:(\d{4})\s*年\s*)?(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日/.exec(text);
  if (range) {
    const y1 = range[1] ? Number(range[1]) : year;
    const m1 = Number(range[2]);
    const y2 = range[4] ? Number(range[4]) : y1;
    const m2 = range[5] ? Number(range[5]) : m1;
    const start = ymd(y1, m1, Number(range[3]));
    const end = ymd(y2, m2, Number(range[6]));
    if (isRealDate(start) && isRealDate(end)) return { start, end, text: range[0] };
  }
  const month = /(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月份/.exec(text);
  if (month) {
    const y = month[1] ? Number(month[1]) : year;
    const m = Number(month[2]);
    if (m >= 1 && m <= 12) return { start: ymd(y, m, 1), end: lastDayOfMonth(y, m), text: month[0] };
  }
  return undefined;
}

class UnitFinder {
  readonly units: DraftUnit[] = [];
  private readonly byName = new Map<string, string>(); // any name → unit id
  private readonly names: string[] = [];

  constructor() {
    for (const u of KNOWN_UNITS) for (const n of u.names) this.byName.set(n, u.id);
    this.refresh();
  }

  private refresh() {
    this.names.splice(0, this.names.length, ...[...this.byName.keys()].sort((a, b) => b.length - a.length));
  }

  /** Units a document lists beside known ones ("派出所、林业站等") join the list. */
  learn(text: string, line: number) {
    for (const m of text.matchAll(/[\u4e00-\u9fff（）()]{2,12}(?:、[\u4e00-\u9fff（）()]{2,12})+/g)) {
      const items = m[0].split('、').map((s) => s.replace(/^(?:一是|二是|三是|要|由|和|及)/, '').replace(/等.*$/, ''));
      if (!items.some((i) => this.byName.has(i))) continue;
      for (const i of items) {
        if (!this.byName.has(i) && UNIT_SUFFIX.test(i) && i.length <= 10) {
          this.byName.set(i, i);
          this.note(i, i, line, `原文第${line}行列出的单位`);
        }
      }
      this.refresh();
    }
  }

  private note(id: string, name: string, line: number, note: string) {
    if (!this.units.some((u) => u.id === id)) this.units.push({ id, name, line, note });
  }

  /** Unit ids named in a text, in order of appearance, each once. */
  find(text: string, line: number): string[] {
    const found: { id: string; at: number }[] = [];
    let rest = text;
    for (const name of this.names) {
      let at = rest.indexOf(name);
      while (at >= 0) {
        const id = this.byName.get(name)!;
        found.push({ id, at });
        this.note(id, name, line, `原文第${line}行首次出现`);
        rest = rest.slice(0, at) + '\u0000'.repeat(name.length) + rest.slice(at + name.length);
        at = rest.indexOf(name);
      }
    }
    return [...new Set(found.sort((a, b) => a.at - b.at).map((f) => f.id))];
  }

  recipient(name: string, line: number): string {
    const known = this.byName.get(name);
    if (known) return known;
    const id = /县/.test(name) && /安委|应急|安全/.test(name) ? 'county-office' : name;
    this.byName.set(name, id);
    if (!this.units.some((u) => u.id === id)) this.units.push({ id, name, external: true, line, note: `原文第${line}行的报送对象` });
    return id;
  }
}

function toTask(item: Item, id: string, units: UnitFinder): DraftTask {
  const own = ownText(item);
  const en = item.children.length === 0 ? enumeration(own) : undefined;
  const head = en ? en.intro || own : own;
  const title = titleOf(head) || titleOf(own);
  const lead = units.find(en ? en.intro : own, item.line);
  const task: DraftTask = { id, title, lead, line: item.line, tasks: [], ...(lead.length ? { leadLine: item.line } : {}) };
  const rest = (en ? en.intro : own).replace(/[。；\s]+$/, '');
  if (rest !== title) task.text = en ? en.intro : own;
  if (en) {
    task.tasks = en.parts.map((p) => {
      const sub = units.find(p.text, item.line);
      return { id: `${id}.${p.n}`, title: titleOf(p.text), text: p.text, lead: sub, line: item.line, tasks: [], note: `原文第${item.line}行“${['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'][p.n] ?? p.n}是”`, ...(sub.length ? { leadLine: item.line } : {}) };
    });
  } else {
    task.tasks = item.children.map((c) => toTask(c, `${id}.${c.number}`, units));
  }
  return task;
}

function reportsIn(lines: Line[], period: { end: string } | undefined, units: UnitFinder): DraftReport[] {
  const out: DraftReport[] = [];
  for (const line of lines) {
    for (const sentence of line.text.split(/[。；]/)) {
      if (!/报送|上报/.test(sentence)) continue;
      const to = /(?:报送|上报)(?:至|到|给)?((?:县|市|乡|镇)[\u4e00-\u9fff]{0,12}(?:办公室|委员会|政府|中心|局|办|委))/.exec(sentence)?.[1];
      const date = /(\d{1,2})\s*月\s*(\d{1,2})\s*日[^，。]*?前/.exec(sentence);
      const year = period ? Number(period.end.slice(0, 4)) : undefined;
      const due = date && year ? ymd(year, Number(date[1]), Number(date[2])) : undefined;
      // "及时报送" as a heading says nothing: a duty names whom to report to, or by when.
      if (!to && !due) continue;
      const title = /总结/.test(sentence) ? '活动总结' : /方案/.test(sentence) ? '活动方案' : /信息|情况|动态/.test(sentence) ? '活动开展情况' : '报送材料';
      const id = title === '活动总结' ? 'summary' : title === '活动方案' ? 'plan' : title === '活动开展情况' ? 'progress' : `report-${out.length + 1}`;
      if (out.some((r) => r.id === id)) continue;
      out.push({
        id, title, line: line.no,
        ...(to ? { to: units.recipient(to, line.no) } : {}),
        ...(due && isRealDate(due) ? { due } : {}),
        note: `原文第${line.no}行：“${excerpt(sentence.trim(), 30)}”${due ? '' : '（未写明期限）'}`,
      });
    }
  }
  return out;
}

export function extractPlan(text: string, fallbackYear: number): DraftPlan {
  const lines = splitLines(text);
  const doc = outline(lines);
  const titleText = doc.title?.text ?? '';
  const titleYear = /((?:19|20)\d{2})\s*年/.exec(titleText);
  const units = new UnitFinder();
  for (const l of lines) units.learn(l.text, l.no);

  // Organizer: what the title says before its year (铜钟乡2020年…), else before 关于 or the campaign name.
  const organizerText = (titleYear ? titleText.slice(0, titleYear.index) : titleText.split(/关于|“|"|《/)[0] ?? '').trim();
  const sections = doc.items;
  const sectionOf = (re: RegExp) => sections.find((s) => re.test(s.heading));
  const periodSection = sectionOf(SECTION.period);

  const allText = lines.map((l) => l.text).join('\n');
  const basisMatch = /根据((?:《[^》]+》[、和及与]?)+)/.exec(allText);
  const basisLine = basisMatch ? lines.find((l) => l.text.includes(basisMatch[1]!))?.no : undefined;

  const themeMatch = /以“([^”]+)”为(?:活动)?主题/.exec(allText);
  const themeLine = themeMatch ? lines.find((l) => l.text.includes(themeMatch[0]))?.no : undefined;
  const focusMatch = /以([^，。“”]+?)等?为重点/.exec(allText);

  let yearValue = titleYear ? Number(titleYear[1]) : undefined;
  const periodSource = periodSection ? [periodSection.heading, ...periodSection.body.map((l) => l.text)].join('\n') : '';
  let found = parsePeriod(periodSource, yearValue ?? fallbackYear);
  yearValue ??= found ? Number(found.end.slice(0, 4)) : fallbackYear;
  const periodLine = periodSection ? (periodSection.body.find((l) => found && l.text.includes(found.text))?.no ?? periodSection.line) : undefined;
  let periodNote = found ? `原文第${periodLine}行：“${found.text}”` : '';
  if (!found) {
    const month = /安全生产月|禁毒/.test(titleText) ? 6 : /消防|119/.test(titleText) ? 11 : /爱国卫生/.test(titleText) ? 4 : undefined;
    found = month
      ? { start: ymd(yearValue, month, 1), end: lastDayOfMonth(yearValue, month), text: '' }
      : { start: `${yearValue}-01-01`, end: `${yearValue}-12-31`, text: '' };
    periodNote = '原文未写明活动时间，此为推定，请核对';
  }

  const taskSections = sections.filter((s) => !Object.values(SECTION).some((re) => re.test(s.heading)) && (s.children.length > 0 || /任务|内容|措施|安排|形式/.test(s.heading)));
  let tasks: DraftTask[];
  if (sections.length === 0) {
    tasks = [];
  } else if (taskSections.length === 1) {
    tasks = taskSections[0]!.children.map((c) => toTask(c, String(c.number), units));
  } else {
    tasks = taskSections.map((s, i) => ({ ...toTask(s, String(i + 1), units), note: `原文“${s.marker}${excerpt(s.heading, 12)}”` }));
  }

  const reqSection = sectionOf(SECTION.requirements);
  const requirements = reqSection
    ? (reqSection.children.length
      ? reqSection.children.map((c, i) => {
        const own = ownText(c);
        const title = titleOf(own);
        const rest = own.slice(own.indexOf(title) + title.length).replace(/^[。；，\s]+/, '');
        return { id: `R${i + 1}`, title, ...(rest ? { text: rest } : {}), line: c.line };
      })
      : reqSection.body.map((l, i) => ({ id: `R${i + 1}`, title: titleOf(l.text), text: l.text, line: l.no })))
    : [];

  const guidanceSection = sectionOf(SECTION.guidance);
  // A section's heading is its name ("指导思想"); what follows a colon on that line is content too.
  const guidance = guidanceSection
    ? [guidanceSection.heading.replace(SECTION.guidance, '').replace(/^[：:\s]+/, ''), ...guidanceSection.body.map((l) => l.text)].join('').trim()
    : '';
  const reports = reportsIn(lines, found, units);

  return {
    title: { value: titleText, line: doc.title?.no },
    organizer: organizerText ? { value: organizerText, line: doc.title?.no } : { value: '（未识别）', note: '标题中未找到制定单位，请填写' },
    year: titleYear ? { value: yearValue, line: doc.title?.no } : { value: yearValue, note: '标题中未写年份，此为推定，请核对' },
    basis: { value: basisMatch ? [...basisMatch[1]!.matchAll(/《[^》]+》/g)].map((m) => m[0]) : [], line: basisLine },
    ...(guidance ? { guidance: { value: guidance, line: guidanceSection!.line } } : {}),
    themes: themeMatch
      ? [{ id: 'main', title: themeMatch[1]!, focus: focusMatch ? focusMatch[1]!.split('、').map((s) => s.trim()).filter(Boolean) : [], line: themeLine ?? 0 }]
      : [],
    period: { value: { start: found.start, end: found.end }, line: periodLine, note: periodNote },
    units: units.units,
    tasks,
    requirements,
    reports,
  };
}
