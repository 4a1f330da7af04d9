// What kind of document a file is, from its bytes before its name: people send a plan as whatever their
// office saved — a .doc that is really RTF or a web page, a .wps that is really a .docx, a photo of the
// printed page. And the containers the readers open, each within limits: the ZIP of .docx, .xlsx and OFD
// (every entry's size checked in the central directory before anything is inflated, and inflating stopped at
// the size the entry declared, so a zip bomb is an Error after a few milliseconds, not a gigabyte), the OLE
// compound file of .doc, .xls and .wps, and XML. Pure.
import * as zlib from 'node:zlib';
import { SaxesParser } from 'saxes';
import { littleEndian, ReadError, type ReadProblem } from './read-error.js';

export type DocFormat = 'txt' | 'docx' | 'doc' | 'wps' | 'rtf' | 'pdf' | 'ofd' | 'xlsx' | 'xls' | 'csv' | 'image' | 'html' | 'unknown';

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
  for (let i = 0, p = cdOffset; i < count; i++) {
    if (p + 46 > eocd || u32(bytes, p) !== 0x02014b50) throw new ZipError('damaged archive: a central directory entry is broken', 'damaged');
    const nameLength = u16(bytes, p + 28);
    entries.push({
      flags: u16(bytes, p + 8), method: u16(bytes, p + 10), crc: u32(bytes, p + 16), compressedSize: u32(bytes, p + 20), size: u32(bytes, p + 24),
      localOffset: u32(bytes, p + 42), name: names.decode(bytes.subarray(p + 46, p + 46 + nameLength)),
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

// ---------------------------------------------------------------------------------------------------------
// The OLE compound file (MS-CFB) of .doc, .xls and old .wps files: sectors, the allocation table, the
// directory. No library: word-extractor follows a sector chain that loops until the heap runs out, and cfb
// does the same on a loop in the directory tree (both measured). Every chain is walked with a visited set and
// every offset is checked, so a damaged or hostile file is an OleError, never a hang.

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Far above any plan (a 30-page .doc with pictures is 2–5 MB); past them a file is refused, not read. */
export const OLE_LIMITS = { bytes: 64 * 1024 * 1024, streamBytes: 32 * 1024 * 1024, directoryEntries: 50_000 };

export class OleError extends ReadError {
  constructor(message: string, code: Exclude<ReadProblem, 'encrypted'>) {
    super(message, code);
    this.name = 'OleError';
  }
}

const oleDamaged = (what: string) => new OleError(`damaged compound file: ${what}`, 'damaged');

export const isOle = (b: Uint8Array): boolean => b.length >= 8 && OLE_MAGIC.every((m, i) => b[i] === m);

const { u16: le16, u32: le32, i32: le32s } = littleEndian(() => oleDamaged('a field lies outside the file'));


interface OleEntry { name: string; type: number; left: number; right: number; child: number; start: number; size: number }

export interface OleFile {
  /** The names of the streams and storages at the top level, as stored. */
  names: string[];
  /** A top-level stream's bytes, or undefined when there is none by that name (case-insensitive, as in MS-CFB). */
  stream(name: string): Uint8Array | undefined;
}


/** A compound file's top-level streams. Throws a DocReadError on anything that does not add up. */
export function readOle(bytes: Uint8Array): OleFile {
  if (!isOle(bytes)) throw new OleError('not an OLE compound file', 'unsupported');
  if (bytes.length > OLE_LIMITS.bytes) throw new OleError(`file larger than ${OLE_LIMITS.bytes / 1024 / 1024} MB`, 'too-large');
  if (bytes.length < 512) throw oleDamaged('the file is cut short');
  const shift = le16(bytes, 30);
  if (shift !== 9 && shift !== 12) throw oleDamaged('unknown sector size');
  const size = 1 << shift;
  // The header takes the first sector; a file cut off mid-sector keeps what it has.
  const sectors = Math.ceil((bytes.length - size) / size);
  const sector = (id: number): Uint8Array => {
    if (id < 0 || id >= sectors) throw oleDamaged('a sector number points outside the file');
    return bytes.subarray((id + 1) * size, (id + 2) * size);
  };
  /** A chain of sectors through an allocation table, refused when it loops or leaves the table. */
  const chain = (start: number, table: Int32Array, what: string): number[] => {
    const ids: number[] = [];
    const seen = new Uint8Array(table.length);
    for (let id = start; id >= 0; id = table[id]!) {
      if (id >= table.length || seen[id]) throw oleDamaged(`the ${what} chain loops or leaves the file`);
      seen[id] = 1;
      ids.push(id);
    }
    return ids;
  };

  // The allocation table's own sectors: 109 listed in the header, the rest in a chain of DIFAT sectors.
  const fatCount = le32(bytes, 44);
  if (fatCount > sectors) throw oleDamaged('more allocation sectors than the file has');
  const fatIds: number[] = [];
  for (let i = 0; i < Math.min(fatCount, 109); i++) fatIds.push(le32s(bytes, 76 + 4 * i));
  const seenDifat = new Set<number>();
  for (let id = le32s(bytes, 68); id >= 0 && fatIds.length < fatCount; ) {
    if (seenDifat.has(id) || seenDifat.size >= sectors) throw oleDamaged('the DIFAT chain loops');
    seenDifat.add(id);
    const s = sector(id);
    for (let o = 0; o + 4 < size && fatIds.length < fatCount; o += 4) fatIds.push(le32s(s, o));
    id = le32s(s, size - 4);
  }
  if (fatIds.length < fatCount) throw oleDamaged('the allocation table is incomplete');
  const fat = new Int32Array(fatCount * (size / 4));
  fatIds.forEach((id, i) => {
    const s = sector(id);
    for (let o = 0; o + 4 <= s.length; o += 4) fat[i * (size / 4) + o / 4] = le32s(s, o);
  });
  // Entries past the file's end can only be garbage: a chain through them is refused by sector().
  const readChain = (start: number, length: number, what: string): Uint8Array => {
    if (length > OLE_LIMITS.streamBytes) throw new OleError(`a stream larger than ${OLE_LIMITS.streamBytes / 1024 / 1024} MB`, 'too-large');
    const ids = chain(start, fat, what);
    if (ids.length * size < length) throw oleDamaged(`the ${what} is shorter than it says`);
    const out = new Uint8Array(Math.min(length, ids.length * size));
    let at = 0;
    for (const id of ids) {
      if (at >= out.length) break;
      const s = sector(id).subarray(0, out.length - at);
      out.set(s, at);
      at += s.length;
    }
    if (at < out.length) throw oleDamaged('the file is cut short');
    return out;
  };

  const dirBytes = readChain(le32s(bytes, 48), chain(le32s(bytes, 48), fat, 'directory').length * size, 'directory');
  const entries: OleEntry[] = [];
  for (let o = 0; o + 128 <= dirBytes.length && entries.length < OLE_LIMITS.directoryEntries; o += 128) {
    const nameLength = Math.min(le16(dirBytes, o + 64), 64);
    const name = Buffer.from(dirBytes.buffer, dirBytes.byteOffset + o, Math.max(0, nameLength - 2)).toString('utf16le');
    entries.push({ name, type: dirBytes[o + 66]!, left: le32s(dirBytes, o + 68), right: le32s(dirBytes, o + 72), child: le32s(dirBytes, o + 76), start: le32s(dirBytes, o + 116), size: le32(dirBytes, o + 120) });
  }
  const root = entries[0];
  if (root?.type !== 5) throw oleDamaged('no root entry');

  // The top level: the root's children, a tree through left and right siblings (walked once per entry).
  const top = new Map<string, OleEntry>();
  const visited = new Set<number>();
  const stack = [root.child];
  while (stack.length) {
    const i = stack.pop()!;
    if (i < 0 || i >= entries.length || visited.has(i)) continue;
    visited.add(i);
    const e = entries[i]!;
    top.set(e.name.toUpperCase(), e);
    stack.push(e.left, e.right);
  }

  // Streams under the cutoff (4096 bytes) live in the mini stream, in 64-byte sectors of their own table.
  const cutoff = le32(bytes, 56);
  let mini: { data: Uint8Array; table: Int32Array } | undefined;
  const miniStream = () => {
    if (mini) return mini;
    const tableBytes = readChain(le32s(bytes, 60), Math.min(le32(bytes, 64), sectors) * size, 'mini allocation table');
    const table = new Int32Array(tableBytes.length / 4);
    for (let i = 0; i < table.length; i++) table[i] = le32s(tableBytes, i * 4);
    mini = { data: readChain(root.start, root.size, 'mini stream'), table };
    return mini;
  };
  const stream = (name: string): Uint8Array | undefined => {
    const e = top.get(name.toUpperCase());
    if (e?.type !== 2) return undefined;
    if (e.size >= cutoff) return readChain(e.start, e.size, name);
    const m = miniStream();
    const ids = chain(e.start, m.table, name);
    if (ids.length * 64 < e.size) throw oleDamaged(`${name} is shorter than it says`);
    const out = new Uint8Array(e.size);
    ids.forEach((id, k) => {
      if (k * 64 >= e.size) return;
      if ((id + 1) * 64 > m.data.length) throw oleDamaged('a mini sector lies outside the mini stream');
      out.set(m.data.subarray(id * 64, Math.min(id * 64 + 64, id * 64 + e.size - k * 64)), k * 64);
    });
    return out;
  };
  return { names: [...top.values()].map((e) => e.name), stream };
}

// ---------------------------------------------------------------------------------------------------------
// XML (OFD's parts, Word 2003 XML) as a small tree, with saxes: strict (a broken file is an Error, not a
// guess), no DTD entities expanded (so no "billion laughs"), and no recursion while parsing.

export interface XmlNode { name: string; attrs: Record<string, string>; children: (XmlNode | string)[] }

export const XML_LIMITS = { nodes: 2_000_000, depth: 256 };

/** Elements by local name (an "ofd:" or "w:" prefix dropped: producers differ in whether they write one). */
export function parseXml(text: string): XmlNode {
  const parser = new SaxesParser({ xmlns: false });
  const root: XmlNode = { name: '#document', attrs: {}, children: [] };
  const stack: XmlNode[] = [root];
  let nodes = 0;
  const local = (n: string) => n.slice(n.indexOf(':') + 1);
  parser.on('opentag', (tag) => {
    if (++nodes > XML_LIMITS.nodes || stack.length > XML_LIMITS.depth) throw new Error('XML too large or too deeply nested');
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(tag.attributes as Record<string, string>)) attrs[local(k)] = v;
    const node: XmlNode = { name: local(tag.name), attrs, children: [] };
    stack[stack.length - 1]!.children.push(node);
    if (!tag.isSelfClosing) stack.push(node);
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) stack.pop();
  });
  const text_ = (t: string) => stack[stack.length - 1]!.children.push(t);
  parser.on('text', text_);
  parser.on('cdata', text_);
  parser.on('error', (e) => {
    throw e;
  });
  parser.write(text.replace(/^\ufeff/, '')).close();
  const top = root.children.find((c): c is XmlNode => typeof c !== 'string');
  if (!top) throw new Error('XML with no root element');
  return top;
}

/** Child elements by name. */
export const kids = (n: XmlNode, name?: string): XmlNode[] => n.children.filter((c): c is XmlNode => typeof c !== 'string' && (!name || c.name === name));
export const kid = (n: XmlNode, name: string): XmlNode | undefined => kids(n, name)[0];
/** Every element by name below a node, in document order (iterative: deep files cannot overflow the stack). */
export function descendants(n: XmlNode, name: string): XmlNode[] {
  const out: XmlNode[] = [];
  const stack: XmlNode[] = [n];
  while (stack.length) {
    const e = stack.pop()!;
    if (e !== n && e.name === name) out.push(e);
    const k = kids(e);
    for (let i = k.length - 1; i >= 0; i--) stack.push(k[i]!);
  }
  return out;
}
/** The text inside a node. */
export function textIn(n: XmlNode): string {
  let s = '';
  const stack: (XmlNode | string)[] = [n];
  while (stack.length) {
    const e = stack.pop()!;
    if (typeof e === 'string') s += e;
    else for (let i = e.children.length - 1; i >= 0; i--) stack.push(e.children[i]!);
  }
  return s;
}

// ---------------------------------------------------------------------------------------------------------

const starts = (b: Uint8Array, sig: number[], at = 0) => b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** A photo or scan: PNG, JPEG, TIFF, BMP, GIF, WebP, or a phone's HEIC. */
function isImage(b: Uint8Array): boolean {
  return starts(b, [0x89, 0x50, 0x4e, 0x47]) || starts(b, [0xff, 0xd8, 0xff]) || starts(b, [0x49, 0x49, 0x2a, 0x00]) || starts(b, [0x4d, 0x4d, 0x00, 0x2a])
    || starts(b, ascii('BM')) && b.length > 14 && u32(b, 2) === b.length
    || starts(b, ascii('GIF8')) || (starts(b, ascii('RIFF')) && starts(b, ascii('WEBP'), 8))
    || (starts(b, ascii('ftyp'), 4) && /^(heic|heix|hevc|mif1|msf1|avif)$/.test(String.fromCharCode(...b.subarray(8, 12))));
}

/** The first KB as Latin-1 text, lower-cased, for markup and header sniffing (UTF-16 text has its zero bytes dropped). */
function head(b: Uint8Array): string {
  const slice = b.subarray(0, 1024);
  const utf16 = (slice[0] === 0xff && slice[1] === 0xfe) || (slice[0] === 0xfe && slice[1] === 0xff);
  return String.fromCharCode(...(utf16 ? slice.filter((x) => x !== 0) : slice)).replace(/^\ufeff|^\xef\xbb\xbf/, '').toLowerCase();
}

/** Word 2003 XML (WordprocessingML): an XML file, read as a .doc. */
export const isWordXml = (b: Uint8Array): boolean => /^\s*<\?xml/.test(head(b)) && /<w:worddocument|progid="word\.document"/.test(head(b));

export const isRtf = (b: Uint8Array): boolean => /^\s*\{\\rtf/.test(head(b).slice(0, 16));

/** A web page (Word's "save as web page", an Excel sheet saved as HTML) or its single-file MHT form. */
export const isHtml = (b: Uint8Array): boolean => {
  const h = head(b);
  return /^\s*(<!doctype html|<html|<head|<body|<meta|<table|<!--)/.test(h) || /<html[\s>]/.test(h) || isMht(b);
};
export const isMht = (b: Uint8Array): boolean => /^(?:[\w-]+:[^\n]*\r?\n(?:[ \t][^\n]*\r?\n)*)*mime-version:/.test(head(b)) && /multipart\/related|text\/html/.test(head(b));

/** Plain text: no zero bytes in its first 4 KB, or a UTF-16 byte order mark. */
function isText(b: Uint8Array): boolean {
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) return true;
  return !b.subarray(0, 4096).includes(0);
}

const extension = (name: string) => /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';

/**
 * What a file is, by its bytes first and its name only where bytes cannot tell (a .wps, CSV against plain
 * text). 'wps' is a .wps that is not a .docx: WPS Office's Word binary file, read like a .doc (wpsDocument),
 * or something older that cannot be read. A Word 2003 XML file says 'doc' (docDocument reads it).
 */
export function sniffFormat(bytes: Uint8Array, name: string): DocFormat {
  const ext = extension(name);
  if (bytes.length === 0) return ext === 'csv' ? 'csv' : 'txt';
  if (head(bytes).slice(0, 1024).includes('%pdf-')) return 'pdf';
  if (isZip(bytes)) {
    let names: string[];
    try {
      names = zipEntries(bytes).map((e) => e.name.replace(/^\/+/, ''));
    } catch {
      // A damaged archive: its name says which reader should say what is wrong with it.
      return ext === 'docx' || ext === 'ofd' || ext === 'xlsx' ? ext : ext === 'wps' ? 'wps' : 'unknown';
    }
    const has = (n: string) => names.some((x) => x.toLowerCase() === n);
    if (has('word/document.xml') || names.some((x) => /^word\/document\d*\.xml$/i.test(x))) return 'docx';
    if (has('ofd.xml')) return 'ofd';
    if (has('xl/workbook.xml') || names.some((x) => /^xl\/workbook\d*\.xml$/i.test(x))) return 'xlsx';
    return 'unknown';
  }
  if (isOle(bytes)) {
    let streams: string[] | undefined;
    try {
      streams = readOle(bytes).names.map((n) => n.toLowerCase());
    } catch {
      // A damaged container: its name says which reader should say what is wrong with it.
    }
    if (streams?.includes('workbook') || streams?.includes('book')) return 'xls';
    if (streams?.includes('worddocument')) return ext === 'wps' ? 'wps' : 'doc';
    if (!streams) return ext === 'xls' || ext === 'et' ? 'xls' : ext === 'wps' ? 'wps' : 'doc';
    return ext === 'wps' ? 'wps' : 'unknown';
  }
  if (isImage(bytes)) return 'image';
  if (isRtf(bytes)) return 'rtf';
  if (isWordXml(bytes)) return 'doc';
  if (isHtml(bytes)) return 'html';
  if (ext === 'wps') return 'wps';
  if (!isText(bytes)) return 'unknown';
  return ext === 'csv' ? 'csv' : 'txt';
}
