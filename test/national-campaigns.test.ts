// The national themes and edition counts (src/data/national-campaigns.ts): the numbers the sources state,
// variants counting as the theme, and no judgement at all for a year the data does not list.
import { describe, expect, it } from 'vitest';
import {
  ANTI_DRUG_SLOGAN, ANTI_DRUG_THEMES, DISASTER_DAY, DISASTER_DAY_THEMES, DRUG_DAY, DRUG_MONTH, type EditionCount, editionOf,
  editionPattern, FIRE_DAY, FIRE_MONTH, FIRE_THEMES, NATIONAL_CAMPAIGNS, type NationalCampaign, nationalCampaignOf,
  earlierYearOfEdition, earlierYearOfTheme, otherYearOfTheme, SAFETY_MONTH, themeOf, yearOfEdition, yearsOfTheme,
} from '../src/data/national-campaigns.js';
import { normaliseTheme } from '../src/data/themes.js';

const campaign = (id: NationalCampaign['id']) => NATIONAL_CAMPAIGNS.find((c) => c.id === id)!;
const disaster = campaign('disaster-week');
const fire = campaign('fire-month');
const drug = campaign('anti-drug-month');
const safety = campaign('safety-month');

describe('the tables', () => {
  it.each(NATIONAL_CAMPAIGNS.map((c) => [c.id, c] as const))('%s: one entry a year, in order, each with a theme', (_, c) => {
    const years = c.themes.map((t) => t.year);
    expect(years).toEqual([...new Set(years)].sort((a, b) => a - b));
    for (const t of c.themes) expect(normaliseTheme(t.theme).length, String(t.year)).toBeGreaterThan(3);
  });

  it('lists exactly the verified years, leaving out the unsettled ones', () => {
    expect(DISASTER_DAY_THEMES.map((t) => t.year)).toEqual([2010, 2011, 2012, 2013, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    expect(FIRE_THEMES.map((t) => t.year)).toEqual([2011, 2012, 2013, 2015, 2016, 2017, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    expect(ANTI_DRUG_THEMES.map((t) => t.year)).toEqual([2016, 2017, 2021, 2022, 2023, 2024, 2025]);
  });
});

describe('editions', () => {
  const stated = (count: EditionCount, pairs: [number, number][]) => {
    for (const [year, edition] of pairs) {
      expect(editionOf(count, year), `${count.observance} ${year}`).toBe(edition);
      expect(yearOfEdition(count, edition), `${count.observance} 第${edition}个`).toBe(year);
    }
  };

  it('全国防灾减灾日 = year − 2008 in every listed year, as the sources number them', () => {
    for (const { year } of DISASTER_DAY_THEMES) expect(editionOf(DISASTER_DAY, year)).toBe(year - 2008);
    stated(DISASTER_DAY, [[2009, 1], [2010, 2], [2013, 5], [2017, 9], [2018, 10], [2019, 11], [2022, 14], [2023, 15], [2024, 16], [2025, 17]]);
    expect(editionOf(DISASTER_DAY, 2008)).toBeUndefined();
  });

  it("全国消防日: year − 1991 from 2020, before that the number the year's own reports used", () => {
    for (const t of FIRE_THEMES.filter((f) => f.year >= 2020)) {
      expect(editionOf(FIRE_DAY, t.year)).toBe(t.year - 1991);
      expect(t.edition).toBe(t.year - 1991);
    }
    stated(FIRE_DAY, [[2011, 21], [2013, 23], [2015, 25], [2016, 26], [2017, 27], [2020, 29], [2022, 31], [2024, 33], [2025, 34], [2026, 35]]);
  });

  it('全国消防日: no number for a disputed year (2019: 28 or 29), an unlisted one or one whose reports give none', () => {
    for (const year of [2012, 2014, 2018, 2019]) expect(editionOf(FIRE_DAY, year), String(year)).toBeUndefined();
    expect(yearOfEdition(FIRE_DAY, 28)).toBeUndefined();
    expect(yearOfEdition(FIRE_DAY, 29)).toBe(2020);
  });

  it('全国消防宣传月 = year − 2016 since 2017', () => {
    stated(FIRE_MONTH, [[2017, 1], [2020, 4], [2021, 5], [2023, 7], [2024, 8], [2025, 9]]);
    expect(editionOf(FIRE_MONTH, 2016)).toBeUndefined();
  });

  it('国际禁毒日 = year − 1987', () => {
    for (const { year } of ANTI_DRUG_THEMES) expect(editionOf(DRUG_DAY, year)).toBe(year - 1987);
    stated(DRUG_DAY, [[2019, 32], [2021, 34], [2023, 36], [2024, 37], [2025, 38]]);
  });

  it('全民禁毒宣传月 = year − 2010, only in the years the sources checked (2024, 2025)', () => {
    stated(DRUG_MONTH, [[2024, 14], [2025, 15]]);
    for (const year of [2016, 2021, 2023, 2026]) expect(editionOf(DRUG_MONTH, year), String(year)).toBeUndefined();
    expect(yearOfEdition(DRUG_MONTH, 13)).toBeUndefined();
  });

  it('安全生产月 = year − 2001', () => {
    stated(SAFETY_MONTH, [[2002, 1], [2019, 18], [2020, 19], [2025, 24]]);
  });

  it.each([
    [DISASTER_DAY, '今年是第十四个全国防灾减灾日', '十四'],
    [DISASTER_DAY, '第6个防灾减灾日', '6'],
    [FIRE_DAY, '第32个全国消防日', '32'],
    [FIRE_DAY, '第三十三个全国消防日', '三十三'],
    [FIRE_DAY, '第29个“119”消防日', '29'],
    [FIRE_DAY, '第26个119消防宣传日', '26'],
    [FIRE_MONTH, '第七个全国消防宣传月', '七'],
    [FIRE_MONTH, '第八个“119”消防宣传月', '八'],
    [DRUG_DAY, '第37个国际禁毒日', '37'],
    [DRUG_DAY, '第38个“6·26”国际禁毒日', '38'],
    [DRUG_MONTH, '第十四个全民禁毒宣传月', '十四'],
    [SAFETY_MONTH, '第十八个全国“安全生产月”', '十八'],
  ] as const)('%#: finds the edition in %s', (count, text, n) => {
    expect([...text.matchAll(editionPattern(count))].map((m) => m[1])).toEqual([n]);
  });

  it('tells the 消防日 from the 消防宣传月', () => {
    expect([...'第七个全国消防宣传月'.matchAll(editionPattern(FIRE_DAY))]).toEqual([]);
    expect([...'第32个全国消防日'.matchAll(editionPattern(FIRE_MONTH))]).toEqual([]);
  });
});

describe('themes', () => {
  it("every variant is its year's theme, whatever the punctuation", () => {
    for (const c of NATIONAL_CAMPAIGNS) {
      for (const t of c.themes) {
        for (const w of [t.theme, ...(t.variants ?? [])]) expect(yearsOfTheme(c, w), `${c.id} ${t.year} ${w}`).toContain(t.year);
        expect(yearsOfTheme(c, t.theme.replace(/[，、 ]/g, '·'))).toContain(t.year);
      }
    }
  });

  it('a theme is the same theme in every year that had it, a variant of one year included', () => {
    expect(yearsOfTheme(drug, '全民共治、防范青少年药物滥用')).toEqual([2024, 2025]);
    expect(yearsOfTheme(drug, '健康人生，绿色无毒')).toEqual([2022, 2023]);
    expect(yearsOfTheme(fire, '全民消防·生命至上')).toEqual([2011, 2024]);
    expect(yearsOfTheme(fire, '全民消防、安全至上')).toEqual([]);
  });

  it('names the other year of a recycled theme, the nearest one', () => {
    expect(otherYearOfTheme(disaster, '减轻灾害风险，守护美好家园', 2023)?.year).toBe(2022);
    expect(otherYearOfTheme(fire, '预防为主、生命至上', 2024)?.year).toBe(2023);
    expect(otherYearOfTheme(fire, '全民消防，生命至上', 2023)?.year).toBe(2024);
    expect(otherYearOfTheme(fire, '全民消防，生命至上', 2012)?.year).toBe(2011);
    expect(otherYearOfTheme(drug, '防范新型毒品对青少年危害', 2025)?.year).toBe(2021);
    expect(otherYearOfTheme(safety, '防风险、除隐患、遏事故', 2020)?.year).toBe(2019);
  });

  it("does not call this year's main theme, written without its sub-theme, another year's theme", () => {
    expect(otherYearOfTheme(fire, '全民消防、生命至上', 2025)).toBeUndefined();
    expect(otherYearOfTheme(safety, '人人讲安全、个个会应急', 2025)).toBeUndefined();
    // …but a longer theme of another year is still that year's
    expect(otherYearOfTheme(fire, '全民消防、生命至上——安全用火用电', 2024)?.year).toBe(2025);
  });

  it('never judges the standing anti-drug slogan from 2018 on', () => {
    for (const year of [2021, 2024, 2025]) {
      for (const w of [ANTI_DRUG_SLOGAN.text, '健康人生，绿色无毒', '健康人生 绿色无毒']) expect(otherYearOfTheme(drug, w, year), `${year} ${w}`).toBeUndefined();
    }
    expect(otherYearOfTheme(drug, ANTI_DRUG_SLOGAN.text, 2017)?.year).toBe(2022);
  });

  it('judges nothing in a year it does not list', () => {
    const unlisted: [NationalCampaign, number[]][] = [[disaster, [2009, 2014, 2026]], [fire, [2014, 2018, 2026]], [drug, [2015, 2018, 2019, 2020, 2026]]];
    for (const [c, years] of unlisted) {
      for (const year of years) {
        expect(themeOf(c, year), `${c.id} ${year}`).toBeUndefined();
        for (const t of c.themes) expect(otherYearOfTheme(c, t.theme, year), `${c.id} ${year} ${t.theme}`).toBeUndefined();
      }
    }
  });

  it('leaves a theme alone that no listed year had', () => {
    expect(otherYearOfTheme(disaster, '城镇化与减灾', 2023)).toBeUndefined();
    expect(otherYearOfTheme(fire, '防风险、除隐患、遏事故', 2020)).toBeUndefined();
  });
});

describe('a year the data does not list', () => {
  const earlier = (c: NationalCampaign, text: string, year: number) => earlierYearOfTheme(c, text, year)?.year;

  it("calls a copy of an earlier year's whole theme that year's: 2025's and 2024's 安全生产月 themes in 2026", () => {
    expect(earlier(safety, '人人讲安全、个个会应急——查找身边安全隐患', 2026)).toBe(2025);
    expect(earlier(safety, '人人讲安全，个个会应急 查找身边安全隐患', 2027)).toBe(2025);
    expect(earlier(safety, '人人讲安全、个个会应急——畅通生命通道', 2026)).toBe(2024);
    expect(earlier(fire, '全民消防、生命至上——安全用火用电', 2026)).toBe(2025);
    expect(earlier(disaster, '人人讲安全、个个会应急——排查身边灾害隐患', 2026)).toBe(2025);
    // 2014 lies between listed years: 2013's theme copied is still 2013's.
    expect(earlier(disaster, '识别灾害风险，掌握减灾技能', 2014)).toBe(2013);
    // A theme over (2021's, followed by others) is an old plan's, even where the campaign keeps themes.
    expect(earlier(drug, '防范新型毒品对青少年危害', 2026)).toBe(2021);
  });

  it('leaves alone what may be the year\'s own: a main theme later years carry on, a theme kept before, the slogan, a later year\'s', () => {
    expect(earlier(safety, '人人讲安全、个个会应急', 2026)).toBeUndefined();
    expect(earlier(fire, '全民消防、生命至上', 2026)).toBeUndefined();
    // 禁毒 kept 2024's theme for 2025: in 2026 it may go on again.
    expect(earlier(drug, '防范青少年药物滥用', 2026)).toBeUndefined();
    expect(earlier(drug, '全民共治、防范青少年药物滥用', 2026)).toBeUndefined();
    expect(earlier(drug, ANTI_DRUG_SLOGAN.text, 2026)).toBeUndefined();
    expect(earlier(safety, '消除事故隐患，筑牢安全防线', 2004)).toBeUndefined();
    expect(earlier(safety, '守牢安全底线，建设平安乡村', 2026)).toBeUndefined();
    // A listed year is judged by otherYearOfTheme, not here.
    expect(earlier(safety, '防风险、除隐患、遏事故', 2020)).toBeUndefined();
  });

  it('calls an edition an earlier year\'s only past the last year its count is known in', () => {
    expect(earlierYearOfEdition(DRUG_MONTH, 15, 2026)).toBe(2025);
    expect(earlierYearOfEdition(DRUG_MONTH, 14, 2027)).toBe(2024);
    expect(earlierYearOfEdition(DRUG_MONTH, 16, 2026)).toBeUndefined();
    expect(earlierYearOfEdition(DRUG_MONTH, 14, 2025)).toBeUndefined();
    // 2018's 消防日 number is unsettled (27 or 28): 2017's 27 is not called a copy.
    expect(earlierYearOfEdition(FIRE_DAY, 27, 2018)).toBeUndefined();
    // Counts with no last year are judged by editionOf in every year: 安全生产月 2026 is the 25th.
    expect(editionOf(SAFETY_MONTH, 2026)).toBe(25);
    expect(earlierYearOfEdition(SAFETY_MONTH, 24, 2026)).toBeUndefined();
  });
});

describe('the campaign of a title', () => {
  it.each([
    ['测试乡2020年“安全生产月”活动方案', 'safety-month'],
    ['测试乡2023年防灾减灾宣传周活动方案', 'disaster-week'],
    ['测试乡2024年第十六个全国防灾减灾日活动方案', 'disaster-week'],
    ['测试乡2024年“119”消防宣传月活动方案', 'fire-month'],
    ['测试乡2024年消防宣传月活动方案', 'fire-month'],
    ['测试乡2024年全国消防日活动方案', 'fire-month'],
    ['测试乡2025年全民禁毒宣传月活动方案', 'anti-drug-month'],
    ['测试乡2025年“6·26”国际禁毒日宣传活动方案', 'anti-drug-month'],
    ['测试乡2024年防汛工作方案', undefined],
  ])('%s → %s', (title, id) => {
    expect(nationalCampaignOf(title)?.id).toBe(id);
  });
});
