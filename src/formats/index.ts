// The format registry: one line per format, each loaded only when used (xlsx pulls in exceljs).
// A report kind lists the formats it offers; the -f help text is made from this table.
import type { Renderer } from './types.js';

interface FormatEntry {
  load: () => Promise<{ default: Renderer }>;
  /** Bytes rather than text: written to a file, never to a terminal. */
  binary: boolean;
}

export const FORMATS = {
  table: { load: () => import('./table.js'), binary: false },
  md: { load: () => import('./md.js'), binary: false },
  csv: { load: () => import('./csv.js'), binary: false },
  json: { load: () => import('./json.js'), binary: false },
  html: { load: () => import('./html.js'), binary: false },
  xlsx: { load: () => import('./xlsx.js'), binary: true },
  docx: { load: () => import('./docx.js'), binary: true },
  ics: { load: () => import('./ics.js'), binary: false },
  text: { load: () => import('./text.js'), binary: false },
} satisfies Record<string, FormatEntry>;

export type FormatName = keyof typeof FORMATS;

export const isFormat = (name: string): name is FormatName => Object.hasOwn(FORMATS, name);

export async function renderer(name: FormatName): Promise<Renderer> {
  return (await FORMATS[name].load()).default;
}
