// Plan text shown on a terminal can never move the cursor, recolour the screen or reorder the line:
// control characters (C0 but tab and line feed, DEL, C1) and bidirectional overrides are shown as
// visible escapes (\x1b, \u202e) instead of being sent to the terminal.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const escaped = (c: string): string => {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

const ANY = new RegExp(CONTROL.source); // not global: test() keeps no state between calls

export const visible = (text: string): string => (ANY.test(text) ? text.replace(CONTROL, escaped) : text);
