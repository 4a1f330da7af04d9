// The byte order marks a text file starts with, which say its encoding. UTF-32's start like UTF-16's
// (FF FE 00 00 begins as FF FE): look for UTF-32 first.

/** A UTF-32 byte order mark, little- or big-endian. */
export const isUtf32 = (b: Uint8Array): boolean =>
  (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) || (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff);

/** A UTF-16 byte order mark, little- or big-endian (or the start of UTF-32LE's: ask isUtf32 first). */
export const isUtf16 = (b: Uint8Array): boolean => (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);
