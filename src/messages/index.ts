// Turns a message id and its data into a sentence in the chosen language.
import { visibleName } from '../text/visible.js';
import { en } from './en.js';
import { zh } from './zh.js';
import type { Catalogue, Lang, MessageData, MessageKey, RuleMessageData, RuleMessageKey } from './types.js';

export type { Lang } from './types.js';
export const CATALOGUES: Record<Lang, Catalogue> = { en, zh };

export function formatMessage<K extends MessageKey>(id: K, data: MessageData[K], lang: Lang): string {
  // The types promise every id; an id made at run time (a problem's) is checked here all the same.
  const fn: ((d: MessageData[K]) => string) | undefined = CATALOGUES[lang][id] ?? CATALOGUES.en[id];
  if (!fn) throw new Error(`no message "${id}"`);
  return fn(oneLine(data) as MessageData[K]);
}

/** Data that holds the text of a library's error, whose lines are one sentence broken for a wide screen. */
const PROSE = new Set(['reason', 'detail', 'message']);

/**
 * A message is one line, whatever its data holds: a parser's error over two lines (or split by tabs) joined with a space; a
 * line break, ESC or bidi override in a file's name or a plan's text shown as an escape (\n, \x1b), so
 * that no file named to look like an output line can forge one.
 */
function oneLine(data: unknown): unknown {
  if (data === null || typeof data !== 'object') return data;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) {
    if (typeof v === 'string') out[k] = visibleName(PROSE.has(k) ? v.replace(/\s*[\r\n\t]+\s*/g, ' ').trim() : v);
    else if (Array.isArray(v)) out[k] = v.map((x) => (typeof x === 'string' ? visibleName(x) : x));
    else out[k] = v !== null && typeof v === 'object' && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype ? oneLine(v) : v;
  }
  return out;
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
