// campaign import: the seed in every encoding it may arrive in, a .docx made from it, and documents
// in the other numbering and date forms.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { Document, Packer, Paragraph } from 'docx';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { enumeration, extractPlan, parsePeriod, titleOf } from '../src/importer/extract.js';
import { decodeDocument } from '../src/importer/decode.js';
import { cli } from './helpers/in-process.js';
import { expectGolden } from './helpers/golden.js';
import { lintText } from './helpers/lint.js';

// The original document, as the project received it (a copy of shared/seeds/).
const SEED_PATH = new URL('../examples/tongzhong-2020-safety-month.txt', import.meta.url).pathname;
const SEED = readFileSync(SEED_PATH, 'utf8');
const tmp = () => mkdtempSync(join(tmpdir(), 'campaign-import-'));
const NAME = 'tongzhong-2020-safety-month.txt';

async function importBytes(bytes: Uint8Array | string, name = NAME): Promise<{ yaml: string; stderr: string; code: number | null }> {
  const dir = tmp();
  writeFileSync(join(dir, name), bytes);
  const r = await cli(['import', join(dir, name)]);
  return { yaml: r.stdout, stderr: r.stderr, code: r.code };
}

describe('importing the seed document', () => {
  let utf8: Awaited<ReturnType<typeof importBytes>>;
  beforeAll(async () => {
    utf8 = await importBytes(SEED);
  });

  it('gives the golden plan, which has no schema errors and shows the seed\'s mistakes', () => {
    expect(utf8.code).toBe(0);
    expect(utf8.stderr).toMatch(/\(utf-8\): 20 tasks, 6 units; check the lines marked 原文第N行/);
    expectGolden('import-tongzhong-2020.yaml', utf8.yaml);
    const problems = lintText(utf8.yaml, { asOf: '2020-06-15' });
    expect(problems.filter((p) => p.rule === 'schema')).toEqual([]);
    expect(problems.map((p) => `${p.rule} ${p.path.join('.')}`)).toEqual([
      'theme/national-year themes.0.title',
      'date/period-year period.start',
      'text/repeated tasks.0.tasks.2.title',
      'numbering/gap tasks.1.tasks.1.id',
    ]);
  });

  it('keeps the document\'s numbers: （二） goes 2.1, 2.3 as the document does', () => {
    const plan = parse(utf8.yaml);
    expect(plan.tasks[1].tasks.map((t: { id: string }) => t.id)).toEqual(['2.1', '2.3', '2.4', '2.5']);
    expect(plan.tasks[0].tasks[0].tasks.map((t: { id: string; lead?: string[] }) => [t.id, t.lead])).toEqual([
      ['1.1.1', ['police', 'edu', 'market']], ['1.1.2', undefined], ['1.1.3', ['depts']],
    ]);
    expect(plan.period).toEqual({ start: '2019-06-01', end: '2019-06-30' });
    expect(plan.reports).toEqual([{ id: 'progress', title: '活动开展情况', to: 'county-office' }]);
    expect(plan.units.at(-1)).toEqual({ id: 'county-office', name: '县安委会办公室', external: true });
    expect(plan.themes[0]).toEqual({ id: 'main', title: '防风险、除隐患、遏事故', focus: ['强化安全红线意识', '落实安全责任', '推进依法治理', '深化专项整治', '深化改革创新'] });
  });

  it('reads the same text saved as GBK with CRLF line endings, as UTF-16, and with a BOM', async () => {
    const crlf = SEED.replace(/\n/g, '\r\n');
    const gbk = await importBytes(iconv.encode(crlf, 'gbk'));
    expect(gbk.stderr).toContain('(gb18030)');
    expect(gbk.yaml).toBe(utf8.yaml);
    expect((await importBytes(iconv.encode(SEED, 'utf-16le', { addBOM: true }))).yaml).toBe(utf8.yaml);
    expect((await importBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf)]))).yaml).toBe(utf8.yaml);
  });

  it('reads a Word .docx made from the seed text', async () => {
    const doc = new Document({ sections: [{ children: SEED.split('\n').map((line) => new Paragraph(line)) }] });
    const docx = await importBytes(await Packer.toBuffer(doc), 'seed.docx');
    expect([docx.code, docx.stderr]).toEqual([0, expect.stringContaining('(docx): 20 tasks, 6 units')]);
    // Paragraph breaks may shift line numbers in the comments; the plan itself is the same.
    expect(parse(docx.yaml)).toEqual(parse(utf8.yaml));
  });

  it('-o writes the file and refuses to overwrite it', async () => {
    const dir = tmp();
    const out = join(dir, 'plan.yaml');
    expect((await cli(['import', SEED_PATH, '-o', out])).code).toBe(0);
    expect(parse(readFileSync(out, 'utf8')).title).toBe('铜钟乡2020年“安全生产月”活动方案');
    const again = await cli(['import', SEED_PATH, '-o', out]);
    expect([again.code, again.stderr]).toEqual([2, `campaign: ${out} already exists; choose another name or add --force to overwrite it\n`]);
  });
});

const OTHER_FORMS = `青山镇2021年“119”消防宣传月活动方案

根据《关于开展2021年“119”消防宣传月活动的通知》，结合我镇实际，制定本方案。
一、活动主题
以“落实消防责任，防范安全风险”为主题。
二、活动时间
2021年11月1日—2021年11月30日
三、主要任务
（一）开展消防宣传
1、消防知识进校园。由中心学校负责组织。
2、消防知识进社区。各村（社区）负责组织。
（二）开展隐患排查
1、排查重点场所。
（1）排查人员密集场所。市场监管所、派出所、林业站等单位负责。
（3）排查出租房。
四、工作要求
1、加强领导。各单位要高度重视。
2、及时报送。活动总结于12月5日前报送县应急管理局。
`;

describe('documents in other forms', () => {
  const d = extractPlan(OTHER_FORMS, 2026);

  it('reads title, organizer, year, basis, theme and an em-dash period', () => {
    expect([d.title.value, d.organizer.value, d.year.value]).toEqual(['青山镇2021年“119”消防宣传月活动方案', '青山镇', 2021]);
    expect(d.basis.value).toEqual(['《关于开展2021年“119”消防宣传月活动的通知》']);
    expect(d.themes.map((t) => t.title)).toEqual(['落实消防责任，防范安全风险']);
    expect(d.period.value).toEqual({ start: '2021-11-01', end: '2021-11-30' });
  });

  it('follows （一） 1、 （1） numbering, keeping gaps, and assigns named units', () => {
    const flat = (ts: typeof d.tasks): [string, string, string[]][] => ts.flatMap((t) => [[t.id, t.title, t.lead] as [string, string, string[]], ...flat(t.tasks)]);
    expect(flat(d.tasks)).toEqual([
      ['1', '开展消防宣传', []],
      ['1.1', '消防知识进校园', ['edu']],
      ['1.2', '消防知识进社区', ['villages']],
      ['2', '开展隐患排查', []],
      ['2.1', '排查重点场所', []],
      ['2.1.1', '排查人员密集场所', ['market', 'police', '林业站']],
      ['2.1.3', '排查出租房', []],
    ]);
    expect(d.units.map((u) => [u.id, u.name])).toEqual([
      ['林业站', '林业站'], ['edu', '中心学校'], ['villages', '各村（社区）'], ['market', '市场监管所'], ['police', '派出所'], ['county-office', '县应急管理局'],
    ]);
  });

  it('reads requirements and a dated report duty', () => {
    expect(d.requirements.map((r) => [r.id, r.title])).toEqual([['R1', '加强领导'], ['R2', '及时报送']]);
    expect(d.reports).toEqual([expect.objectContaining({ id: 'summary', title: '活动总结', to: 'county-office', due: '2021-12-05' })]);
  });

  it('writes a plan with no schema errors', async () => {
    const r = await importBytes(OTHER_FORMS, 'qingshan.txt');
    const problems = lintText(r.yaml, { asOf: '2021-11-02' });
    // The missing （2）, kept from the document; and its deadline 12月5日 was a Sunday in 2021.
    expect(problems.map((p) => p.rule)).toEqual(['numbering/gap', 'date/holiday']);
  });
});

describe('importer pieces', () => {
  it.each([
    ['2020年6月1日-6月30日', 2020, ['2020-06-01', '2020-06-30']],
    ['6月1日至30日', 2020, ['2020-06-01', '2020-06-30']],
    ['2020年6月1日—2020年6月30日', 2019, ['2020-06-01', '2020-06-30']],
    ['2020年12月1日至2021年1月31日', 2020, ['2020-12-01', '2021-01-31']],
    ['6月份', 2021, ['2021-06-01', '2021-06-30']],
    ['2024年2月份', 2020, ['2024-02-01', '2024-02-29']],
  ])('period %s', (text, year, [start, end]) => {
    expect(parsePeriod(text, year)).toMatchObject({ start, end });
  });

  it('finds no period where there is none', () => {
    expect(parsePeriod('另行通知', 2020)).toBeUndefined();
  });

  it('splits 一是/二是/三是 and keeps the text before them', () => {
    expect(enumeration('开展宣讲。一是进企业；二是进学校。三是进农村。')).toEqual({
      intro: '开展宣讲。', parts: [{ n: 1, text: '进企业；' }, { n: 2, text: '进学校。' }, { n: 3, text: '进农村。' }],
    });
    expect(enumeration('他说这一是个问题。')).toBeUndefined();
  });

  it('shortens a long first sentence into a title', () => {
    expect(titleOf('发送安全生产公益短信。征集、编辑一批安全生产公益短信。')).toBe('发送安全生产公益短信');
    expect(titleOf('坚持贴近实战、注重实效原则,广泛深入开展实战化应急演练,完善优化预案,加大装备物资投入,注重专业人才培养;组织开展')).toBe('坚持贴近实战、注重实效原则');
  });

  it('decodes GBK that is not valid UTF-8', () => {
    expect(decodeDocument(iconv.encode('安全生产月', 'gbk'))).toEqual({ text: '安全生产月', encoding: 'gb18030' });
  });
});
