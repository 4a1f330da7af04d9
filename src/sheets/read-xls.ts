// Placeholder until the .xls reader is chosen.
import type { ReturnedSheet } from './read.js';

export async function readXlsSheet(file: string, _bytes: Uint8Array): Promise<ReturnedSheet> {
  return { file, kind: 'xls', sheet: '', header: [], rows: [], unreadable: 'xls' };
}
