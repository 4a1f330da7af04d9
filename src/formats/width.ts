// How wide text is on a terminal (CJK characters take two columns), and wrapping to a width. Used
// by terminal tables, the findings list, the rules list and the help text.
import stringWidth from 'string-width';

/** Printable ASCII and nothing else: one column a character, no need to measure. */
const PLAIN_ASCII = /^[\x20-\x7e]*$/;

/**
 * Display columns of a text. Plain ASCII and the common case of Chinese text (CJK ideographs, full-width
 * punctuation and forms, with ASCII) are counted in one pass without allocating; anything else — combining
 * marks, emoji, other scripts, escape sequences — is left to string-width. (Measuring the cells of a few
 * thousand findings was a third of validate's time: npm run bench.)
 */
export function displayWidth(text: string): number {
  if (PLAIN_ASCII.test(text)) return text.length;
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) width += 1;
    else if (wide(c)) width += 2;
    else if (AMBIGUOUS_NARROW.has(c)) width += 1;
    else return stringWidth(text);
  }
  return width;
}

/** Code units that are one wide (two-column) character on their own: CJK and full-width forms. */
const wide = (c: number): boolean =>
  (c >= 0x4e00 && c <= 0x9fff) // CJK unified ideographs
  || (c >= 0x3000 && c <= 0x303e) // CJK punctuation (、。《》「」【】 …), the ideographic space
  || (c >= 0x3041 && c <= 0x3096) || (c >= 0x3099 && c <= 0x30ff) // kana
  || (c >= 0x3400 && c <= 0x4dbf) // extension A
  || (c >= 0xff01 && c <= 0xff60) // full-width forms (，：（） …)
  || (c >= 0xffe0 && c <= 0xffe6)
  || (c >= 0xf900 && c <= 0xfaff) // compatibility ideographs
  || (c >= 0xac00 && c <= 0xd7a3); // Hangul syllables

/** “ ” ‘ ’ — …: of ambiguous width, counted one column as string-width counts them. */
const AMBIGUOUS_NARROW = new Set([0x201c, 0x201d, 0x2018, 0x2019, 0x2014, 0x2026]);

const segmenter = new Intl.Segmenter();

/** Punctuation a line may not start with (it closes something), and may not end with (it opens something). */
const CLOSING = new Set('，。、；：？！）》」』】〉〕”’…,.;:?!)]}%');
const OPENING = new Set('（《「『【〈〔“‘([{');
const CN_DATE = /(?:\d{4}年)?\d{1,2}月\d{1,2}[日号]|\d{4}年\d{1,2}月/g;

/**
 * The pieces a line may break between: a run of non-space ASCII (a word, a number, a date such as
 * 2020-06-15, a week 2020-W25, an id 1.2.1, a path) is one piece; every other character is a piece of
 * its own, as Chinese text allows, except that closing punctuation stays with the piece before it and
 * opening punctuation with the piece after. Spaces are pieces that a break swallows.
 */
function pieces(para: string): { text: string; space: boolean }[] {
  const out: { text: string; space: boolean }[] = [];
  let open = '';
  let ascii = '';
  const flushAscii = () => {
    if (!ascii) return;
    if (/^[([{]+$/.test(ascii)) open += ascii;
    else {
      out.push({ text: open + ascii, space: false });
      open = '';
    }
    ascii = '';
  };
  // A date written in Chinese (2020年6月15日, 6月15日, 2020年6月) is one piece, as 2020-06-15 is.
  const dates = new Map<number, string>();
  if (para.includes('月') || para.includes('年')) for (const m of para.matchAll(CN_DATE)) dates.set(m.index, m[0]);
  let skipTo = 0;
  for (const { segment, index } of segmenter.segment(para)) {
    if (index < skipTo) continue;
    const date = dates.get(index);
    if (date) {
      flushAscii();
      out.push({ text: open + date, space: false });
      open = '';
      skipTo = index + date.length;
      continue;
    }
    const space = segment === ' ' || segment === '\u3000';
    if (!space && segment.length === 1 && segment >= '!' && segment <= '~' && !(ascii === '' && CLOSING.has(segment) && out.length > 0 && !out.at(-1)!.space)) {
      ascii += segment;
      // A path may break after each of its slashes (a date never has one).
      if (segment === '/') flushAscii();
      continue;
    }
    flushAscii();
    const last = out.at(-1);
    if (space) {
      if (open) out.push({ text: open, space: false });
      open = '';
      out.push({ text: segment, space: true });
    } else if (CLOSING.has(segment) && last && !last.space && !open) last.text += segment;
    else if (OPENING.has(segment)) open += segment;
    else {
      out.push({ text: open + segment, space: false });
      open = '';
    }
  }
  flushAscii();
  if (open) out.push({ text: open, space: false });
  // An option stays with its value: "-f md", "--as-of 2020-06-17".
  for (let i = out.length - 3; i >= 0; i--) {
    if (/^--?[A-Za-z][\w-]*$/.test(out[i]!.text) && out[i + 1]!.space && !out[i + 2]!.space) {
      out.splice(i, 3, { text: out[i]!.text + out[i + 1]!.text + out[i + 2]!.text, space: false });
    }
  }
  return out;
}

/** The narrowest width `text` wraps to without breaking inside a piece (a word, a date, a number). */
export function minWrapWidth(text: string): number {
  let min = 0;
  for (const para of text.split('\n')) {
    // A word of plain letters and digits is a piece of its own: no need to look closer.
    if (/^[A-Za-z0-9 ]*$/.test(para)) {
      for (const word of para.split(' ')) min = Math.max(min, word.length);
      continue;
    }
    for (const p of pieces(para)) if (!p.space) min = Math.max(min, displayWidth(p.text));
  }
  return min;
}

/**
 * Wraps text to `width` display columns: between Chinese characters (never before a closing or after
 * an opening bracket or quote), and at spaces — never inside a word, number or date unless it is wider
 * than the whole line. Existing line breaks are kept; spaces where a line breaks are dropped.
 */
export function wrapText(text: string, width: number): string {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    if (displayWidth(para) <= width) {
      out.push(para);
      continue;
    }
    let line = '';
    let lineWidth = 0;
    let space = '';
    let first = true;
    const breakLine = () => {
      out.push(line);
      first = false;
      line = '';
      lineWidth = 0;
      space = '';
    };
    for (const p of pieces(para)) {
      if (p.space) {
        // Spaces that start a paragraph are its indentation; elsewhere they wait for the next piece.
        if (first && line.trim() === '') {
          line += p.text;
          lineWidth += displayWidth(p.text);
        } else space += p.text;
        continue;
      }
      const w = displayWidth(p.text);
      const spaceWidth = displayWidth(space);
      if (line && lineWidth + spaceWidth + w > width) breakLine();
      if (line) {
        line += space;
        lineWidth += spaceWidth;
      }
      space = '';
      if (w <= width - lineWidth) {
        line += p.text;
        lineWidth += w;
        continue;
      }
      // A piece wider than a whole line: cut it where it must be cut.
      for (const { segment } of segmenter.segment(p.text)) {
        const sw = displayWidth(segment);
        if (line && lineWidth + sw > width) breakLine();
        line += segment;
        lineWidth += sw;
      }
    }
    out.push(line);
  }
  return out.join('\n');
}

/**
 * Wraps short text (a header, a unit's name) into as few lines as `wrapText` would, but as even as they
 * can be: 配合/任务 rather than 配合任/务.
 */
export function wrapEvenly(text: string, width: number): string {
  let best = wrapText(text, width);
  const lines = best.split('\n').length;
  if (lines === 1) return best;
  for (let w = width - 1; w > 0; w--) {
    const tried = wrapText(text, w);
    if (tried.split('\n').length !== lines || tried.split('\n').some((l) => displayWidth(l) > w)) break;
    best = tried;
  }
  return best;
}
