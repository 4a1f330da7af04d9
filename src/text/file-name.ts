// Plan text made into part of a file's name (a unit's sheet: 2025-W23-派出所.xlsx). The file goes to other
// people and other systems, so its name holds only what every one of them shows as it is: no character
// Windows forbids (\ / : * ? " < > |), no control character (C0, DEL, C1 — U+009B is a terminal's CSI), no
// line or paragraph separator, no noncharacter (U+FFFE …) or half a surrogate pair, each replaced by "_"; no
// bidirectional control (U+202E turns 派出所.exe.xlsx into what looks like …xslx.exe) or other invisible
// format character, each dropped; composed as macOS would store it (NFC); and short enough, with the
// temporary name a write uses beside it, for any file system (255 bytes).

const FORBIDDEN_ON_WINDOWS = '\\/:*?"<>|';

/** A character a name holds as "_": forbidden on Windows, a control, a separator, a noncharacter, half a pair. */
const replaced = (c: string): boolean => {
  const cp = c.codePointAt(0)!;
  return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || FORBIDDEN_ON_WINDOWS.includes(c) || cp === 0x2028 || cp === 0x2029
    || (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe || (cp >= 0xd800 && cp <= 0xdfff);
};

/** Bidirectional controls and marks, and the other invisible format characters a name never needs: dropped. */
const DROPPED = /[\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** The most UTF-8 bytes plan text takes in a file's name: 50 Chinese characters, or 150 Latin letters. */
export const NAME_PART_BYTES = 150;

/** Plan text as part of a file's name (see above); `maxBytes` of UTF-8 at most, cut between characters. */
export function fileNamePart(text: string, maxBytes = NAME_PART_BYTES): string {
  let out = '';
  let bytes = 0;
  for (const c of text.normalize('NFC').replace(DROPPED, '')) {
    const kept = replaced(c) ? '_' : c;
    bytes += Buffer.byteLength(kept);
    if (bytes > maxBytes) break;
    out += kept;
  }
  return out;
}
