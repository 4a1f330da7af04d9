// Terminal tables fit the terminal: at 80 and 130 columns every table of every command draws with
// intact borders, wide text wraps, narrow columns narrow, the least important columns are left out in
// the order each report states (and a line says which), and no date is ever split across lines.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { tableTexts } from '../src/formats/cells.js';
import { layoutColumns } from '../src/formats/fit-columns.js';
import render from '../src/formats/table.js';
import { minWrapWidth, wrapEvenly, wrapText } from '../src/formats/width.js';
import type { Lang } from '../src/messages/types.js';
import type { Column, Doc } from '../src/formats/doc.js';
import { KINDS } from '../src/reports/index.js';
import type { PlanKind, SummaryKind } from '../src/reports/kind.js';
import { failedRow, readPlanText, summariseText } from '../src/rollup/summarise-files.js';
import { cli } from './helpers/in-process.js';
import { HISTORY, loadPlanFile } from './helpers/plan.js';

const WIDTHS = [80, 130] as const;
const LANGS: Lang[] = ['zh', 'en'];
/** Each plan with dates inside its period, and the seed also as of its own year (its period says 2019). */
const PLANS: [string, string[]][] = [
  ['examples/tongzhong-2020.yaml', ['2019-06-17', '2020-06-17']],
  ['examples/shifan-2025.yaml', ['2025-06-06', '2025-06-30']],
  [HISTORY, ['2020-06-21']],
];
const PLAN_COMMANDS = [['status'], ['weekly'], ['report', '-f', 'table'], ['export', '-f', 'table']];

const BOX = /^[┌│├└]/;

/** The tables of an output: runs of lines that start with a border character. */
function boxes(text: string): { lines: string[]; end: number }[] {
  const lines = text.split('\n');
  const out: { lines: string[]; end: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!BOX.test(lines[i]!)) continue;
    const start = i;
    while (i + 1 < lines.length && BOX.test(lines[i + 1]!)) i++;
    out.push({ lines: lines.slice(start, i + 1), end: i });
  }
  return out;
}

/** What must hold of any terminal output at `width`: no line wider, every table whole, every date whole. */
function expectFits(text: string, width: number, what: string): void {
  const lines = text.split('\n');
  for (const line of lines) expect(stringWidth(line), `${what}: a line wider than ${width}:\n${line}`).toBeLessThanOrEqual(width);
  for (const { lines: box } of boxes(text)) {
    const w = stringWidth(box[0]!);
    box.forEach((line, i) => {
      expect(stringWidth(line), `${what}: a row of another width:\n${box.join('\n')}`).toBe(w);
      const [first, last] = [line[0], line.at(-1)];
      if (i === 0) expect(first + last!, what).toBe('┌┐');
      else if (i === box.length - 1) expect(first + last!, what).toBe('└┘');
      else expect(['││', '├┤'], `${what}: a broken border:\n${line}`).toContain(first + last!);
    });
  }
  // A border character outside a table would be a table that lost its edge.
  for (const line of lines) if (!BOX.test(line)) expect(line, what).not.toMatch(/[┌┐└┘├┤┬┴┼]/);
  expectWholeDates(text, what);
}

/**
 * Every date (2020-06-15), week (2020-W25) and phone number (0710-1234567) stands whole on one line: no
 * piece of one — 2020-06, 2020-, -15, 0-06-15 — is left at the end or the start of a line of a cell.
 */
function expectWholeDates(text: string, what: string): void {
  for (const token of text.split(/[\s│┌┐└┘├┤┬┴┼─（）()，,；;：:~～—–、。“”"？?！!]+/)) {
    if (!/[0-9]/.test(token) || !/-/.test(token)) continue;
    expect(token, `${what}: a date broken across lines`).toMatch(/^(\d{4}-\d{2}-\d{2}|\d{4}-W\d{2}|\d{3,4}-\d{7,8}|[A-Za-z][\w./-]*\.ya?ml|[\w/.-]*[A-Za-z][\w-]*)$/);
    expect(token, `${what}: a date broken across lines`).not.toMatch(/^\d{4}-(\d{1,2}|\d{2}-\d?)?$|^-|^\d{1,3}-\d/);
  }
}

/** The header labels a drawn table shows, each put together from the lines it wrapped over. */
function headerLabels(box: readonly string[]): string[] {
  const header = box.slice(1, box.findIndex((l, i) => i > 0 && /^[├└]/.test(l)));
  const labels: string[] = [];
  for (const line of header) {
    line.slice(1, -1).split('│').forEach((cell, i) => {
      const piece = cell.trim();
      const before = labels[i] ?? '';
      labels[i] = !before || !piece ? before + piece : /[A-Za-z.]$/.test(before) && /^[A-Za-z]/.test(piece) ? `${before} ${piece}` : before + piece;
    });
  }
  return labels;
}

/** The labels a "not shown" line names, or [] when the table has none under it. */
function namedOmitted(line: string | undefined, lang: Lang): string[] {
  const m = lang === 'zh' ? line?.match(/^（终端宽度不足，未显示：(.+?)；/) : line?.match(/^\(The terminal is too narrow for every column; not shown: (.+?)\. -f md/);
  return m ? m[1]!.split(lang === 'zh' ? '、' : ', ') : [];
}

const draw = (doc: Doc, lang: Lang, width: number) => render({ docs: [doc], data: null }, { lang, chalk: new Chalk({ level: 0 }), width, bom: false }) as string;

/**
 * Draws a document and checks each table against its columns: the header shows exactly the columns with
 * something in them less those the line under it names, and those are columns the report lets go, named
 * in its order. Returns what each table left out.
 */
function checkOmissions(doc: Doc, lang: Lang, width: number, what: string): string[][] {
  const text = draw(doc, lang, width);
  const lines = text.split('\n');
  // The note under a table may wrap: put its lines back together.
  const noteAfter = (end: number): string | undefined => {
    let note = lines[end + 1];
    if (!note || !/^[（(]/.test(note)) return undefined;
    for (let i = end + 2; i < lines.length && !/[）)]$/.test(note); i++) note += (/[A-Za-z,.]$/.test(note) ? ' ' : '') + lines[i];
    return note;
  };
  const tables = doc.sections.filter((s) => s.table && s.table.rows.length > 0).map((s) => s.table!);
  const drawn = boxes(text);
  expect(drawn.length, what).toBe(tables.length);
  return tables.map((table, t) => {
    const { shown } = tableTexts(table, lang);
    const candidates = shown.map((i) => table.columns[i]!);
    const named = namedOmitted(noteAfter(drawn[t]!.end), lang);
    expect(headerLabels(drawn[t]!.lines), `${what}: table ${t + 1}`).toEqual(candidates.filter((c) => !named.includes(c.label)).map((c) => c.label));
    const omits = named.map((n) => candidates.find((c) => c.label === n)?.omit);
    for (const o of omits) expect(o, `${what}: a column left out that the report keeps`).toBeTypeOf('number');
    expect(omits, `${what}: named in the report's order`).toEqual([...omits].sort((a, b) => a! - b!));
    return named;
  });
}

async function planDocs(file: string, asOf: string, lang: Lang): Promise<[string, Doc][]> {
  const plan = loadPlanFile(file);
  const out: [string, Doc][] = [];
  for (const name of ['status', 'weekly', 'report', 'export'] as const) {
    const kind = (await KINDS[name]()).default as PlanKind<unknown>;
    out.push([name, kind.doc(kind.build(plan, { asOf, lang }), lang)]);
  }
  return out;
}

async function rollupDoc(asOf: string, lang: Lang): Promise<Doc> {
  const kind = (await KINDS.rollup()).default as SummaryKind<unknown>;
  const summaries = await Promise.all(PLANS.map(async ([file]) => {
    const read = await readPlanText(file, { asOf, lang });
    return 'row' in read ? read.row : summariseText(file, read.text, { asOf, lang }).summary;
  }));
  summaries.push(failedRow('plans/broken.yaml', 'YAML syntax error at 3:1: unexpected end of the stream', 'plan'));
  return kind.doc(kind.build(summaries, { asOf, lang }), lang);
}

describe('every report command at 80 and 130 columns', () => {
  for (const width of WIDTHS) {
    for (const lang of LANGS) {
      it(`plans' tables fit ${width} columns (${lang}; COLUMNS, piped)`, async () => {
        for (const [file, dates] of PLANS) {
          for (const asOf of dates) {
            for (const command of PLAN_COMMANDS) {
              const r = await cli([...command, file, '--as-of', asOf, '--lang', lang], { env: { COLUMNS: String(width) } });
              expect(r.stdout).toMatch(/┌/);
              expectFits(r.stdout, width, `${command.join(' ')} ${file} --as-of ${asOf} --lang ${lang} at ${width}`);
            }
          }
        }
      });

      it(`the roll-up fits ${width} columns (${lang}), with an unreadable plan too`, async () => {
        const dir = mkdtempSync(join(tmpdir(), 'campaign-width-'));
        writeFileSync(join(dir, 'broken.yaml'), 'version: 1\ntasks: [\n');
        const r = await cli(['rollup', ...PLANS.map(([f]) => f), join(dir, 'broken.yaml'), '--as-of', '2020-06-21', '-f', 'table', '--lang', lang, '--no-cache'], { env: { COLUMNS: String(width) } });
        expect(r.stdout).toMatch(/┌/);
        expectFits(r.stdout, width, `rollup at ${width} (${lang})`);
      });

      it(`validate's findings and the rules list fit ${width} columns (${lang}) on a terminal`, async () => {
        for (const [file] of PLANS) {
          const v = await cli(['validate', file, '--lang', lang], { tty: true, columns: width });
          expectFits(v.stdout, width, `validate ${file} at ${width}`);
        }
        const rules = await cli(['rules', '--lang', lang], { tty: true, columns: width });
        expectFits(rules.stdout, width, `rules at ${width}`);
      });

      it(`the columns left out at ${width} are exactly the ones named, in each report's order (${lang})`, async () => {
        for (const [file, dates] of PLANS) {
          for (const asOf of dates) {
            for (const [name, doc] of await planDocs(file, asOf, lang)) checkOmissions(doc, lang, width, `${name} ${file} ${asOf} ${lang} ${width}`);
          }
        }
        checkOmissions(await rollupDoc('2020-06-21', lang), lang, width, `rollup ${lang} ${width}`);
      });
    }
  }

  it('the weekly at 80 columns: the remark, supporting units, row number and the rest go, in that order, and the line says so', async () => {
    const [, weekly] = (await planDocs(HISTORY, '2020-06-21', 'zh')).find(([n]) => n === 'weekly')!;
    const thisWeek = 1; // units, this week's tasks, overdue, due next week, reports
    expect(checkOmissions(weekly, 'zh', 80, 'weekly zh 80')[thisWeek]).toEqual(['备注', '配合单位', '配合单位进展', '序号', '下步计划', '存在问题', '进度']);
    expect(checkOmissions(weekly, 'zh', 130, 'weekly zh 130')[thisWeek]).toEqual(['备注', '配合单位']);
    expect(checkOmissions(weekly, 'zh', 160, 'weekly zh 160')[thisWeek]).toEqual([]);
    const [, en] = (await planDocs(HISTORY, '2020-06-21', 'en')).find(([n]) => n === 'weekly')!;
    expect(checkOmissions(en, 'en', 80, 'weekly en 80')[thisWeek]).toEqual(['Remarks', 'Support', "Supporters' work", 'No.', 'Next steps', 'Problems', 'Progress']);
    // The line under the table wraps too, keeping each option with its value.
    const text = draw(en, 'en', 80);
    expect(text).toContain("(The terminal is too narrow for every column; not shown: Remarks, Support,\nSupporters' work, No., Next steps, Problems, Progress. -f md or -f xlsx shows\nthem all.)");
  });

  it('the title and header fields break between words and fields, never inside a date or week', async () => {
    const r = await cli(['weekly', HISTORY, '--week', '2020-W25', '--lang', 'zh'], { env: { COLUMNS: '60' } });
    const top = r.stdout.split('\n').slice(0, 5);
    // 6月15日 is a date as 2020-06-15 is: the line breaks before its bracket, not inside it.
    expect(top).toEqual([
      '测试乡2020年“安全生产月”活动方案 — 进展情况周报 第3周',
      '（6月15日—6月21日）',
      '填报单位：测试乡安委办    填报人：张三',
      '联系电话：0710-1234567    审核人：李四',
      '填报日期：2020-06-21    完成率：25%',
    ]);
  });

  it('on a terminal its own width counts (COLUMNS unset); COLUMNS wins; piped without COLUMNS is 160 wide', async () => {
    const args = ['weekly', HISTORY, '--week', '2020-W25', '--lang', 'zh'];
    const widest = (text: string) => Math.max(...text.split('\n').map((l) => stringWidth(l)));
    expect(widest((await cli(args, { tty: true, columns: 80 })).stdout)).toBeLessThanOrEqual(80);
    expect(widest((await cli(args, { tty: true, columns: 200, env: { COLUMNS: '90' } })).stdout)).toBeLessThanOrEqual(90);
    expect(widest((await cli(args)).stdout)).toBe(160);
    // A file is a document, not a terminal: COLUMNS does not narrow it.
    const dir = mkdtempSync(join(tmpdir(), 'campaign-width-'));
    await cli([...args, '-o', join(dir, 'w.txt')], { env: { COLUMNS: '80' } });
    expect(widest(readFileSync(join(dir, 'w.txt'), 'utf8'))).toBe(160);
  });

  it('validate piped keeps one finding a line, whatever the width of the message', async () => {
    const r = await cli(['validate', 'examples/tongzhong-2020.yaml']);
    expect(r.stdout.split('\n')[2]).toMatch(/^ {2}20:17 {3}error {4}the activity period .*\?\s+date\/period-year$/);
    const narrow = await cli(['validate', 'examples/tongzhong-2020.yaml'], { tty: true, columns: 80 });
    const lines = narrow.stdout.split('\n');
    const at = lines.findIndex((l) => l.startsWith('  20:17'));
    expect(lines[at]).toMatch(/^ {2}20:17 {3}error {4}the activity period 2019-06-01 –\s+date\/period-year$/);
    // The message goes on under itself, aligned with its first line.
    expect(lines[at + 1]).toMatch(/^ {19}2019-06-30 lies in 2019/);
  });
});

describe('wrapping text', () => {
  it('never breaks inside a date, a week, a number or a word; breaks Chinese anywhere but before closing punctuation', () => {
    expect(wrapText('填报日期：2020-06-17', 14)).toBe('填报日期：\n2020-06-17');
    expect(wrapText('周报 2020-W25（2020-06-15 ~ 2020-06-21）', 20)).toBe('周报 2020-W25\n（2020-06-15 ~\n2020-06-21）');
    expect(wrapText('检查餐饮场所，共12家', 12)).toBe('检查餐饮场\n所，共12家');
    expect(wrapText('the activity period', 8)).toBe('the\nactivity\nperiod');
    // A path breaks after a slash; a piece wider than the line is cut only because it must be.
    expect(wrapText('examples/tongzhong-2020.yaml', 20)).toBe('examples/\ntongzhong-2020.yaml');
    expect(wrapText('examples/tongzhong-2020.yaml', 12)).toBe('examples/\ntongzhong-20\n20.yaml');
  });

  it('the narrowest width without a break inside a piece, and even lines for short text', () => {
    expect(minWrapWidth('2020-06-15')).toBe(10);
    expect(minWrapWidth('活动时间已于 2019-06-30 结束')).toBe(10);
    expect(minWrapWidth('配合任务')).toBe(2);
    expect(minWrapWidth('未开始（进行中）')).toBe(4);
    expect(wrapEvenly('配合任务', 6)).toBe('配合\n任务');
    expect(wrapEvenly('（未指定牵头单位）', 8)).toBe('（未指\n定牵头\n单位）');
  });
});

describe('laying out columns', () => {
  const cols = (...spec: [string, Partial<Column>][]): Column[] => spec.map(([l, c]) => ({ label: l, ...c }));
  const minimums = (atoms: number[]) => () => ({ atoms, readable: atoms });

  it('wraps the wide column first, then narrows the others, and leaves out nothing while that fits', () => {
    const c = cols(['a', {}], ['b', { wide: true }], ['c', { omit: 1 }]);
    expect(layoutColumns(c, [10, 40, 10], minimums([4, 4, 4]), 60)).toEqual({ shown: [0, 1, 2], widths: [12, 32, 12], omitted: [] });
    expect(layoutColumns(c, [10, 40, 10], minimums([4, 4, 4]), 34)).toEqual({ shown: [0, 1, 2], widths: [9, 12, 9], omitted: [] });
  });

  it('then leaves out columns in their order, and brings back one that fits once a wider one is gone', () => {
    const c = cols(['id', {}], ['narrow', { omit: 1 }], ['wide', { omit: 2 }], ['keep', {}]);
    // Leaving out 'narrow' is not enough; leaving out 'wide' too is, and then 'narrow' fits again.
    const layout = layoutColumns(c, [10, 6, 30, 10], minimums([10, 6, 30, 10]), 40);
    expect(layout.omitted).toEqual([2]);
    expect(layout.shown).toEqual([0, 1, 3]);
  });

  it('never leaves out a column the report keeps; with nothing left to leave out, words may break', () => {
    const c = cols(['a', {}], ['b', {}]);
    const layout = layoutColumns(c, [30, 30], minimums([30, 30]), 40);
    expect(layout.omitted).toEqual([]);
    expect(layout.widths.reduce((s, w) => s + w, 0) + 3).toBeLessThanOrEqual(40);
  });
});

describe('the README', () => {
  it('states the order in which each table leaves columns out, as the reports declare it', async () => {
    const readme = readFileSync('README.md', 'utf8');
    const from = readme.indexOf('#### Terminal tables');
    const section = readme.slice(from, readme.indexOf('\n### ', from));
    const rows = [...section.matchAll(/^\| ([^|]+) \| ([^|]+) \| ([^|]+) \|$/gm)].filter((m) => m[1] !== 'table' && !/^-+$/.test(m[1]!));
    const docs = new Map((await planDocs(HISTORY, '2020-06-21', 'zh')).map(([name, doc]) => [name, doc]));
    docs.set('rollup', await rollupDoc('2020-06-21', 'zh'));
    const WHERE: Record<string, [string, string[]]> = {
      "weekly: this week's tasks": ['weekly', ['本周任务']],
      overall: ['status', ['总体情况']],
      'by unit': ['status', ['各单位完成情况']],
      'by section (report)': ['report', ['分项完成情况']],
      'overdue, due next week': ['weekly', ['逾期任务', '下周到期任务']],
      targets: ['status', ['量化指标']],
      'report deadlines': ['status', ['报送事项']],
      export: ['export', []],
      'rollup: by plan': ['rollup', ['各乡镇完成情况']],
      'rollup: by kind of unit': ['rollup', ['各类单位汇总']],
    };
    expect(rows.map((r) => r[1])).toEqual(Object.keys(WHERE));
    for (const [, name, omitted, always] of rows) {
      const [kind, headings] = WHERE[name!]!;
      const doc = docs.get(kind)!;
      const tables = headings.length ? headings.map((h) => doc.sections.find((s) => s.heading === h)!.table!) : [doc.sections[0]!.table!];
      for (const table of tables) {
        const declared = table.columns.filter((c) => c.omit !== undefined).sort((a, b) => a.omit! - b.omit!).map((c) => c.label);
        expect(omitted!.split(', ').map((item) => item.split(' ')[0]), name).toEqual(declared);
        expect(always!.split(', ').length, name).toBe(table.columns.length - declared.length);
      }
    }
  });
});
