// Files from other hands (issue #25, the outside tester's cases 02, 07, 08, 10, 12): every file read as text
// or a table has a size limit checked before it is read; a folder's entry that cannot be read (a link to
// nothing, a loop of links) is skipped with a line and the rest read; the system's error text never reaches
// the clerk; a workbook's _xHHHH_ escapes are read as Excel shows them. Big files are sparse (truncate), made at run time: they take no disk and no time.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { decodeOoxmlText, encodeOoxmlText } from '../src/containers/ooxml-text.js';
import { UserError } from '../src/errors.js';
import { FILE_LIMITS, inMb, MB } from '../src/io/limits.js';
import { ioError, readBytes, readTextSync } from '../src/io/read.js';
import { shownText } from '../src/sheets/read.js';
import { sheetFileNames } from '../src/sheets/layout.js';
import { fileNamePart, NAME_PART_BYTES } from '../src/text/file-name.js';
import { cli } from './helpers/in-process.js';
import { BIN } from './helpers/run.js';

const EXAMPLE = new URL('../examples/shifan-2025.yaml', import.meta.url).pathname;
const dir = () => mkdtempSync(join(tmpdir(), 'campaign-hostile-'));

/** A plan and its week-2 sheets as CSV in `returned/`, 派出所's row 1.1 filled in as a unit would. */
async function returnedFolder(): Promise<{ d: string; plan: string; folder: string }> {
  const d = dir();
  const plan = join(d, 'plan.yaml');
  writeFileSync(plan, readFileSync(EXAMPLE));
  const folder = join(d, 'returned');
  const r = await cli(['sheets', plan, '--week', '2', '-o', folder, '-f', 'csv', '--lang', 'en']);
  expect(r.code).toBe(0);
  const police = join(folder, '2025-W23-派出所.csv');
  const text = readFileSync(police, 'utf8');
  // Work done, status, progress, date, filled in by.
  writeFileSync(police, text.replace(/^(1\.1,[^\n]*?,Planned,0%,),,,,,,,,(.*)$/m, '$1,已发放宣传资料,In progress,50,,,2025-06-05,张三,$2'));
  expect(readFileSync(police, 'utf8')).not.toBe(text);
  return { d, plan, folder };
}

const collect = (plan: string, ...args: string[]) => cli(['collect', plan, ...args, '--as-of', '2025-06-09', '--dry-run', '--lang', 'en']);
type Finding = { ruleId: string; data: Record<string, unknown>; row: number };

describe('a file too large for its kind is never read (case 02)', () => {
  it('collect: a 3 GB "CSV" beside the sheets is a refused sheet naming its size and the limit; the others are collected', async () => {
    const { plan, folder } = await returnedFolder();
    const big = join(folder, '备份.csv');
    writeFileSync(big, '');
    truncateSync(big, 3 * 1024 * MB);
    const r = await collect(plan, folder, '-f', 'json');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { findings: Finding[]; taken: { task: string }[] };
    expect(out.findings.map((f) => [f.ruleId, f.data])).toEqual([['sheet/refused', { file: big, why: 'size', limit: 2, size: 3072 }]]);
    expect(out.taken.map((t) => t.task)).toEqual(['1.1']);
  });

  it('the finding says the file, its size and the limit in words', async () => {
    const { plan, folder } = await returnedFolder();
    const big = join(folder, '台账导出.csv');
    writeFileSync(big, 'x,'.repeat(1.5 * MB));
    const r = await collect(plan, folder);
    expect(r.stdout).toContain(`${big}: is 3 MB, more than the 2 MB a returned sheet may be; not read, not taken — move a file that is not a sheet out of the folder  sheet/refused`);
    expect(r.stdout).toContain('2025-W23-派出所.csv: took row 12 (task 1.1)');
  });

  it('a sheet of each kind is refused past its own limit, before it is read', async () => {
    const { plan, folder } = await returnedFolder();
    for (const [name, size] of [['a.csv', FILE_LIMITS.csvSheet + 1], ['b.xls', FILE_LIMITS.xlsSheet + 1], ['c.xlsx', FILE_LIMITS.xlsxSheet + 1]] as const) {
      writeFileSync(join(folder, name), '');
      truncateSync(join(folder, name), size);
    }
    const out = JSON.parse((await collect(plan, folder, '-f', 'json')).stdout) as { findings: Finding[] };
    expect(out.findings.map((f) => [f.data.file, f.data.limit, f.data.size])).toEqual([
      [join(folder, 'a.csv'), 2, 2.1], [join(folder, 'b.xls'), 20, 21], [join(folder, 'c.xlsx'), 64, 65],
    ]);
  });

  it('import: a text document past 4 MB, or any document past 64 MB, is refused with its size; exit 2', async () => {
    const d = dir();
    const text = join(d, 'big.txt');
    writeFileSync(text, '一、由派出所牵头，6月10日前完成宣传。\n'.repeat(110_000));
    let r = await cli(['import', text, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`campaign: ${text} is 5.8 MB, more than the 4 MB a plain-text document or CSV table may be; not read — check that it is the right file\n`);
    const huge = join(d, 'huge.txt');
    writeFileSync(huge, '');
    truncateSync(huge, 165 * MB);
    r = await cli(['import', huge, '--lang', 'zh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`campaign: ${huge} 有 165 MB，超过可导入的文档的上限 64 MB，未读取；请确认是否放错了文件\n`);
  });

  it('a configuration file past 1 MB is refused by name', async () => {
    const d = dir();
    writeFileSync(join(d, 'plan.yaml'), readFileSync(EXAMPLE));
    writeFileSync(join(d, '.campaignrc.yaml'), `${'#'.repeat(1.2 * MB)}\n`);
    const r = await cli(['validate', join(d, 'plan.yaml'), '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(d, '.campaignrc.yaml')} is 1.3 MB, more than the 1 MB a configuration or data file may be; not read`);
  });

  it.skipIf(process.platform === 'win32')('a file with no size (a device named directly) is read only up to its limit', async () => {
    expect(() => readTextSync('/dev/zero')).toThrow(expect.objectContaining({ messageId: 'io/file-too-large', data: { file: '/dev/zero', size: 1.1, limit: 1, kind: 'config' } }));
    await expect(readBytes('/dev/zero', 'csvSheet')).rejects.toMatchObject({ messageId: 'io/file-too-large', data: { size: 2.1, limit: 2, kind: 'sheet' } });
  });

  it('a plan past the longest text Node can hold is refused without advice to give Node more memory', async () => {
    const file = join(dir(), 'big.yaml');
    writeFileSync(file, '');
    truncateSync(file, 3 * 1024 * MB);
    const r = await cli(['validate', file, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`campaign: ${file} is 3072 MB, more than the 500 MB a plan may be; not read — check that it is the right file\n`);
  });

  it('reads a file exactly at its limit, and sizes round up', async () => {
    const file = join(dir(), 'a.csv');
    writeFileSync(file, Buffer.alloc(FILE_LIMITS.csvSheet, 0x41));
    expect((await readBytes(file, 'csvSheet')).length).toBe(FILE_LIMITS.csvSheet);
    expect([inMb(2 * MB), inMb(2 * MB + 1), inMb(10 * MB + 1), inMb(0)]).toEqual([2, 2.1, 11, 0]);
  });
});

describe('a folder\'s entry that cannot be read is skipped with a line (case 07)', () => {
  it.skipIf(process.platform === 'win32')('collect: a link to nothing and a loop of links are skipped, every sheet collected, exit 0', async () => {
    const { plan, folder } = await returnedFolder();
    symlinkSync('已删除的文件.xlsx', join(folder, '快捷方式.xlsx'));
    symlinkSync('loop-b.csv', join(folder, 'loop-a.csv'));
    symlinkSync('loop-a.csv', join(folder, 'loop-b.csv'));
    const r = await collect(plan, folder);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe([
      `${join(folder, 'loop-a.csv')}: a link that leads round in a loop, to no file, skipped`,
      `${join(folder, 'loop-b.csv')}: a link that leads round in a loop, to no file, skipped`,
      `${join(folder, '快捷方式.xlsx')}: a link (shortcut) to a file that does not exist, skipped`,
      '',
    ].join('\n'));
    expect(r.stdout).toContain('2025-W23-派出所.csv: took row 12 (task 1.1)');
  });

  it.skipIf(process.platform === 'win32')('validate, status and rollup of a folder with a broken link go on without it', async () => {
    const d = dir();
    writeFileSync(join(d, 'plan.yaml'), readFileSync(EXAMPLE));
    symlinkSync('gone.yaml', join(d, 'old.yaml'));
    for (const args of [['validate'], ['status', '--as-of', '2025-06-09'], ['rollup', '--no-cache']]) {
      const r = await cli([args[0]!, d, ...args.slice(1), '--lang', 'zh']);
      expect(r.stderr, args[0]).toBe(`${join(d, 'old.yaml')}：是链接（快捷方式），指向的文件不存在，已跳过\n`);
      expect(r.code, args[0]).not.toBe(2);
    }
  });

  it.skipIf(process.platform === 'win32')('named on the command line, each is an error saying what it is; exit 2', async () => {
    const { plan, folder } = await returnedFolder();
    symlinkSync('已删除的文件.xlsx', join(folder, '快捷方式.xlsx'));
    symlinkSync('self.csv', join(folder, 'self.csv'));
    let r = await collect(plan, join(folder, '快捷方式.xlsx'));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`campaign: ${join(folder, '快捷方式.xlsx')}: is a link (shortcut) to 已删除的文件.xlsx, which does not exist\n`);
    r = await collect(plan, join(folder, 'self.csv'));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`campaign: ${join(folder, 'self.csv')}: is a link that leads round in a loop, to no file\n`);
    r = await cli(['validate', join(folder, 'self.csv'), '--lang', 'en']);
    expect(r.stderr).toBe(`campaign: ${join(folder, 'self.csv')}: is a link that leads round in a loop, to no file\n`);
  });

  // Root may list any folder: run as another user only.
  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('a subfolder that may not be listed, and a file that may not be read, are skipped with a line', async () => {
    const d = dir();
    writeFileSync(join(d, 'plan.yaml'), readFileSync(EXAMPLE));
    mkdirSync(join(d, 'sub'));
    writeFileSync(join(d, 'secret.yaml'), readFileSync(EXAMPLE));
    chmodSync(join(d, 'sub'), 0);
    chmodSync(join(d, 'secret.yaml'), 0);
    const r = await cli(['validate', d, '--lang', 'en']);
    expect(r.stderr).toBe(`${join(d, 'secret.yaml')}: permission denied (cannot read it), skipped\n${join(d, 'sub')}: permission denied (cannot read it), skipped\n`);
    expect(r.code).toBe(1); // the example's own findings
  });
});

describe('something else in a lock\'s place is never followed or read whole (case 07\'s class)', () => {
  // Spawned, with a time limit: before, a link to nothing there made update spin for ever in one synchronous loop.
  it.skipIf(process.platform === 'win32').each([
    ['a link to nothing', (lock: string) => symlinkSync('nowhere', lock)],
    ['a link to /dev/zero', (lock: string) => symlinkSync('/dev/zero', lock)],
    ['a FIFO', (lock: string) => expect(spawnSync('mkfifo', [lock]).status).toBe(0)],
  ])('%s is no lock of ours: taken over, and the plan updated', (_, make) => {
    const d = dir();
    const plan = join(d, 'plan.yaml');
    writeFileSync(plan, readFileSync(EXAMPLE));
    make(join(d, '.plan.yaml.campaign-lock'));
    const r = spawnSync(process.execPath, [BIN, 'update', plan, '1.1', '-p', '10', '-d', '2025-06-05', '--by', 'police'], {
      encoding: 'utf8', timeout: 20_000, env: { PATH: process.env.PATH, LANG: 'C', CAMPAIGN_LOCK_TIMEOUT_MS: '2000' },
    });
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(readFileSync(plan, 'utf8')).toContain('{date: 2025-06-05, progress: 10, by: police}');
    expect(readdirSync(d)).toEqual(['plan.yaml']);
  });
});

describe('the system\'s error text never reaches the clerk', () => {
  const err = (code: string, message = `${code}: some English words, open 'x'`) => Object.assign(new Error(message), { code });
  it.each([
    ['ENOENT', 'io/missing', { file: 'f' }],
    ['ENOTDIR', 'io/missing', { file: 'f' }],
    ['ELOOP', 'io/link-loop', { file: 'f' }],
    ['EACCES', 'io/permission', { file: 'f' }],
    ['EISDIR', 'io/directory', { file: 'f' }],
    ['EIO', 'io/unreadable', { file: 'f', reason: 'EIO' }],
    ['ERR_FS_FILE_TOO_LARGE', 'io/unreadable', { file: 'f', reason: 'EFBIG' }],
    ['EMFILE', 'cli/system', { code: 'EMFILE', message: '' }],
  ])('%s is %s', (code, id, data) => {
    const e = ioError(err(code), 'f');
    expect(e).toBeInstanceOf(UserError);
    expect([e.messageId, e.data]).toEqual([id, data]);
  });

  it('an error without a system code is named by a code, never by its words', () => {
    expect(ioError(new Error('File size (3221225472) is greater than 2 GiB'), 'f').data).toEqual({ file: 'f', reason: 'EIO' });
  });
});

describe('OOXML\'s _xHHHH_ escapes in a returned workbook are read as Excel shows them (case 10)', () => {
  it.each([
    ['第一行_x000B_第二行', '第一行\v第二行'],
    ['_x000D__x000A_', '\r\n'],
    ['a_x005F_x000B_b', 'a_x000B_b'], // an escaped underscore: the text that looks like an escape, as typed
    ['_x005f__x004a_', '_J'], // hex in either case
    ['_xD83D__xDE00_', '😀'],
    ['_x00B_ _X000B_ x000B_ _x000G_', '_x00B_ _X000B_ x000B_ _x000G_'], // not escapes
  ])('%j decodes to %j', (raw, shown) => {
    expect(decodeOoxmlText(raw)).toBe(shown);
  });

  it('what campaign writes reads back as it was, whatever it holds', () => {
    for (const text of ['_x0041_', 'a_x005F_b', '__x0041__', '_x005F_x0041_', '第一行_x000B_', 'x_x', '_x12345_']) {
      expect(decodeOoxmlText(encodeOoxmlText(text)), text).toBe(text);
    }
    expect(encodeOoxmlText('_x0041_')).toBe('_x005F_x0041_');
    expect(encodeOoxmlText('备注_x')).toBe('备注_x');
  });

  it('a cell\'s text as shown: decoded, a vertical tab or form feed a line break, half a surrogate pair U+FFFD', () => {
    expect(shownText('第一行_x000B_第二行_x000D__x000A_完成_x0009_3处_x000C__x001B_')).toBe('第一行\n第二行\r\n完成\t3处\n\x1b');
    expect(shownText('_xD83D__xDE00_ _xD83D_ _xDE00_')).toBe('😀 \ufffd \ufffd');
    expect(shownText('_x0020_ 已完成 ')).toBe('已完成');
    expect(shownText(' 已完成 ')).toBe(' 已完成 '); // nothing decoded: as the reader gave it
  });

  /** The week-2 sheets of `plan`, and 中心学校's (or another unit's) row 6 filled in as Excel writes cells: inline strings, unescaped. */
  async function filled(planText: string, note: string, unit = '派出所'): Promise<{ plan: string; file: string }> {
    const d = dir();
    const plan = join(d, 'plan.yaml');
    writeFileSync(plan, planText);
    expect((await cli(['sheets', plan, '--week', '2', '-o', join(d, 'out'), '--lang', 'en'])).code).toBe(0);
    const file = join(d, 'out', `2025-W23-${unit}.xlsx`);
    const zip = await JSZip.loadAsync(readFileSync(file));
    const part = 'xl/worksheets/sheet1.xml';
    let xml = await zip.file(part)!.async('string');
    const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
    for (const [ref, cell] of Object.entries({ H6: inline('H6', note), I6: inline('I6', 'In progress'), J6: '<c r="J6"><v>50</v></c>', M6: inline('M6', '2025-06-05'), N6: inline('N6', '张三') })) {
      const empty = new RegExp(`<c r="${ref}" s="\\d+"/>`);
      expect(xml, ref).toMatch(empty);
      xml = xml.replace(empty, cell);
    }
    zip.file(part, xml);
    writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    return { plan, file };
  }

  it('collect stores the note as Excel shows it, never the escapes', async () => {
    const { plan, file } = await filled(readFileSync(EXAMPLE, 'utf8'), '第一行_x000B_第二行_x000D__x000A_完成_x0009_3处_x001B_ a_x005F_x0041_');
    const r = await collect(plan, file, '-f', 'json');
    expect(JSON.parse(r.stdout).findings).toEqual([]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { taken: { task: string; update: { note: string } }[] };
    expect(out.taken.map((t) => [t.task, t.update.note])).toEqual([['1.1', '第一行\n第二行\r\n完成\t3处\x1b a_x0041_']]);
  });

  it('text that looks like an escape is written escaped, so a filled-in sheet comes back untouched and Excel shows it as it is', async () => {
    const { plan, file } = await filled(readFileSync(EXAMPLE, 'utf8').replace('title: 安全知识进校园\n', 'title: 安全知识进校园_x0041_\n'), '已完成', '中心学校');
    const zip = await JSZip.loadAsync(readFileSync(file));
    expect(await zip.file('xl/sharedStrings.xml')!.async('string')).toContain('安全知识进校园_x005F_x0041_');
    const r = await collect(plan, file, '-f', 'json');
    const out = JSON.parse(r.stdout) as { findings: Finding[]; taken: { task: string }[] };
    expect(out.findings).toEqual([]);
    expect(out.taken.map((t) => t.task)).toEqual(['1.2']);
  });

  it('a report\'s workbook writes such text escaped too', async () => {
    const d = dir();
    const plan = join(d, 'plan.yaml');
    writeFileSync(plan, readFileSync(EXAMPLE, 'utf8').replace('title: 安全知识进校园\n', 'title: 安全知识进校园_x0041_\n'));
    expect((await cli(['export', plan, '-f', 'xlsx', '-o', join(d, 'tasks.xlsx')])).code).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(join(d, 'tasks.xlsx')));
    const texts = await Promise.all(Object.keys(zip.files).filter((n) => n.startsWith('xl/') && !zip.files[n]!.dir).map((n) => zip.file(n)!.async('string')));
    expect(texts.join('')).toContain('安全知识进校园_x005F_x0041_');
    expect(texts.join('')).not.toMatch(/安全知识进校园_x0041_/);
  });
});

describe('a file name made from plan text holds nothing a file name should not (case 12)', () => {
  it.each([
    ['中心学校\u202Exslx.exe\x9b2J\x85\uFFFE', '中心学校xslx.exe_2J__'], // the tester's unit: RLO dropped, CSI, NEL and U+FFFE replaced
    ['a\u202Ab\u202Bc\u202Cd\u202De\u2066f\u2067g\u2068h\u2069i\u200Ej\u200Fk\u061Cl', 'abcdefghijkl'],
    ['\u200B\uFEFF派出所\u2060', '派出所'],
    ['a\\b/c:d*e?f"g<h>i|j', 'a_b_c_d_e_f_g_h_i_j'],
    ['a\x00b\x1fc\x7fd\x80e\x9ff\u2028g\u2029h', 'a_b_c_d_e_f_g_h'],
    ['\uFDD0\uFDEF\uFFFF\u{1FFFE}\u{10FFFF}', '_____'],
    ['\uD800x\uDC00', '_x_'],
    ['😀 教育站 (乡)', '😀 教育站 (乡)'], // what a name may hold stays as it is
    ['e\u0301', 'é'], // composed, as macOS stores it
  ])('%j → %j', (text, name) => {
    expect(fileNamePart(text)).toBe(name);
  });

  it('is cut between characters to fit any file system, with room for the temporary name beside it', () => {
    expect(Buffer.byteLength(fileNamePart('派'.repeat(200)))).toBe(NAME_PART_BYTES);
    expect(fileNamePart('派'.repeat(200))).toBe('派'.repeat(50));
    expect(fileNamePart(`${'a'.repeat(149)}😀`)).toBe('a'.repeat(149));
  });

  it('one file per unit, however alike their names, compared as Windows compares them', () => {
    expect(sheetFileNames('2025-W23', [
      { id: 'a', name: 'A/B' }, { id: 'b', name: 'A:B' }, { id: 'c', name: 'a_b' }, { id: 'b', name: 'A|B' },
      { id: 'x', name: '\u202E' }, { id: 'y', name: '派出所' }, { id: 'z', name: '派出所\u200F' },
    ], 'xlsx')).toEqual([
      '2025-W23-A_B.xlsx', '2025-W23-A_B-b.xlsx', '2025-W23-a_b-c.xlsx', '2025-W23-A_B-b-2.xlsx',
      '2025-W23-x.xlsx', '2025-W23-派出所.xlsx', '2025-W23-派出所-z.xlsx',
    ]);
  });

  it('sheets writes the tester\'s unit under a name with no override, no control character and no noncharacter', async () => {
    const d = dir();
    const plan = join(d, 'plan.yaml');
    writeFileSync(plan, readFileSync(EXAMPLE, 'utf8').replace('{id: school, name: 中心学校}', '{id: school, name: "中心学校\\u202Exslx.exe\\x9b2J\\x85\\uFFFE"}'));
    const r = await cli(['sheets', plan, '--week', '2', '-o', join(d, 'out'), '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(readdirSync(join(d, 'out'))).toContain('2025-W23-中心学校xslx.exe_2J__.xlsx');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what must not be there
    for (const name of readdirSync(join(d, 'out'))) expect(name).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe]/);
    expect(r.stdout).toContain(`${join(d, 'out', '2025-W23-中心学校xslx.exe_2J__.xlsx')}: 中心学校\\u202exslx.exe\\x9b2J\\x85\uFFFE, 1 task`);
  });
});

describe('a Word file whose parts point at nothing is read as Word shows it; no JavaScript error reaches the clerk (case 08)', () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" xmlns:v="urn:schemas-microsoft-com:vml"';
  const para = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;
  /** A .docx of a title, one item, and `extra` (with `prolog` before its root: a DOCTYPE). */
  async function docx(extra: string, prolog = ''): Promise<string> {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
    zip.file('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
    zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?>${prolog}<w:document ${W}><w:body>${para('示范乡2025年安全生产月活动方案')}${para('一、开展宣传。由派出所牵头，6月10日前完成。')}${extra}</w:body></w:document>`);
    const file = join(dir(), '方案.docx');
    writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    return file;
  }
  const imported = async (file: string) => {
    const r = await cli(['import', file, '-f', 'json', '--lang', 'en']);
    expect(r.stderr).not.toMatch(/Cannot read|undefined|null|internal error/);
    expect(r.code).toBe(0);
    return JSON.stringify(JSON.parse(r.stdout).plan);
  };

  it.each([
    ['a hyperlink whose relationship is missing', '<w:p><w:hyperlink r:id="rIdGone"><w:r><w:t>链接文字</w:t></w:r></w:hyperlink></w:p>'],
    ['the same with an anchor', '<w:p><w:hyperlink r:id="rIdGone" w:anchor="x"><w:r><w:t>链接文字</w:t></w:r></w:hyperlink></w:p>'],
  ])('%s is read as its text', async (_, extra) => {
    expect(await imported(await docx(extra))).toContain('链接文字');
  });

  it.each([
    ['a footnote reference with no footnotes part', '<w:p><w:r><w:t>脚注处</w:t></w:r><w:r><w:footnoteReference w:id="5"/></w:r></w:p>'],
    ['an endnote reference with no endnotes part', '<w:p><w:r><w:t>脚注处</w:t></w:r><w:r><w:endnoteReference w:id="2"/></w:r></w:p>'],
    ['a picture whose part is missing', '<w:p><w:r><w:t>脚注处</w:t></w:r><w:r><w:drawing><wp:inline><wp:docPr id="1" name="p"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="1" name="p"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rIdGone"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>'],
    ['an old-style picture whose part is missing', '<w:p><w:r><w:t>脚注处</w:t></w:r><w:r><w:pict><v:shape><v:imagedata r:id="rIdGone"/></v:shape></w:pict></w:r></w:p>'],
  ])('%s is read without it', async (_, extra) => {
    expect(await imported(await docx(extra))).toContain('开展宣传');
  });

  it('a DOCTYPE (an entity, which Word never writes): refused in words, on one line', async () => {
    const file = await docx(para('&j;'), '<!DOCTYPE w:document [<!ENTITY j "x">]>');
    const r = await cli(['import', file, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`campaign: ${file}: cannot read this Word file (the document declares a DOCTYPE, which Word files never do); open it in Word or WPS and save it again as .docx, or save it as plain text, and try again\n`);
  });

  it('a symbol with no character (mammoth threw a TypeError) is read as the rest of its paragraph', async () => {
    expect(await imported(await docx('<w:p><w:r><w:t>符号前</w:t><w:sym/></w:r></w:p>'))).toContain('开展宣传');
  });
});
