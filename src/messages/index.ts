// Turns a message id and its data into a sentence in the chosen language.
import { en } from './en.js';
import { zh } from './zh.js';
import type { Catalogue, Lang, MessageData, MessageKey, RuleMessageData, RuleMessageKey } from './types.js';

export type { Lang } from './types.js';
export const CATALOGUES: Record<Lang, Catalogue> = { en, zh };

export function formatMessage<K extends MessageKey>(id: K, data: MessageData[K], lang: Lang): string {
  // The types promise every id; an id made at run time (a problem's) is checked here all the same.
  const fn: ((d: MessageData[K]) => string) | undefined = CATALOGUES[lang][id] ?? CATALOGUES.en[id];
  if (!fn) throw new Error(`no message "${id}"`);
  return fn(data);
}

/** The catalogue key of a rule's message: its rule id and local message id, `date/holiday:weekend`. */
export function messageKey(rule: string, messageId: string): RuleMessageKey {
  return `${rule}:${messageId}` as RuleMessageKey;
}

/**
 * A rule's finding in words. The linter keeps a problem's data untyped; the rule's report checked it
 * against the message's type when the rule reported it.
 */
export function formatProblem(p: { rule: string; messageId: string; data: Record<string, unknown> }, lang: Lang): string {
  return formatMessage(messageKey(p.rule, p.messageId), p.data as RuleMessageData[RuleMessageKey], lang);
}
