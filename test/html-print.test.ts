// HTML that prints: read back from the generated page — the CSS that lays out the printed form (A4 in
// the report's orientation, header rows repeated, rows never cut, columns never squeezed), the blanks
// to sign, and the timeline's axis (its marks for a week, a month, half a year and a span across a new
// year, labels that never touch, the as-of label inside the picture, phases as bands). Chromium prints
// these pages outside CI (README, "html"); here they are checked as text.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { daysBetween } from '../src/calendar/dates.js';
import { axisTicks, tickDates, tickUnit } from '../src/formats/timeline-axis.js';
import { cli } from './helpers/in-process.js';
import { onePlan } from './helpers/json.js';

const SEED = 'examples/tongzhong-2020.yaml';
const CLEAN = 'test/fixtures/clean-plans/';
const SONGLIN = `${CLEAN}songlin-2023-2024-winter-forest-fire.yaml`;
const tmp = () => mkdtempSync(join(tmpdir(), 'campaign-html-'));

/** The as-of date a clean plan is meant to be read at: its `# as-of:` line. */
const asOfOf = (file: string): string => /^# as-of: (\S+)/m.exec(readFileSync(file, 'utf8'))![1]!;

async function html(args: string[]): Promise<string> {
  const r = await cli([...args, '-f', 'html', '--lang', 'zh']);
  expect(r.stdout).toMatch(/^<!DOCTYPE html>/);
  return r.stdout;
}
const cssOf = (page: string): string => /<style>([\s\S]*?)<\/style>/.exec(page)![1]!;

/** Wider than any font draws it: a Chinese character a full em, anything else 0.6 em, at 12 px. */
const estimate = (text: string): number => [...text].reduce((w, c) => w + (c.codePointAt(0)! < 0x80 ? 0.6 : 1) * 12, 0);

interface SvgText { x: number; anchor: string; text: string }
interface Picture { width: number; ticks: SvgText[]; asOf: SvgText[]; phases: SvgText[]; bands: number }

const unescapeXml = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** The timeline pictures of a page, with their axis labels, as-of labels and phase names. */
function timelines(page: string): Picture[] {
  return [...page.matchAll(/<svg class="timeline"[^>]* width="(\d+)"[^>]*>([\s\S]*?)<\/svg>/g)].map(([, width, body]) => {
    const texts = (cls: string): SvgText[] => [...body!.matchAll(new RegExp(`<text class="${cls}"([^>]*)>([^<]*)</text>`, 'g'))]
      .map(([, attrs, text]) => ({ x: Number(/ x="([^"]+)"/.exec(attrs!)![1]), anchor: / text-anchor="(\w+)"/.exec(attrs!)?.[1] ?? 'start', text: unescapeXml(text!) }));
    return { width: Number(width), ticks: texts('tick'), asOf: texts('as-of'), phases: texts('phase'), bands: (body!.match(/<rect [^>]*fill="#(?:e3f2fd|f1f8e9)"/g) ?? []).length };
  });
}

/** Where a label's ink begins and ends, by its anchor. */
function extent(t: SvgText): [number, number] {
  const w = estimate(t.text);
  if (t.anchor === 'middle') return [t.x - w / 2, t.x + w / 2];
  return t.anchor === 'end' ? [t.x - w, t.x] : [t.x, t.x + w];
}

function expectApart(labels: SvgText[]): void {
  for (let i = 1; i < labels.length; i++) {
    const [, right] = extent(labels[i - 1]!);
    const [left] = extent(labels[i]!);
    expect(left, `"${labels[i - 1]!.text}" and "${labels[i]!.text}" touch`).toBeGreaterThanOrEqual(right);
  }
}

function expectInside(labels: SvgText[], width: number): void {
  for (const t of labels) {
    const [l, r] = extent(t);
    expect(l, `"${t.text}" starts left of the picture`).toBeGreaterThanOrEqual(0);
    expect(r, `"${t.text}" ends right of the picture`).toBeLessThanOrEqual(width);
  }
}

describe('the printed page', () => {
  it.each([
    ['weekly', 'landscape'], ['status', 'landscape'], ['rollup', 'landscape'], ['export', 'landscape'], ['report', 'portrait'],
  ])('%s prints on A4 %s', async (kind, orientation) => {
    const css = cssOf(await html([kind, SEED, '--as-of', '2020-06-17']));
    expect(css).toMatch(new RegExp(`@page\\{size:A4 ${orientation};`));
    expect(css.match(/@page\{size:/g)).toHaveLength(1);
  });

  it('repeats the header row of a table on every page and never cuts a row', async () => {
    const page = await html(['weekly', SEED, '--as-of', '2020-06-17']);
    const css = cssOf(page);
    expect(css).toContain('thead{display:table-header-group}');
    expect(css).toContain('tr{break-inside:avoid}');
    expect(css).toMatch(/@media print\{[\s\S]*h2\{[^}]*break-after:avoid/);
    const tables = page.match(/<table>/g)!.length;
    expect(tables).toBe(3); // units, this week's tasks, units not yet reported
    expect(page.match(/<table>\n<thead><tr><th/g)).toHaveLength(tables);
  });

  it('keeps colours (lights, bars) when printed and names CJK fonts for screen and paper', async () => {
    const css = cssOf(await html(['weekly', SEED, '--as-of', '2020-06-17']));
    expect(css).toContain('print-color-adjust:exact');
    expect(css).toMatch(/@media print\{body\{[^}]*font-family:"Songti SC",SimSun,"Noto Serif CJK SC"[^}]*serif/);
    expect(css).toMatch(/^body\{font-family:[^}]*"Noto Sans CJK SC"[^}]*sans-serif/);
  });

  it('puts the header block above the tables as the fields of a form', async () => {
    const page = await html(['weekly', SEED, '--as-of', '2020-06-17']);
    const meta = /<dl class="meta">(.*?)<\/dl>/.exec(page)![1]!;
    const fields = [...meta.matchAll(/<div><dt>([^<]*)<\/dt><dd>(.*?)<\/dd><\/div>/g)].map((m) => [m[1], m[2]!.replace(/<[^>]+>/g, '')]);
    expect(fields.slice(0, 5)).toEqual([['填报单位', '铜钟乡'], ['填报人', ''], ['联系电话', ''], ['审核人', ''], ['填报日期', '2020-06-17']]);
    expect(page.indexOf('<dl class="meta">')).toBeLessThan(page.indexOf('<table>'));
    expect(cssOf(page)).toContain('dl.meta dt::after{content:"："}');
  });

  it.each([['weekly'], ['status'], ['report'], ['rollup']])('%s ends with the blanks to sign, after the last table', async (kind) => {
    const page = await html([kind, SEED, '--as-of', '2020-06-17']);
    const line = /<p class="signature">(.*?)<\/p>/.exec(page)![1]!;
    expect([...line.matchAll(/<span>([^<]*)<span class="blank"><\/span><\/span>/g)].map((m) => m[1])).toEqual(['填报人：', '审核人：', '单位（盖章）：', '日期：']);
    expect(page.lastIndexOf('</table>')).toBeLessThan(page.indexOf('<p class="signature">'));
    expect(page.indexOf('<p class="signature">')).toBeGreaterThan(page.lastIndexOf('</section>'));
    expect(cssOf(page)).toMatch(/\.signature\{[^}]*break-inside:avoid/);
  });

  it('export, a list rather than a form, has nothing to sign', async () => {
    expect(await html(['export', SEED, '--as-of', '2020-06-17'])).not.toContain('class="signature"');
  });

  it('starts each plan of a run on a page of its own', async () => {
    const page = await html(['weekly', SEED, SONGLIN, '--as-of', '2020-06-17']);
    expect(page.match(/<article>/g)).toHaveLength(2);
    expect(page.match(/<p class="signature">/g)).toHaveLength(2);
    expect(cssOf(page)).toMatch(/@media print\{[\s\S]*article\+article\{break-before:page/);
  });

  it('never squeezes the roll-up\'s plan column, nor breaks a date or a word of a path', async () => {
    const page = await html(['rollup', 'examples', CLEAN, '--as-of', '2024-03-20', '--no-cache']);
    const heads = [...page.matchAll(/<th(?: style="min-width:(\d+)em")?>([^<]*)<\/th>/g)].map((m) => [m[2], Number(m[1] ?? 0)] as const);
    const minOf = (name: string) => heads.find(([h]) => h === name)![1];
    expect(minOf('方案')).toBe(10); // 10 characters a line at the least
    expect(minOf('制定单位')).toBe(3);
    expect(minOf('文件')).toBeGreaterThanOrEqual(5); // "fixtures/", "fire-month.yaml" stay whole
    expect(page).toContain('<td><span class="d">2023-11-01 ~</span> <span class="d">2024-04-30</span></td>');
    expect(page).toContain('<td>test/<wbr>fixtures/<wbr>clean-plans/<wbr>songlin-2023-2024-winter-forest-fire.yaml</td>');
    const css = cssOf(page);
    expect(css).toMatch(/td\.num,td\.date,td\.nw,\.d\{white-space:nowrap\}/);
    expect(css).toMatch(/th\{[^}]*word-break:keep-all/);
  });
});

describe('the timeline\'s axis', () => {
  const WIDTH = 910;
  const ticksOf = (from: string, to: string, lang: 'zh' | 'en' = 'zh') => {
    const days = daysBetween(from, to) + 1;
    return axisTicks(from, to, { lang, x: (d) => 330 + (daysBetween(from, d) / days) * 560, right: WIDTH - 2, fontSize: 12 });
  };
  const apart = (ticks: ReturnType<typeof ticksOf>) => expectApart(ticks.map((t) => ({ x: t.x + 3, anchor: 'start', text: t.label })));

  it('marks days up to three weeks, Mondays up to 100 days, months beyond', () => {
    expect([7, 16, 21, 22, 31, 100, 101, 183, 366].map(tickUnit)).toEqual(['day', 'day', 'day', 'week', 'week', 'week', 'month', 'month', 'month']);
    expect(tickDates('2020-06-03', '2020-06-30', 'week')).toEqual(['2020-06-08', '2020-06-15', '2020-06-22', '2020-06-29']);
    expect(tickDates('2023-11-15', '2024-02-01', 'month')).toEqual(['2023-12-01', '2024-01-01', '2024-02-01']);
  });

  it('a week: every day, the month on the first', () => {
    const ticks = ticksOf('2024-05-09', '2024-05-15');
    expect(ticks.map((t) => t.label)).toEqual(['5月9日', '10日', '11日', '12日', '13日', '14日', '15日']);
    apart(ticks);
  });

  it('a month: every Monday', () => {
    const ticks = ticksOf('2020-06-01', '2020-06-30');
    expect(ticks.map((t) => [t.date, t.label])).toEqual([['2020-06-01', '6月1日'], ['2020-06-08', '8日'], ['2020-06-15', '15日'], ['2020-06-22', '22日'], ['2020-06-29', '29日']]);
    expect(ticksOf('2020-11-01', '2020-11-30', 'en').map((t) => t.label)).toEqual(['Nov 2', '9', '16', '23', '30']);
  });

  it('half a year: every month, no year when it does not change', () => {
    const ticks = ticksOf('2024-04-01', '2024-09-30');
    expect(ticks.map((t) => t.label)).toEqual(['4月', '5月', '6月', '7月', '8月', '9月']);
    apart(ticks);
  });

  it('across a new year: the year on the first mark and where it changes', () => {
    expect(ticksOf('2023-11-01', '2024-04-30').map((t) => t.label)).toEqual(['2023年11月', '12月', '2024年1月', '2月', '3月', '4月']);
    expect(ticksOf('2023-11-01', '2024-04-30', 'en').map((t) => t.label)).toEqual(['Nov 2023', 'Dec', 'Jan 2024', 'Feb', 'Mar', 'Apr']);
    expect(ticksOf('2023-12-20', '2024-01-20').map((t) => t.label)).toEqual(['2023年12月25日', '2024年1月1日', '8日', '15日']);
  });

  it('leaves marks out, evenly, where their labels would touch', () => {
    const years = ticksOf('2021-01-01', '2024-12-31');
    expect(years.length).toBeLessThan(48);
    expect(years.length).toBeGreaterThan(4);
    apart(years);
    const gaps = new Set(years.slice(1).map((t, i) => Number(t.date.slice(5, 7)) - Number(years[i]!.date.slice(5, 7)) + 12 * (Number(t.date.slice(0, 4)) - Number(years[i]!.date.slice(0, 4)))));
    expect(gaps.size).toBe(1); // every n-th month, the same n throughout
    const sixteen = ticksOf('2024-05-20', '2024-06-04'); // the new month's label is long: every other day
    expect(sixteen.map((t) => t.label)).toEqual(['5月20日', '22日', '24日', '26日', '28日', '30日', '6月1日', '3日']);
    apart(sixteen);
    for (const t of [...years, ...sixteen]) expect(t.x + 3 + estimate(t.label)).toBeLessThanOrEqual(WIDTH);
  });
});

describe('the timeline as drawn', () => {
  it('a plan across a new year: months, the year where it changes, the as-of label inside', async () => {
    const [pic, ...more] = timelines(await html(['report', SONGLIN, '--as-of', asOfOf(SONGLIN)]));
    expect(more).toEqual([]);
    expect(pic!.ticks.map((t) => t.text)).toEqual(['2023年11月', '12月', '2024年1月', '2月', '3月', '4月']);
    expectApart(pic!.ticks);
    expectInside(pic!.ticks, pic!.width);
    expect(pic!.asOf.map((t) => t.text)).toEqual(['截至 2024-03-20']);
    expectInside(pic!.asOf, pic!.width);
  });

  it('keeps the as-of label inside the picture on the last day of the period', async () => {
    const [pic] = timelines(await html(['report', SONGLIN, '--as-of', '2024-04-30']));
    expect(pic!.asOf).toHaveLength(1);
    expectInside(pic!.asOf, pic!.width);
    expect(pic!.asOf[0]!.x).toBeLessThan(pic!.width - estimate('截至 2024-04-30') / 2 + 1); // moved left, not cut
  });

  it('a week-long campaign: a mark a day', async () => {
    const dir = tmp();
    await cli(['init', join(dir, 'week.yaml'), '--template', 'disaster-week', '--year', '2024']);
    const [pic] = timelines(await html(['report', join(dir, 'week.yaml'), '--as-of', '2024-05-15']));
    expect(pic!.ticks.map((t) => t.text)).toEqual(['5月9日', '10日', '11日', '12日', '13日', '14日', '15日']);
    expectInside(pic!.asOf, pic!.width);
  });

  it('every example and clean plan: labels apart and inside, whatever the span', async () => {
    const files = [SEED, 'examples/shifan-2025.yaml', ...readdirSync(CLEAN).filter((f) => f.endsWith('.yaml')).map((f) => `${CLEAN}${f}`)];
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const asOf = file.startsWith(CLEAN) ? asOfOf(file) : '2020-06-17';
      const pics = timelines(await html(['report', file, '--as-of', asOf]));
      expect(pics.length, file).toBeGreaterThan(0);
      for (const p of pics) {
        expect(p.ticks.length, file).toBeGreaterThanOrEqual(3);
        expectApart(p.ticks);
        expectInside([...p.ticks, ...p.asOf], p.width);
      }
    }
  });

  it('draws the phases as bands, names that fit at their top, none touching another', async () => {
    const phases = [
      '  - {id: prepare, title: 宣传发动阶段, start: 2023-11-01, end: 2023-11-30}',
      '  - {id: guard, title: 重点时段防控阶段, start: 2023-12-01, end: 2024-03-31}',
      '  - {id: qingming, title: 清明节前专项检查阶段, start: 2024-04-01, end: 2024-04-02}',
      '  - {id: close, title: 总结阶段, start: 2024-04-03, end: 2024-04-30}',
    ];
    const dir = tmp();
    const file = join(dir, 'songlin.yaml');
    writeFileSync(file, readFileSync(SONGLIN, 'utf8').replace(/^period: .*$/m, (p) => `${p}\nphases:\n${phases.join('\n')}`));
    const [pic] = timelines(await html(['report', file, '--as-of', '2024-03-20']));
    expect(pic!.bands).toBe(4);
    // Two days are too narrow for any name: that band stays unnamed rather than overprinted.
    expect(pic!.phases.map((t) => t.text)).toEqual(['宣传发动阶段', '重点时段防控阶段', '总结阶段']);
    expectApart(pic!.phases);
    expectInside(pic!.phases, pic!.width);
    expect(pic!.ticks.map((t) => t.text)).toEqual(['2023年11月', '12月', '2024年1月', '2月', '3月', '4月']);
  });

  it('draws a long plan as pictures of at most 40 rows, each with its axis', async () => {
    const dir = tmp();
    const file = join(dir, 'long.yaml');
    const text = readFileSync(SONGLIN, 'utf8');
    const extra = Array.from({ length: 30 }, (_, i) => `      - {id: "5.${i + 3}", title: 巡查第${i + 1}组, lead: [forestry], due: 2024-04-10}`).join('\n');
    writeFileSync(file, text.replace(/^( {6}- \{?id: "?5\.2"?[^\n]*(?:\n {8}[^\n]*)*)/m, `$1\n${extra}`));
    const rows = (await cli(['export', file, '--as-of', '2024-03-20', '-f', 'json'])).stdout;
    const count = onePlan(rows).tasks.length;
    expect(count).toBeGreaterThan(40);
    const pics = timelines(await html(['report', file, '--as-of', '2024-03-20']));
    expect(pics).toHaveLength(Math.ceil(count / 40));
    for (const p of pics) expect(p.ticks.map((t) => t.text)).toEqual(['2023年11月', '12月', '2024年1月', '2月', '3月', '4月']);
    expect(cssOf(await html(['report', file, '--as-of', '2024-03-20']))).toMatch(/@media print\{[\s\S]*svg\{break-inside:avoid\}/);
  });
});
