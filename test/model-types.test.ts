// The model's Raw* types and the JSON Schemas must name the same fields: a full object of each
// type (every key required, excess keys rejected by the compiler) is compared with the schema.
import { describe, expect, it } from 'vitest';
import { loadSchemas } from '../src/io/schemas.js';
import type { RawContact, RawPlan, RawReport, RawTask, RawTheme, RawUnit, RawUpdate, RawTarget, RawRequirement, RawPeriod, RawPhase, RawLeadership, RawMember, RawReporting } from '../src/model/types.js';

const schemas = loadSchemas() as Record<string, Record<string, unknown>>;
const keys = (o: object) => Object.keys(o).sort();
/** The property names of the schema node at `path` inside a schema file. */
const props = (file: string, ...path: string[]) => {
  const node = path.reduce<unknown>((n, k) => (n as Record<string, unknown>)[k], schemas[file]) as { properties: object };
  return Object.keys(node.properties).sort();
};

const task: Required<RawTask> = { id: '', title: '', text: '', theme: '', lead: [], support: [], phase: '', start: '', due: '', status: '', progress: 0, weight: 1, targets: [], updates: [], tasks: [] };
const update: Required<RawUpdate> = { date: '', status: '', progress: 0, note: '', problems: '', next: '', by: '', solved: false, actual: {} };
const target: Required<RawTarget> = { metric: '', unit: '', target: 0, actual: 0 };
const theme: Required<RawTheme> = { id: '', title: '', focus: [] };
const unit: Required<RawUnit> = { id: '', name: '', external: false, aliases: [], self: false };
const report: Required<RawReport> = { id: '', title: '', to: '', by: '', due: '', every: '', day: 1, time: '', from: '', until: '', submitted: '' };
const requirement: Required<RawRequirement> = { id: '', title: '', text: '' };
const period: Required<RawPeriod> = { start: '', end: '' };
const contact: Required<RawContact> = { unit: '', person: '', phone: '', reviewer: '' };
const planObj: Required<RawPlan> = { $schema: '', version: 1, title: '', organizer: '', year: 0, basis: [], preamble: '', guidance: '', themes: [], period, phases: [], units: [], tasks: [], requirements: [], contact, leadership: {}, reports: [], reporting: {} };
const reporting: Required<RawReporting> = { weekStarts: '', lagThreshold: 30 };
const phase: Required<RawPhase> = { id: '', title: '', start: '', end: '' };
const leadership: Required<RawLeadership> = { office: '', members: [] };
const member: Required<RawMember> = { role: '', name: '', post: '' };

describe('model types match the schemas', () => {
  it('plan', () => expect(keys(planObj)).toEqual(props('campaign.schema.json')));
  it('task', () => expect(keys(task)).toEqual(props('task.schema.json')));
  it('update', () => expect(keys(update)).toEqual(props('task.schema.json', '$defs', 'update')));
  it('target', () => expect(keys(target)).toEqual(props('task.schema.json', '$defs', 'target')));
  it('theme', () => expect(keys(theme)).toEqual(props('theme.schema.json')));
  it('unit', () => expect(keys(unit)).toEqual(props('unit.schema.json')));
  it('report', () => expect(keys(report)).toEqual(props('report.schema.json')));
  it('requirement', () => expect(keys(requirement)).toEqual(props('campaign.schema.json', 'properties', 'requirements', 'items')));
  it('contact', () => expect(keys(contact)).toEqual(props('campaign.schema.json', 'properties', 'contact')));
  it('phase', () => expect(keys(phase)).toEqual(props('campaign.schema.json', 'properties', 'phases', 'items')));
  it('leadership', () => expect(keys(leadership)).toEqual(props('campaign.schema.json', 'properties', 'leadership')));
  it('member', () => expect(keys(member)).toEqual(props('campaign.schema.json', 'properties', 'leadership', 'properties', 'members', 'items')));
  it('reporting', () => expect(keys(reporting)).toEqual(props('campaign.schema.json', 'properties', 'reporting')));
  it('period', () => expect(keys(period)).toEqual(props('dates.schema.json', '$defs', 'period')));
});
