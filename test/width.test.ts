// displayWidth counts the common case itself (ASCII, Chinese, full-width forms) and leaves the rest to
// string-width: the two must never disagree.
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../src/formats/width.js';

describe('displayWidth', () => {
  it('agrees with string-width on every character of the Basic Multilingual Plane', () => {
    const differ: string[] = [];
    for (let cp = 0x20; cp < 0x10000; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCharCode(cp);
      if (displayWidth(ch) !== stringWidth(ch)) differ.push(cp.toString(16));
    }
    expect(differ).toEqual([]);
  });

  it.each([
    '铜钟乡2020年“安全生产月”活动方案 — 进展情况周报', '（一）宣传教育、。《》【】', '填报日期：2020-06-17', 'ｆｕｌｌ　ｗｉｄｔｈ',
    '𠀀 emoji 😀', 'e\u0301 combining', '\u001b[31mred\u001b[0m', '…‘’', '',
  ])('agrees on %j', (text) => {
    expect(displayWidth(text)).toBe(stringWidth(text));
  });
});
