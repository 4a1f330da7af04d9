// The format registry: one line per format, each loaded only when used (xlsx pulls in exceljs).
// A report kind lists the formats it offers; the -f help text is made from this table.
import type { Renderer } from './types.js';

export interface FormatEntry {
  load: () => Promise<{ default: Renderer }>;
  /** Bytes rather than text: written to a file, never to a terminal. */
  binary: boolean;
  /** XML inside (DOCX, XLSX, HTML): the text it is given is made safe for XML 1.0 first (text/xml-safe.ts). */
  xml?: true;
  /**
   * Plain text that carries the plan's text as it is (md, csv, html, ics): on a terminal, its control
   * characters are shown as escapes, as table, text and json do themselves.
   */
  raw?: true;
}

export const FORMATS = {
  table: { load: () => import('./table.js'), binary: false },
  md: { load: () => import('./md.js'), binary: false, raw: true },
  csv: { load: () => import('./csv.js'), binary: false, raw: true },
  json: { load: () => import('./json.js'), binary: false },
  html: { load: () => import('./html.js'), binary: false, xml: true, raw: true },
  xlsx: { load: () => import('./xlsx.js'), binary: true, xml: true },
  docx: { load: () => import('./docx.js'), binary: true, xml: true },
  ics: { load: () => import('./ics.js'), binary: false, raw: true },
  text: { load: () => import('./text.js'), binary: false },
} satisfies Record<string, FormatEntry>;

export type FormatName = keyof typeof FORMATS;

export const isFormat = (name: string): name is FormatName => Object.hasOwn(FORMATS, name);

export async function renderer(name: FormatName): Promise<Renderer> {
  return (await FORMATS[name].load()).default;
}
