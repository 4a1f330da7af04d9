// campaign's own CSV sheet, damaged on its way back (hostile report round 4, defect 12): a quote never closed,
// or the file saved as UTF-32 or as UTF-16 without a byte order mark, is said as what it is — a damaged file
// (sheet/csv-quote, with the line) or one in an encoding sheets never come in (sheet/file-encoding) — never as
// "not a sheet made by campaign sheets" with csv-parse's English words.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { csvSheet, unreadableEncoding } from '../src/sheets/read.js';
import { cli } from './helpers/in-process.js';

const EXAMPLE = new URL('../examples/shifan-2025.yaml', import.meta.url).pathname;

/** The example plan and its week-3 CSV sheet of 市场所, as campaign writes it (UTF-8 with BOM, CRLF). */
async function sheet(): Promise<{ plan: string; folder: string; file: string; text: string }> {
  const d = mkdtempSync(join(tmpdir(), 'campaign-damaged-csv-'));
  const plan = join(d, 'plan.yaml');
  writeFileSync(plan, readFileSync(EXAMPLE));
  const folder = join(d, 'returned');
  expect((await cli(['sheets', plan, '--week', '3', '-o', folder, '-f', 'csv', '--lang', 'zh'])).code).toBe(0);
  const name = readdirSync(folder).find((f) => f.includes('市场所'))!;
  for (const other of readdirSync(folder)) if (other !== name) writeFileSync(join(folder, other), ''); // only this one collected
  return { plan, folder, file: join(folder, name), text: readFileSync(join(folder, name), 'utf8') };
}

const collect = (plan: string, file: string, lang = 'zh') => cli(['collect', plan, file, '--as-of', '2025-06-16', '--dry-run', '--lang', lang, '-f', 'json']);
type Out = { findings: { ruleId: string; data: Record<string, unknown>; message: string }[] };

describe('a damaged CSV sheet is said to be damaged (defect 12)', () => {
  it('a quote never closed: sheet/csv-quote naming the line it opens on, exit 1, nothing taken', async () => {
    const { plan, file, text } = await sheet();
    const lines = text.split('\r\n');
    // A filled row, then a cell opening a quote that runs to the end of the file (line 15 of the file).
    lines.splice(14, 0, `"${'甲'.repeat(600)}`);
    writeFileSync(file, lines.join('\r\n'));
    const r = await collect(plan, file);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as Out;
    expect(out.findings.map((f) => [f.ruleId, f.data])).toEqual([['sheet/csv-quote', { file, line: 15 }]]);
    expect(out.findings[0]!.message).toBe(`${file}：第 15 行有一个引号没有配对，其后的内容都读不出，文件已损坏，未采用；请在 Excel 或 WPS 中打开核对该行，另存为 .xlsx 后再发回`);
  });

  it('a quote closed on a later line is one cell over two lines, and a doubled "" inside it is no end', () => {
    const ok = csvSheet('a.csv', new TextEncoder().encode('编号,任务,状态,进度,本周进展\r\n1.1,宣传,进行中,40,"第一行\r\n说""明"\r\n'));
    expect(ok.csvDamage).toBeUndefined();
    const bad = csvSheet('a.csv', new TextEncoder().encode('编号,任务,状态,进度,本周进展\r\n1.1,宣传,进行中,40,"第一行""\r\n说明\r\n1.2,x,y,z,w\r\n'));
    expect(bad.csvDamage).toEqual({ why: 'quote', line: 2 });
  });

  it('saved as UTF-32 (either byte order) or as UTF-16 without its mark: sheet/file-encoding naming the encoding', async () => {
    const { plan, file, text } = await sheet();
    const body = text.replace(/^\ufeff/, '');
    const cases: [Buffer, string][] = [
      [Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), iconv.encode(body, 'utf-32le')]), 'UTF-32'],
      [Buffer.concat([Buffer.from([0, 0, 0xfe, 0xff]), iconv.encode(body, 'utf-32be')]), 'UTF-32'],
      [iconv.encode(body, 'utf-32le'), 'UTF-32'],
      [iconv.encode(body, 'utf-16le'), 'UTF-16'],
    ];
    for (const [bytes, encoding] of cases) {
      expect(unreadableEncoding(bytes)).toBe(encoding);
      writeFileSync(file, bytes);
      const r = await collect(plan, file);
      expect(r.code).toBe(1);
      const out = JSON.parse(r.stdout) as Out;
      expect(out.findings.map((f) => [f.ruleId, f.data])).toEqual([['sheet/file-encoding', { file, encoding }]]);
    }
    const en = JSON.parse((await collect(plan, file, 'en')).stdout) as Out;
    expect(en.findings[0]!.message).toBe(`${file}: the file is in UTF-16 without a byte order mark, so its text cannot be read; not taken: open it in Excel or WPS, save it as .xlsx or as a UTF-8 CSV and send it again`);
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), iconv.encode(body, 'utf-32le')]));
    const zh = JSON.parse((await collect(plan, file)).stdout) as Out;
    expect(zh.findings[0]!.message).toBe(`${file}：文件是 UTF-32 编码，读不出文字，未采用；请在 Excel 或 WPS 中打开，另存为 .xlsx 或 UTF-8 的 CSV 后再发回`);
  });

  it('the encodings a sheet does come in are read as before: UTF-8 with or without BOM, UTF-16 with its mark, GB18030', () => {
    const text = '编号,任务\r\n1.1,宣传\r\n';
    for (const bytes of [Buffer.from(text), Buffer.from(`\ufeff${text}`), Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]), Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]), iconv.encode(text, 'gb18030')]) {
      expect(unreadableEncoding(bytes)).toBeUndefined();
    }
  });
});
