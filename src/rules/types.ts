// What a rule is and what it reports. Rules emit message ids and data, never sentences.
import type { ParsedSource } from '../source/parse.js';
import type { Plan } from '../model/types.js';
import type { SchemaValidator } from '../schema/validator.js';
import type { Calendar } from '../calendar/china.js';
import type { DirectiveOutcome } from '../disables/apply.js';
import type { IsoDate } from '../calendar/dates.js';
import type { Path } from '../source/path.js';

export type Severity = 'error' | 'warning' | 'info';

/**
 * Findings of one kind (rule and message) in one text, at most: a text that is nothing but one slip repeated
 * would give thousands, and the first few say enough. Rules that list a text's slips stop there, and lint keeps
 * no more than this of any kind in one text, so finding where each one stands stays linear in the text.
 */
export const MAX_PER_TEXT = 20;
export type SeveritySetting = Severity | 'off';

/** A fix a rule offers: replace the value at `path` with `value` (applied by `validate --fix`). */
export interface Fix { path: Path; value: unknown; }

/**
 * A rule's messages, ESLint's `meta.messages` with types: local message id → a sample of the data that
 * message takes. The sample's type is the message's type (`suggestion: 'police' as string | undefined`
 * for a field it may go without); the sample itself is what test/messages.test.ts renders.
 */
export type MessageSamples = Record<string, Record<string, unknown>>;

/** Where a problem is, and how to fix it: everything a rule reports besides its message. */
export interface Placement {
  /** Model path of the offending node. */
  path: Path;
  /** Point at the key of the last segment (unknown keys) instead of its value. */
  key?: boolean;
  /** Point at this text inside the node, when it appears there verbatim. */
  needle?: string;
  /** Which occurrence of `needle` (0 = the first). */
  occurrence?: number;
  /** A source offset, for problems found in the text rather than the data (YAML syntax). */
  offset?: number;
  /** Where such a problem's text ends (an offset past its last character); the node's end otherwise. */
  end?: number;
  fixes?: Fix[];
  /**
   * Only a note (info), whatever the rule's severity: a case the rule knows to be usually fine (a planned
   * weekend activity). A rule switched off stays off; a rule set to info stays info.
   */
  note?: boolean;
}

/** What a rule reports: one of its own message ids, with exactly the data that message takes. */
export type Reported<M extends MessageSamples> = { [K in keyof M & string]: Placement & { messageId: K; data: M[K] } }[keyof M & string];

/** A finding as the linter keeps it: the rule, its local message id (the catalogue key is `rule:messageId`). */
export interface Problem extends Placement {
  rule: string;
  messageId: string;
  /** Checked against the message when the rule reported it. */
  data: Record<string, unknown>;
}

interface ContextBase {
  /** The date the status rules judge against. */
  asOf: IsoDate;
  /** Mainland China's working days: public holidays and make-up days. */
  calendar: Calendar;
}

export interface RuleContext<M extends MessageSamples> extends ContextBase {
  report(p: Reported<M>): void;
}

/**
 * What the linter hands every rule: a report that takes any rule's problems. (`report` is a method, so
 * this fits every RuleContext; a rule's own calls are still checked against its messages.)
 */
export interface AnyRuleContext extends ContextBase {
  report(p: Placement & { messageId: string; data: Record<string, unknown> }): void;
}

interface RuleMeta<M extends MessageSamples, Id extends string> {
  id: Id;
  severity: Severity;
  description: { en: string; zh: string };
  /** Every message the rule reports; the catalogues key them `<id>:<local id>`. */
  messages: M;
}

/** Rules on the model: the usual kind. */
export interface PlanRule<M extends MessageSamples, Id extends string> extends RuleMeta<M, Id> {
  stage: 'plan';
  check(plan: Plan, ctx: RuleContext<M>): void;
}

/** Rules on the text itself (YAML syntax) or the raw data (schema): they run before the model exists. */
export interface SourceRule<M extends MessageSamples, Id extends string> extends RuleMeta<M, Id> {
  stage: 'source';
  check(source: ParsedSource, ctx: RuleContext<M> & { schema: SchemaValidator }): void;
}

/**
 * Rules on the inline comments that silence other rules (src/disables/): they run last, once the others'
 * findings are known, and report a silence that silenced nothing or names no rule.
 */
export interface DirectiveRule<M extends MessageSamples, Id extends string> extends RuleMeta<M, Id> {
  stage: 'directives';
  check(outcome: DirectiveOutcome, ctx: RuleContext<M>): void;
}

/** Any rule, its message types left out: what the linter runs. */
export type Rule =
  | (RuleMeta<MessageSamples, string> & { stage: 'plan'; check(plan: Plan, ctx: AnyRuleContext): void })
  | (RuleMeta<MessageSamples, string> & { stage: 'source'; check(source: ParsedSource, ctx: AnyRuleContext & { schema: SchemaValidator }): void })
  | (RuleMeta<MessageSamples, string> & { stage: 'directives'; check(outcome: DirectiveOutcome, ctx: AnyRuleContext): void });

/**
 * Declares a rule, keeping its id and its messages' types: `check` may report only the message ids
 * in `messages`, each with the data its sample shows.
 */
export function defineRule<Id extends string, M extends MessageSamples>(rule: PlanRule<M, Id>): PlanRule<M, Id>;
export function defineRule<Id extends string, M extends MessageSamples>(rule: SourceRule<M, Id>): SourceRule<M, Id>;
export function defineRule<Id extends string, M extends MessageSamples>(rule: DirectiveRule<M, Id>): DirectiveRule<M, Id>;
export function defineRule<R>(rule: R): R {
  return rule;
}
