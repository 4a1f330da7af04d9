// The bounds an .xls is read within and the process SheetJS reads it in (dist/bundle/xls-worker.js), apart from
// xls-parse.ts so that whoever only hands an .xls to that process — collect's returned sheets, import's 分工表 —
// never loads SheetJS itself.
import { runIsolated, type Isolated } from '../io/isolated.js';
import { FILE_LIMITS } from '../io/limits.js';
import type { Grid } from './read.js';

/** Far above a returned sheet or a 分工表, small enough to keep a hostile file cheap (its size: src/io/limits.ts). */
export const XLS_LIMITS = { bytes: FILE_LIMITS.xlsSheet, sheets: 50, rows: 5000, columns: 256 };

/** The reader process's heap and time (tests lower them). */
export const XLS_READER = { heapMb: 256, timeoutMs: 10_000 };

const WORKER = new URL('../../dist/bundle/xls-worker.js', import.meta.url);

/** A workbook's grids, or why they could not be read, from SheetJS in its own process. */
export const parseXlsIsolated = (bytes: Uint8Array): Promise<Isolated<{ grids: Grid[] } | { error: string }>> => runIsolated(WORKER, bytes, XLS_READER);
