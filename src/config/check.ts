// Checks a configuration file's text, as the linter checks a plan: YAML syntax, duplicate keys and the
// JSON Schema (schemas/campaignrc.schema.json), each problem at its node, then the settings it gives.
// Pure: the file's folder and the data files' existence are the reader's (src/io/config.ts).
import type { Lang } from '../messages/types.js';
import { weekday } from '../model/build.js';
import schemaRule from '../rules/schema.js';
import type { AnyRuleContext, SeveritySetting } from '../rules/types.js';
import yamlDuplicateKey from '../rules/yaml/duplicate-key.js';
import yamlSyntax from '../rules/yaml/syntax.js';
import type { SchemaValidator } from '../schema/validator.js';
import { spanOf } from '../source/locate.js';
import type { ParsedSource } from '../source/parse.js';
import type { CampaignConfig } from './types.js';
import type { Path } from '../source/path.js';

/** A problem in the configuration: where, and a catalogue message id with its data. */
export interface ConfigProblem { offset: number; id: string; data: Record<string, unknown> }

/** The settings, data files still as written (with where each is written), when there is no problem. */
export type ConfigSettings = Omit<CampaignConfig, 'file' | 'data'> & { data: { value: string; offset: number }[] };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const typeOf = (v: unknown): string => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);

export function checkConfig(source: ParsedSource, validate: SchemaValidator): { settings?: ConfigSettings; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const at = (path: Path, key?: boolean, needle?: string) => spanOf(source, path, { key, needle })[0];
  const contextFor = (rule: string): AnyRuleContext & { schema: SchemaValidator } => ({
    asOf: '1970-01-01',
    calendar: undefined as never, // the YAML and schema rules read no dates
    schema: validate,
    report: (p) => {
      // An unknown key under rules: is a rule id there is none of, and said so.
      if (rule === 'schema' && p.messageId === 'unknown-key' && p.path.length === 2 && p.path[0] === 'rules') {
        problems.push({ offset: at(p.path, true), id: 'config/unknown-rule', data: { id: p.data.key, suggestion: p.data.suggestion } });
        return;
      }
      problems.push({ offset: p.offset ?? at(p.path, p.key, p.needle), id: `${rule}:${p.messageId}`, data: p.data });
    },
  });
  yamlSyntax.check(source, contextFor(yamlSyntax.id));
  yamlDuplicateKey.check(source, contextFor(yamlDuplicateKey.id));
  if (problems.length || source.data === undefined) return { problems };
  // An empty file is a configuration that sets nothing (and still stops the search upwards).
  const data = source.data ?? {};
  if (!isObj(data)) return { problems: [{ offset: at([]), id: 'config/not-a-mapping', data: { actual: typeOf(data) } }] };
  schemaRule.check({ ...source, data }, contextFor(schemaRule.id));
  if (problems.length) return { problems };
  const raw = data as { rules?: Record<string, SeveritySetting>; lang?: Lang; weekStarts?: string; lagThreshold?: number; dueSoonDays?: number; data?: string[] };
  const weekStarts = weekday(raw.weekStarts);
  return {
    problems,
    settings: {
      rules: { ...raw.rules },
      ...(raw.lang ? { lang: raw.lang } : {}),
      ...(weekStarts ? { weekStarts } : {}),
      ...(raw.lagThreshold !== undefined ? { lagThreshold: raw.lagThreshold } : {}),
      ...(raw.dueSoonDays !== undefined ? { dueSoonDays: raw.dueSoonDays } : {}),
      data: (raw.data ?? []).map((value, i) => ({ value, offset: at(['data', i]) })),
    },
  };
}
