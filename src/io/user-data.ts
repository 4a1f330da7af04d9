// A user's own data files (campaign --data FILE, and the configuration's data: list): public holidays,
// make-up working days and national themes of years the built-in data does not know yet, checked against
// schemas/campaign-data.schema.json with every problem at its line:column (exit 2). Installed once per run,
// before any plan is read: their entries win over the built-in ones, and each one that replaces a built-in
// entry is said in one line on standard error.
import { daysFromTo, type HolidayTable } from '../calendar/china.js';
import { yearText } from '../calendar/dates.js';
import { NATIONAL_CAMPAIGNS, type EditionCount, type NationalCampaign } from '../data/national-campaigns.js';
import { UserError } from '../errors.js';
import { formatMessage } from '../messages/index.js';
import type { Lang, MessageData, MessageKey } from '../messages/types.js';
import schemaRule from '../rules/schema.js';
import type { AnyRuleContext } from '../rules/types.js';
import yamlDuplicateKey from '../rules/yaml/duplicate-key.js';
import yamlSyntax from '../rules/yaml/syntax.js';
import { spanOf } from '../source/locate.js';
import { parseSource } from '../source/parse.js';
import { builtinHolidayTable, installHolidays } from './holidays.js';
import { readTextSync } from './read.js';
import { dataValidator } from './schemas.js';
import type { Observance, YearTheme } from '../data/theme-types.js';

export interface UserDataFile {
  file: string;
  holidays?: { name: string; en?: string; from: string; to?: string }[];
  workdays?: { name: string; en?: string; date: string }[];
  themes?: ({ campaign: NationalCampaign['id'] } & YearTheme)[];
  /** Edition counts known to hold up to a later year than the built-in data says. */
  editions?: { observance: Observance; to: number }[];
  /** The themes listed under each campaign's id, as the built-in file has them. */
  'safety-month'?: YearTheme[];
  'disaster-week'?: YearTheme[];
  'fire-month'?: YearTheme[];
  'anti-drug-month'?: YearTheme[];
}

/** Where each entry of the yearly tables comes from: 'built-in' or a user file's path. */
export interface DataSources {
  holidays: Map<number, string>;
  themes: Map<string, string>;
  /** observance → the file that extended its count */
  editions: Map<string, string>;
}

const sources: DataSources = { holidays: new Map(), themes: new Map(), editions: new Map() };
export const dataSources = (): DataSources => sources;

/** The built-in themes, to go back to before another run's files are put over them (tests run many in one process). */
const BUILTIN_THEMES = new Map(NATIONAL_CAMPAIGNS.map((c) => [c.id, [...c.themes]]));
const COUNTS: EditionCount[] = NATIONAL_CAMPAIGNS.flatMap((c) => c.editions);
const BUILTIN_TO = new Map(COUNTS.map((e) => [e.observance, e.to]));
let installed = false;
let installedFiles: readonly UserDataFile[] = [];

/** The data files put over the built-in data in this run, to send to the roll-up's worker threads. */
export const installedData = (): readonly UserDataFile[] => installedFiles;


/** Reads and checks one data file; `lang` is that of its problems' messages. */
export function readUserData(file: string, lang: Lang): UserDataFile {
  const source = parseSource(readTextSync(file));
  const problems: { offset: number; id: string; data: Record<string, unknown> }[] = [];
  const contextFor = (rule: string): AnyRuleContext & { schema: ReturnType<typeof dataValidator> } => ({
    asOf: '1970-01-01',
    calendar: undefined as never, // the YAML and schema rules read no dates
    schema: dataValidator(),
    report: (p) => problems.push({ offset: p.offset ?? spanOf(source, p.path, { key: p.key, needle: p.needle })[0], id: `${rule}:${p.messageId}`, data: p.data }),
  });
  yamlSyntax.check(source, contextFor(yamlSyntax.id));
  yamlDuplicateKey.check(source, contextFor(yamlDuplicateKey.id));
  const data = source.data ?? {};
  if (!problems.length) {
    if (typeof data !== 'object' || Array.isArray(data)) problems.push({ offset: 0, id: 'config/not-a-mapping', data: { actual: Array.isArray(data) ? 'array' : typeof data } });
    else schemaRule.check({ ...source, data }, contextFor(schemaRule.id));
  }
  if (!problems.length) {
    const holidays = (data as UserDataFile).holidays ?? [];
    holidays.forEach((h, i) => {
      if (h.to !== undefined && h.to < h.from) problems.push({ offset: spanOf(source, ['holidays', i, 'to'])[0], id: 'data/range', data: { from: h.from, to: h.to } });
    });
  }
  if (problems.length) {
    throw new UserError('data/invalid', {
      file,
      problems: problems.sort((a, b) => a.offset - b.offset).map((p) => ({ ...source.position(p.offset), message: formatMessage(p.id as MessageKey, p.data as MessageData[MessageKey], lang) })),
    });
  }
  return { ...(data as Omit<UserDataFile, 'file'>), file };
}

/**
 * Puts the files' entries over the built-in data, the later file over the earlier: a year of holidays a
 * file gives replaces that whole year of the built-in table (a schedule is published whole), and a theme
 * replaces the campaign's theme of that year. Returns one note per replaced entry.
 */
export function installUserData(files: readonly UserDataFile[]): { what: string; file: string }[] {
  const notes: { what: string; file: string }[] = [];
  if (!installed && files.length === 0) return notes;
  for (const c of NATIONAL_CAMPAIGNS) (c.themes as YearTheme[]).splice(0, c.themes.length, ...BUILTIN_THEMES.get(c.id)!);
  sources.holidays.clear();
  sources.themes.clear();
  sources.editions.clear();
  for (const e of COUNTS) {
    const to = BUILTIN_TO.get(e.observance);
    if (to === undefined) delete e.to;
    else e.to = to;
  }
  installHolidays(undefined);
  installed = files.length > 0;
  installedFiles = files;
  const builtin = builtinHolidayTable();
  const table: HolidayTable = { holidays: { ...builtin.holidays }, workdays: { ...builtin.workdays } };
  const builtinYears = new Set([...Object.keys(builtin.holidays), ...Object.keys(builtin.workdays)].map((d) => Number(d.slice(0, 4))));
  for (const f of files) {
    const entries = [
      ...(f.holidays ?? []).flatMap((h) => daysFromTo(h.from, h.to).map((d) => ({ kind: 'holidays' as const, d, v: `${h.en ?? h.name},${h.name}` }))),
      ...(f.workdays ?? []).map((w) => ({ kind: 'workdays' as const, d: w.date, v: `${w.en ?? w.name},${w.name}` })),
    ];
    const years = new Set(entries.map((e) => Number(e.d.slice(0, 4))));
    for (const y of [...years].sort((a, b) => a - b)) {
      const from = sources.holidays.get(y) ?? (builtinYears.has(y) ? 'built-in' : undefined);
      if (from) notes.push({ what: `holidays ${y}`, file: f.file });
      for (const kind of ['holidays', 'workdays'] as const) for (const d of Object.keys(table[kind])) if (d.startsWith(`${yearText(y)}-`)) delete table[kind][d];
      sources.holidays.set(y, f.file);
    }
    for (const e of entries) table[e.kind][e.d] = e.v;
    const listed = [...(f.themes ?? []), ...NATIONAL_CAMPAIGNS.flatMap((c) => (f[c.id] ?? []).map((t) => ({ ...t, campaign: c.id })))];
    for (const { campaign: id, ...entry } of listed) {
      const t = { ...entry, campaign: id };
      const campaign = NATIONAL_CAMPAIGNS.find((c) => c.id === id)!;
      const themes = campaign.themes as YearTheme[];
      const at = themes.findIndex((x) => x.year === t.year);
      if (at >= 0) {
        notes.push({ what: `theme ${t.campaign} ${t.year}`, file: f.file });
        themes[at] = entry;
      } else {
        themes.push(entry);
        themes.sort((a, b) => a.year - b.year);
      }
      sources.themes.set(`${t.campaign} ${t.year}`, f.file);
    }
    for (const e of f.editions ?? []) {
      // Only a count the built-in data ends (a count with no end holds on already).
      const count = COUNTS.find((c) => c.observance === e.observance)!;
      if (count.to === undefined) continue;
      notes.push({ what: `editions ${e.observance} (to ${count.to})`, file: f.file });
      count.to = e.to;
      sources.editions.set(e.observance, f.file);
    }
  }
  if (files.some((f) => (f.holidays?.length ?? 0) + (f.workdays?.length ?? 0) > 0)) installHolidays(table);
  return notes;
}
