// The ZIP archive of .docx, .xlsx and OFD, opened within limits: every entry's size checked in the central
// directory before anything is inflated, and inflating stopped at the size the entry declared, so a zip bomb
// is an Error after a few milliseconds, not a gigabyte. The importer and the returned sheets' reader both
// open their archives here. Pure.
import * as zlib from 'node:zlib';
import { littleEndian, ReadError, type ReadProblem } from './read-error.js';

/**
 * Limits on a ZIP archive. A plan's .docx or OFD is well under 1 MB unpacked; a 任务分工表 .xlsx under 5 MB.
 * The ratio applies to entries over `ratioFrom` only: a few KB of repeated XML can pack 200:1 and bomb nothing.
 */
export const ZIP_LIMITS = { archiveBytes: 64 * 1024 * 1024, entries: 5000, totalBytes: 64 * 1024 * 1024, ratio: 100, ratioFrom: 64 * 1024 };

export class ZipError extends ReadError {
  constructor(message: string, code: Exclude<ReadProblem, 'encrypted'>) {
    super(message, code);
    this.name = 'ZipError';
  }
}

export interface ZipEntry { name: string; method: number; flags: number; crc: number; compressedSize: number; size: number; localOffset: number }

const { u16, u32 } = littleEndian(() => new ZipError('damaged archive: a field lies outside the file', 'damaged'));

export const isZip = (b: Uint8Array): boolean => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && ((b[2] === 3 && b[3] === 4) || (b[2] === 5 && b[3] === 6));

/** The central directory's entries, as declared (nothing inflated, no size limit checked: see checkZip). */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  if (bytes.length > ZIP_LIMITS.archiveBytes) throw new ZipError(`archive larger than ${ZIP_LIMITS.archiveBytes / 1024 / 1024} MB`, 'too-large');
  // The end record sits in the last 22 bytes plus a comment of at most 64 KB.
  let eocd = -1;
  for (let o = bytes.length - 22; o >= Math.max(0, bytes.length - 22 - 0xffff); o--) {
    if (bytes[o] === 0x50 && bytes[o + 1] === 0x4b && bytes[o + 2] === 5 && bytes[o + 3] === 6) {
      eocd = o;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('damaged archive: no central directory (the file may be cut short)', 'damaged');
  const count = u16(bytes, eocd + 10);
  const cdSize = u32(bytes, eocd + 12);
  const cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new ZipError('ZIP64 archives are not read', 'unsupported');
  if (count > ZIP_LIMITS.entries) throw new ZipError(`archive with more than ${ZIP_LIMITS.entries} entries`, 'too-large');
  if (cdOffset + cdSize > eocd) throw new ZipError('damaged archive: the central directory lies outside the file', 'damaged');
  const entries: ZipEntry[] = [];
  const names = new TextDecoder('utf-8');
  // Two entries of one name are two versions of one part: Excel refuses the file, one library reads the first and
  // another the last, so what the clerk sees would not be what is read. Part names compare case aside (OPC).
  const seen = new Set<string>();
  for (let i = 0, p = cdOffset; i < count; i++) {
    if (p + 46 > eocd || u32(bytes, p) !== 0x02014b50) throw new ZipError('damaged archive: a central directory entry is broken', 'damaged');
    const nameLength = u16(bytes, p + 28);
    const name = names.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    const key = name.replace(/^\/+/, '').replace(/[A-Z]+/g, (s) => s.toLowerCase());
    if (seen.has(key) && !key.endsWith('/')) throw new ZipError(`damaged archive: two entries are named ${name}`, 'damaged');
    seen.add(key);
    entries.push({
      flags: u16(bytes, p + 8), method: u16(bytes, p + 10), crc: u32(bytes, p + 16), compressedSize: u32(bytes, p + 20), size: u32(bytes, p + 24),
      localOffset: u32(bytes, p + 42), name,
    });
    p += 46 + nameLength + u16(bytes, p + 30) + u16(bytes, p + 32);
  }
  return entries;
}

/** Refuses an archive whose entries, as declared, are too many, too large together, or packed too tightly. */
export function checkZip(entries: ZipEntry[]): void {
  let total = 0;
  for (const e of entries) {
    total += e.size;
    if (total > ZIP_LIMITS.totalBytes) throw new ZipError(`archive unpacks to more than ${ZIP_LIMITS.totalBytes / 1024 / 1024} MB`, 'too-large');
    if (e.size > ZIP_LIMITS.ratioFrom && e.size > e.compressedSize * ZIP_LIMITS.ratio) {
      throw new ZipError(`archive entry ${e.name} is packed more than ${ZIP_LIMITS.ratio}:1 (a zip bomb?)`, 'too-large');
    }
  }
}

/** CRC-32 (zlib's since Node 20.15; a table otherwise). */
const crcTable = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();
const crc32 = (data: Uint8Array): number => {
  const native = (zlib as { crc32?: (d: Uint8Array) => number }).crc32;
  if (native) return native(data) >>> 0;
  let c = -1;
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
};

/** One entry's bytes: never more than it declared (inflating stops there), and checked against its CRC. */
export function unzipEntry(bytes: Uint8Array, e: ZipEntry): Uint8Array {
  if (e.flags & 1) throw new ZipError(`archive entry ${e.name} is encrypted`, 'unsupported');
  const p = e.localOffset;
  if (p + 30 > bytes.length || u32(bytes, p) !== 0x04034b50) throw new ZipError(`damaged archive: entry ${e.name} is missing`, 'damaged');
  const start = p + 30 + u16(bytes, p + 26) + u16(bytes, p + 28);
  if (start + e.compressedSize > bytes.length) throw new ZipError(`damaged archive: entry ${e.name} is cut short`, 'damaged');
  const packed = bytes.subarray(start, start + e.compressedSize);
  let out: Uint8Array;
  if (e.method === 0) out = packed;
  else if (e.method === 8) {
    try {
      // maxOutputLength stops zlib at the declared size: an entry that lies about it costs nothing more.
      out = zlib.inflateRawSync(packed, { maxOutputLength: Math.max(e.size, 1) });
    } catch (err) {
      const tooLong = (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError;
      throw new ZipError(tooLong ? `archive entry ${e.name} unpacks to more than it declares (a zip bomb?)` : `damaged archive: entry ${e.name} does not inflate`, tooLong ? 'too-large' : 'damaged');
    }
  } else throw new ZipError(`archive entry ${e.name} uses compression method ${e.method}`, 'unsupported');
  if (out.length !== e.size) throw new ZipError(`damaged archive: entry ${e.name} is not the size it declares`, 'damaged');
  if (crc32(out) !== e.crc) throw new ZipError(`damaged archive: entry ${e.name} fails its checksum`, 'damaged');
  return out;
}

/** An archive read within the limits: its entries by name (as stored), each inflated when asked for. */
export function openZip(bytes: Uint8Array): { names: string[]; read(name: string): Uint8Array | undefined } {
  const entries = zipEntries(bytes);
  checkZip(entries);
  const byName = new Map(entries.map((e) => [e.name, e]));
  return { names: entries.map((e) => e.name), read: (name) => (byName.has(name) ? unzipEntry(bytes, byName.get(name)!) : undefined) };
}

/** Inflates every entry once, within the limits, and keeps nothing: for archives another library will read. */
export function verifyZip(bytes: Uint8Array): void {
  const entries = zipEntries(bytes);
  checkZip(entries);
  for (const e of entries) if (!e.name.endsWith('/')) unzipEntry(bytes, e);
}
