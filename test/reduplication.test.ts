// text/repeated's data, form by form: every character never doubled is caught in neutral words, every
// word listed around it is let through as the data says, and the reduplication Chinese does use is silent.
import { describe, expect, it } from 'vitest';
import { NEVER_DOUBLED, NOUN_MAKERS, REDUPLICABLE_WORDS, SET_PHRASES } from '../src/data/reduplication.js';
import { doubledWords } from '../src/rules/text/repeated.js';

const found = (text: string) => doubledWords(text).map((d) => d.text);

describe('a doubled single character', () => {
  it.each(Object.keys(NEVER_DOUBLED))('%s twice between neutral words is a slip', (c) => {
    expect(found(`镇里${c}${c}工作`)).toEqual([c + c]);
  });

  const befores = Object.entries(NEVER_DOUBLED).flatMap(([c, d]) => d.before.map((w) => [c, w, d.alone] as const));
  it.each(befores)('%s after %s: right when it may stand alone (%s)', (c, word, alone) => {
    expect(found(`检查${word}${c}落实`)).toEqual(alone ? [] : [c + c]);
  });

  const afters = Object.entries(NEVER_DOUBLED).flatMap(([c, d]) => d.after.map((w) => [c, w] as const));
  it.each(afters)('%s before %s is right', (c, word) => {
    expect(found(`检查${c}${word}工作`)).toEqual([]);
  });

  it.each(SET_PHRASES)('set phrase %s is right', (phrase) => {
    expect(found(`防止${phrase}现象`)).toEqual([]);
  });

  it.each(['的的确确', '和和美美', '是是非非'])('AABB %s is right', (w) => {
    expect(found(`让家庭${w}`)).toEqual([]);
  });

  it('a character typed three times is one slip', () => {
    expect(found('落实企业的的的主体责任')).toEqual(['的的']);
  });
});

describe('reduplication Chinese uses', () => {
  it.each(['人人', '个个', '天天', '年年', '村村', '户户', '家家', '层层', '处处', '事事', '时时', '常常', '看看', '试试', '刚刚', '渐渐', '仅仅', '往往', '纷纷', '研究研究', '检查检查'])('%s is silent', (w) => {
    expect(found(`要求${w}落实`)).toEqual([]);
  });

  it.each([...REDUPLICABLE_WORDS].slice(0, 12))('%s doubled after a noun-making word is a slip', (w) => {
    expect(found(`${NOUN_MAKERS[0]}${w}${w}`)).toEqual([w + w]);
  });
});
