// Inputs that made a command slow or large (round 4 of the outside tester, REPORT.md defects 3–6): each is built
// here at run time, big enough that the quadratic step it hit took far longer than the timeout of its test.
// The tests assert what comes out (ids, counts, positions, exit codes); the timeout is what failed before.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import renderXlsx from '../src/formats/xlsx.js';
import { loadExcelJS, mergeCells } from '../src/formats/exceljs.js';
import { axisTicks, tickDates } from '../src/formats/timeline-axis.js';
import { daysBetween, type IsoDate } from '../src/calendar/dates.js';
import { MAX_PER_TEXT } from '../src/rules/types.js';
import { occurrenceCounter } from '../src/rules/text/repeated.js';
import { cli } from './helpers/in-process.js';
import { DOCUMENT_LIMITS } from '../src/importer/limits.js';

const EXAMPLE = new URL('../examples/shifan-2025.yaml', import.meta.url).pathname;
const dir = () => mkdtempSync(join(tmpdir(), 'campaign-slow-'));

interface Finding { ruleId: string; messageId: string; line: number; column: number; data: Record<string, unknown> }

/** The clean example with task 1.2's title replaced by `text`, validated: its exit code and findings. */
async function validateTitle(text: string): Promise<{ code: number; findings: Finding[] }> {
  const d = dir();
  const plan = join(d, 'plan.yaml');
  const source = readFileSync(EXAMPLE, 'utf8');
  expect(source).toContain('title: 安全知识进校园');
  writeFileSync(plan, source.replace('title: 安全知识进校园', `title: ${JSON.stringify(text)}`));
  const r = await cli(['validate', plan, '--as-of', '2025-07-10', '-f', 'json', '--lang', 'en']);
  return { code: r.code, findings: (JSON.parse(r.stdout) as { findings: Finding[] }).findings };
}

const of = (findings: Finding[], rule: string) => findings.filter((f) => f.ruleId === rule);

describe('text rules stay linear in a long text (defect 4)', { timeout: 10_000 }, () => {
  it('a sentence of 8,000 cited dates of another year is read once, not once per date', async () => {
    // 300 KB: 16 s before (each date read its whole sentence, which is the whole title).
    const { code, findings } = await validateTitle('学习2019年6月16日事故通报，'.repeat(8_000));
    expect(code).toBe(0);
    expect(of(findings, 'date/text-year')).toEqual([]);
  });

  it('a title of 12,000 dates of another year gives the first 20, each at its own place', async () => {
    const { code, findings } = await validateTitle('2019年6月16日，'.repeat(12_000));
    expect(code).toBe(0);
    const year = of(findings, 'date/text-year');
    expect(year).toHaveLength(MAX_PER_TEXT);
    expect(new Set(year.map((f) => f.messageId))).toEqual(new Set(['year']));
    // 2019年6月16日， is 11 characters: the n-th finding stands 11 × n columns after the first.
    const first = year[0]!.column;
    expect(year.map((f) => f.column)).toEqual(year.map((_, n) => first + 11 * n));
  });

  it('12,000 editions of another year give 20 findings of theme/national-year', async () => {
    const { findings } = await validateTitle('第十八个“安全生产月”'.repeat(12_000));
    const edition = of(findings, 'theme/national-year');
    expect(edition).toHaveLength(MAX_PER_TEXT);
    expect(edition[0]!.data).toMatchObject({ text: '第十八个“安全生产月', edition: 18, year: 2025, expected: 24 });
    expect(edition[19]!.column - edition[0]!.column).toBe(19 * 11);
  });

  it('8,000 dates with a wrong weekday give 20 findings of date/weekday', async () => {
    const { findings } = await validateTitle('6月15日（星期二'.repeat(8_000));
    const weekday = of(findings, 'date/weekday').filter((f) => f.messageId === 'weekday');
    expect(weekday).toHaveLength(MAX_PER_TEXT);
    expect(weekday[0]!.data).toMatchObject({ date: '2025-06-15', written: '二', actual: '日' });
  });

  it('12,000 days that do not exist give 20 findings of date/text-invalid', async () => {
    const { findings } = await validateTitle('6月31日，'.repeat(12_000));
    const invalid = of(findings, 'date/text-invalid');
    expect(invalid).toHaveLength(MAX_PER_TEXT);
    expect(invalid.map((f) => f.column - invalid[0]!.column)).toEqual(invalid.map((_, n) => 6 * n));
  });

  it('counts occurrences as the locator finds them: non-overlapping, from the start, asked in any order', () => {
    const at = occurrenceCounter('aaaa-aa-aaa');
    expect(at('aa', 0)).toBe(0);
    expect(at('aa', 2)).toBe(1);
    expect(at('aa', 5)).toBe(2);
    expect(at('aa', 8)).toBe(3);
    expect(at('aa', 11)).toBe(4);
    // Asked again for an earlier place: counted afresh.
    expect(at('aa', 2)).toBe(1);
    expect(at('-', 7)).toBe(1);
    expect(at('b', 11)).toBe(0);
  });
});

describe('a key said over and over is named in linear time', { timeout: 10_000 }, () => {
  it('20,000 repeats of one key: each a yaml/duplicate-key naming it at its own line', async () => {
    // 43 s when each repeat walked the whole document for its key.
    const d = dir();
    const plan = join(d, 'plan.yaml');
    writeFileSync(plan, `${readFileSync(EXAMPLE, 'utf8')}notes:\n${Array.from({ length: 20_000 }, (_, i) => `  k: ${i}\n`).join('')}`);
    const r = await cli(['validate', plan, '--as-of', '2025-07-10', '-f', 'json', '--lang', 'en']);
    const found = of((JSON.parse(r.stdout) as { findings: Finding[] }).findings, 'yaml/duplicate-key');
    const first = readFileSync(plan, 'utf8').split('\n').indexOf('  k: 0') + 1;
    expect(r.code).toBe(1);
    expect(found).toHaveLength(19_999);
    expect(found.every((f, i) => f.line === first + 1 + i && f.column === 3 && f.data.key === 'k')).toBe(true);
  });
});

describe('a long workbook merges its rows in linear time (defect 3)', { timeout: 10_000 }, () => {
  it('a form of 1,000 lines, each merged across the sheet, is written with every merge', async () => {
    // Each line is a merged row: exceljs compared each new merge with all before it (weekly -f xlsx of 2,000 tasks: 41 s).
    const notes = Array.from({ length: 1_000 }, (_, i) => `第${i + 1}条说明`);
    const bytes = await renderXlsx(
      { docs: [{ title: '周报', meta: [], notes, sections: [{ heading: '一、进展', table: { columns: [{ label: '任务' }, { label: '进展' }], rows: [['1.1', '完成']] } }] }], data: {} },
      { lang: 'zh', chalk: new Chalk({ level: 0 }), width: 80, bom: false },
    );
    const zip = await JSZip.loadAsync(bytes as Uint8Array);
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    // The title, 1,000 notes and the heading: one merged range each.
    expect(sheet).toMatch(/<mergeCells count="1002">/);
    expect(await zip.file('xl/sharedStrings.xml')!.async('string')).toContain('第1000条说明');
  });

  it('30,000 merged rows take the time of 30,000 merges', async () => {
    // ws.mergeCells, which the forms called, compares each range with every one before: 450 million comparisons here.
    const ExcelJS = await loadExcelJS();
    const ws = new ExcelJS.Workbook().addWorksheet('s');
    for (let r = 1; r <= 30_000; r++) mergeCells(ws, r, 1, r, 4);
    expect(ws.model.merges).toHaveLength(30_000);
    expect(ws.getCell(30_000, 4).master.address).toBe('A30000');
  });

  it('merging a cell twice is still an error', async () => {
    const ExcelJS = await loadExcelJS();
    const ws = new ExcelJS.Workbook().addWorksheet('s');
    mergeCells(ws, 1, 1, 1, 3);
    mergeCells(ws, 2, 1, 2, 3);
    expect(() => mergeCells(ws, 1, 3, 2, 4)).toThrow('Cannot merge already merged cells');
    expect(ws.model.merges).toEqual(['A1:C1', 'A2:C2']);
  });
});

describe('a timeline over far dates tries only the marks it could show (defect 5)', { timeout: 10_000 }, () => {
  it('0001-01-01 to 9999-12-31: month marks, a few dozen of 120,000, none touching', () => {
    let asked = 0;
    const from = '0001-01-01' as IsoDate;
    const to = '9999-12-31' as IsoDate;
    const days = daysBetween(from, to) + 1;
    const ticks = axisTicks(from, to, { lang: 'zh', x: (d) => { asked++; return 330 + (daysBetween(from, d) / days) * 560; }, right: 898, fontSize: 12 });
    expect(ticks[0]).toMatchObject({ date: '0001-01-01', label: '0001年1月', x: 330 });
    expect(ticks.length).toBeGreaterThan(3);
    expect(ticks.length).toBeLessThan(20);
    // Evenly spaced: every mark the same number of months after the one before.
    const months = ticks.map((t) => Number(t.date.slice(0, 4)) * 12 + Number(t.date.slice(5, 7)));
    expect(new Set(months.slice(1).map((m, i) => m - months[i]!)).size).toBe(1);
    // Before: every month of the span placed for each of 20 densities (1.4 million), 18 s for a report.
    expect(asked).toBeLessThan(1_000);
  });

  it('marks end where the span ends in the year 9999 (the day after, 10000-01-01, sorts before it as text)', () => {
    // Before: walked on while the date was at most 9999-12-31 as text — for ever.
    expect(tickDates('9999-12-25' as IsoDate, '9999-12-31' as IsoDate, 'day')).toEqual(['9999-12-25', '9999-12-26', '9999-12-27', '9999-12-28', '9999-12-29', '9999-12-30', '9999-12-31']);
    expect(tickDates('9999-11-25' as IsoDate, '9999-12-31' as IsoDate, 'week')).toEqual(['9999-11-29', '9999-12-06', '9999-12-13', '9999-12-20', '9999-12-27']);
    expect(tickDates('9999-06-15' as IsoDate, '9999-12-31' as IsoDate, 'month')).toEqual(['9999-07-01', '9999-08-01', '9999-09-01', '9999-10-01', '9999-11-01', '9999-12-01']);
    expect(tickDates('2020-06-02' as IsoDate, '2020-06-07' as IsoDate, 'week')).toEqual([]);
  });

  it('report -f html of a plan with one task from year 1 to 9999 is written', async () => {
    const d = dir();
    const plan = join(d, 'plan.yaml');
    const source = readFileSync(EXAMPLE, 'utf8');
    expect(source).toContain('start: 2025-06-03\n        due: 2025-06-20');
    writeFileSync(plan, source.replace('start: 2025-06-03\n        due: 2025-06-20', 'start: 0001-01-01\n        due: 9999-12-31'));
    const out = join(d, 'r.html');
    const r = await cli(['report', plan, '-f', 'html', '-o', out, '--as-of', '2025-06-20', '--lang', 'zh']);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('0001年1月');
  });
});

/** A one-page PDF whose one compressed content stream shows `n` short pieces of text (x0, x1 …), each placed apart. */
function manyPiecesPdf(n: number): Uint8Array {
  const ops = ['BT /F1 1 Tf'];
  for (let i = 0; i < n; i++) ops.push(`1 0 0 1 ${(50 + (i % 400) * 1.2).toFixed(2)} ${(800 - Math.floor(i / 400) * 0.9).toFixed(2)} Tm (x${i}) Tj`);
  ops.push('ET');
  const content = deflateSync(Buffer.from(ops.join('\n')));
  const objects = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>'),
    Buffer.concat([Buffer.from(`<< /Length ${content.length} /Filter /FlateDecode >>\nstream\n`), content, Buffer.from('\nendstream')]),
    Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'),
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  objects.forEach((o, i) => {
    offsets.push(length);
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), o, Buffer.from('\nendobj\n')]);
    parts.push(obj);
    length += obj.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  return new Uint8Array(Buffer.concat(parts));
}

describe('a PDF of too many pieces of text is refused as they are read (defect 6)', { timeout: 30_000 }, () => {
  it('120,000 short pieces: one line naming the limit, exit 2, nothing written', async () => {
    // Before: every piece read, laid out and counted as characters (under 2,000,000): imported, exit 0.
    const d = dir();
    const file = join(d, 'many.pdf');
    writeFileSync(file, manyPiecesPdf(120_000));
    const r = await cli(['import', file, '-o', join(d, 'plan.yaml'), '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`many.pdf: more than ${DOCUMENT_LIMITS.items.toLocaleString('en-US')} separately placed pieces of text (PDF), far more than a plan holds`);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(() => readFileSync(join(d, 'plan.yaml'))).toThrow();
  });
});
