// The escapes of text in Office Open XML (ECMA-376 Part 1, ST_Xstring): a character is written _xHHHH_, four
// hex digits of its UTF-16 code unit — Excel and WPS write a vertical tab, a control character or a
// character XML cannot carry that way (第一行_x000B_第二行) — and an underscore that would start such an
// escape is written _x005F_. exceljs neither reads nor writes them: campaign decodes what it reads and
// escapes what it writes, as Excel does. Pure.

const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;
/** An underscore that a reader would take for the start of an escape. */
const LOOKS_ESCAPED = /_(?=x[0-9A-Fa-f]{4}_)/g;

/** A cell's text as Excel shows it: every _xHHHH_ its character (_x005F_ an underscore), left to right. */
export const decodeOoxmlText = (text: string): string =>
  text.includes('_x') ? text.replace(ESCAPE, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))) : text;

/** Text as a cell must hold it so that Excel shows it as it is: an underscore that starts _xHHHH_ written _x005F_. */
export const encodeOoxmlText = (text: string): string => (text.includes('_x') ? text.replace(LOOKS_ESCAPED, '_x005F_') : text);
