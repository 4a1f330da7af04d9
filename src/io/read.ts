// Reads plan files and standard input, and turns the bytes into text (or a clear refusal).
import { readFile, stat } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import iconv from 'iconv-lite';
import { UserError } from '../errors.js';

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

/** A UTF-32 byte order mark, little- or big-endian. */
export const isUtf32 = (b: Uint8Array): boolean =>
  (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) || (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff);

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
 * letting Node abort. NODE_OPTIONS=--max-old-space-size raises the heap, and this with it.
 */
export const maxPlanBytes = (): number => Math.floor(getHeapStatistics().heap_size_limit / 30);

function tooLarge(name: string, size: number): UserError {
  const mb = (n: number) => Math.ceil(n / 1_000_000);
  return new UserError('io/too-large', { file: name, size: mb(size), limit: mb(maxPlanBytes()), heap: mb(size * 30) });
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
  const bytes = await readBytes(file, maxPlanBytes());
  return { name: file, bytes, ...decodePlan(bytes, file) };
}

/** What reading a file refuses before it reads: a folder, and a file over the size limit. */
function refuseBeforeReading(info: { isDirectory(): boolean; size: number }, file: string, limit: number): void {
  if (info.isDirectory()) throw new UserError('io/directory', { file });
  if (info.size > limit) throw tooLarge(file, info.size);
}

/** The file's metadata, after refusing what cannot be read as a file (missing, a folder, too large …). */
async function statReadable(file: string, limit: number): Promise<Awaited<ReturnType<typeof stat>>> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(file);
  } catch (err) {
    throw ioError(err, file);
  }
  refuseBeforeReading(info, file, limit);
  return info;
}

async function bytesOf(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (err) {
    throw ioError(err, file);
  }
}

/** The file's bytes now (to tell whether someone else changed it since it was read). */
export async function readBytes(file: string, limit = Number.POSITIVE_INFINITY): Promise<Uint8Array> {
  await statReadable(file, limit);
  return bytesOf(file);
}

/** A returned file's bytes and when it was last changed (of two copies of a sheet, the newer wins). */
export async function readStamped(file: string, limit = Number.POSITIVE_INFINITY): Promise<{ bytes: Uint8Array; modified: number }> {
  const info = await statReadable(file, limit);
  return { bytes: await bytesOf(file), modified: Number(info.mtimeMs) };
}

export async function readSource(file: string, stdin: NodeJS.ReadableStream = process.stdin): Promise<SourceFile> {
  if (file === '-') return { name: STDIN_NAME, text: decodeText(await readStdin(stdin), STDIN_NAME) };
  return { name: file, text: decodeText(await readBytes(file, maxPlanBytes()), file) };
}

/**
 * A small text file read whole, at once (a configuration, a data file): decoded as a plan is, a missing or
 * unreadable one a user error naming it.
 */
export function readTextSync(file: string): string {
  try {
    return decodeText(readFileSync(file), file);
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw ioError(err, file);
  }
}

function ioError(err: unknown, file: string): UserError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new UserError('io/missing', { file });
  if (code === 'EACCES' || code === 'EPERM') return new UserError('io/permission', { file });
  if (code === 'EISDIR') return new UserError('io/directory', { file });
  return new UserError('io/unreadable', { file, reason: (err as Error).message });
}
