// Excel 97–2003 sheets (.xls): read with SheetJS in a process of its own, whose heap and time are bounded, so
// that a damaged or hostile file — found by fuzzing to loop for ever or to fill a gigabyte — is one line saying
// why, never a hung or crashed program, nor a word on standard output.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readXlsSheet } from '../src/sheets/read-xls.js';
import { cli } from './helpers/in-process.js';
import { XLS_READER } from '../src/sheets/xls-process.js';

const MONTH = new URL('./fixtures/month/', import.meta.url).pathname;
const HOSTILE = new URL('./fixtures/hostile-xls/', import.meta.url).pathname;
const limits = { ...XLS_READER };
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'campaign-xls-'));
});
afterEach(() => Object.assign(XLS_READER, limits));

describe('an .xls sheet', () => {
  it('reads the sheet LibreOffice saved as .xls: its match sheet, header, dates, numbers and Chinese text', async () => {
    const file = join(MONTH, 'week2', '2026-W24-市场所.xls');
    const sheet = await readXlsSheet(file, readFileSync(file));
    expect(sheet.unreadable).toBeUndefined();
    expect([sheet.meta?.format, sheet.meta?.unit, sheet.meta?.from, sheet.meta?.to]).toEqual(['campaign-sheet/2', 'market', '2026-0605'.replace('06', '06-'), '2026-06-11']);
    expect(sheet.header[1]).toBe('填报单位：市场所 周次：第2周（6月5日—6月11日） 报送期限：2026-06-12 12:00前');
    const row = sheet.rows.find((r) => r.cells.id?.text === '1.2')!;
    expect(row.cells.note?.text).toBe('宣讲3场');
    expect(row.cells.date).toMatchObject({ date: '2026-06-10' });
    expect(row.cells.newProgress).toMatchObject({ number: 60 });
    expect(row.cells.progress).toMatchObject({ number: 0.15, percent: true });
    expect(row.cells['actual:宣讲场次（场）']).toMatchObject({ number: 3 });
  });

  it('is collected like any sheet', async () => {
    const plan = join(dir, 'plan.yaml');
    copyFileSync(join(MONTH, 'plan.yaml'), plan);
    const r = await cli(['collect', plan, join(MONTH, 'week2', '2026-W24-市场所.xls'), '--as-of', '2026-06-11', '-f', 'json']);
    const out = JSON.parse(r.stdout);
    expect([r.code, out.errors, out.taken.map((t: { task: string }) => t.task)]).toEqual([0, 0, ['1.2', '1.4', '4.2']]);
  });
});

describe('a damaged or hostile .xls', () => {
  const collect = async (file: string) => {
    const plan = join(dir, 'plan.yaml');
    copyFileSync(join(MONTH, 'plan.yaml'), plan);
    const r = await cli(['collect', plan, file, '--as-of', '2026-06-11', '-f', 'json', '--lang', 'zh']);
    return { code: r.code, stderr: r.stderr, out: JSON.parse(r.stdout) };
  };

  it('a file that loops the reader for ever is stopped at the time limit, and said', async () => {
    XLS_READER.timeoutMs = 1500;
    const started = Date.now();
    const r = await collect(join(HOSTILE, 'fuzz-formula-infinite-loop.xls'));
    expect(Date.now() - started).toBeLessThan(8000);
    expect([r.code, r.stderr, r.out.findings.map((f: { rule: string; message: string }) => [f.rule, f.message.replace(/^.*\//, '')])]).toEqual([
      1, '', [['sheet/refused', 'fuzz-formula-infinite-loop.xls：1.5 秒内未能读完（文件可能已损坏），未采用；请在 Excel 或 WPS 中打开，另存为 .xlsx 后再发回']],
    ]);
  });

  it('a file that would fill the memory stops its own process, not the program', async () => {
    XLS_READER.heapMb = 64;
    const r = await collect(join(HOSTILE, 'fuzz-cfb-dirtree-loop-oom.xls'));
    expect(r.out.findings.map((f: { rule: string; message: string }) => [f.rule, f.message.replace(/^.*\//, '')])).toEqual([
      ['sheet/refused', 'fuzz-cfb-dirtree-loop-oom.xls：读取需要超过 64 MB 内存（文件可能已损坏），未采用；请在 Excel 或 WPS 中打开，另存为 .xlsx 后再发回'],
    ]);
  });

  it('files the reader throws on (strings, range errors, truncated records) cannot be read, said in the clerk\'s words', async () => {
    const said: string[] = [];
    for (const name of ['fuzz-rangeerror.xls', 'fuzz-throws-string.xls', 'minifat-selfloop.xls', 'stream-size-huge.xls']) {
      const r = await collect(join(HOSTILE, name));
      const found = r.out.findings as { rule: string; message: string }[];
      expect([r.code, r.stderr, found.length], name).toEqual([1, '', 1]);
      said.push(`${found[0]!.rule} ${found[0]!.message.replace(/^.*\//, '')}`);
    }
    // A RangeError inside the reader ("Attempt to access memory outside buffer bounds") describes no file: it is not said;
    // SheetJS's own sentence ("XLS Record 0x208 Truncated") is no Chinese: the file's structure is said to be wrong.
    expect(said).toEqual([
      'sheet/unreadable fuzz-rangeerror.xls，未采用；请在 Excel 或 WPS 中打开，另存为 .xlsx 后再发回',
      'sheet/unreadable fuzz-throws-string.xls（文件结构有误），未采用；请在 Excel 或 WPS 中打开，另存为 .xlsx 后再发回',
      'sheet/unreadable minifat-selfloop.xls（文件结构有误），未采用；请在 Excel 或 WPS 中打开，另存为 .xlsx 后再发回',
      'sheet/not-a-sheet stream-size-huge.xls 不是 campaign sheets 生成的填报表（没有工作表）',
    ]);
  });

  it('something else named .xls — an .xlsx renamed, a CSV, a web page — is said to be no Excel 97–2003 workbook', async () => {
    const fake = join(dir, '派出所.xls');
    writeFileSync(fake, '<html><body><table><tr><td>1.1</td></tr></table></body></html>');
    const r = await collect(fake);
    expect(r.out.findings.map((f: { rule: string; message: string }) => [f.rule, f.message.replace(/^.*\//, '')])).toEqual([
      ['sheet/refused', '派出所.xls：扩展名是 .xls，但不是 Excel 97–2003 工作簿，未采用；请在 Excel 或 WPS 中打开，另存为 .xlsx 后再发回'],
    ]);
  });
});
