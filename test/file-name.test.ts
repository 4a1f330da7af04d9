// Plan text made part of a file's name (src/text/file-name.ts): a unit's sheet goes to other people and other
// systems, so its name keeps only what every one of them shows as it is. Each class of character, at its bounds.
import { describe, expect, it } from 'vitest';
import { fileNamePart, NAME_PART_BYTES } from '../src/text/file-name.js';

const cp = (n: number) => String.fromCodePoint(n);

describe('fileNamePart: which characters a file name keeps', () => {
  it('Chinese, Latin, digits and ordinary punctuation as they are', () => {
    expect(fileNamePart('派出所 Police-1_（二）.A')).toBe('派出所 Police-1_（二）.A');
  });

  it('each character Windows forbids in a name: "_"', () => {
    expect(fileNamePart('a\\b/c:d*e?f"g<h>i|j')).toBe('a_b_c_d_e_f_g_h_i_j');
  });

  it('controls — C0, DEL, C1 — "_"; the characters just past them kept', () => {
    expect(fileNamePart(`${cp(0)}${cp(0x1f)} ${cp(0x7e)}${cp(0x7f)}${cp(0x80)}${cp(0x9b)}${cp(0x9f)}${cp(0xa0)}`)).toBe(`__ ~____${cp(0xa0)}`);
  });

  it('the line and paragraph separators "_"; the characters beside them kept', () => {
    expect(fileNamePart(`${cp(0x2027)}${cp(0x2028)}${cp(0x2029)}${cp(0x202f)}`)).toBe(`${cp(0x2027)}__${cp(0x202f)}`);
  });

  it('noncharacters "_" — U+FDD0…U+FDEF and the last two of every plane — their neighbours kept', () => {
    expect(fileNamePart(`${cp(0xfdcf)}${cp(0xfdd0)}${cp(0xfdef)}${cp(0xfdf0)}`)).toBe(`${cp(0xfdcf)}__${cp(0xfdf0)}`);
    expect(fileNamePart(`${cp(0xfffd)}${cp(0xfffe)}${cp(0xffff)}${cp(0x1fffe)}${cp(0x1ffff)}${cp(0x10fffe)}${cp(0x1fffd)}`)).toBe(`${cp(0xfffd)}_____${cp(0x1fffd)}`);
  });

  it('half a surrogate pair "_"; a whole one (𠀀, 😀) kept', () => {
    expect(fileNamePart('a\ud800b\udfffc')).toBe('a_b_c');
    expect(fileNamePart('𠀀😀')).toBe('𠀀😀');
  });

  it('bidirectional controls and other invisible format characters dropped, every one of them', () => {
    const dropped = [0x061c, 0x200b, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xfeff];
    expect(fileNamePart(`派${dropped.map(cp).join('')}出所`)).toBe('派出所');
    expect(fileNamePart('中心学校\u202exslx.exe')).toBe('中心学校xslx.exe');
    // Their neighbours are visible and stay: U+200C/D join scripts, U+2065 is unassigned.
    expect(fileNamePart(`a${cp(0x200c)}${cp(0x200d)}${cp(0x2065)}b`)).toBe(`a${cp(0x200c)}${cp(0x200d)}${cp(0x2065)}b`);
  });

  it('composed as macOS stores a name (NFC)', () => {
    expect(fileNamePart('e\u0301')).toBe('\u00e9');
  });
});

describe('fileNamePart: how long', () => {
  it('at most 150 bytes of UTF-8 by default: 50 Chinese characters or 150 letters', () => {
    expect(NAME_PART_BYTES).toBe(150);
    expect(fileNamePart('字'.repeat(51))).toBe('字'.repeat(50));
    expect(fileNamePart('a'.repeat(151))).toBe('a'.repeat(150));
  });

  it('cut between characters, never inside one, at the limit given', () => {
    expect(fileNamePart('字字', 5)).toBe('字');
    expect(fileNamePart('字字', 6)).toBe('字字');
    expect(fileNamePart('ab字', 4)).toBe('ab');
    expect(fileNamePart('ab字', 5)).toBe('ab字');
    expect(fileNamePart('😀a', 4)).toBe('😀');
    expect(fileNamePart('a:b', 2)).toBe('a_');
  });

  it('what is dropped takes no room', () => {
    expect(fileNamePart('\u202e\u202e\u202eab', 2)).toBe('ab');
  });
});
