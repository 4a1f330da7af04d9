// Rules whose verdict turns on words — a unit's name against the organizer's, a report's title — case by case
// in tables: one small plan per case, and what the rule says of it. The fixtures show each rule at work in a
// whole plan; these tables walk the word lists the rules judge by, one realistic name or title at a time.
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers/lint.js';

const found = (text: string, rule: string) =>
  lintText(text).filter((p) => p.rule === rule).map((p) => `${p.line} ${p.messageId}`);

describe('ref/external-lead: whether a unit leading a task is outside the plan', () => {
  const plan = (organizer: string, name: string, flags = '', contact = '') => `version: 1
title: 2020年“安全生产月”活动方案
organizer: ${organizer}
year: 2020
period: {start: 2020-06-01, end: 2020-06-30}${contact}
units:
  - {id: office, name: 应急办}
  - {id: u, name: ${name}${flags}}
tasks:
  - {id: "1", title: 安全检查, lead: [u], support: [office], status: done}
`;
  const verdict = (organizer: string, name: string, flags = '') => found(plan(organizer, name, flags), 'ref/external-lead');

  it.each([
    // A township's plan: a body whose name starts with 县, 区, 市, 州 or 省 is above it.
    ['青石镇人民政府', '县应急管理局', 'higher'],
    ['铜钟乡', '区消防救援大队', 'higher'],
    ['城关街道办事处', '市应急管理局', 'higher'],
    ['巴彦苏木', '州应急管理局', 'higher'],
    ['青石镇', '省道养护中心', 'higher'],
    // … but not the township's own bodies, whose names start the same way: 县城, 区域, 市场, 市政, 市容, 市民, 市区.
    ['青石镇', '县城建设服务中心', 'none'],
    ['青石镇', '区域医疗中心', 'none'],
    ['青石镇', '市场监督管理所', 'none'],
    ['青石镇', '市政服务中心', 'none'],
    ['青石镇', '市容环境卫生管理办公室', 'none'],
    ['青石镇', '市民服务中心', 'none'],
    ['青石镇', '市区燃气服务中心', 'none'],
    // The word must start the name: 城市管理 is the township's urban management office.
    ['青石镇', '城市管理办公室', 'none'],
    // Stationed in the township: its name carries the township's, or ends as a stationed unit's does.
    ['青石镇人民政府', '县公安局青石派出所', 'none'],
    ['青石镇人民政府', '县水利局青石水利服务中心', 'none'],
    ['龙泉县青石镇人民政府', '县水利局青石水利服务中心', 'none'],
    ['青石镇人民政府', '县交警大队二中队', 'none'],
    ['青石镇', '县农村商业银行支行', 'none'],
    ['青石镇', '县人民法院人民法庭', 'none'],
    ['青石镇', '县中心卫生院', 'none'],
    ['青石镇', '县第二中学', 'none'],
    ['青石镇', '县自然资源局分局', 'none'],
    // … and the ending must end it: a 所 inside a name is no station.
    ['青石镇', '县所属企业管理局', 'higher'],
    // A place name of one character says nothing: 石 is in many names.
    ['石镇', '县石材管理局', 'higher'],
    // A county's plan: 市, 州, 省 are above it; its own 县 bodies and bodies carrying its name are not.
    ['龙泉县应急管理局', '市应急管理局', 'higher'],
    ['龙泉县应急管理局', '省消防救援总队', 'higher'],
    ['龙泉县应急管理局', '县消防救援大队', 'none'],
    ['龙泉县应急管理局', '区消防救援大队', 'none'],
    ['龙泉县应急管理局', '旗消防救援大队', 'none'],
    ['龙泉县应急管理局', '龙泉消防救援大队', 'none'],
    ['龙泉县应急管理局', '市场监督管理局', 'none'],
    ['十堰市龙泉县应急管理局', '市生态环境局龙泉分局', 'none'],
    ['十堰市龙泉县应急管理局', '市生态环境局', 'higher'],
    ['科右前旗应急管理局', '盟应急管理局', 'none'],
    // A village's plan, or an organizer of no known level: only `external: true` marks a unit.
    ['红旗村', '县应急管理局', 'none'],
    ['青石镇红旗村', '县应急管理局', 'none'],
    ['青石镇红旗社区居委会', '县应急管理局', 'none'],
    ['青石镇红旗村村民委员会', '县应急管理局', 'none'],
    ['青石镇红旗社区居民委员会', '县应急管理局', 'none'],
    ['青石镇红旗村党支部', '县应急管理局', 'none'],
    ['青石镇红旗村民委员会', '县应急管理局', 'none'],
    ['红旗村', '市应急管理局', 'none'],
    ['安全生产委员会', '县应急管理局', 'none'],
    ['安全生产委员会', '市应急管理局', 'none'],
    // A township's body whose name has 村 in it is the township's, not a village.
    ['青石镇村镇建设服务中心', '县应急管理局', 'higher'],
  ])('organizer %s, lead %s: %s', (organizer, name, expected) => {
    expect(verdict(organizer, name)).toEqual(expected === 'none' ? [] : [`10 ${expected}`]);
  });

  it.each([
    ['红旗村', '县应急管理局', 'external'],
    ['青石镇', '县应急管理局', 'external'],
    // The flag gives way where the name says the unit is the township's own (import marks every 县… external).
    ['青石镇人民政府', '县公安局青石派出所', 'none'],
    ['龙泉县应急管理局', '县消防救援大队', 'none'],
  ])('organizer %s, lead %s marked external: %s', (organizer, name, expected) => {
    expect(verdict(organizer, name, ', external: true')).toEqual(expected === 'none' ? [] : [`10 ${expected}`]);
  });

  it("never reports the plan's own office: self: true, or the contact's unit", () => {
    expect(verdict('青石镇', '县应急管理局', ', self: true')).toEqual([]);
    expect(found(plan('青石镇', '县应急管理局', ', external: true', '\ncontact: {unit: 县应急管理局}'), 'ref/external-lead')).toEqual([]);
  });

  it('reports each task the unit leads, not the tasks it supports', () => {
    const text = `${plan('青石镇', '县应急管理局')}  - {id: "2", title: 宣传, lead: [office, u], status: done}
  - {id: "3", title: 演练, lead: [office], support: [u], status: done}
`;
    expect(lintText(text).filter((p) => p.rule === 'ref/external-lead').map((p) => `${p.line}:${p.column} ${JSON.stringify(p.data)}`)).toEqual([
      '10:35 {"task":"1","unit":"u","name":"县应急管理局","organizer":"青石镇"}',
      '11:41 {"task":"2","unit":"u","name":"县应急管理局","organizer":"青石镇"}',
    ]);
  });
});

describe('a text full of one mistake', () => {
  const plan = (text: string) => `version: 1
title: 测试乡2020年“安全生产月”活动方案
organizer: 测试乡
year: 2020
period: {start: 2020-06-01, end: 2020-06-30}
units: [{id: police, name: 派出所}]
tasks:
  - {id: "1", title: 宣讲, lead: [police], status: done, text: ${text}}
`;

  /** The column of the k-th `needle` in the text (the text starts at column 62 of line 8). */
  const column = (text: string, needle: string, k: number) => {
    let at = -1;
    for (let n = 0; n <= k; n++) at = text.indexOf(needle, at + 1);
    return 62 + [...text.slice(0, at)].length;
  };

  it('gives text/repeated and text/brackets 20 findings at most, the first 20, each where it is', () => {
    const doubled = Array.from({ length: 25 }, (_, i) => `第${i + 1}项检查的的落实`).join('，');
    const repeated = lintText(plan(doubled)).filter((p) => p.rule === 'text/repeated');
    expect(repeated.map((p) => `${p.line}:${p.column}`)).toEqual(Array.from({ length: 20 }, (_, k) => `8:${column(doubled, '的的', k)}`));
    const opened = Array.from({ length: 25 }, (_, i) => `第${i + 1}项《方案`).join('，');
    const brackets = lintText(plan(opened)).filter((p) => p.rule === 'text/brackets');
    expect(brackets.map((p) => `${p.line}:${p.column}`)).toEqual(Array.from({ length: 20 }, (_, k) => `8:${column(opened, '《', k)}`));
  });
});

describe('date/text-year: a full date of another year, in the words around it', () => {
  const plan = (text: string) => `version: 1
title: 测试镇2025年“安全生产月”活动方案
organizer: 测试镇
year: 2025
period: {start: 2025-06-01, end: 2025-06-30}
units: [{id: safety, name: 应急办}]
guidance: ${text}
tasks:
  - {id: "1", title: 宣讲, lead: [safety], status: done}
`;
  const flagged = (text: string) => lintText(plan(text)).filter((p) => p.rule === 'date/text-year').map((p) => (p.data as { text: string }).text);

  it.each([
    // Cited: a document issued or in force, an event told as history.
    ['根据县安委会2023年6月21日印发的通知，制定本方案。', []],
    ['按照2023年6月21日下发的要求开展排查。', []],
    ['自2023年6月1日起施行的新规定要求各单位落实。', []],
    ['截至2023年12月31日，全镇已完成隐患整改。', []],
    ['2023年6月21日（星期三）发生的燃气爆炸事故教训深刻。', []],
    ['2023年6月21日晚，银川一烧烤店发生燃气爆炸，造成31人死亡。', []],
    ['回顾2023年6月21日的事故，举一反三。', []],
    ['2023年4月18日北京长峰医院火灾以来，群众关注消防安全。', []],
    // The plan's own schedule, whatever the sentence says: a deadline or start is never history.
    ['汲取事故教训，2023年6月21日前完成整改。', ['2023年6月21日']],
    ['吸取以往案例教训，2023年6月21日（星期三）起开展排查。', ['2023年6月21日']],
    // Words that name what must not happen are no history.
    ['防止发生类似事故，2023年6月21日组织应急演练。', ['2023年6月21日']],
    ['严防发生火灾，2023年6月21日开展检查。', ['2023年6月21日']],
    ['2023年6月21日组织演练，火灾发生时立即疏散。', ['2023年6月21日']],
    // Only the date's own sentence counts: history in the next one says nothing of it.
    ['2023年6月21日组织应急演练。去年同期发生的事故教训深刻。', ['2023年6月21日']],
    ['去年同期发生事故；2023年6月21日组织应急演练。', ['2023年6月21日']],
    // A year alone is no date; the plan's year is its own.
    ['认真学习2023年事故通报，2025年6月16日开展咨询日活动。', []],
  ])('%s', (text, expected) => {
    expect(flagged(text)).toEqual(expected);
  });
});
