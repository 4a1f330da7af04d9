// A returned Excel 97–2003 sheet (.xls). SheetJS reads it in a process of its own, with a heap of 256 MB and
// 10 seconds: a hostile file costs one stopped process and a line saying why, never the program or the plan's
// lock (collect reads every file before it takes the lock).
import { sheetFromWorkbook, type Grid, type ReturnedSheet } from './read.js';
import { parseXlsIsolated, XLS_LIMITS } from './xls-process.js';
import { inMb } from '../io/limits.js';

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

type Parsed = { grids: Grid[] } | { error: string } | { refused: NonNullable<ReturnedSheet['refused']> };

/** The workbook's grids, read by SheetJS in its own process. */
async function parseIsolated(bytes: Uint8Array): Promise<Parsed> {
  const r = await parseXlsIsolated(bytes);
  return 'answer' in r ? r.answer : r;
}

export async function readXlsSheet(file: string, bytes: Uint8Array): Promise<ReturnedSheet> {
  const none = { file, kind: 'xls' as const, sheet: '', header: [], rows: [] };
  const refused = (why: NonNullable<ReturnedSheet['refused']>['why'], limit: number, size?: number): ReturnedSheet => ({ ...none, unreadable: why, refused: { why, limit, ...(size !== undefined ? { size } : {}) } });
  if (bytes.length > XLS_LIMITS.bytes) return refused('size', inMb(XLS_LIMITS.bytes), inMb(bytes.length));
  // An .xls is an OLE2 container; anything else (an .xlsx renamed, a CSV, HTML saved as .xls) is said as such.
  if (bytes.length < 8 || OLE2.some((b, i) => bytes[i] !== b)) return refused('not-xls', 0);
  const result = await parseIsolated(bytes);
  if ('refused' in result) return refused(result.refused.why, result.refused.limit);
  if ('error' in result) return { ...none, damaged: result.error };
  return sheetFromWorkbook(file, 'xls', { sheets: result.grids });
}
