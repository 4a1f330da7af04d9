// Reads plan files and standard input, and turns the bytes into text (or a clear refusal).
import { open, type FileHandle } from 'node:fs/promises';
import { closeSync, fstatSync, lstatSync, openSync, readlinkSync, readSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import iconv from 'iconv-lite';
import { UserError } from '../errors.js';
import { isUtf32 } from '../text/byte-order.js';
import type { MessageData } from '../messages/types.js';
import { FILE_LIMITS, inMb, MB, type LimitedKind } from './limits.js';

export const STDIN_NAME = '<stdin>';

export interface SourceFile { name: string; text: string }

export type Encoding = 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be';

/** Decodes a plan's bytes: UTF-8 (with or without BOM) and UTF-16 with BOM; anything else is refused. */
export function decodePlan(bytes: Uint8Array, name: string): { text: string; encoding: Encoding } {
  // UTF-32's byte order marks start like UTF-16's: look for them first.
  if (isUtf32(bytes)) throw new UserError('io/utf32', { file: name });
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: strictUtf8(bytes.subarray(3), name), encoding: 'utf8-bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf16be' };
  if (bytes.includes(0)) throw new UserError('io/binary', { file: name });
  return { text: strictUtf8(bytes, name), encoding: 'utf8' };
}

export const decodeText = (bytes: Uint8Array, name: string): string => decodePlan(bytes, name).text;

/** Text back into the bytes of the encoding it was read in. */
export function encodePlan(text: string, encoding: Encoding): Uint8Array {
  switch (encoding) {
    case 'utf8': return Buffer.from(text, 'utf8');
    case 'utf8-bom': return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le': return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be': {
      const le = Buffer.from(text, 'utf16le');
      for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
      return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
    }
  }
}

function strictUtf8(bytes: Uint8Array, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw encodingError(bytes, name);
  }
}

/** Where the UTF-8 goes wrong, and whether the bytes read as Chinese in GBK/GB18030 instead. */
function encodingError(bytes: Uint8Array, name: string): UserError {
  const at = firstInvalidUtf8(bytes);
  // GBK when much of its non-ASCII text is not UTF-8 and it reads cleanly as Chinese in GB18030. A UTF-8
  // file with one bad spot (an encoded surrogate ED A0–BF from a broken converter, a stray byte) is not.
  const lossy = new TextDecoder('utf-8').decode(bytes);
  const nonAscii = [...lossy].filter((c) => c > '\u007f').length;
  const broken = [...lossy].filter((c) => c === '\ufffd').length;
  const surrogate = bytes[at] === 0xed && bytes[at + 1]! >= 0xa0;
  const gbk = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030');
  const looksGbk = !surrogate && broken >= nonAscii * 0.2 && !gbk.includes('\ufffd') && /[\u4e00-\u9fff]/.test(gbk);
  // In GBK text a byte pair may pass for UTF-8 by chance: point at where the Chinese starts.
  const where = looksGbk ? bytes.findIndex((x) => x >= 0x80) : at;
  const lines = new TextDecoder('utf-8').decode(bytes.subarray(0, where)).split('\n');
  const position = { line: lines.length, column: [...lines[lines.length - 1]!].length + 1 };
  return new UserError(looksGbk ? 'io/encoding-gbk' : 'io/encoding', { file: name, ...position });
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0 || i + n >= b.length + (n === 0 ? 1 : 0)) return i;
    for (let k = 1; k <= n; k++) if ((b[i + k]! & 0xc0) !== 0x80) return i;
    // Overlong forms, surrogates (ED A0–BF) and code points past U+10FFFF are not UTF-8 either.
    if ((c === 0xe0 && b[i + 1]! < 0xa0) || (c === 0xed && b[i + 1]! >= 0xa0) || (c === 0xf0 && b[i + 1]! < 0x90) || (c === 0xf4 && b[i + 1]! >= 0x90)) return i;
    i += n + 1;
  }
  return i;
}

/**
 * The largest plan this process can read without running out of memory: reading a plan takes up to
 * about 25 times its size (measured: 1,000,000 short tasks, 60 MB, peak 1.3 GB; 40 MB of one dense list,
 * 0.8 GB), so a plan may be a thirtieth of the heap. A larger one is refused with one line instead of
 * letting Node abort. NODE_OPTIONS=--max-old-space-size raises the heap, and this with it — up to 500 MB,
 * below the longest string V8 can hold (512 MB), which the plan's text must fit in.
 */
export const maxPlanBytes = (): number => Math.min(Math.floor(getHeapStatistics().heap_size_limit / 30), MAX_PLAN_BYTES);

const MAX_PLAN_BYTES = 500 * MB;

function tooLarge(name: string, size: number): UserError {
  // Past the longest string, more memory would not help: no advice to give Node 90 GB.
  if (size > MAX_PLAN_BYTES) return new UserError('io/file-too-large', { file: name, size: inMb(size), limit: inMb(MAX_PLAN_BYTES), kind: 'plan' });
  // Sizes in MB of 1,024 × 1,024 bytes, as every other size the tool gives and as Node's --max-old-space-size takes.
  return new UserError('io/too-large', { file: name, size: inMb(size), limit: inMb(maxPlanBytes()), heap: Math.ceil((size * 30) / MB) });
}

/** What a file is read as: a plan (its limit follows the heap), or one of the kinds of FILE_LIMITS. */
export type InputKind = 'plan' | LimitedKind;

const limitOf = (kind: InputKind): number => (kind === 'plan' ? maxPlanBytes() : FILE_LIMITS[kind]);

/** What a message calls a kind of file that is too large. */
const KIND_WORD: Record<LimitedKind, MessageData['io/file-too-large']['kind']> = {
  csvSheet: 'sheet', xlsSheet: 'sheet', xlsxSheet: 'sheet', document: 'document', text: 'text', config: 'config',
};

/** The refusal of a file over its kind's limit: its size and the limit, in MB. */
export function fileTooLarge(file: string, size: number, kind: InputKind): UserError {
  if (kind === 'plan') return tooLarge(file, size);
  return new UserError('io/file-too-large', { file, size: inMb(size), limit: inMb(FILE_LIMITS[kind]), kind: KIND_WORD[kind] });
}

async function readStdin(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += b.length;
    if (size > maxPlanBytes()) throw tooLarge(STDIN_NAME, size);
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

export interface PlanFile extends SourceFile { bytes: Uint8Array; encoding: Encoding }

/** Reads a plan file to be edited in place: its text, and its exact bytes and encoding for writing back. */
export async function readPlanFile(file: string): Promise<PlanFile> {
  const bytes = await readBytes(file, 'plan');
  return { name: file, bytes, ...decodePlan(bytes, file) };
}

const CHUNK = 64 * 1024;

/**
 * A file's bytes, read from one open descriptor: its size checked (fstat) before a byte is read, so a file
 * over the limit costs nothing; a file that grows while it is read, or one that has no size (a pipe or a
 * device named on the command line), is read in chunks and refused as soon as it passes the limit.
 */
async function readOpen(file: string, kind: InputKind): Promise<{ bytes: Uint8Array; modified: number }> {
  const limit = limitOf(kind);
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (err) {
    throw ioError(err, file);
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new UserError('io/directory', { file });
    if (info.size > limit) throw fileTooLarge(file, info.size, kind);
    const chunks: Buffer[] = [];
    let total = 0;
    // A regular file in one read of its size (and one more, which finds its end); anything else chunk by chunk.
    let want = info.isFile() ? info.size + 1 : CHUNK;
    for (;;) {
      const buffer = Buffer.allocUnsafe(Math.min(want, limit + 1 - total));
      let got = 0;
      while (got < buffer.length) {
        const { bytesRead } = await handle.read(buffer, got, buffer.length - got, null);
        if (bytesRead === 0) break;
        got += bytesRead;
      }
      total += got;
      chunks.push(buffer.subarray(0, got));
      if (total > limit) throw fileTooLarge(file, total, kind);
      if (got < buffer.length) break;
      want = CHUNK;
    }
    return { bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks), modified: Number(info.mtimeMs) };
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw ioError(err, file);
  } finally {
    await handle.close().catch(() => {});
  }
}

/** The file's bytes, read within its kind's limit (also to tell whether someone else changed a plan since it was read). */
export async function readBytes(file: string, kind: InputKind): Promise<Uint8Array> {
  return (await readOpen(file, kind)).bytes;
}

/** A returned file's bytes and when it was last changed (of two copies of a sheet, the newer wins). */
export async function readStamped(file: string, kind: InputKind): Promise<{ bytes: Uint8Array; modified: number }> {
  return readOpen(file, kind);
}

export async function readSource(file: string, stdin: NodeJS.ReadableStream = process.stdin): Promise<SourceFile> {
  if (file === '-') return { name: STDIN_NAME, text: decodeText(await readStdin(stdin), STDIN_NAME) };
  return { name: file, text: decodeText(await readBytes(file, 'plan'), file) };
}

/**
 * A small text file read whole, at once (a configuration, a data file): within the configuration files'
 * limit, decoded as a plan is, a missing or unreadable one a user error naming it.
 */
export function readTextSync(file: string): string {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const info = fstatSync(fd);
    if (info.isDirectory()) throw new UserError('io/directory', { file });
    if (info.size > FILE_LIMITS.config) throw fileTooLarge(file, info.size, 'config');
    const buffer = Buffer.allocUnsafe(FILE_LIMITS.config + 1);
    let got = 0;
    for (let n = 1; n > 0 && got < buffer.length; got += n) n = readSync(fd, buffer, got, buffer.length - got, null);
    if (got > FILE_LIMITS.config) throw fileTooLarge(file, got, 'config');
    return decodeText(buffer.subarray(0, got), file);
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw ioError(err, file);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A link whose target is missing, as its own words: the folder lists the name, so "no such file" would puzzle. */
function brokenLink(file: string): UserError | undefined {
  try {
    if (lstatSync(file).isSymbolicLink()) return new UserError('io/broken-link', { file, target: readlinkSync(file) });
  } catch {
    // gone, or not a link: no such file
  }
  return undefined;
}

/**
 * Why a file could not be read, in the clerk's words, by the system's error code — never Node's English
 * text. A code with no words of its own is named as it is (EIO), for whoever looks after the machine.
 */
export function ioError(err: unknown, file: string): UserError {
  const code = String((err as NodeJS.ErrnoException)?.code ?? '');
  switch (code) {
    case 'ENOENT': return brokenLink(file) ?? new UserError('io/missing', { file });
    case 'ENOTDIR': return new UserError('io/missing', { file });
    case 'ELOOP': return new UserError('io/link-loop', { file });
    case 'EACCES':
    case 'EPERM': return new UserError('io/permission', { file });
    case 'EISDIR': return new UserError('io/directory', { file });
    case 'EMFILE':
    case 'ENFILE': return new UserError('cli/system', { code, message: '' });
    case 'ERR_FS_FILE_TOO_LARGE': return new UserError('io/unreadable', { file, reason: 'EFBIG' });
    default: return new UserError('io/unreadable', { file, reason: /^E[A-Z0-9_]+$/.test(code) ? code : 'EIO' });
  }
}
