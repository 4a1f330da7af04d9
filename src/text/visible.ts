// Plan text shown on a terminal can never move the cursor, recolour the screen or reorder the line:
// control characters (C0 but tab and line feed, DEL, C1) and bidirectional overrides are shown as
// visible escapes (\x1b, \u202e) instead of being sent to the terminal.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A character as an escape anyone can read: \x1b, \u202e, \u{1f600}. */
export const escapeChar = (c: string): string => {
  const cp = c.codePointAt(0)!;
  const hex = cp.toString(16);
  return cp <= 0xff ? `\\x${hex.padStart(2, '0')}` : cp <= 0xffff ? `\\u${hex.padStart(4, '0')}` : `\\u{${hex}}`;
};

const ANY = new RegExp(CONTROL.source); // not global: test() keeps no state between calls

export const visible = (text: string): string => (ANY.test(text) ? text.replace(CONTROL, escapeChar) : text);

/** A whole output for a terminal: its control characters escaped, but the line ends (CR LF of CSV and iCalendar) kept. */
export const visibleLines = (text: string): string => text.split('\r\n').map(visible).join('\r\n');

/** A file's name (or any text) on one line: its line breaks too shown as \n, so that a name never starts a line of its own. */
export const visibleName = (text: string): string => visible(text).replace(/\n/g, '\\n');
