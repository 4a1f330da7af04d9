// How wide text is on a terminal (CJK characters take two columns), and wrapping to a width. Used
// by terminal tables, the findings list and the help text.
import stringWidth from 'string-width';

/** Printable ASCII and nothing else: one column a character, no need to measure. */
const PLAIN_ASCII = /^[\x20-\x7e]*$/;

export function displayWidth(text: string): number {
  return PLAIN_ASCII.test(text) ? text.length : stringWidth(text);
}

const segmenter = new Intl.Segmenter();

/**
 * Wraps text to `width` display columns, breaking anywhere between characters as Chinese text
 * allows, and at a space where a Latin word would be cut. Existing line breaks are kept.
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
    for (const { segment } of segmenter.segment(para)) {
      const w = displayWidth(segment);
      if (lineWidth + w > width && line) {
        const space = line.lastIndexOf(' ');
        const cutAtSpace = /[A-Za-z0-9]$/.test(line) && /^[A-Za-z0-9]/.test(segment) && space > 0;
        out.push(cutAtSpace ? line.slice(0, space) : line);
        line = cutAtSpace ? line.slice(space + 1) : '';
        lineWidth = displayWidth(line);
        if (segment === ' ' && !line) continue;
      }
      line += segment;
      lineWidth += w;
    }
    out.push(line);
  }
  return out.join('\n');
}
