// Turns a message id and its data into a sentence in the chosen language.
import { en } from './en.js';
import { zh } from './zh.js';
import type { Catalogue, Data, Lang } from './types.js';

export type { Lang } from './types.js';
export const CATALOGUES: Record<Lang, Catalogue> = { en, zh };

export function formatMessage(id: string, data: Data, lang: Lang): string {
  const fn = CATALOGUES[lang][id] ?? CATALOGUES.en[id];
  if (!fn) throw new Error(`no message "${id}"`);
  return fn(data);
}
