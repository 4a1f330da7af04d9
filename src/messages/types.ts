// Every message's type: its catalogue key and the data it takes. A rule's messages come from the
// rule's own declaration (src/rules/), the tool's other messages from ToolMessageData.
import type { RULES } from '../rules/index.js';
import type { ToolMessageData } from './tool-messages.js';

export type Lang = 'zh' | 'en';

/** [catalogue key, data] of each message of rule R: `['date/holiday:weekend', { what: string; … }]`. */
type RuleEntries<R> = R extends { id: infer Id extends string; messages: infer M }
  ? { [K in keyof M & string]: [`${Id}:${K}`, M[K]] }[keyof M & string]
  : never;

/** The messages of the registered rules: `<rule id>:<local id>` → data. */
export type RuleMessageData = { [E in RuleEntries<(typeof RULES)[number]> as E[0]]: E[1] };
export type RuleMessageKey = keyof RuleMessageData;

export type { ToolMessageData };
export type ToolMessageKey = keyof ToolMessageData;

/** The tool's messages that take no data: only they may be raised without it. */
export type DatalessKey = { [K in ToolMessageKey]: Record<string, never> extends ToolMessageData[K] ? K : never }[ToolMessageKey];

/** Every message: catalogue key → the data it takes. */
export type MessageData = RuleMessageData & ToolMessageData;
export type MessageKey = keyof MessageData;

/** A catalogue: for every message, a function of exactly its data. One per language. */
export type Catalogue = { readonly [K in MessageKey]: (d: MessageData[K]) => string };
