// The OLE compound file (MS-CFB) of .doc, .xls and old .wps files: sectors, the allocation table, the
// directory. No library: word-extractor follows a sector chain that loops until the heap runs out, and cfb
// does the same on a loop in the directory tree (both measured). Every chain is walked with a visited set and
// every offset is checked, so a damaged or hostile file is an OleError, never a hang. Pure.
import { littleEndian, ReadError, type ReadProblem } from './read-error.js';

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
