// campaign import: the seed in every encoding it may arrive in, a .docx made from it, and documents
// in the other numbering and date forms.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { Document, Packer, Paragraph } from 'docx';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { extractPlan } from '../src/importer/extract.js';
import { inlineParts, markerOf } from '../src/importer/outline.js';
import { contactOf, leadershipOf } from '../src/importer/leadership.js';
import { reportDuties } from '../src/importer/reports.js';
import { phraseRoles, subjectRoles } from '../src/importer/roles.js';
import { isUnit, unitList } from '../src/importer/units.js';
import { periodIn } from '../src/importer/period.js';
import { readDates } from '../src/text/time.js';
import { loadCalendar } from '../src/io/holidays.js';
import { decodeDocument } from '../src/importer/decode.js';
import { cli } from './helpers/in-process.js';
import { expectGolden } from './helpers/golden.js';
import { schemaFileUrl } from '../src/io/schemas.js';
import { lintText } from './helpers/lint.js';
import { titleOf } from '../src/importer/tasks.js';

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
    // The schema line names the schema where this copy of campaign lives, which differs between machines.
    expectGolden('import-tongzhong-2020.yaml', utf8.yaml.replace(schemaFileUrl(), '{schemaFileUrl}'));
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
    expect(plan.reports).toEqual([{ id: 'r1', title: '活动组织开展情况', to: 'county-office', by: 'units' }]);
    // The seed's “在6月份…发送” is dated in the plan's year, not the 2019 of its recycled period.
    expect(plan.tasks[1].tasks[1]).toMatchObject({ id: '2.3', start: '2020-06-01', due: '2020-06-30' });
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
  const d = extractPlan(OTHER_FORMS, { fallbackYear: 2026, isWorkday: loadCalendar().isWorkday });

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
      ['edu', '中心学校'], ['villages', '各村（社区）'], ['market', '市场监管所'], ['police', '派出所'], ['林业站', '林业站'], ['county-office', '县应急管理局'],
    ]);
  });

  it('reads requirements and a dated report duty', () => {
    expect(d.requirements.map((r) => [r.id, r.title])).toEqual([['R1', '加强领导'], ['R2', '及时报送']]);
    expect(d.reports).toEqual([expect.objectContaining({ id: 'r1', title: '活动总结', to: 'county-office', due: '2021-12-05' })]);
  });

  it('writes a plan with no schema errors', async () => {
    const r = await importBytes(OTHER_FORMS, 'qingshan.txt');
    const problems = lintText(r.yaml, { asOf: '2021-11-02' });
    // The missing （2）, kept from the document; and its deadline 12月5日 was a Sunday in 2021.
    expect(problems.map((p) => p.rule)).toEqual(['numbering/gap', 'date/holiday']);
  });
});

describe('importer pieces', () => {
  const ctx = (year: number, period?: { start: string; end: string }) => ({ year, ...(period ? { period } : {}), isWorkday: loadCalendar().isWorkday });

  it.each([
    ['2020年6月1日-6月30日', 2020, ['2020-06-01', '2020-06-30']],
    ['6月1日至30日', 2020, ['2020-06-01', '2020-06-30']],
    ['2020年6月1日—2020年6月30日', 2019, ['2020-06-01', '2020-06-30']],
    ['2020年12月1日至2021年1月31日', 2020, ['2020-12-01', '2021-01-31']],
    ['自2023年11月1日起至2024年4月30日止', 2023, ['2023-11-01', '2024-04-30']],
    ['2024年1月至12月', 2024, ['2024-01-01', '2024-12-31']],
    ['6月份', 2021, ['2021-06-01', '2021-06-30']],
    ['2024年2月份', 2020, ['2024-02-01', '2024-02-29']],
  ])('period %s', (text, year, [start, end]) => {
    expect(periodIn([{ no: 1, text }], ctx(year))).toMatchObject({ start, end });
  });

  it('finds no period where there is none', () => {
    expect(periodIn([{ no: 1, text: '另行通知' }], ctx(2020))).toBeUndefined();
  });

  it.each([
    ['6月20日前完成', 'before', undefined, '2020-06-20'],
    ['6月底前', 'month-end', undefined, '2020-06-30'],
    ['6月上旬', 'xun', undefined, '2020-06-10'],
    ['6月中旬', 'xun', undefined, '2020-06-20'],
    ['6月下旬', 'xun', undefined, '2020-06-30'],
    ['6月1日—6月5日', 'range', '2020-06-01', '2020-06-05'],
    ['6月1日至5日', 'range', '2020-06-01', '2020-06-05'],
    ['6月16日（星期二）', 'on', undefined, '2020-06-16'],
    // 2020-06-30 is a Tuesday; the Dragon Boat holiday was June 25–27 and Sunday June 28 a working day.
    ['活动结束后3个工作日内', 'after-period', undefined, '2020-07-03'],
    ['全年', 'open', undefined, null],
  ])('time %s', (text, kind, start, due) => {
    const [hit] = readDates(text, ctx(2020, { start: '2020-06-01', end: '2020-06-30' }));
    expect(hit).toMatchObject({ kind, due, ...(start ? { start } : {}) });
  });

  it('a date without a year takes the year that puts it inside a period across two years', () => {
    const winter = ctx(2023, { start: '2023-11-01', end: '2024-04-30' });
    expect(readDates('2月4日前', winter)[0]!.due).toBe('2024-02-04');
    expect(readDates('11月10日前', winter)[0]!.due).toBe('2023-11-10');
    expect(readDates('12月20日—1月5日', winter)[0]).toMatchObject({ start: '2023-12-20', due: '2024-01-05' });
    // Within one year, the period's year, unless the date lies within a season across New Year.
    const june = ctx(2020, { start: '2020-06-01', end: '2020-06-30' });
    expect(readDates('12月31日前', june)[0]!.due).toBe('2020-12-31');
    expect(readDates('1月5日前', june)[0]!.due).toBe('2020-01-05');
    const december = ctx(2020, { start: '2020-12-01', end: '2020-12-31' });
    expect(readDates('1月10日前', december)[0]!.due).toBe('2021-01-10');
    expect(readDates('11月20日前', december)[0]!.due).toBe('2020-11-20');
  });

  it('splits 一是/二是/三是, （1）（2）, ①② and keeps the text before them', () => {
    expect(inlineParts('开展宣讲。一是进企业；二是进学校。三是进农村。')).toEqual({
      intro: '开展宣讲。', parts: [{ n: 1, marker: '一是', text: '进企业；' }, { n: 2, marker: '二是', text: '进学校。' }, { n: 3, marker: '三是', text: '进农村。' }],
    });
    expect(inlineParts('由派出所牵头：（1）排查；（2）整治。')!.parts.map((p) => p.text)).toEqual(['排查；', '整治。']);
    expect(inlineParts('①宣传；②检查。')!.parts).toHaveLength(2);
    expect(inlineParts('他说这一是个问题。')).toBeUndefined();
    expect(inlineParts('见附件（2）。')).toBeUndefined();
  });

  it('shortens a long first sentence into a title', () => {
    expect(titleOf('发送安全生产公益短信。征集、编辑一批安全生产公益短信。')).toBe('发送安全生产公益短信');
    expect(titleOf('坚持贴近实战、注重实效原则,广泛深入开展实战化应急演练,完善优化预案,加大装备物资投入,注重专业人才培养;组织开展')).toBe('坚持贴近实战、注重实效原则');
    expect(titleOf('进家庭：乡妇联负责，各村协助，开展“安全家庭”创建活动，向农户发放《家庭安全知识手册》等宣传资料并逐户讲解。')).toBe('进家庭');
    // No clause to end on: cut at 40 characters, but never inside 《》, so no bracket is left open.
    expect(titleOf('向农户发放《家庭安全知识手册》等宣传资料并逐户讲解家庭用电用气安全常识和火灾逃生方法以及其他内容。')).toBe('向农户发放《家庭安全知识手册》等宣传资料并逐户讲解家庭用电用气安全常识和火灾逃生…');
    expect(titleOf('组织开展《中华人民共和国安全生产法》《生产安全事故应急条例》和《湖南省安全生产条例》等法律法规宣传。')).toBe('组织开展《中华人民共和国安全生产法》《生产安全事故应急条例》和…');
  });

  it('decodes GBK that is not valid UTF-8', () => {
    expect(decodeDocument(iconv.encode('安全生产月', 'gbk'))).toEqual({ text: '安全生产月', encoding: 'gb18030' });
  });
});

describe('who leads, who helps, who reports', () => {
  const lines = (...texts: string[]) => texts.map((text, i) => ({ no: i + 1, text }));
  const ctx = { year: 2022, period: { start: '2022-04-15', end: '2022-07-15' }, isWorkday: loadCalendar().isWorkday };

  it.each([
    ['镇经发办牵头，镇安监站配合，对辖区企业逐一登记造册', ['经发办'], ['安监站']],
    ['由镇派出所牵头，镇交管站、镇城管中队配合，在镇区设卡检查', ['派出所'], ['交管站', '城管中队']],
    ['镇农机站负责，镇应急办协助，开展农机安全检查', ['农机站'], ['应急办']],
  ])('phrase %s', (text, lead, support) => {
    expect(phraseRoles(text, '高桥镇')).toMatchObject({ lead, support, source: 'phrase' });
  });

  it('a unit followed by 配合 is a helper, never the subject; a subject stops before 在/对', () => {
    expect(subjectRoles('镇安监站配合，对辖区企业逐一登记造册', '东坪镇')).toBeUndefined();
    expect(subjectRoles('乡交管站在学校周边道路设置减速带', '桂花乡')).toMatchObject({ lead: ['交管站'] });
    expect(isUnit('交管站在学校')).toBe(false);
    expect(isUnit('必须立即上报镇防汛办')).toBe(false);
    expect(unitList('各责任单位', '新塘镇')).toEqual(['各责任单位']);
  });

  it('reads 第一阶段： as a step of the work at the level of （一）', () => {
    expect(markerOf('第一阶段：动员部署（4月15日—4月30日）')).toMatchObject({ level: 2, number: 1, rest: '动员部署（4月15日—4月30日）' });
    expect(markerOf('第三步 巩固提升')).toMatchObject({ level: 2, number: 3 });
  });

  it('splits a 领导小组 written with names, with units, and in prose', () => {
    const listed = leadershipOf(lines('组  长：唐振华（镇长）', '副组长：段志伟（副镇长）、谭  颖（副镇长）', '成  员：付明亮（镇安监站站长）、龚  敏（镇经发办主任）', '领导小组办公室设在镇安监站。'))!;
    expect(listed.office).toBe('镇安监站');
    expect(listed.members.map((m) => `${m.role} ${m.name ?? ''} ${m.post ?? ''}`)).toEqual([
      '组长 唐振华 镇长', '副组长 段志伟 副镇长', '副组长 谭颖 副镇长', '成员 付明亮 镇安监站站长', '成员 龚敏 镇经发办主任',
    ]);
    const byUnits = leadershipOf(lines('组  长：彭建军  镇党委书记', '成  员：镇交管站、镇派出所、镇应急办主要负责人'))!;
    expect(byUnits.members.map((m) => m.post)).toEqual(['镇党委书记', '镇交管站负责人', '镇派出所负责人', '镇应急办负责人']);
    const prose = leadershipOf(lines('成立领导小组，由镇党委副书记、镇长胡志远任组长，镇党委委员、副镇长蒋文斌任副组长，镇应急办主任邓超、镇派出所所长沈立为成员。'))!;
    expect(prose.members.map((m) => `${m.role} ${m.name ?? ''} ${m.post ?? ''}`)).toEqual([
      '组长 胡志远 镇党委副书记、镇长', '副组长 蒋文斌 镇党委委员、副镇长', '成员 邓超 镇应急办主任', '成员 沈立 镇派出所所长',
    ]);
    const byPosts = leadershipOf(lines('成立以乡长为组长、分管副乡长为副组长，乡综治办、派出所负责人为成员的专项整治工作领导小组，领导小组办公室设在乡综治办。'))!;
    expect(byPosts.office).toBe('乡综治办');
    expect(byPosts.members.map((m) => `${m.role} ${m.post}`)).toEqual(['组长 乡长', '副组长 分管副乡长', '成员 乡综治办负责人', '成员 派出所负责人']);
  });

  it('reads a contact written after the unit', () => {
    expect(contactOf(lines('联系人：乡综治办  马  丽    联系电话：0744-3219057'))).toMatchObject({ person: '马丽', phone: '0744-3219057' });
  });

  it('a duty without a subject is sent by the sentence\'s sender', () => {
    const duties = reportDuties(lines('各村于每月25日前将本月防汛工作开展情况报镇防汛办；发生险情、灾情的，必须立即上报镇防汛办。'), '沙河镇', ctx);
    expect(duties.map((d) => `${d.by} → ${d.to} ${d.every ?? d.due}`)).toEqual(['各村 → 防汛办 month', '各村 → 防汛办 null']);
  });

  it('an item\'s bracketed roles after its inline parts belong to the item; a part with its own subject leads it', () => {
    const plan = extractPlan([
      '桂花乡2023年校园安全专项整治实施方案', '', '一、整治内容',
      '（一）加强学生交通安全管理。一是严查接送学生车辆超员；二是乡交管站在学校周边道路设置减速带；三是乡中心学校组织开展交通安全主题教育。（牵头单位：乡派出所；配合单位：乡交管站）',
    ].join('\n'), { fallbackYear: 2023, isWorkday: loadCalendar().isWorkday });
    const names = (ids: string[]) => ids.map((id) => plan.units.find((u) => u.id === id)?.name ?? id);
    expect(plan.tasks[0]!.tasks.map((t) => `${names(t.lead).join(',')}|${names(t.support).join(',')}`)).toEqual(['派出所|交管站', '交管站|', '中心学校|']);
  });
});
