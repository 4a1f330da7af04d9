// The configuration file's JSON Schema (schemas/campaignrc.schema.json) keeps step with the rule registry
// and the plan schema, and the validator the build compiles says what the schema says.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_SCHEMA, configValidator, loadConfigSchema, loadSchemas } from '../src/io/schemas.js';
import { RULES } from '../src/rules/index.js';
import { makeAjv, wrap } from '../src/schema/validator.js';

interface Node { properties: Record<string, { $ref?: string; enum?: unknown[] }>; $id: string }
const schema = loadConfigSchema() as unknown as Node & { properties: { rules: Node } };

describe('schemas/campaignrc.schema.json', () => {
  it('names every rule, each taking a severity, and no other (editors complete and check the ids)', () => {
    expect(Object.keys(schema.properties.rules.properties).sort()).toEqual(RULES.map((r) => r.id).sort());
    for (const p of Object.values(schema.properties.rules.properties)) expect(p.$ref).toBe('#/$defs/severity');
  });

  it('takes the week starts the plan\'s reporting.weekStarts takes', () => {
    const plan = loadSchemas()['campaign.schema.json'] as { properties: { reporting: Node } };
    expect(schema.properties.weekStarts!.enum).toEqual(plan.properties.reporting.properties.weekStarts!.enum);
  });

  it('has an absolute $id, and is no part of the plan schema', () => {
    expect(schema.$id).toBe(`https://unpkg.com/@zhenban/campaign/schemas/${CONFIG_SCHEMA}`);
    expect(Object.keys(loadSchemas())).not.toContain(CONFIG_SCHEMA);
  });

  it('the compiled validator agrees with ajv compiling the schema here', () => {
    const here = wrap(makeAjv({ [CONFIG_SCHEMA]: schema }).getSchema(schema.$id)!);
    const samples: unknown[] = [
      {}, { rules: { 'date/weekday': 'off' } }, { rules: { 'date/weekdy': 'off' } }, { rules: { schema: 'warn' } }, { lang: 'fr' },
      { weekStarts: '周五' }, { weekStarts: 'Friday' }, { lagThreshold: 101 }, { dueSoonDays: 1.5 }, { data: ['a.yaml', ''] }, { data: 'a.yaml' }, { extra: 1 },
    ];
    const errors = (v: (d: unknown) => { keyword: string; instancePath: string }[]) => samples.map((s) => v(s).map((e) => `${e.instancePath} ${e.keyword}`));
    expect(errors(configValidator())).toEqual(errors(here));
    expect(errors(here).map((e) => e.length > 0)).toEqual([false, false, true, true, true, false, true, true, true, true, true, true]);
  });

  it('the README\'s example configuration is valid', () => {
    const readme = readFileSync('README.md', 'utf8');
    const example = /```yaml\n(# \.campaignrc\.yaml[\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    // eemeli/yaml reads it as the configuration reader does.
    return import('yaml').then(({ parse }) => {
      const data = parse(example!) as { rules: object };
      expect(configValidator()(data)).toEqual([]);
      expect(Object.keys(data.rules).length).toBeGreaterThan(2);
    });
  });
});
