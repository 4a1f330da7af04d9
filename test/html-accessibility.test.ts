// HTML that every reader can read: text colours that meet WCAG AA against what they are drawn on (in
// the page's CSS and in its SVG charts, computed here from the colours themselves), and a page that a
// screen reader can find its way in — a <main> around the reports, a <title>, an <h1> for each report —
// for every report kind, of one plan and of several.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KINDS, type KindName } from '../src/reports/index.js';
import { cli } from './helpers/in-process.js';
import { onePlan } from './helpers/json.js';

const SEED = 'examples/tongzhong-2020.yaml';
const SHIFAN = 'examples/shifan-2025.yaml';
const MONTH = 'test/fixtures/month/plan.yaml';
const SONGLIN = 'test/fixtures/clean-plans/songlin-2023-2024-winter-forest-fire.yaml';
const AS_OF = '2020-06-17';

/** WCAG 2.x: normal text needs 4.5:1 against its background (large text 3:1; the reports have none lighter than body text). */
const AA = 4.5;

/** WCAG 2.x relative luminance of an sRGB colour written #rgb or #rrggbb. */
function luminance(hex: string): number {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = Number.parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** The contrast ratio of two colours, 1 to 21. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const WHITE = '#fff';
const HEX = /#[0-9a-f]{6}\b|#[0-9a-f]{3}\b/i;
const unescapeXml = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

async function page(kind: string, files: string[], asOf = AS_OF): Promise<string> {
  const r = await cli([kind, ...files, '--as-of', asOf, '-f', 'html', '--lang', 'zh', ...(kind === 'rollup' ? ['--no-cache'] : [])]);
  expect(r.stdout, `${kind}: ${r.stderr}`).toMatch(/^<!DOCTYPE html>/);
  return r.stdout;
}
const cssOf = (html: string): string => /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;

/** The declarations of the CSS rules, nested ones (@media, @page) included: [selector, property, value]. */
function declarations(css: string): [string, string, string][] {
  return [...css.matchAll(/([^{}]+)\{([^{}]*)\}/g)].flatMap(([, selector, body]) => body!.split(';')
    .map((d) => d.split(':'))
    .filter((d) => d.length >= 2)
    .map(([p, ...v]) => [selector!.trim(), p!.trim(), v.join(':').trim()] as [string, string, string]));
}

/** Every colour the CSS gives text (color, and fill for SVG text), and every background it gives a box. */
function cssColours(css: string): { texts: [string, string][]; backgrounds: string[] } {
  const decls = declarations(css);
  const texts = decls.filter(([, p, v]) => (p === 'color' || p === 'fill') && HEX.test(v)).map(([s, , v]): [string, string] => [s, HEX.exec(v)![0]]);
  const backgrounds = decls.filter(([, p, v]) => (p === 'background' || p === 'background-color') && HEX.test(v)).map(([, , v]) => HEX.exec(v)![0]);
  return { texts, backgrounds };
}

interface Box { x0: number; x1: number; y0: number; y1: number }
const overlap = (a: Box, b: Box): boolean => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
const attr = (attrs: string, name: string): string | undefined => new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs)?.[1];

/** Wider than any font draws it at 12 px: a Chinese character a full em, anything else 0.6 em. */
const width = (text: string): number => [...text].reduce((w, c) => w + (c.codePointAt(0)! < 0x80 ? 0.6 : 1) * 12, 0);

/**
 * Every text of every SVG picture of a page, with its colour (its fill, or the CSS's for svg text) and
 * the fills of the shapes it is drawn over (bands, bars), found by where each is drawn.
 */
function svgTexts(html: string, defaultFill: string): { text: string; fill: string; under: string[] }[] {
  return [...html.matchAll(/<svg\b[^>]*>([\s\S]*?)<\/svg>/g)].flatMap(([, body]) => {
    const rects = [...body!.matchAll(/<rect\b([^>]*?)\/?>/g)].map(([, a]) => {
      const x = Number(attr(a!, 'x') ?? 0);
      const y = Number(attr(a!, 'y') ?? 0);
      return { fill: attr(a!, 'fill')!, box: { x0: x, x1: x + Number(attr(a!, 'width')), y0: y, y1: y + Number(attr(a!, 'height')) } };
    });
    return [...body!.matchAll(/<text\b([^>]*)>([\s\S]*?)<\/text>/g)].map(([, a, content]) => {
      const text = unescapeXml(content!.replace(/<title>[\s\S]*?<\/title>/g, '').replace(/<[^>]+>/g, ''));
      const x = Number(attr(a!, 'x'));
      const y = Number(attr(a!, 'y'));
      const w = width(text);
      const anchor = attr(a!, 'text-anchor') ?? 'start';
      const x0 = anchor === 'middle' ? x - w / 2 : anchor === 'end' ? x - w : x;
      const box = { x0, x1: x0 + w, y0: y - 12, y1: y + 3 };
      return { text, fill: attr(a!, 'fill') ?? defaultFill, under: rects.filter((r) => overlap(box, r.box)).map((r) => r.fill) };
    });
  });
}

/** The SONGLIN plan with phases: bands behind the timeline's axis labels, phase names on them. */
function plansWithPhases(): string {
  const dir = mkdtempSync(join(tmpdir(), 'campaign-a11y-'));
  const file = join(dir, 'songlin.yaml');
  const phases = [
    '  - {id: prepare, title: 宣传发动阶段, start: 2023-11-01, end: 2023-11-30}',
    '  - {id: guard, title: 重点时段防控阶段, start: 2023-12-01, end: 2024-03-31}',
    '  - {id: close, title: 总结阶段, start: 2024-04-01, end: 2024-04-30}',
  ];
  writeFileSync(file, readFileSync(SONGLIN, 'utf8').replace(/^period: .*$/m, (p) => `${p}\nphases:\n${phases.join('\n')}`));
  return file;
}

describe('text colours meet WCAG AA', () => {
  it('the contrast function agrees with WCAG\'s figures', () => {
    expect(contrast('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrast('#fff', '#fff')).toBeCloseTo(1, 5);
    expect(contrast('#767676', '#fff')).toBeCloseTo(4.54, 2); // the lightest grey that passes on white
    expect(contrast('#777777', '#ffffff')).toBeLessThan(AA);
  });

  it.each([['weekly'], ['status'], ['report'], ['rollup'], ['export'], ['agenda']])('%s: every CSS text colour on every CSS background', async (kind) => {
    const { texts, backgrounds } = cssColours(cssOf(await page(kind, [SEED])));
    expect(texts.map(([s]) => s)).toEqual(expect.arrayContaining(['body', '.none', 'svg text']));
    expect(backgrounds.length).toBeGreaterThanOrEqual(2); // th, .note
    for (const [selector, colour] of texts) {
      for (const bg of [WHITE, ...backgrounds]) {
        expect(contrast(colour, bg), `${selector} ${colour} on ${bg}`).toBeGreaterThanOrEqual(AA);
      }
    }
  });

  it('every SVG label (bar chart, timeline axis, phase names, as-of date) against what it is drawn over', async () => {
    const pages = [await page('report', [SEED]), await page('report', [plansWithPhases()], '2024-03-20')];
    const checked = new Set<string>();
    for (const html of pages) {
      const fill = cssColours(cssOf(html)).texts.find(([s]) => s === 'svg text')![1];
      const texts = svgTexts(html, fill);
      expect(texts.length).toBeGreaterThan(20);
      for (const t of texts) {
        for (const bg of [WHITE, ...t.under]) {
          checked.add(`${t.fill} on ${bg}`);
          expect(contrast(t.fill, bg), `"${t.text}" ${t.fill} on ${bg}`).toBeGreaterThanOrEqual(AA);
        }
      }
    }
    // The axis labels and phase names are drawn on the phase bands, the as-of date in red.
    expect([...checked]).toEqual(expect.arrayContaining([expect.stringMatching(/ on #e3f2fd$/), expect.stringMatching(/ on #f1f8e9$/), expect.stringMatching(/^#c62828 on /)]));
  });
});

/** The texts of the elements of a page named `tag`, markup and escapes undone. */
const texts = (html: string, tag: string): string[] =>
  [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => unescapeXml(m[1]!.replace(/<[^>]+>/g, '')).trim());

function expectLandmarks(html: string, articles: number): void {
  const head = /<head>([\s\S]*?)<\/head>/.exec(html)![1]!;
  const body = /<body>([\s\S]*?)<\/body>/.exec(html)![1]!;
  // One <main>, the whole of the body, every report in it.
  expect(body.match(/<main>/g)).toHaveLength(1);
  expect(body.trim()).toMatch(/^<main>[\s\S]*<\/main>$/);
  expect(body.match(/<article>/g)).toHaveLength(articles);
  // A heading for each report, and the page named after them.
  const h1 = texts(body, 'h1');
  expect(h1).toHaveLength(articles);
  for (const h of h1) expect(h).not.toBe('');
  const title = texts(head, 'title');
  expect(title).toHaveLength(1);
  expect(title[0]).toBe(h1.join(' / '));
}

describe('every report kind has a <main>, a <title> and an <h1>', () => {
  const kinds = Object.keys(KINDS) as KindName[];

  it('every kind offers HTML', async () => {
    for (const kind of kinds) expect((await KINDS[kind]()).default.formats, kind).toContain('html');
  });

  it.each(kinds.map((k) => [k]))('%s, one plan', async (kind) => {
    expectLandmarks(await page(kind, [SEED]), 1);
  });

  it.each(kinds.map((k) => [k]))('%s, three plans', async (kind) => {
    // A report per plan (weekly, status, report, export) is an article per plan; the roll-up and the agenda are one of all.
    const input = (await KINDS[kind]()).default.input;
    expectLandmarks(await page(kind, [SEED, SHIFAN, MONTH]), input === 'plan' ? 3 : 1);
  });

  it('export: the task list is named after the plan in HTML, and stays a bare table in CSV; JSON has the plan and its tasks', async () => {
    const html = await page('export', [SEED]);
    expect(texts(html, 'h1')).toEqual(['铜钟乡2020年“安全生产月”活动方案 — 任务清单']);
    const csv = (await cli(['export', SEED, '--as-of', AS_OF, '-f', 'csv', '--lang', 'zh', '--no-bom'])).stdout;
    expect(csv.split('\r\n')[0]).toMatch(/^编号,上级编号,层级,任务,/);
    const json = onePlan((await cli(['export', SEED, '--as-of', AS_OF, '-f', 'json'])).stdout);
    expect(json.plan.title).toBe('铜钟乡2020年“安全生产月”活动方案');
    expect(Object.keys(json.tasks[0])).toContain('lastNote');
  });
});
