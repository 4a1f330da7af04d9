// Reads plan files and standard input, and turns the bytes into text (or a clear refusal).
import { readFile, stat } from 'node:fs/promises';
import { UserError } from '../errors.js';

export const STDIN_NAME = '<stdin>';

export interface SourceFile { name: string; text: string }

export type Encoding = 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be';

/** Decodes a plan's bytes: UTF-8 (with or without BOM) and UTF-16 with BOM; anything else is refused. */
export function decodePlan(bytes: Uint8Array, name: string): { text: string; encoding: Encoding } {
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
    throw new UserError('io/encoding', { file: name });
  }
}

async function readStdin(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

export interface PlanFile extends SourceFile { bytes: Uint8Array; encoding: Encoding }

/** Reads a plan file to be edited in place: its text, and its exact bytes and encoding for writing back. */
export async function readPlanFile(file: string): Promise<PlanFile> {
  const bytes = await readBytes(file);
  return { name: file, bytes, ...decodePlan(bytes, file) };
}

/** The file's bytes now (to tell whether someone else changed it since it was read). */
export async function readBytes(file: string): Promise<Uint8Array> {
  let info;
  try {
    info = await stat(file);
  } catch (err) {
    throw ioError(err, file);
  }
  if (info.isDirectory()) throw new UserError('io/directory', { file });
  try {
    return await readFile(file);
  } catch (err) {
    throw ioError(err, file);
  }
}

export async function readSource(file: string, stdin: NodeJS.ReadableStream = process.stdin): Promise<SourceFile> {
  if (file === '-') return { name: STDIN_NAME, text: decodeText(await readStdin(stdin), STDIN_NAME) };
  return { name: file, text: decodeText(await readBytes(file), file) };
}

function ioError(err: unknown, file: string): UserError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new UserError('io/missing', { file });
  if (code === 'EACCES' || code === 'EPERM') return new UserError('io/permission', { file });
  if (code === 'EISDIR') return new UserError('io/directory', { file });
  return new UserError('io/unreadable', { file, reason: (err as Error).message });
}
