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

/** The catalogue key of a rule's message: its rule id and local message id, `date/holiday:weekend`. */
export function messageKey(rule: string, messageId: string): string {
  return `${rule}:${messageId}`;
}

/** A rule's finding in words. */
export function formatProblem(p: { rule: string; messageId: string; data: Record<string, unknown> }, lang: Lang): string {
  return formatMessage(messageKey(p.rule, p.messageId), p.data, lang);
}
