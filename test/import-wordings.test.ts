// The importer on the ways official documents write time and roles, and on what wraps a plan: each case a
// short document in one wording, and the field it must give.
import { describe, expect, it } from 'vitest';
import { holidayStarts } from '../src/calendar/china.js';
import { extractPlan, type DraftPlan, type DraftTask } from '../src/importer/extract.js';
import { leavesOf } from '../src/importer/division.js';
import { loadCalendar } from '../src/io/holidays.js';
import { readDates } from '../src/text/time.js';

const calendar = loadCalendar();
const read = (text: string, fallbackYear = 2030): DraftPlan =>
  extractPlan(text, { fallbackYear, isWorkday: calendar.isWorkday, holidayStart: holidayStarts(calendar) });
const names = (d: DraftPlan, ids: string[]) => ids.map((id) => d.units.find((u) => u.id === id)?.name ?? id);
const leaf = (d: DraftPlan, words: string): DraftTask => {
  const found = leavesOf(d.tasks).find((t) => `${t.title}${t.text ?? ''}`.includes(words));
  if (!found) throw new Error(`no leaf with ${words}: ${leavesOf(d.tasks).map((t) => t.title).join(' | ')}`);
  return found;
};
const roles = (d: DraftPlan, words: string) => {
  const t = leaf(d, words);
  return { lead: names(d, t.lead), support: names(d, t.support) };
};

const plan = (title: string, ...body: string[]) => [title, '为切实做好有关工作，特制定本方案。', ...body].join('\n');

describe('the period, wherever it is written', () => {
  it.each([
    ['二、工作时间\n2024年6月1日至6月30日', '2024-06-01', '2024-06-30'],
    ['二、防控时间：2024年11月1日—2025年3月31日', '2024-11-01', '2025-03-31'],
    ['二、排查时间\n即日起至2024年10月31日', '2024-05-20', '2024-10-31'],
    ['二、时间期限\n从2024年6月1日开始，到2024年6月30日结束。', '2024-06-01', '2024-06-30'],
  ])('%s', (section, start, end) => {
    const d = read(plan('青石镇2024年安全生产工作方案', '一、总体要求', '坚持安全第一。', section, '三、工作任务', '（一）开展隐患排查。镇应急办负责。', '青石镇人民政府', '2024年5月20日'));
    expect(d.period.value).toEqual({ start, end });
  });

  it('from a sentence of the preamble: 汛期（5月1日至9月30日）', () => {
    const d = read(['石门乡2023年防汛工作方案', '为做好汛期（5月1日至9月30日）防汛工作，确保安全度汛，制定本方案。', '一、工作任务', '（一）排查隐患。乡水利站负责。'].join('\n'));
    expect(d.period.value).toEqual({ start: '2023-05-01', end: '2023-09-30' });
  });

  it('9月至12月 in the guidance, and the year from the 成文日期 when the title has none', () => {
    const d = read(['河口镇电动自行车安全隐患全链条整治方案', '一、总体要求', '9月至12月，在全镇集中开展电动自行车安全隐患整治行动。', '二、主要任务', '（一）开展入户排查。各村（社区）负责。', '河口镇人民政府', '2025年8月25日'].join('\n'));
    expect(d.year.value).toBe(2025);
    expect(d.period.value).toEqual({ start: '2025-09-01', end: '2025-12-31' });
  });

  it('6月1日起为期一个月', () => {
    const d = read(['青石镇2024年燃气安全专项整治方案', '自6月1日起，在全镇开展为期一个月的燃气安全专项整治。', '一、工作任务', '（一）排查燃气用户。镇应急办负责。'].join('\n'));
    expect(d.period.value).toEqual({ start: '2024-06-01', end: '2024-06-30' });
  });

  it('the span of the phases when nothing else gives it, not the whole year', () => {
    const d = read(['白河乡2022年有限空间作业专项整治方案', '一、实施步骤', '（一）动员部署阶段（4月1日—4月10日）', '各单位制定方案。', '（二）集中整治阶段（4月11日—6月30日）', '全面排查。', '二、工作任务', '（一）开展排查。乡应急办负责，7月15日前完成。'].join('\n'));
    expect(d.period.value).toEqual({ start: '2022-04-01', end: '2022-06-30' });
  });

  it('full-width digits and Chinese-numeral dates', () => {
    const d = read(['青石镇２０２４年“安全生产月”活动方案', '一、活动时间', '二〇二四年六月一日至六月三十日', '二、活动内容', '（一）开展宣传咨询。镇应急办负责，６月１６日举行。'].join('\n'));
    expect(d.year.value).toBe(2024);
    expect(d.period.value).toEqual({ start: '2024-06-01', end: '2024-06-30' });
    expect(leaf(d, '宣传咨询').due).toBe('2024-06-16');
  });
});

describe('dates of tasks and reports', () => {
  const doc = (...items: string[]) => read(['青石镇2024年消防安全专项整治方案', '一、整治时间', '2024年9月1日至12月31日', '二、工作任务', ...items, '三、工作要求'].join('\n'));
  it.each([
    ['（一）清理楼道杂物。各村（社区）负责，国庆节前完成。', '2024-09-30'],
    ['（一）开展冬季防火检查。镇应急办负责，年底前完成。', '2024-12-31'],
    ['（一）整改重大隐患。镇应急办负责，6月10日星期三前完成。', '2024-06-10'],
  ])('%s', (item, due) => {
    expect(leaf(doc(item), item.slice(3, 9)).due).toBe(due);
  });

  it('each clause its own date: 汇总后于7月31日前报', () => {
    const d = read(['青石镇2024年防溺水工作方案', '一、工作时间', '2024年6月1日至8月31日', '二、工作要求', '各村（社区）于7月27日前完成自查并汇总后于7月31日前报镇应急办。'].join('\n'));
    expect(d.reports.map((r) => r.due)).toEqual(['2024-07-31']);
  });

  it('每季度末 is quarterly; a one-off 11月19日前 stays one-off', () => {
    const d = read(['青石镇2024年安全隐患大排查方案', '一、工作时间', '2024年1月1日至12月31日', '二、工作要求', '（一）各单位每季度末报送排查情况至镇应急办。', '（二）每月开展一次自查，11月19日前将全年总结报送镇应急办。'].join('\n'));
    expect(d.reports.map((r) => r.every ?? r.due)).toEqual(['quarter', '2024-11-19']);
  });

  it('每周一上午报送 is weekly without 前; 按月报送 is monthly', () => {
    const d = read(['青石镇2024年安全生产月活动方案', '一、活动时间', '2024年6月1日至6月30日', '二、工作要求', '（一）各村（社区）每周一上午将进展情况报送镇应急办。', '（二）镇应急办按月报送县应急管理局。'].join('\n'));
    expect(d.reports.map((r) => [r.every, r.time ?? null])).toEqual([['monday', null], ['month', null]]);
  });

  it('报告镇应急办: the recipient, not 告镇应急办', () => {
    const d = read(['青石镇2024年地质灾害防治方案', '一、工作时间', '2024年5月1日至9月30日', '二、工作要求', '发现险情立即报告镇应急办。'].join('\n'));
    expect(d.units.map((u) => u.name)).not.toContain('告镇应急办');
    expect(d.reports.map((r) => names(d, [r.to])[0])).toEqual(['应急办']);
  });
});

describe('roles, however written', () => {
  const doc = (...items: string[]) => read(['青石镇2024年安全生产月活动方案', '一、活动时间', '2024年6月1日至6月30日', '二、活动内容', ...items, '三、工作要求'].join('\n'));
  it.each([
    ['（一）开展隐患排查。组织对企业开展检查。此项工作由镇安监站具体负责。', '隐患排查', ['安监站'], []],
    ['（一）开展隐患排查。主责单位：镇应急办；协同单位：镇派出所、镇市场监管所。', '隐患排查', ['应急办'], ['派出所', '市场监管所']],
    ['（一）开展隐患排查（牵头：镇应急办；配合：镇派出所）。', '隐患排查', ['应急办'], ['派出所']],
    ['（一）开展隐患排查。\n责任单位：镇应急办　　配合单位：镇派出所', '隐患排查', ['应急办'], ['派出所']],
    ['（一）开展隐患排查。镇应急办、镇市场监管所按职责分工负责。', '隐患排查', ['应急办', '市场监管所'], []],
    ['（一）开展隐患排查。由镇应急办会同镇派出所负责。', '隐患排查', ['应急办'], ['派出所']],
    ['（一）开展入户宣传。责任单位：各村（社区）。', '入户宣传', ['各村（社区）'], []],
    ['（一）分工。\n1．镇派出所：负责道路交通秩序整治。\n2．镇中心学校：负责学生安全教育。', '道路交通秩序', ['派出所'], []],
  ])('%s', (item, words, lead, support) => {
    expect(roles(doc(item), words)).toEqual({ lead, support });
  });

  it('a role sentence after （1）（2）（3） is about all of them', () => {
    const d = doc('（一）开展专项整治。（1）排查燃气管道；（2）检查餐饮场所；（3）督促整改隐患。以上工作由镇应急办牵头，镇市场监管所配合。');
    for (const w of ['排查燃气管道', '检查餐饮场所', '督促整改隐患']) expect(roles(d, w)).toEqual({ lead: ['应急办'], support: ['市场监管所'] });
  });

  it('（排在第一位的为牵头单位）: the first of a 责任单位 list leads', () => {
    const d = doc('（一）开展隐患排查。责任单位：镇应急办、镇派出所、镇市场监管所', '（排在第一位的为牵头单位）');
    expect(roles(d, '隐患排查')).toEqual({ lead: ['应急办'], support: ['派出所', '市场监管所'] });
  });
});

describe('what wraps the plan', () => {
  const cover = [
    '青石镇人民政府文件',
    '青政发〔2024〕18号',
    '关于印发青石镇2024年城镇燃气安全专项整治方案的通知',
    '各村（社区）、镇直各单位：',
    '现将《青石镇2024年城镇燃气安全专项整治方案》印发给你们，请认真贯彻落实。',
    '附件：1．青石镇2024年城镇燃气安全专项整治方案',
    '2．任务分工表',
    '青石镇人民政府',
    '2024年4月28日',
    '附件1',
    '青石镇2024年城镇燃气安全专项整治方案',
    '一、整治时间',
    '2024年5月1日至9月30日',
    '二、主要任务',
    '（一）开展燃气用户入户安全检查。',
    '（二）整治餐饮场所燃气隐患。',
    '（三）清理瓶装液化气非法经营点。',
    '附件2',
    '任务分工表',
    '序号  工作任务                      牵头单位      配合单位        完成时限',
    '1     燃气用户入户安全检查          镇应急办      各村（社区）    6月30日前',
    '2     整治餐饮场所燃气隐患          镇市场监管所  镇应急办        7月31日前',
    '3     清理瓶装液化气非法经营点      镇派出所      镇市场监管所    8月31日前',
  ].join('\n');
  it('a 印发通知 with the plan as 附件1 and an aligned 分工表 as 附件2', () => {
    const d = read(cover);
    expect(d.title.value).toBe('青石镇2024年城镇燃气安全专项整治方案');
    expect(d.organizer.value).toBe('青石镇');
    expect(leavesOf(d.tasks)).toHaveLength(3);
    expect(roles(d, '入户安全检查')).toEqual({ lead: ['应急办'], support: ['各村（社区）'] });
    expect(roles(d, '餐饮场所')).toEqual({ lead: ['市场监管所'], support: ['应急办'] });
    expect(leaf(d, '非法经营点').due).toBe('2024-08-31');
  });

  it('a 红头 banner is never the title, and a title without a year takes the 成文日期’s', () => {
    const d = read(['青石镇人民政府文件', '青政发〔2023〕5号', '青石镇冬春火灾防控工作方案', '一、防控时间', '11月1日至次年3月31日', '二、工作任务', '（一）开展防火宣传。镇应急办负责。', '青石镇人民政府', '2023年10月20日'].join('\n'));
    expect(d.title.value).toBe('青石镇冬春火灾防控工作方案');
    expect(d.organizer.value).toBe('青石镇');
    expect(d.year.value).toBe(2023);
    // 次年 of a winter plan: the New Year it runs into.
    expect(d.period.value).toEqual({ start: '2023-11-01', end: '2024-03-31' });
  });

  it('a 任务清单: 重点任务 with its 具体措施, a 责任领导 who is no unit, 牵头单位 and the other 责任单位', () => {
    const d = read(['青石镇2024年安全生产治本攻坚行动任务清单', '一、工作时间', '2024年3月1日至12月31日', '二、任务清单',
      '序号\t重点任务\t具体措施\t责任领导\t牵头单位\t责任单位\t完成时限',
      '1\t开展燃气安全排查\t对餐饮场所逐户检查\t李明\t镇应急办\t镇应急办、镇市场监管所\t6月30日前',
      '2\t整治电动自行车违规充电\t清理楼道充电\t王强\t镇派出所\t各村（社区）\t年底前'].join('\n'));
    expect(leavesOf(d.tasks).map((t) => [t.title, names(d, t.lead), names(d, t.support), t.due])).toEqual([
      ['开展燃气安全排查', ['应急办'], ['市场监管所'], '2024-06-30'],
      ['整治电动自行车违规充电', ['派出所'], ['各村（社区）'], '2024-12-31'],
    ]);
    expect(leaf(d, '燃气安全排查').text).toContain('对餐饮场所逐户检查');
  });

  it('a table cell that says it in words: X牵头，Y配合', () => {
    const d = read(['青石镇2024年防汛工作方案', '一、工作时间', '2024年5月1日至9月30日', '二、任务分工',
      '序号\t工作任务\t责任单位\t完成时限', '1\t排查山塘水库\t镇水利站牵头，各村（社区）配合\t5月20日前'].join('\n'));
    expect(roles(d, '排查山塘水库')).toEqual({ lead: ['水利站'], support: ['各村（社区）'] });
  });

  it('a task list drawn with box characters', () => {
    const d = read(['青石镇2024年防溺水工作方案', '一、工作时间', '2024年6月1日至8月31日', '二、任务分工', '┌──┬────────┬──────┬──────┐', '│序号│工作任务        │牵头单位    │完成时限    │', '├──┼────────┼──────┼──────┤', '│1   │排查危险水域    │镇水利站    │6月15日前   │', '├──┼────────┼──────┼──────┤', '│2   │设置警示标志    │各村（社区）│6月30日前   │', '└──┴────────┴──────┴──────┘'].join('\n'));
    expect(leavesOf(d.tasks).map((t) => [t.title, names(d, t.lead), t.due])).toEqual([
      ['排查危险水域', ['水利站'], '2024-06-15'],
      ['设置警示标志', ['各村（社区）'], '2024-06-30'],
    ]);
  });
});

describe('what a second set of documents written outside showed', () => {
  it('a 街道 plan: 街道 offices without the prefix, labels naming 科室', () => {
    const d = read(['新华街道2024年燃气安全专项整治方案', '一、整治时间', '2024年4月1日至6月30日', '二、重点任务', '（一）摸清用户底数。对餐饮场所开展摸排。', '牵头科室：街道城管办', '配合科室：各社区', '完成时限：4月30日前'].join('\n'));
    expect(d.organizer.value).toBe('新华街道');
    expect(roles(d, '摸清用户底数')).toEqual({ lead: ['城管办'], support: ['各社区'] });
  });

  it('phases under any heading, one of them 即日起至…', () => {
    const d = read(['青石镇2024年液化气整治方案', '一、整治时间', '即日起至6月30日。', '二、整治安排', '（一）第一阶段：摸底排查（即日起至4月30日）', '（二）第二阶段：集中整治（5月1日—6月15日）', '（三）第三阶段：巩固提升（6月16日—6月30日）', '三、重点任务', '（一）入户排查。镇应急办负责。', '青石镇人民政府', '2024年4月12日'].join('\n'));
    expect(d.phases.map((p) => [p.title, p.start, p.end])).toEqual([['摸底排查', '2024-04-12', '2024-04-30'], ['集中整治', '2024-05-01', '2024-06-15'], ['巩固提升', '2024-06-16', '2024-06-30']]);
  });

  it('③ on the next line goes on with the ①② of the paragraph above', () => {
    const d = read(['青石镇2024年燃气安全方案', '一、工作时间', '2024年4月1日至6月30日', '二、重点任务', '（一）开展入户宣传。①网格员入户发放告知书；②组织供气企业入户检查；', '③在宣传栏张贴典型案例。', '牵头单位：各社区'].join('\n'));
    expect(leavesOf(d.tasks).map((t) => [t.title, names(d, t.lead)])).toEqual([['网格员入户发放告知书', ['各社区']], ['组织供气企业入户检查', ['各社区']], ['在宣传栏张贴典型案例', ['各社区']]]);
  });

  it('labels after items 1. and 2. that name no one are about both; after items that do, the last one’s own', () => {
    const both = read(['青石镇2024年电动车治理方案', '一、工作时间', '2024年5月1日至8月31日', '二、主要任务', '（一）推进充电设施建设', '1.新建集中充电棚3处。', '2.推动小区加装充电桩。', '责任单位：镇村建所（牵头）、镇供电所', '完成时限：7月31日前'].join('\n'));
    for (const w of ['集中充电棚', '加装充电桩']) expect([roles(both, w), leaf(both, w).due]).toEqual([{ lead: ['村建所'], support: ['供电所'] }, '2024-07-31']);
    const own = read(['青石镇2024年电动车治理方案', '一、工作时间', '2024年5月1日至8月31日', '二、主要任务', '（一）推进治理', '1.镇派出所开展违规载人整治。', '2.推动小区加装充电桩。', '责任单位：镇村建所'].join('\n'));
    expect(roles(own, '违规载人').lead).toEqual(['派出所']);
    expect(roles(own, '加装充电桩').lead).toEqual(['村建所']);
  });

  it('X负责，…，Y协助: the helper named later in the item', () => {
    const d = read(['青石镇2024年电动车治理方案', '一、工作时间', '2024年5月1日至8月31日', '二、主要任务', '（一）查处违规销售。镇市场监管所负责，重点查处违规改装行为，镇派出所协助。'].join('\n'));
    expect(roles(d, '查处违规销售')).toEqual({ lead: ['市场监管所'], support: ['派出所'] });
  });

  it('the cover’s own duty, a recipient before its 邮箱, a phone on the line after the contact, a 工作专班', () => {
    const d = read(['青石镇人民政府', '关于印发青石镇2025年防汛工作方案的通知', '各村（社区）：', '现将方案印发给你们，请于5月10日前将落实情况报镇应急办。', '青石镇人民政府', '2025年4月20日', '青石镇2025年防汛工作方案', '一、工作时间', '2025年5月1日至9月30日', '二、工作专班',
      '镇政府成立防汛工作专班，专班组长：镇长陆文涛；副组长：副镇长周晓敏；成员：镇水利站站长覃明、镇应急办主任黄磊。专班下设办公室，办公室设在镇水利站。',
      '三、主要任务', '（一）排查山塘。镇水利站负责。', '四、工作要求', '（一）各村（社区）于每月5日前将情况报送至镇应急办邮箱（qs@163.com）。', '联系人：龙  涛，', '电话：0739-5521006。'].join('\n'));
    expect(d.reports.map((r) => [names(d, [r.to])[0], r.every ?? r.due])).toEqual([['应急办', '2025-05-10'], ['应急办', 'month']]);
    expect(d.contact).toMatchObject({ person: '龙涛', phone: '0739-5521006' });
    expect(d.leadership?.office).toBe('镇水利站');
    expect(d.leadership?.members).toHaveLength(4);
  });
});

describe('what a third set of documents written outside showed', () => {
  const doc = (...items: string[]) => read(['竹园镇2023年安全生产月活动方案', '一、活动时间', '2023年6月1日至6月30日', '二、活动内容', ...items, '三、工作要求'].join('\n'));
  it.each([
    ['（一）开展宣传。全月发放资料3000份。镇应急办是第一责任单位，各行政村、镇直机关各单位配合。', '开展宣传', ['应急办'], ['各行政村', '镇直机关各单位']],
    ['（一）检查燃气。县住建局为责任单位，县市场监管局、县消防救援大队为配合单位。', '检查燃气', ['县住建局'], ['县市场监管局', '县消防救援大队']],
    ['（一）签订承诺书。6月10日前完成。镇应急办具体组织实施，各行政村做好配合。', '签订承诺书', ['应急办'], ['各行政村']],
    ['（一）开展演练。6月20日前完成。镇中心学校、各企事业单位共同负责。', '开展演练', ['中心学校', '各企事业单位'], []],
    ['（一）入户排查。各乡镇（街道）要对辖区开展入户排查。', '入户排查', ['各乡镇（街道）'], []],
  ])('%s', (item, words, lead, support) => {
    expect(roles(doc(item), words)).toEqual({ lead, support });
  });

  it('1) 2) items, 一要…二要… parts, and 以上检查… after ①②③ dating all of them', () => {
    const d = doc('（一）完善预案', '1)修订应急预案，4月底前完成；', '2)组织避险演练，5月下旬前完成。', '（二）危险水域管控。镇水利站牵头，各村配合，一要排查危险水域；二要设立警示标牌。', '（三）重点检查。①镇市场监管所检查燃气；②镇派出所检查寄递网点。以上检查6月25日前完成。');
    expect(leaf(d, '修订应急预案').due).toBe('2023-04-30');
    expect(roles(d, '设立警示标牌')).toEqual({ lead: ['水利站'], support: ['各村'] });
    expect([leaf(d, '检查燃气').due, leaf(d, '检查寄递网点').due]).toEqual(['2023-06-25', '2023-06-25']);
  });

  it('a 日程安排 whose rows are the tasks, dated by its 日期 column', () => {
    const d = read(['石龙镇2025年防灾减灾宣传周活动方案', '一、活动时间', '2025年5月12日至5月18日', '二、日程安排',
      '日期\t活动内容\t地点\t责任单位', '5月12日（星期一）\t启动仪式暨应急装备展示\t镇文化广场\t镇应急办', '5月12日—14日\t对房前屋后边坡开展排查\t各村\t镇自然资源所'].join('\n'));
    expect(leavesOf(d.tasks).map((t) => [names(d, t.lead), t.start ?? null, t.due])).toEqual([[['应急办'], null, '2025-05-12'], [['自然资源所'], '2025-05-12', '2025-05-14']]);
  });

  it('reports: 向X报告, 每季度末月28日前, 每月最后一个工作日前, 次年1月10日前, 每日 kept without a date', () => {
    const d = read(['龙门乡2025年有限空间整治方案', '一、整治时间', '2025年4月1日至10月31日', '二、工作要求',
      '（一）各村每日17时前向乡应急办报告巡查情况。', '（二）乡应急办于每季度末月28日前报县应急管理局。', '（三）各村于每月最后一个工作日前将情况报乡应急办。', '（四）乡应急办于次年1月10日前将全年总结报县应急管理局。'].join('\n'));
    expect(d.reports.map((r) => [r.every ?? null, r.day ?? null, r.due ?? null])).toEqual([[null, null, null], ['quarter', 28, null], ['month', 31, null], [null, null, '2026-01-10']]);
  });

  it('a leading group and a contact laid out as tables; a contact named with its office', () => {
    const d = read(['竹园镇2023年安全生产月活动方案', '一、活动时间', '2023年6月1日至6月30日', '二、组织领导', '成立活动领导小组，成员如下：',
      '职务\t姓名\t单位职务', '组长\t谭建国\t镇党委副书记、镇长', '副组长\t黎明\t副镇长', '成员\t何文斌\t镇应急办主任', '领导小组下设办公室，办公室设在镇应急办。',
      '三、活动内容', '（一）开展宣传。镇应急办负责。', '联络单位\t联系人\t联系电话', '竹园镇应急办\t何文斌\t0745-7723109'].join('\n'));
    expect(d.leadership?.members.map((m) => m.name)).toEqual(['谭建国', '黎明', '何文斌']);
    expect(d.contact).toMatchObject({ person: '何文斌', phone: '0745-7723109' });
    const named = read(['竹园镇2023年安全生产月活动方案', '一、活动时间', '2023年6月1日至6月30日', '二、活动内容', '（一）开展宣传。镇应急办负责。', '联系人：镇禁毒办欧阳丽，联系电话：0739-4456012。'].join('\n'));
    expect(named.contact).toMatchObject({ person: '欧阳丽', phone: '0739-4456012' });
  });
});

describe('what the review of the change showed', () => {
  const ctx = { year: 2024, period: { start: '2024-05-01', end: '2024-09-30' }, isWorkday: calendar.isWorkday, holidayStart: holidayStarts(calendar) };
  it('5月至6月底前 is a deadline with its start (the rule date/text-due reads it so)', () => {
    expect(readDates('5月至6月底前完成排查', ctx).map((h) => [h.kind, h.start, h.due])).toEqual([['month-end', '2024-05-01', '2024-06-30']]);
  });
  it('2024年年底前 keeps its year; 第二十一 is no 十一 holiday', () => {
    expect(readDates('2024年年底前完成', ctx).map((h) => h.due)).toEqual(['2024-12-31']);
    expect(readDates('第二十一前', ctx)).toEqual([]);
  });
  it('每季度第一个月5日前 is kept without a date, not scheduled in the quarter’s last month', () => {
    const d = read(['青石镇2024年安全隐患排查方案', '一、工作时间', '2024年1月1日至12月31日', '二、工作要求', '（一）各村于每季度第一个月5日前将上季度情况报镇应急办。'].join('\n'));
    expect(d.reports.map((r) => [r.every ?? null, r.due ?? null])).toEqual([[null, null]]);
  });
});

describe('what the held-out set showed, once scored', () => {
  it('整治项目 | 工作任务: the task is the 工作任务 column, not the category beside it; a phone before （24小时）', () => {
    const d = read(['碧溪镇2024年燃气整治方案', '一、整治时间', '2024年4月1日至12月31日', '二、任务分工',
      '序号\t整治项目\t工作任务\t牵头单位\t配合单位\t完成时限', '1\t燃气经营企业\t对供应站开展全面检查\t镇市场监管所\t镇应急办\t5月底前',
      '2\t燃气经营企业\t建立气瓶追溯系统\t镇市场监管所\t镇派出所\t6月底前', '联系电话：0718-6235190（24小时）'].join('\n'));
    expect(leavesOf(d.tasks).map((t) => t.title)).toEqual(['对供应站开展全面检查', '建立气瓶追溯系统']);
    expect(d.contact?.phone).toBe('0718-6235190');
  });
});

describe('what a fifth set of documents written outside showed', () => {
  it('a plan numbered 1、2、3 from the start, dated only by its title, with units set apart by spaces', () => {
    const d = read(['樟树镇2024年6月安全生产检查方案', '为做好检查工作，制定本方案。', '1、由镇党政综合办公室负责，制定检查工作日程，6月3日前完成。',
      '2、检查农村客运站点的安全防护设施。', '责任单位：镇派出所　镇社会事务办公室', '完成时间：6月中下旬'].join('\n'));
    expect(d.period.value).toEqual({ start: '2024-06-01', end: '2024-06-30' });
    expect(leavesOf(d.tasks)).toHaveLength(2);
    expect(roles(d, '客运站点')).toEqual({ lead: ['派出所', '社会事务办公室'], support: [] });
    expect(leaf(d, '客运站点').due).toBe('2024-06-30');
  });

  it('第一，… items; 附：任务分解表 as an attachment whose rows are the tasks; a phase’s own table; 7—8月', () => {
    const items = read(['马家河镇2022年烟花爆竹安全管理方案', '一、工作时间', '2022年12月1日至2023年2月28日', '二、工作措施', '第一，严格许可管理。12月15日前完成。', '牵头：镇应急办　配合：镇市场监管所', '第二，打击非法经营。', '牵头：镇派出所'].join('\n'));
    expect(leavesOf(items.tasks).map((t) => [t.title, names(items, t.lead), names(items, t.support)])).toEqual([['严格许可管理', ['应急办'], ['市场监管所']], ['打击非法经营', ['派出所'], []]]);
    const attached = read(['清泉镇2022年消防宣传月活动方案', '一、活动时间', '2022年11月1日至11月30日', '二、活动内容', '具体内容详见任务分解表。', '清泉镇人民政府', '2022年10月25日', '附：', '任务分解表',
      '序号\t主要内容\t具体要求\t责任单位\t时间节点', '1\t举办启动仪式\t集中展示消防器材\t镇应急办（牵头） 镇派出所\t11月9日'].join('\n'));
    expect(leavesOf(attached.tasks).map((t) => [t.title, names(attached, t.lead), names(attached, t.support), t.due])).toEqual([['举办启动仪式', ['应急办'], ['派出所'], '2022-11-09']]);
    const phased = read(['梨花镇2026年防溺水工作方案', '一、实施时间', '2026年4月1日至9月30日', '二、阶段任务', '（一）第一阶段：春季防控（4月1日—6月30日）',
      '序号\t主要内容\t责任单位\t时间节点', '1\t危险水域排查\t牵头：镇水利站 配合：各村（社区）\t5月底前', '（二）第二阶段：暑期防控（7月1日—8月31日）', '序号\t主要内容\t责任单位\t时间节点', '1\t重点水域巡查\t牵头：各村（社区）\t7—8月'].join('\n'));
    expect(leavesOf(phased.tasks).map((t) => [t.title, t.phase, t.start ?? null, t.due])).toEqual([['危险水域排查', 'p1', null, '2026-05-31'], ['重点水域巡查', 'p2', '2026-07-01', '2026-08-31']]);
  });
});

describe('time counted after a break or the period', () => {
  const ctx = { year: 2024, period: { start: '2024-04-01', end: '2024-09-30' }, isWorkday: calendar.isWorkday, holidayStart: holidayStarts(calendar) };
  it('“五一”节后一周内 counts from the break’s last day; 活动结束后一周内 and 10日内 in calendar days; 7月初 as 上旬', () => {
    // The 2024 劳动节 break ran 5月1日–5日.
    expect(readDates('“五一”节后一周内报送', ctx).map((h) => h.due)).toEqual(['2024-05-12']);
    expect(readDates('活动结束后一周内报送总结', ctx).map((h) => h.due)).toEqual(['2024-10-07']);
    expect(readDates('活动结束后10日内', ctx).map((h) => h.due)).toEqual(['2024-10-10']);
    expect(readDates('6月底7月初完成', ctx).map((h) => h.due)).toEqual(['2024-06-30', '2024-07-10']);
  });
});
