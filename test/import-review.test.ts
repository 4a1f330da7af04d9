// The import review page (campaign import DOC --review FILE.html): the document and the draft side by
// side, every value linked to the block it came from and marked with how sure the importer is, what it
// could not find listed first; self-contained, everything escaped.
import { readdirSync, readFileSync } from 'node:fs';
import { type DefaultTreeAdapterMap, parse } from 'parse5';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeDocument } from '../src/importer/decode.js';
import { extractPlan, type DraftPlan } from '../src/importer/extract.js';
import { confidenceOf, reviewPage } from '../src/importer/review.js';
import { loadCalendar } from '../src/io/holidays.js';
import { textDocument } from '../src/importer/text-table.js';
import type { SourceDoc } from '../src/importer/document.js';
import { docxDocument } from '../src/importer/read-docx.js';

const CORPUS = new URL('./fixtures/import-corpus/', import.meta.url).pathname;
const calendar = loadCalendar();

async function load(file: string): Promise<{ doc: SourceDoc; draft: DraftPlan }> {
  const bytes = readFileSync(CORPUS + file);
  const doc = file.endsWith('.docx') ? await docxDocument(bytes) : textDocument(decodeDocument(bytes).text);
  return { doc, draft: extractPlan(doc, { fallbackYear: 2020, isWorkday: calendar.isWorkday }) };
}

type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['node'];

/** Every element of the page, in document order. */
function elements(html: string): Element[] {
  const out: Element[] = [];
  const visit = (n: Node) => {
    if ('tagName' in n) out.push(n);
    if ('childNodes' in n) n.childNodes.forEach(visit);
    if ('content' in n && n.content) visit(n.content as Node);
  };
  visit(parse(html));
  return out;
}
const attr = (e: Element, name: string) => e.attrs.find((a) => a.name === name)?.value;
const classes = (e: Element) => (attr(e, 'class') ?? '').split(/\s+/);
const textOf = (n: Node): string => (n.nodeName === '#text' ? (n as DefaultTreeAdapterMap['textNode']).value : 'childNodes' in n ? n.childNodes.map(textOf).join('') : '');

interface Page { html: string; els: Element[]; byId: Map<string, Element> }
function page(doc: SourceDoc, draft: DraftPlan, name: string, lang: 'zh' | 'en' = 'zh'): Page {
  const html = reviewPage(doc, draft, { name, lang });
  const els = elements(html);
  const byId = new Map<string, Element>();
  for (const e of els) {
    const id = attr(e, 'id');
    if (id === undefined) continue;
    expect(byId.has(id), `duplicate id ${id}`).toBe(false);
    byId.set(id, e);
  }
  return { html, els, byId };
}
const links = (p: Page) => p.els.filter((e) => e.tagName === 'a' && attr(e, 'href')?.startsWith('#')).map((e) => attr(e, 'href')!.slice(1));
const levelOf = (e: Element | undefined) => e && classes(e.childNodes.find((c): c is Element => 'tagName' in c && classes(c).includes('lv'))!).find((c) => c !== 'lv');
const issues = (p: Page) => p.byId.get('issues')!;
const issueLinks = (p: Page) => p.els.filter((e) => e.tagName === 'a' && isInside(e, issues(p))).map((e) => attr(e, 'href')!.slice(1));
function isInside(e: Node, ancestor: Element): boolean {
  for (let n: Node | undefined = e; n; n = (n as Element).parentNode as Node | undefined) if (n === ancestor) return true;
  return false;
}

describe('confidenceOf', () => {
  it('reads the level from the notes the draft carries', () => {
    expect(confidenceOf({ value: ['safety'], note: '原文第24行“牵头单位：镇应急办”', read: 'label' })).toBe('sure');
    expect(confidenceOf({ value: ['safety'], note: '按原文第36行“由镇应急办牵头”', read: 'label' })).toBe('likely');
    // A row of the 任务分工表 names its units as a label does.
    expect(confidenceOf({ value: ['safety'], note: '按任务分工表：原文第32段“第1行：镇应急办”', read: 'label' })).toBe('sure');
    expect(confidenceOf({ value: { start: '2022-04-01', end: '2022-06-30' }, note: '各阶段时间合计，请核对', read: 'label' })).toBe('assumed');
    expect(confidenceOf({ value: ['police'], note: '按首句主语推定：原文第42行“镇派出所要…”', read: 'label' })).toBe('assumed');
    expect(confidenceOf({ value: ['villages'], note: '同上级，原文第32行“牵头单位：各村”', read: 'label' })).toBe('assumed');
    expect(confidenceOf({ value: '2021-06-30', note: '同上级，原文第32行“6月30日前”', read: 'text' })).toBe('assumed');
    expect(confidenceOf({ value: '2022-11-05', note: '所在阶段“宣传发动阶段”（原文第9行）', read: 'text' })).toBe('assumed');
    expect(confidenceOf({ value: '2021-06-16', note: '原文第36行“6月16日（星期三）”', read: 'text' })).toBe('likely');
    expect(confidenceOf({ value: '2024-07-03', note: '原文第16段“…”（活动结束后3个工作日内，按节假日推算）', read: 'text' })).toBe('likely');
  });

  it('tells a default and a missing value', () => {
    expect(confidenceOf({ value: 2020, note: '标题中未写年份，此为推定，请核对', read: 'label' })).toBe('assumed');
    expect(confidenceOf({ value: { start: '2020-01-01', end: '2020-12-31' }, note: '原文未写明活动时间，此为推定，请核对' })).toBe('missing');
    expect(confidenceOf({ value: '（未识别）', note: '标题中未找到制定单位，请填写' })).toBe('missing');
    for (const value of [[], undefined, null, '']) expect(confidenceOf({ value })).toBe('missing');
    expect(confidenceOf({ value: '青石镇' })).toBe('sure');
  });

  it('takes an explicit confidence over the notes', () => {
    expect(confidenceOf({ value: ['police'], note: '按首句主语推定：…', confidence: 'sure' })).toBe('sure');
    expect(confidenceOf({ value: [], confidence: 'likely' })).toBe('likely');
  });
});

describe('the review page of a text document', () => {
  let doc: SourceDoc;
  let p: Page;
  beforeAll(async () => {
    const loaded = await load('01-qingshi-safety-month-2021.txt');
    doc = loaded.doc;
    p = page(doc, loaded.draft, '01-qingshi-safety-month-2021.txt');
  });

  it('is a page with a title, a heading and its language', () => {
    expect(p.html).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
    expect(p.html).toContain('<title>导入核对：01-qingshi-safety-month-2021.txt</title>');
    expect(p.els.filter((e) => e.tagName === 'h1')).toHaveLength(1);
    expect(p.html).toContain('"Noto Sans CJK SC"');
    expect(p.html).toMatch(/任务 14（末级 11） · 单位 15 · 报送事项 4/);
  });

  it('anchors every block of the document, numbered as the document counts', () => {
    for (const b of doc.blocks) expect(p.byId.has(`b${b.no}`), `b${b.no}`).toBe(true);
    expect(textOf(p.byId.get('b24')!)).toContain('第24行');
  });

  it('links every value to a block or a field that exists', () => {
    const targets = links(p);
    expect(targets.length).toBeGreaterThan(60);
    for (const t of targets) expect(p.byId.has(t), t).toBe(true);
    expect(attr(p.els.find((e) => e.tagName === 'a' && isInside(e, p.byId.get('t-1.1-lead')!))!, 'href')).toBe('#b25');
    expect(attr(p.els.find((e) => e.tagName === 'a' && isInside(e, p.byId.get('t-1.1')!))!, 'href')).toBe('#b24');
    expect(attr(p.els.find((e) => e.tagName === 'a' && isInside(e, p.byId.get('f-title')!))!, 'href')).toBe('#b1');
  });

  it('highlights exactly the blocks some value came from, each linking back', () => {
    const targeted = new Set(p.els.filter((e) => attr(e, 'data-src')).flatMap((e) => attr(e, 'data-src')!.split(' ')));
    for (const b of doc.blocks) {
      const el = p.byId.get(`b${b.no}`)!;
      expect(classes(el).includes('used'), `b${b.no}`).toBe(targeted.has(`b${b.no}`));
    }
    expect(classes(p.byId.get('b24')!)).toContain('used');
    expect(classes(p.byId.get('b8')!)).not.toContain('used'); // 二、活动时间: a heading nothing is read from
    const back = p.els.filter((e) => e.tagName === 'a' && isInside(e, p.byId.get('b42')!)).map((e) => attr(e, 'href'));
    expect(back).toEqual(['#t-3.2']);
    // 牵头单位：… and 完成时限：… on lines of their own below the item are where its lead and date were read.
    expect(attr(p.byId.get('t-1.1-lead')!, 'data-src')).toBe('b25 b26');
    expect(attr(p.byId.get('t-1.1-due')!, 'data-src')).toBe('b27');
    expect(classes(p.byId.get('b26')!)).toContain('used');
  });

  it('marks a lead guessed from the first sentence as assumed, a labelled one as sure, a phrase as likely', () => {
    expect(levelOf(p.byId.get('t-3.2-lead'))).toBe('assumed');
    expect(textOf(p.byId.get('t-3.2-lead')!)).toContain('推定');
    expect(levelOf(p.byId.get('t-1.1-lead'))).toBe('sure');
    expect(levelOf(p.byId.get('t-2-lead'))).toBe('likely');
    expect(levelOf(p.byId.get('t-1.3.1-lead'))).toBe('assumed'); // 同上级
    expect(levelOf(p.byId.get('t-1.1-due'))).toBe('sure'); // 完成时限：6月18日前
    expect(levelOf(p.byId.get('t-2-due'))).toBe('likely'); // 6月16日（星期三） in the item's own words
  });

  it('lists what it could not find first, each linking to its field', () => {
    const list = issueLinks(p);
    expect(list).toContain('t-3.2-due'); // 3.2 道路交通 names no date
    expect(list).toContain('t-3.2-lead');
    expect(list).toContain('t-1.3.1-lead');
    expect(list).not.toContain('t-1.1-lead');
    expect(levelOf(p.byId.get('t-3.2-due'))).toBe('missing');
    // A task's values together, under its number and title.
    const task = p.els.find((e) => e.tagName === 'li' && isInside(e, issues(p)) && textOf(e).startsWith('任务3.2 道路交通'))!;
    expect(textOf(task)).toMatch(/未找到 时间：原文中未找到推定 牵头：按首句主语推定/);
    // The missing come before the assumed.
    const levels = p.els.filter((e) => e.tagName === 'span' && classes(e).includes('lv') && isInside(e, issues(p))).map((e) => classes(e)[1]);
    expect(levels.indexOf('assumed')).toBeGreaterThan(levels.lastIndexOf('missing'));
  });

  it('names units, not their ids', () => {
    const lead = textOf(p.byId.get('t-1.1-lead')!);
    expect(lead).toContain('应急办');
    expect(lead).toContain('市场监管所、总工会');
    expect(lead).not.toContain('safety');
  });

  it('is self-contained', () => {
    expect(p.html).not.toMatch(/<link\b|@import|@font-face|url\(/i);
    expect(p.html).not.toMatch(/\b(?:src|href|action)\s*=\s*["']?\s*(?:https?:|\/\/|data:|javascript:)/i);
    expect(p.html).not.toMatch(/https?:\/\//);
    expect(p.els.filter((e) => e.tagName === 'script').every((e) => !attr(e, 'src'))).toBe(true);
  });

  it('reads as a page: two columns when wide, one when narrow or printed, text in contrast', () => {
    expect(p.html).toMatch(/@media \(min-width:900px\)\{[^@]*grid-template-columns:minmax\(0,1fr\) minmax\(0,1fr\)/);
    expect(p.html).toMatch(/@media print\{[^@]*position:static/);
    const lum = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const ratio = (a: string, b: string) => { const [x, y] = [lum(a), lum(b)].sort((m, n) => n - m); return (x! + 0.05) / (y! + 0.05); };
    const css = /<style>([\s\S]*)<\/style>/.exec(p.html)![1]!;
    // Every text colour against the lightest and the darkest background the page puts text on.
    const backgrounds = [...css.matchAll(/background:(#[0-9a-f]{6})/g)].map((m) => m[1]!);
    const colours = [...css.matchAll(/(?<![-\w])color:(#[0-9a-f]{6})/g)].map((m) => m[1]!);
    expect(colours.length).toBeGreaterThan(8);
    for (const c of colours) for (const bg of ['#ffffff', ...backgrounds]) expect(ratio(c, bg), `${c} on ${bg}`).toBeGreaterThanOrEqual(4.5);
  });

  it('has English labels in English; the notes stay as written', async () => {
    const { doc: d, draft } = await load('01-qingshi-safety-month-2021.txt');
    const en = page(d, draft, 'x.txt', 'en');
    expect(en.html).toContain('<html lang="en">');
    expect(textOf(en.byId.get('t-3.2-lead')!)).toMatch(/^Lead.*Assumed.*按首句主语推定/);
    expect(textOf(en.byId.get('b24')!)).toContain('Line 24');
    expect(en.html).toContain('lang="zh-CN"'); // the document's own text
  });
});

describe('the review page of a Word document', () => {
  let doc: SourceDoc;
  let p: Page;
  beforeAll(async () => {
    const loaded = await load('09-taoyuan-safety-month-2024.docx');
    doc = loaded.doc;
    p = page(doc, loaded.draft, '09-taoyuan-safety-month-2024.docx');
  });

  it('counts paragraphs and shows tables as tables, a row for each task', () => {
    for (const b of doc.blocks) expect(p.byId.has(`b${b.no}`), `b${b.no}`).toBe(true);
    expect(textOf(p.byId.get('b13')!)).toContain('第13段');
    expect(p.byId.get('b13')!.childNodes.some((c) => 'tagName' in c && c.tagName === 'table')).toBe(true);
    for (const t of links(p)) expect(p.byId.has(t), t).toBe(true);
    // Each task of the 责任分工表 links to its own row, which is highlighted.
    const rowOf = (id: string) => attr(p.els.find((e) => e.tagName === 'a' && isInside(e, p.byId.get(id)!))!, 'href');
    expect(rowOf('t-1-lead')).toMatch(/^#b13-r\d+$/);
    expect(rowOf('t-2-lead')).not.toBe(rowOf('t-1-lead'));
    expect(classes(p.byId.get(rowOf('t-2-lead')!.slice(1))!)).toContain('used');
    expect(levelOf(p.byId.get('t-1-lead'))).toBe('sure');
    expect(levelOf(p.byId.get('t-1-due'))).toBe('sure');
  });

  it('takes 长期 for no deadline, not for a missing one', () => {
    expect(textOf(p.byId.get('t-7-due')!)).toContain('无完成时限');
    expect(issueLinks(p)).not.toContain('t-7-due');
  });

  it('lists the missing theme of a plan that has none', async () => {
    const { doc: d, draft } = await load('05-changling-forest-fire-2023-2024.docx');
    const q = page(d, draft, '05.docx');
    expect(issueLinks(q)).toContain('f-theme');
    for (const t of links(q)) expect(q.byId.has(t), t).toBe(true);
  });
});

describe('a document the importer reads little of', () => {
  const text = [
    '<script>alert(1)</script>关于开展“安全\u001b生产月”活动的方案',
    '一、主要任务',
    '（一）开展宣传\ufffe活动。各村要在村部张贴标语</td>&amp;。',
    '（二）组织检查。',
    '\u202e请各村认真落实',
  ].join('\n');
  const doc = textDocument(text);
  const draft = extractPlan(doc, { fallbackYear: 2020, isWorkday: calendar.isWorkday });
  const p = page(doc, draft, 'a"<b>\u0007.txt');

  it('escapes everything the document and its name hold', () => {
    expect(p.html).not.toContain('<script>alert');
    expect(p.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(p.html).not.toContain('</td>&amp;');
    expect(p.html).toContain('a&quot;&lt;b&gt;\\x07.txt');
    // Controls, noncharacters and bidirectional overrides never stand raw.
    const raw = [...p.html].filter((c) => /[\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}\u202e]/u.test(c) && c !== '\n' && c !== '\t');
    expect(raw).toEqual([]);
    expect(p.html).toContain('\\x1b');
    expect(p.html).toContain('\\ufffe');
    expect(p.els.filter((e) => e.tagName === 'script')).toHaveLength(1);
  });

  it('lists the year assumed, the period and the organizer not found, and the tasks without dates', () => {
    const list = issueLinks(p);
    expect(list).toEqual(expect.arrayContaining(['f-organizer', 'f-year', 'f-period', 'f-theme', 't-1-due', 't-2-due']));
    expect(levelOf(p.byId.get('f-year'))).toBe('assumed');
    expect(levelOf(p.byId.get('f-period'))).toBe('missing');
    expect(levelOf(p.byId.get('f-organizer'))).toBe('missing');
    for (const t of links(p)) expect(p.byId.has(t), t).toBe(true);
  });
});

describe('any document', () => {
  const documents = readdirSync(CORPUS).filter((f) => /\.(txt|docx)$/.test(f)).sort();
  it.each(documents)('%s: every anchor unique, every link to something there', async (file) => {
    const { doc, draft } = await load(file);
    const p = page(doc, draft, file);
    for (const b of doc.blocks) expect(p.byId.has(`b${b.no}`), `b${b.no}`).toBe(true);
    for (const t of links(p)) expect(p.byId.has(t), t).toBe(true);
    for (const e of p.els.filter((x) => attr(x, 'data-src'))) for (const t of attr(e, 'data-src')!.split(' ')) expect(p.byId.has(t), t).toBe(true);
  });

  it('shows where a block stands: its page, its file', () => {
    const doc: SourceDoc = {
      unit: 'paragraph',
      blocks: [
        { kind: 'para', no: 1, text: '石桥镇2023年燃气安全专项整治方案', page: 1, file: 'a.pdf' },
        { kind: 'para', no: 2, text: '一、主要任务', page: 2, file: 'a.pdf' },
        { kind: 'table', no: 3, rows: [['序号', '工作任务', '牵头单位'], ['1', '排查餐饮场所燃气<b>', '镇应急办']], page: 2, file: 'b.xlsx' },
      ],
    };
    const draft = extractPlan(doc, { fallbackYear: 2023, isWorkday: calendar.isWorkday });
    const p = page(doc, draft, 'a.pdf + b.xlsx');
    expect(textOf(p.byId.get('b2')!)).toMatch(/第2段.*第2页.*a\.pdf/);
    expect(textOf(p.byId.get('b3')!)).toContain('b.xlsx');
    expect(p.html).toContain('排查餐饮场所燃气&lt;b&gt;');
    for (const t of links(p)) expect(p.byId.has(t), t).toBe(true);
  });
});
