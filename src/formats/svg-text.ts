// How wide SVG text is drawn, without a font to measure it by: estimates that err wide, so that labels
// placed by them never touch, and text shortened to fit a width.

/**
 * A character outside ASCII (Chinese, full-width punctuation, the ellipsis in a CJK font) as wide as
 * the font is high, anything else 0.62 of it.
 */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += ch.codePointAt(0)! < 0x80 ? 0.62 : 1;
  return em * fontSize;
}

/**
 * The text itself when it fits `width`, else as many of its first characters as fit followed by "…";
 * undefined when fewer than `least` characters would be left.
 */
export function fitText(text: string, width: number, fontSize: number, least = 1): string | undefined {
  if (textWidth(text, fontSize) <= width) return text;
  const chars = [...text];
  for (let n = chars.length - 1; n >= least; n--) {
    const cut = `${chars.slice(0, n).join('')}…`;
    if (textWidth(cut, fontSize) <= width) return cut;
  }
  return undefined;
}
