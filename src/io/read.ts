// Reads plan files and standard input, and turns the bytes into text (or a clear refusal).
import { readFile, stat } from 'node:fs/promises';
import { UserError } from '../errors.js';

export const STDIN_NAME = '<stdin>';

export interface SourceFile { name: string; text: string }

/** Decodes a plan's bytes: UTF-8 (with or without BOM) and UTF-16 with BOM; anything else is refused. */
export function decodeText(bytes: Uint8Array, name: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return strictUtf8(bytes.subarray(3), name);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes.includes(0)) throw new UserError('io/binary', { file: name });
  return strictUtf8(bytes, name);
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

export async function readSource(file: string, stdin: NodeJS.ReadableStream = process.stdin): Promise<SourceFile> {
  if (file === '-') return { name: STDIN_NAME, text: decodeText(await readStdin(stdin), STDIN_NAME) };
  let info;
  try {
    info = await stat(file);
  } catch (err) {
    throw ioError(err, file);
  }
  if (info.isDirectory()) throw new UserError('io/directory', { file });
  try {
    return { name: file, text: decodeText(await readFile(file), file) };
  } catch (err) {
    throw err instanceof UserError ? err : ioError(err, file);
  }
}

function ioError(err: unknown, file: string): UserError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new UserError('io/missing', { file });
  if (code === 'EACCES' || code === 'EPERM') return new UserError('io/permission', { file });
  if (code === 'EISDIR') return new UserError('io/directory', { file });
  return new UserError('io/unreadable', { file, reason: (err as Error).message });
}
