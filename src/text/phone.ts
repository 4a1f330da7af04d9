// Telephone numbers as Chinese plans write them, and the two mistakes a clerk makes in one: a letter typed for
// a digit (l or I for 1, O or o for 0) and a digit too many or too few. Pure: text in, findings out.
//
// Accepted (separators -, －, —, spaces and brackets around the area code are free; full-width digits count):
// - a landline with its area code: 010 or 02X and 8 digits (010-12345678), 0XXX and 7 or 8 digits
//   (0719-8823156, (0719)8823156, （0719）8823156, 0719 8823156, 07198823156, 0755-12345678);
// - a mobile: 11 digits from 13–19 (13812345678, 138-1234-5678, 138 1234 5678), also after +86;
// - 400 and 800 numbers: 10 digits (400-123-4567, 800-820-8820);
// - a local number without its area code: 7 or 8 digits not starting with 0 or 1 (8823156);
// - service numbers: 110, 119, 120, 122, 12345, 12350 …, and 95xxx/96xxx (95588), also after an area code
//   (0739-12350);
// - an extension after a landline: 转123, 分机123, ext. 123, or a last -123 (0719-8823156-123);
// - several numbers in one field, apart by 、，/; or spaces (0719-8823156 13812345678).
// Letters are judged only inside a number (138l2345678, l3812345678): a word such as Tel or Office is not one.

export interface PhoneProblem {
  kind: 'letter' | 'length';
  /** The number as written. */
  text: string;
  index: number;
  /** How many digits it has (letters read as the digits they stand for). */
  digits: number;
  /** The number with its letters read as digits (letter only). */
  suggestion?: string;
}

const DIGIT = '0-9０-９';
/** Letters typed for digits: l and I for 1, O and o for 0. */
const MISREAD = 'lIoO';
/** A group of a number: digits, perhaps with a misread letter; a group of letters alone is a word, not a number. */
const GROUP = `[${MISREAD}]*[${DIGIT}][${DIGIT}${MISREAD}]*`;
const SEP = '[\\-－—‐]|[ \\t\\u3000]';
const NUMBER = new RegExp(
  `(?<![A-Za-z${DIGIT}])(?:[+＋]\\s?86(?:${SEP})?)?(?:[(（]\\s?${GROUP}\\s?[)）]\\s?(?:${SEP})?)?${GROUP}(?:(?:${SEP})${GROUP})*`,
  'g',
);
/** What an extension follows (0719-8823156转123): its digits are no number of their own. */
const EXTENSION = /(?:转|分机|ext\.?|EXT\.?|x)\s*$/;

/** Digits as ASCII, letters read as the digits they stand for. */
const ascii = (s: string): string =>
  s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[lI]/g, '1').replace(/[oO]/g, '0');

/** Whether a number's digits (country code and separators gone) make one valid number. */
function valid(d: string, international: boolean): boolean {
  if (international && !/^(?:1[3-9]|[48]00)/.test(d)) d = `0${d}`; // +86 719 8823156, +86 10 12345678: the trunk 0 is dropped
  return (
    /^1[3-9]\d{9}$/.test(d) || // mobile
    /^0(?:10|2\d)\d{8}$/.test(d) || // 010, 02X: 8-digit numbers
    /^0[3-9]\d{2}\d{7,8}$/.test(d) || // 0XXX: 7 or 8 digits
    /^[48]00\d{7}$/.test(d) ||
    /^0(?:10|2\d|[3-9]\d{2})(?:1\d{2}|1\d{4}|9[56]\d{3,4})$/.test(d) || // a service number with its area code: 0739-12350
    (!international && (/^[2-9]\d{6,7}$/.test(d) || /^1\d{2}$|^1\d{4}$|^9[56]\d{3,4}$/.test(d)))
  );
}

/** Whether a number as written (no letters) is valid: whole, or with a last hyphenated group as its extension. */
function validNumber(text: string): boolean {
  const body = text.replace(/^[+＋]\s?86/, '');
  const international = body !== text;
  if (valid(ascii(body).replace(/\D/g, ''), international)) return true;
  // An extension after a landline's last hyphen (0719-8823156-123, +86-719-8823156-123).
  const ext = /^(.*\d)\s?[-－—‐]\s?[0-9０-９]{1,5}$/.exec(body);
  return ext !== null && (international || /^[(（]?\s?[0０]/.test(ext[1]!)) && valid(ascii(ext[1]!).replace(/\D/g, ''), international);
}

/**
 * The problems of the numbers written in `text`. `all`: every number in it is a telephone number (the contact's
 * phone field); otherwise only numbers of seven characters or more are judged, and those right after the label.
 */
export function phoneProblems(text: string, opts: { all: boolean; from?: number; to?: number; first?: number } = { all: true }): PhoneProblem[] {
  const out: PhoneProblem[] = [];
  const from = opts.from ?? 0;
  const part = text.slice(from, opts.to ?? text.length);
  for (const m of part.matchAll(NUMBER)) {
    const written = m[0];
    const index = from + m.index;
    if (/^\d{4}[-－]\d{1,2}[-－]\d{1,2}$/.test(written)) continue; // an ISO date, 2020-06-20
    if (EXTENSION.test(text.slice(0, index))) continue;
    const count = ascii(written.replace(/^[+＋]\s?86/, '')).replace(/\D/g, '').length;
    if (!opts.all && count < 7 && index !== opts.first) continue;
    if (new RegExp(`[${MISREAD}]`).test(written)) {
      out.push({ kind: 'letter', text: written, index, digits: count, suggestion: written.replace(/[lI]/g, '1').replace(/[oO]/g, '0') });
      continue;
    }
    if (validNumber(written)) continue;
    // Numbers apart by a space (0719-8823156 13812345678): each judged alone.
    if (written.split(/[ \t\u3000]/).every(validNumber)) continue;
    out.push({ kind: 'length', text: written, index, digits: count });
  }
  return out;
}

/** The words every label has, for a quick first look. */
const ANY_LABEL = /电话|手机|座机|传真|热线|联系方式|Tel|TEL|tel|Phone|phone/;
/** A label a telephone number follows in running text: 联系电话：, 手机：, 传真：, 热线电话, Tel: … */
const LABEL = /(?:联系|值班|办公|举报|咨询|报警|服务)?(?:电话|手机|座机|传真|热线)(?:电话)?(?:号码?)?|联系方式|(?<![A-Za-z])(?:Tel|TEL|tel|Phone|phone)(?![A-Za-z])/g;

/**
 * The problems of the telephone numbers in a running text: the numbers after a label (联系电话：…) up to the end
 * of its sentence or the next label (邮箱：, QQ：), each judged; other numbers in the text are not telephone numbers.
 */
export function labelledPhoneProblems(text: string): PhoneProblem[] {
  // Most texts name no telephone: a plain search for the labels' words settles them quickly.
  // Stryker disable next-line ConditionalExpression: a shortcut; without it LABEL finds no label in such a text either
  if (!ANY_LABEL.test(text)) return [];
  const out: PhoneProblem[] = [];
  let last = 0;
  for (const m of text.matchAll(LABEL)) {
    const after = m.index + m[0].length;
    if (after <= last) continue;
    const lead = /^[\s：:]*/.exec(text.slice(after))![0].length;
    const start = after + lead;
    // The window ends at the sentence's end or at the next field's label (a word and a colon).
    const rest = text.slice(start);
    const stop = rest.search(/[。；;\n]|[\u4e00-\u9fffA-Za-z][：:]/);
    const to = stop < 0 ? text.length : start + stop;
    out.push(...phoneProblems(text, { all: false, from: start, to, first: start }));
    last = to;
  }
  return out;
}
