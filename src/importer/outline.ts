// The numbered outline of an official document (公文): 一、 then （一） then 1. then （1） then ①, and 一是 /
// 二是 — each item with its heading line, the paragraphs and tables under it, and the line it starts on.
// Parts numbered inside a paragraph (一是…二是…, （1）…（2）…, ①…②…) become children of their item.
// The title, the preamble before 一、, the signature and the attachments (附件) are set apart.
import { chineseNumber } from '../text/numerals.js';
import { LABEL_LINE } from './labels.js';
import { leadingUnits } from './units.js';
import type { Block, Para, TableBlock } from './document.js';

export interface Line { no: number; text: string }

export interface Item {
  level: number;
  number: number;
  /** The marker as written: "三、", "（二）", "4．", "①", "一是". */
  marker: string;
  /** The text after the marker on its own line. */
  heading: string;
  /** Paragraphs after the heading line, before the next item. */
  body: Line[];
  tables: TableBlock[];
  line: number;
  children: Item[];
  /** Split out of its parent's paragraph (一是…二是…): its text is all in `heading`. */
  inline?: boolean;
}

export interface Outline {
  /** The lines before the first numbered item: the title, and the preamble (引言). */
  head: Line[];
  items: Item[];
  /** Tables before any item. */
  tables: TableBlock[];
  /** Everything from 附件 on: lists of names, forms. */
  attachments: Line[];
  /** The tables of the attachments: a 任务分工表 (附件2) among them. */
  attachmentTables: TableBlock[];
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

const MARKERS: { level: number; re: RegExp; number: (m: RegExpExecArray) => number | undefined }[] = [
  { level: 1, re: /^([一二三四五六七八九十百]+)\s*[、．.]\s*/, number: (m) => chineseNumber(m[1]!) },
  { level: 2, re: /^[（(]\s*([一二三四五六七八九十百]+)\s*[）)]\s*/, number: (m) => chineseNumber(m[1]!) },
  // "1." "1．" "1、" — and "1.6月26日" (item 1 that starts with a date), but not "1.5万" or "2.3".
  { level: 3, re: /^(\d{1,3})\s*(?:[、．]|\.(?=\d{1,2}\s*月)|\.(?!\d))\s*/, number: (m) => Number(m[1]) },
  { level: 4, re: /^[（(]\s*(\d{1,3})\s*[）)]\s*/, number: (m) => Number(m[1]) },
  // "1)" / "1）" with only its closing bracket: an item at the level of 1.
  { level: 3, re: /^(\d{1,2})\s*[)）]\s*(?=\S)/, number: (m) => Number(m[1]) },
  { level: 5, re: new RegExp(`^([${CIRCLED}])\\s*`), number: (m) => CIRCLED.indexOf(m[1]!) + 1 },
  // 第一阶段：动员部署（4月15日—4月30日） / 第二步：… — a step of the work, at the level of （一）.
  { level: 2, re: /^第([一二三四五六七八九十]+)(?:阶段|步)\s*[：:、．.]?\s*/, number: (m) => chineseNumber(m[1]!) },
  // 第一部分 …: a part of the plan, as 一、 is; 第一，严格经营许可管理。…: an item, as （一） is.
  { level: 1, re: /^第([一二三四五六七八九十]+)部分\s*[：:、．.]?\s*/, number: (m) => chineseNumber(m[1]!) },
  { level: 2, re: /^第([一二三四五六七八九十]+)\s*[，,、：:]\s*/, number: (m) => chineseNumber(m[1]!) },
  // 一是 / 一要 (一要排查…；二要…): parts of an item.
  { level: 6, re: /^([一二三四五六七八九十]+)[是要](?![求])\s*[，,：:、]?\s*/, number: (m) => chineseNumber(m[1]!) },
];

export function markerOf(text: string): { level: number; number: number; marker: string; rest: string } | undefined {
  for (const m of MARKERS) {
    const match = m.re.exec(text);
    if (!match) continue;
    const number = m.number(match);
    if (number === undefined) continue;
    const rest = text.slice(match[0].length);
    // A marker alone, or before a full stop, is a number in the text ("1。" is not an item).
    if (m.level === 3 && /^[。，；]/.test(rest)) continue;
    return { level: m.level, number, marker: match[0].trim(), rest };
  }
  return undefined;
}

/** Lines that only say who or when: 牵头单位：…, 完成时限：…, 时间：… */
export { LABEL_LINE };

/** Section headings written without a number, on a line of their own. */
const UNNUMBERED = /^(?:指导思想|总体要求|活动主题|宣传主题|活动时间|实施时间|开展时间|整治时间|工作目标|活动目标|组织领导|领导小组|主要活动|活动内容|主要内容|工作任务|主要任务|重点任务|工作措施|阶段安排|实施步骤|时间安排|工作步骤|方法步骤|工作要求|活动要求|有关要求|保障措施)[：:]?$/;

// 附件1, 附件：…, and the shorter 附：任务分解表 / 附表1.
const ATTACHMENT = /^附\s*(?:件|表)?\s*(?:[：:]|\d|[一二三四五六七八九十]|$)/;
/** The 成文日期 on a line of its own, under a signature: 2024年5月20日 (year, month, day captured). */
export const ISSUED_DATE = /^((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;

/**
 * Parts numbered inside one paragraph: "…。一是…；二是…" and "（1）…（2）…" and "①…②…". Undefined
 * unless there are at least two and the first is numbered 1.
 */
export function inlineParts(text: string): { intro: string; parts: { n: number; marker: string; text: string }[] } | undefined {
  const forms: RegExp[] = [
    /(?:^|(?<=[。；;：:！？，,]))\s*([一二三四五六七八九十]+)是/g,
    /(?:^|(?<=[。；;：:！？，,]))\s*([一二三四五六七八九十]+)要(?!求)/g,
    /[（(]\s*(\d{1,2})\s*[）)]/g,
    new RegExp(`([${CIRCLED}])`, 'g'),
  ];
  for (const re of forms) {
    const hits = [...text.matchAll(re)].map((m) => ({
      n: /\d/.test(m[1]!) ? Number(m[1]) : CIRCLED.includes(m[1]!) ? CIRCLED.indexOf(m[1]!) + 1 : (chineseNumber(m[1]!) ?? 0),
      at: m.index!,
      len: m[0].length,
      marker: m[0].trim(),
    }));
    // Numbered 1, 2, 3 … in order: a run, not a stray "（2）" in the text.
    const run = hits.filter((h, i) => h.n === i + 1);
    if (run.length < 2 || run.length !== hits.length) continue;
    return {
      intro: text.slice(0, run[0]!.at).trim(),
      parts: run.map((h, i) => ({ n: h.n, marker: h.marker, text: text.slice(h.at + h.len, run[i + 1]?.at ?? text.length).replace(/^[，,：:、\s]+/, '').trim() })),
    };
  }
  return undefined;
}

export function outline(blocks: Block[]): Outline {
  const root: Item = { level: 0, number: 0, marker: '', heading: '', body: [], tables: [], line: 0, children: [] };
  const stack: Item[] = [root];
  const head: Line[] = [];
  const tables: TableBlock[] = [];
  const attachments: Line[] = [];
  const attachmentTables: TableBlock[] = [];
  let inAttachments = false;
  let unnumbered = 0;
  const paras = blocks.filter((b): b is Para => b.kind === 'para');
  const signature = signatureLines(paras);
  for (const block of blocks) {
    if (block.kind === 'table') {
      if (inAttachments) {
        attachmentTables.push(block);
        continue;
      }
      const open = stack[stack.length - 1]!;
      if (open === root) tables.push(block);
      else open.tables.push(block);
      continue;
    }
    const line = { no: block.no, text: block.text };
    if (inAttachments || (stack.length > 1 && ATTACHMENT.test(line.text))) {
      inAttachments = true;
      attachments.push(line);
      continue;
    }
    if (signature.has(line.no)) continue;
    let m = markerOf(line.text);
    if (!m && UNNUMBERED.test(line.text) && (stack.length > 1 || head.length > 1)) {
      m = { level: 1, number: ++unnumbered, marker: '', rest: line.text.replace(/[：:]$/, '') };
    }
    if (!m) {
      const open = stack[stack.length - 1]!;
      if (open === root) head.push(line);
      else open.body.push(line);
      continue;
    }
    // "（四）…①…；②…；" then "③…" on the next line: the run inside the paragraph goes on, not a new item.
    const open = stack[stack.length - 1]!;
    if (open !== root && continuesInlineRun(open, m)) {
      if (open.body.length) open.body[open.body.length - 1] = { ...open.body.at(-1)!, text: open.body.at(-1)!.text + line.text };
      else open.heading += line.text;
      continue;
    }
    if (m.level === 1 && m.marker) unnumbered = m.number;
    while (stack.length > 1 && stack[stack.length - 1]!.level >= m.level) stack.pop();
    // "（1）…；（2）…；（3）…" on one line: three items, not one.
    for (const part of continuedRun(m, line.text)) {
      const item: Item = { level: m.level, number: part.number, marker: part.marker, heading: part.text, body: [], tables: [], line: line.no, children: [] };
      stack[stack.length - 1]!.children.push(item);
      if (part.last) stack.push(item);
    }
  }
  liftParentLabels(root);
  return { head, items: root.children, tables, attachments, attachmentTables };
}

/**
 * Labels written after an item's ①②③ or 一是/二是 lines are the item's, not its last part's: when only
 * the last part has label lines and they end it, they move up to the item.
 */
function liftParentLabels(item: Item): void {
  for (const c of item.children) liftParentLabels(c);
  const kids = item.children;
  if (kids.length < 2) return;
  const last = kids[kids.length - 1]!;
  // A sentence about all the parts ("以上工作由镇应急办牵头，各村配合。") after the last one is the item's.
  let cut = last.body.length;
  while (cut > 0 && ROLE_TAIL.test(last.body[cut - 1]!.text)) cut--;
  if (cut < last.body.length) {
    item.body.push(...last.body.splice(cut));
    return;
  }
  if (kids.slice(0, -1).some((k) => k.body.some((l) => LABEL_LINE.test(l.text)))) return;
  // Under items numbered 1. or （一）, labels after the last are the item's only when no part before it says
  // who does it (one that does makes the labels after the last its own).
  if (kids.some((k) => k.level < 4) && kids.slice(0, -1).some(saysWho)) return;
  while (cut > 0 && LABEL_LINE.test(last.body[cut - 1]!.text)) cut--;
  if (cut === last.body.length) return;
  item.body.push(...last.body.splice(cut));
}

/** Whether an item says who does it: a role word, or a unit as the subject of its first sentence. */
function saysWho(item: Item): boolean {
  const text = [item.heading, ...item.body.map((l) => l.text)].join('');
  if (/牵头|负责|配合|协助|协办|会同|主办/.test(text) || item.body.some((l) => LABEL_LINE.test(l.text))) return true;
  const first = text.replace(/^[^。；;，,：:]{2,20}[。：:]/, '').split(/[。；;，,]/)[0] ?? '';
  return leadingUnits(first.trim(), '') !== undefined || item.children.some(saysWho);
}

/** A sentence that says who does all the parts before it: 以上工作由…, 上述任务由…, 此项工作由…负责. */
export const ROLE_TAIL = /^(?:(?:以上|上述|前述)(?:各项|几项)?(?:工作|任务|内容|事项|措施|检查|活动|整治)?|(?:此项|该项|本项|各项|这些)(?:工作|任务|内容|事项|措施)?[，,]?(?:均|统一|都)?(?:由|请))/;

/** Whether a numbered line takes up the parts numbered inside the open item's last paragraph (①…②… then ③). */
function continuesInlineRun(open: Item, m: { level: number; number: number }): boolean {
  if (m.level < 4 || open.children.length) return false;
  const parts = inlineParts(open.body.at(-1)?.text ?? open.heading)?.parts;
  const last = parts?.at(-1);
  if (!last || m.number !== last.n + 1) return false;
  const form = CIRCLED.includes(last.marker) ? 5 : /^[（(]/.test(last.marker) ? 4 : 6;
  return form === m.level;
}

/** A numbered line and the items that continue its numbering inside it: （1）… （2）… ①… ②… 一是… 二是…. */
function continuedRun(m: { level: number; number: number; marker: string; rest: string }, text: string): { number: number; marker: string; text: string; last: boolean }[] {
  const single = [{ number: m.number, marker: m.marker, text: m.rest, last: true }];
  if (m.level < 4) return single;
  const form = m.level === 4 ? /[（(]\s*(\d{1,2})\s*[）)]/g : m.level === 5 ? new RegExp(`([${CIRCLED}])`, 'g') : /(?<=[。；;，,])\s*([一二三四五六七八九十]+)[是要](?!求)/g;
  const value = (s: string) => (m.level === 4 ? Number(s) : m.level === 5 ? CIRCLED.indexOf(s) + 1 : (chineseNumber(s) ?? 0));
  const start = text.length - m.rest.length;
  const hits: { n: number; at: number; len: number; marker: string }[] = [];
  let want = m.number + 1;
  for (const h of text.slice(start).matchAll(form)) {
    if (value(h[1]!) !== want) continue;
    hits.push({ n: want, at: start + h.index!, len: h[0].length, marker: h[0].trim() });
    want++;
  }
  if (hits.length === 0) return single;
  const cuts = [{ n: m.number, at: start, len: 0, marker: m.marker }, ...hits];
  return cuts.map((c, i) => ({
    number: c.n,
    marker: c.marker,
    text: text.slice(c.at + c.len, cuts[i + 1]?.at ?? text.length).replace(/^[，,：:、\s]+/, '').trim(),
    last: i === cuts.length - 1,
  }));
}

/** The signature at the end of the plan (the issuing office, and the date on a line of its own). */
function signatureLines(paras: Para[]): Set<number> {
  const out = new Set<number>();
  paras.forEach((p, i) => {
    if (!ISSUED_DATE.test(p.text)) return;
    out.add(p.no);
    const before = paras[i - 1];
    if (before && before.text.length <= 24 && !/[，。；：:、]/.test(before.text) && !markerOf(before.text)) out.add(before.no);
  });
  return out;
}

/** An item's own text: its heading and body, without its children. */
/** "联系人：…  联系电话：…" under the last section: the plan's contact, not the section's text. */
export const CONTACT_LINE = /^(?:联系人|联系电话|联系方式|咨询电话)\s*[：:]/;

export const ownText = (item: Item): string => [item.heading, ...item.body.filter((l) => !CONTACT_LINE.test(l.text)).map((l) => l.text)].join('');
