// The ends of a line as official layouts leave them: full-width, no-break and BOM spaces are not content.
// A module of its own so that the PDF reader's process loads nothing else of the importer.
export const clean = (s: string): string => s.replace(/^[\s\u3000\u00a0\ufeff]+|[\s\u3000\u00a0]+$/g, '');

// What a document may hold that a plan's text may not: control characters (C0 but tab and line feed, DEL, C1),
// bidirectional controls, U+FFFE/U+FFFF and surrogates without their pair. Printed raw they retitle or recolour
// a terminal, and YAML does not allow them unescaped. The breaks among them (CR, vertical tab and form feed —
// Word's line and page breaks —, NEL, U+2028/U+2029) become a line break in a cell and a space in a paragraph;
// a broken character becomes U+FFFD, so that something shows where it was; the others are dropped.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
const UNPRINTABLE = /\r\n|[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const ANY_UNPRINTABLE = new RegExp(UNPRINTABLE.source); // not global: test() keeps no state between calls
// The breaks among them.
const BREAK = /^(?:\r\n|[\r\v\f\x85\u2028\u2029])$/;

/** Text with no character a plan's text may not hold; `lineBreak` is what a break becomes (a cell's '\n', a paragraph's ' '). */
export const printable = (s: string, lineBreak: '\n' | ' '): string =>
  ANY_UNPRINTABLE.test(s) ? s.replace(UNPRINTABLE, (c) => (BREAK.test(c) ? lineBreak : c.length === 1 && c >= '\ud800' && c <= '\udfff' ? '\ufffd' : '')) : s;
