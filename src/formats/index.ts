// The format registry: one line per format, each loaded only when used (xlsx pulls in exceljs).
import type { Renderer } from './types.js';

const FORMATS = {
  table: () => import('./table.js'),
  md: () => import('./md.js'),
  csv: () => import('./csv.js'),
  json: () => import('./json.js'),
  html: () => import('./html.js'),
  xlsx: () => import('./xlsx.js'),
  ics: () => import('./ics.js'),
} satisfies Record<string, () => Promise<{ default: Renderer }>>;

export type FormatName = keyof typeof FORMATS;

export async function renderer(name: FormatName): Promise<Renderer> {
  return (await FORMATS[name]()).default;
}

/** Formats whose output is bytes, not text: written to a file, never to a terminal. */
export const BINARY_FORMATS: readonly FormatName[] = ['xlsx'];
