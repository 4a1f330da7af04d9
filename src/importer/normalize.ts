// What the recognisers read: the document's words with its digits made plain. Full-width digits and Latin
// letters (２０２４年６月, ＸＸ镇) become ASCII, and dates written in Chinese numerals (二〇二四年六月一日,
// 六月上旬, 十一月底前) become Arabic ones — everything else (full-width punctuation and spaces, which the
// outline and the labels rely on) stays as written. Pure; the document's own text is kept for the plan.
import type { Block, SourceDoc } from './document.js';

const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, Ｏ: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 … 三十一 as a number (months and days); undefined for anything else. */
function smallNumber(s: string): number | undefined {
  const m = /^(?:([一二三])?十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || s === '') return undefined;
  const tens = s.includes('十') ? (m[1] ? CN_DIGIT[m[1]]! : 1) : 0;
  const ones = m[2] ? CN_DIGIT[m[2]]! : 0;
  const n = tens * 10 + ones;
  return n > 0 ? n : undefined;
}

const MONTH = '(十[一二]?|[一二三四五六七八九])';
const DAY = '([一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])';

/** Full-width ０-９, Ａ-Ｚ, ａ-ｚ as ASCII. */
export const halfWidthDigits = (s: string): string => s.replace(/[０-９Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** Dates in Chinese numerals as Arabic ones: 二〇二四年 → 2024年, 六月一日 → 6月1日, 十月上旬 → 10月上旬. */
export function arabicDates(s: string): string {
  if (!/[〇零一二三四五六七八九十]/.test(s)) return s;
  let out = s.replace(/([〇零一二三四五六七八九Ｏ]{4})(\s*年)/g, (_, y: string, nian: string) => `${[...y].map((c) => CN_DIGIT[c]).join('')}${nian}`);
  // A month, with a day or what follows a month in a date (旬, 底, 份, 末, 中): "六月" alone could be a name.
  out = out.replace(new RegExp(`(?<![一二三四五六七八九十第每个])${MONTH}(\\s*月\\s*)(?:${DAY}(\\s*[日号])|(?=上旬|中旬|下旬|底|末|份|中|初|\\d))`, 'g'),
    (whole, m: string, yue: string, d?: string, ri?: string) => {
      const month = smallNumber(m);
      if (!month || month > 12) return whole;
      if (d === undefined) return `${month}${yue}`;
      const day = smallNumber(d);
      return day && day <= 31 ? `${month}${yue}${day}${ri}` : whole;
    });
  // "至二十日" / "—三十日" after a date: the end of a range written in numerals.
  out = out.replace(new RegExp(`(\\d\\s*[日号]\\s*(?:至|到|[—–\\-~～]+)\\s*)${DAY}(\\s*[日号])`, 'g'), (whole, head: string, d: string, ri: string) => {
    const day = smallNumber(d);
    return day && day <= 31 ? `${head}${day}${ri}` : whole;
  });
  return out;
}

/**
 * Dates written with dots: 2024.6.30, and 6.1—6.30 / 6.30前 where what follows makes it a date (a range, 前),
 * never 1.5万 or the item number of "1.6月26日".
 */
export function dottedDates(s: string): string {
  if (!/\d\.\d/.test(s)) return s;
  let out = s.replace(/(?<![\d.])((?:19|20)\d{2})\.(\d{1,2})\.(\d{1,2})(?![\d.])/g, (w, y: string, m: string, d: string) => (Number(m) <= 12 && Number(d) <= 31 ? `${y}年${m}月${d}日` : w));
  out = out.replace(/(?<![\d.年])(\d{1,2})\.(\d{1,2})(?=\s*(?:[—–\-~～]+|至|到)\s*\d{1,2}(?:\.\d{1,2}|\s*月|\s*日)|\s*(?:前|之前|以前)|\s*[—–\-~～]+\s*$)/g, (w, m: string, d: string) => (Number(m) >= 1 && Number(m) <= 12 && Number(d) >= 1 && Number(d) <= 31 ? `${m}月${d}日` : w));
  // The end of a range: "6月1日—6.30".
  out = out.replace(/(日\s*(?:[—–\-~～]+|至|到)\s*)(\d{1,2})\.(\d{1,2})(?![\d.])/g, (w, head: string, m: string, d: string) => (Number(m) <= 12 && Number(d) <= 31 ? `${head}${m}月${d}日` : w));
  return out;
}

/** One line as the recognisers read it. */
export const normalizeText = (s: string): string => dottedDates(arabicDates(halfWidthDigits(s)));

/** The document with every paragraph and table cell normalised; numbers and places unchanged. */
export function normalizeDocument(doc: SourceDoc): SourceDoc {
  const blocks: Block[] = doc.blocks.map((b) => (b.kind === 'para' ? { ...b, text: normalizeText(b.text) } : { ...b, rows: b.rows.map((r) => r.map(normalizeText)) }));
  return { ...doc, blocks };
}
