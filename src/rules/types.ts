// What a rule is and what it reports. Rules emit message ids and data, never sentences.
import type { ParsedSource } from '../source/parse.js';
import type { IsoDate, Path, Plan } from '../model/types.js';
import type { SchemaValidator } from '../schema/validator.js';
import type { Calendar } from '../calendar/china.js';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

/** A fix a rule offers: replace the value at `path` with `value` (applied by `validate --fix`). */
export interface Fix { path: Path; value: unknown; }

export interface Problem {
  rule: string;
  messageId: string;
  data: Record<string, unknown>;
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
  fixes?: Fix[];
}

export type Report = (p: Omit<Problem, 'rule' | 'messageId'> & { messageId?: string }) => void;

export interface RuleContext {
  /** The date the status rules judge against. */
  asOf: IsoDate;
  /** Mainland China's working days: public holidays and make-up days. */
  calendar: Calendar;
  report: Report;
}

interface RuleMeta {
  id: string;
  severity: Severity;
  description: { en: string; zh: string };
}

/** Rules on the model: the usual kind. */
export interface PlanRule extends RuleMeta {
  stage: 'plan';
  check(plan: Plan, ctx: RuleContext): void;
}

/** Rules on the text itself (YAML syntax) or the raw data (schema): they run before the model exists. */
export interface SourceRule extends RuleMeta {
  stage: 'source';
  check(source: ParsedSource, ctx: RuleContext & { schema: SchemaValidator }): void;
}

export type Rule = PlanRule | SourceRule;
