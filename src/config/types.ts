// The settings a configuration file (.campaignrc.yaml) gives, once read and checked, and the part of them
// that goes with each plan into the linter and the model.
import type { Lang } from '../messages/types.js';
import type { Plan, Weekday } from '../model/types.js';
import type { SeveritySetting } from '../rules/types.js';

/** The configuration file names, in the order a folder is searched: the first found wins. */
export const CONFIG_NAMES = ['.campaignrc.yaml', '.campaignrc.yml'] as const;

export interface CampaignConfig {
  /** The file it was read from. */
  file: string;
  /** A severity per rule id (each a rule there is). */
  rules: Readonly<Record<string, SeveritySetting>>;
  lang?: Lang;
  /** Over the plan's `reporting.weekStarts`. */
  weekStarts?: Weekday;
  /** Over the plan's `reporting.lagThreshold`: points a task's progress may lag its time before its light turns yellow. */
  lagThreshold?: number;
  /** Days before its due date within which an open task's light turns yellow. */
  dueSoonDays?: number;
  /**
   * The user's data files (holidays, themes), as absolute paths, each checked to be a file: read and put over
   * the built-in data by src/io/user-data.ts when the run starts (src/commands/config-input.ts).
   */
  data: readonly string[];
}

/** What a plan takes from its configuration (and the command line over it): the linter's settings. */
export interface PlanSettings {
  severities?: Readonly<Record<string, SeveritySetting>>;
  reporting?: Readonly<Partial<Plan['reporting']>>;
}

/** The model with the reporting settings a configuration gives over the plan's own (the plan's where it gives none). */
export const configuredPlan = (plan: Plan, reporting: PlanSettings['reporting']): Plan =>
  reporting && Object.keys(reporting).length ? { ...plan, reporting: { ...plan.reporting, ...reporting } } : plan;

/** A plan's settings: the configuration's, with the command line's --rule over its rules. */
export function planSettings(config: CampaignConfig | undefined, cliRules: Readonly<Record<string, SeveritySetting>> = {}): PlanSettings {
  const reporting: Partial<Plan['reporting']> = {
    ...(config?.weekStarts ? { weekStarts: config.weekStarts } : {}),
    ...(config?.lagThreshold !== undefined ? { lagThreshold: config.lagThreshold } : {}),
    ...(config?.dueSoonDays !== undefined ? { dueSoonDays: config.dueSoonDays } : {}),
  };
  const severities = { ...config?.rules, ...cliRules };
  return {
    ...(Object.keys(severities).length ? { severities } : {}),
    ...(Object.keys(reporting).length ? { reporting } : {}),
  };
}
