// What a renderer gets and gives back.
import type { ChalkInstance } from 'chalk';
import type { Lang } from '../messages/types.js';
import type { Doc } from '../reports/doc.js';
import type { Calendar } from '../reports/kind.js';

export interface RenderInput {
  /** One document per plan (or one for the whole run). */
  docs: Doc[];
  /** The report data itself: what `json` prints. */
  data: unknown;
  /** The dated events, for kinds that have them: what `ics` writes. */
  calendar?: Calendar;
}

export interface RenderContext {
  lang: Lang;
  chalk: ChalkInstance;
  /** Terminal width for wrapping wide columns (table format). */
  width: number;
  /** Start CSV output with a UTF-8 byte order mark (Excel/WPS need it to read Chinese). */
  bom: boolean;
  /** Calendars: minutes before a deadline its alarm rings; null for none; undefined for the format's default. */
  alarm?: number | null;
}

export type Renderer = (input: RenderInput, ctx: RenderContext) => Promise<string | Uint8Array> | string | Uint8Array;
