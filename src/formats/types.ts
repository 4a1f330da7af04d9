// What a renderer gets and gives back.
import type { ChalkInstance } from 'chalk';
import type { Lang } from '../messages/types.js';
import type { Doc } from '../reports/doc.js';

export interface RenderInput {
  doc: Doc;
  /** The report object itself: what `json` prints and `ics` reads. */
  data: unknown;
}

export interface RenderContext {
  lang: Lang;
  chalk: ChalkInstance;
  /** Terminal width for wrapping wide columns (table format). */
  width: number;
  /** Start CSV output with a UTF-8 byte order mark (Excel/WPS need it to read Chinese). */
  bom: boolean;
}

export type Renderer = (input: RenderInput, ctx: RenderContext) => Promise<string | Uint8Array> | string | Uint8Array;
