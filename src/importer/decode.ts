// Decodes a document's bytes: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK as Windows
// tools save Chinese text (iconv-lite), whichever the bytes are.
import iconv from 'iconv-lite';
import { isUtf32 } from '../text/byte-order.js';

export type DocEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be' | 'gb18030';

export function decodeDocument(bytes: Uint8Array): { text: string; encoding: DocEncoding } {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { text: b.subarray(3).toString('utf8'), encoding: 'utf-8-bom' };
  // UTF-32's byte order marks start like UTF-16's: look for them first.
  if (isUtf32(b)) {
    const encoding = b[0] === 0xff ? 'utf-32le' : 'utf-32be';
    return { text: iconv.decode(b.subarray(4), encoding), encoding };
  }
  if (b[0] === 0xff && b[1] === 0xfe) return { text: iconv.decode(b.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (b[0] === 0xfe && b[1] === 0xff) return { text: iconv.decode(b.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(b), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: Chinese Windows saves "ANSI" text as GBK, which GB18030 contains.
    return { text: iconv.decode(b, 'gb18030'), encoding: 'gb18030' };
  }
}
