// Returned workbooks from other hands (issue #25; the outside tester's defect 03): a sheet of many wrong rows is
// checked in time linear in its rows, its findings of one kind counted past the first 20.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { FINDINGS_PER_KIND } from '../src/sheets/check.js';
import { cli } from './helpers/in-process.js';

const SEED = new URL('../examples/tongzhong-2020.yaml', import.meta.url).pathname;
const dir = () => mkdtempSync(join(tmpdir(), 'campaign-hsheets-'));
const SHEET1 = 'xl/worksheets/sheet1.xml';

interface Finding { rule: string; cell: string | null; row: number; message: string; data: Record<string, unknown> }
interface Collected { code: number; stdout: string; findings: Finding[]; taken: { row: number; task: string; update: Record<string, unknown> }[] }

/** A plan and 派出所's sheet of 2020-W24 as `campaign sheets` writes it (one task, 1.1.1, in row 6). */
async function returned(): Promise<{ plan: string; folder: string; file: string }> {
  const d = dir();
  const plan = join(d, 'plan.yaml');
  copyFileSync(SEED, plan);
  await cli(['sheets', plan, '-o', join(d, 'out'), '--unit', 'police', '--as-of', '2020-06-10', '--lang', 'en']);
  return { plan, folder: join(d, 'out'), file: join(d, 'out', '2020-W24-派出所.xlsx') };
}

/** Rewrites parts of a workbook as a spreadsheet or a hand at the XML level would. */
async function rewrite(file: string, parts: Record<string, (xml: string) => string>): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  for (const [name, change] of Object.entries(parts)) zip.file(name, change(await zip.file(name)!.async('string')));
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

const inline = (ref: string, text: string) => `<c r="${ref}" s="9" t="inlineStr"><is><t>${text}</t></is></c>`;
/** Row 6 filled in as a unit would: work done, status, progress, date and name; `cells` in place of any of them. */
const fillRow6 = (cells: Record<string, string> = {}) => (xml: string): string => {
  const row: Record<string, string> = {
    H: inline('H6', '已到3家企业宣讲'), I: inline('I6', 'In progress'), J: '<c r="J6" s="9"><v>50</v></c>', M: inline('M6', '2020-06-10'), N: inline('N6', '张三'), ...cells,
  };
  for (const [col, c] of Object.entries(row)) xml = xml.replace(new RegExp(`<c r="${col}6" s="\\d+"/>`), c);
  return xml;
};

async function collect(plan: string, folder: string): Promise<Collected> {
  const r = await cli(['collect', plan, folder, '--as-of', '2020-06-12', '--dry-run', '-f', 'json', '--lang', 'en']);
  const out = JSON.parse(r.stdout) as { findings: Finding[]; taken: Collected['taken'] };
  return { code: r.code, stdout: r.stdout, findings: out.findings, taken: out.taken };
}
const rulesOf = (c: Collected) => c.findings.map((f) => f.rule);

describe('many wrong rows in one returned workbook (03)', () => {
  const wrongRows = (n: number) => (x: string) =>
    fillRow6()(x).replace('</sheetData>', `${Array.from({ length: n }, (_, i) => `<row r="${9 + i}">${inline(`A${9 + i}`, `${9 + i}.${i % 97}`)}${inline(`H${9 + i}`, `n${i}`)}</row>`).join('')}</sheetData>`);

  it('gives the first findings of each kind one by one and the rest as one count; every wrong row is said not taken', async () => {
    const { plan, folder, file } = await returned();
    await rewrite(file, { [SHEET1]: wrongRows(2000) });
    const c = await collect(plan, folder);
    expect(c.code).toBe(1);
    expect(rulesOf(c)).toEqual([...Array(FINDINGS_PER_KIND).fill('sheet/not-assigned'), 'sheet/more']);
    expect(c.findings.at(-1)!.data).toEqual({ rule: 'sheet/not-assigned', count: 2000 - FINDINGS_PER_KIND });
    const text = await cli(['collect', plan, folder, '--as-of', '2020-06-12', '--dry-run', '--lang', 'en']);
    expect(text.stdout).toContain('and 1,980 more like this (sheet/not-assigned), not listed one by one');
    expect(text.stdout).toContain(`rows ${Array.from({ length: 20 }, (_, i) => 9 + i).join(', ')} and 1,980 more not taken (errors)`);
    expect(text.stdout).toContain('row 6 filled in right but not taken, as the sheet has errors');
    const zh = await cli(['collect', plan, folder, '--as-of', '2020-06-12', '--dry-run', '--lang', 'zh']);
    expect(zh.stdout).toContain(`第 ${Array.from({ length: 20 }, (_, i) => 9 + i).join('、')} 等 2,000 行有错误，未采用`);
  });

});
