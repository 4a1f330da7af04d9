// The telephone-number grammar of text/phone (src/text/phone.ts): every written form it accepts, every
// mistake it reports, and which numbers in running text count as telephone numbers.
import { describe, expect, it } from 'vitest';
import { labelledPhoneProblems, phoneProblems } from '../src/text/phone.js';

const kinds = (text: string) => phoneProblems(text).map((p) => `${p.kind} ${p.text}${p.suggestion ? ` → ${p.suggestion}` : ''} (${p.digits})`);

describe('phoneProblems', () => {
  it.each([
    '0719-8823156', '(0719)8823156', '（0719）8823156', '0719 8823156', '07198823156', '0719—8823156', '０７１９－８８２３１５６',
    '0755-12345678', '010-12345678', '021 12345678',
    '13812345678', '138-1234-5678', '138 1234 5678', '19912345678', '+86 13812345678', '+86-719-8823156',
    '400-123-4567', '800-820-8820', '4001234567',
    '8823156', '88231567', '110', '12350', '95588',
    '0719-8823156转123', '0719-8823156 转 123', '0719-8823156分机1234', '0719-8823156-123', '0719-8823156 ext. 12',
    '0719-8823156 13812345678', '0719-8823156、13812345678', '0719-8823156/13812345678', '0719-8823156（办公室）', '0739-12350', '(0739)12345',
    '+86 10 12345678', '+ 86 13812345678', '+86 400-123-4567', '+86-719-8823156-123', '(0719)8823156-123', '（ 0719）8823156-123',
    '021-12345', '0739-119', '0739-95588', '2020-06-20', '2020－6－2',
  ])('accepts %s', (text) => {
    expect(kinds(text)).toEqual([]);
  });

  it.each([
    ['138l2345678', 'letter 138l2345678 → 13812345678 (11)'],
    ['l3812345678', 'letter l3812345678 → 13812345678 (11)'],
    ['0719-8823l56', 'letter 0719-8823l56 → 0719-8823156 (11)'],
    ['O719-8823156', 'letter O719-8823156 → 0719-8823156 (11)'],
    ['1380719I234', 'letter 1380719I234 → 13807191234 (11)'],
    ['1381234567', 'length 1381234567 (10)'],
    ['138123456789', 'length 138123456789 (12)'],
    ['138-1234-567', 'length 138-1234-567 (10)'],
    ['0719-882315', 'length 0719-882315 (10)'],
    ['0719-882315678', 'length 0719-882315678 (13)'],
    ['010-1234567', 'length 010-1234567 (10)'],
    ['0719-88231', 'length 0719-88231 (9)'],
    ['882315', 'length 882315 (6)'],
    ['882315678', 'length 882315678 (9)'],
    ['10719-8823156', 'length 10719-8823156 (12)'],
    ['010-123456789', 'length 010-123456789 (12)'],
    ['2400-123-4567', 'length 2400-123-4567 (11)'],
    ['400-123-45678', 'length 400-123-45678 (11)'],
    ['0719-8823156-123456', 'length 0719-8823156-123456 (17)'],
    ['88230156-12', 'length 88230156-12 (10)'],
    ['2110', 'length 2110 (4)'],
    ['195588', 'length 195588 (6)'],
    ['0719-8823156 1381234567', 'length 0719-8823156 1381234567 (21)'],
    ['+86 138l2345678', 'letter +86 138l2345678 → +86 13812345678 (11)'],
  ])('reports %s', (text, found) => {
    expect(kinds(text)).toEqual([found]);
  });

  it('reports each wrong number of a list once, where it is written', () => {
    expect(phoneProblems('0719-8823156、138l2345678、1381234567').map((p) => `${p.index} ${p.kind}`)).toEqual(['13 letter', '25 length']);
  });
});

describe('labelledPhoneProblems', () => {
  it('judges the numbers after a label, up to the sentence end or the next label', () => {
    expect(labelledPhoneProblems('联系人：张三，联系电话：0719-8823156，邮箱：abc123456@163.com。')).toEqual([]);
    expect(labelledPhoneProblems('联系电话：0719-8823156，QQ：123456789。')).toEqual([]);
    expect(labelledPhoneProblems('请于2021年6月28日前报送，联系电话：1380719l234。').map((p) => `${p.index} ${p.kind} ${p.text}`)).toEqual(['21 letter 1380719l234']);
    expect(labelledPhoneProblems('联系人及电话：张三 138123456789').map((p) => p.kind)).toEqual(['length']);
    expect(labelledPhoneProblems('Tel: 0719-8823156；热线电话12350')).toEqual([]);
  });

  it('judges a short number right after the label, and only there', () => {
    expect(labelledPhoneProblems('联系电话：88231').map((p) => `${p.index} ${p.kind} ${p.text} (${p.digits})`)).toEqual(['5 length 88231 (5)']);
    expect(labelledPhoneProblems('联系电话：0719-8823156、1381234、12350').map((p) => `${p.index} ${p.kind} ${p.text}`)).toEqual(['18 length 1381234']);
  });

  it('judges each number once, though a second label stands in the first one’s sentence', () => {
    expect(labelledPhoneProblems('联系电话：0719-882315或手机138l2345678').map((p) => `${p.index} ${p.kind} ${p.text}`)).toEqual([
      '5 length 0719-882315', '19 letter 138l2345678',
    ]);
  });

  it('a label with nothing after it before the sentence ends judges nothing', () => {
    expect(labelledPhoneProblems('联系电话：。共排查1381234处')).toEqual([]);
  });

  it('leaves numbers that are no telephone numbers alone', () => {
    expect(labelledPhoneProblems('召开电话会议，部署2021年6月16日活动，发放资料1200份')).toEqual([]);
    expect(labelledPhoneProblems('利用手机短信、微信群推送预警信息2000余条')).toEqual([]);
    expect(labelledPhoneProblems('全乡共有13812户，没有电话的不在其列')).toEqual([]);
  });
});
