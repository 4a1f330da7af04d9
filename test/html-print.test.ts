// HTML that prints: read back from the generated page — the timeline's axis (its marks for a week, a
// month, half a year and a span across a new year, labels that never touch, the as-of label inside the
// picture, phases as bands).
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { daysBetween } from '../src/calendar/dates.js';
import { axisTicks, tickDates, tickUnit } from '../src/formats/timeline-axis.js';
import { cli } from './helpers/in-process.js';

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
    const count = JSON.parse(rows).length;
    expect(count).toBeGreaterThan(40);
    const pics = timelines(await html(['report', file, '--as-of', '2024-03-20']));
    expect(pics).toHaveLength(Math.ceil(count / 40));
    for (const p of pics) expect(p.ticks.map((t) => t.text)).toEqual(['2023年11月', '12月', '2024年1月', '2月', '3月', '4月']);
  });
});
