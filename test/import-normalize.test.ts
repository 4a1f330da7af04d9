// What the importer's recognisers read: full-width digits and Chinese-numeral dates as plain digits,
// nothing else of the text changed.
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../src/importer/normalize.js';

describe('normalizeText', () => {
  it.each([
    ['二〇二四年六月一日至六月三十日', '2024年6月1日至6月30日'],
    ['２０２４年６月１日', '2024年6月1日'],
    ['十一月底前完成', '11月底前完成'],
    ['六月上旬', '6月上旬'],
    ['二〇二四年十二月三十一日', '2024年12月31日'],
    ['６月１０日至二十日', '6月10日至20日'],
    ['每月五日前', '每月五日前'],
    ['第二十三个安全生产月', '第二十三个安全生产月'],
    ['一月一次', '一月一次'],
    ['（一）活动时间：１０月１日—１０月３１日', '（一）活动时间：10月1日—10月31日'],
    ['ＸＸ镇', 'XX镇'],
  ])('%s → %s', (input, want) => {
    expect(normalizeText(input)).toBe(want);
  });
});
