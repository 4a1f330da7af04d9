// The yaml-language-server line `init` writes, checked by the real client (yaml-language-server over
// stdio, as VS Code's YAML extension runs it): a plan moved to another folder keeps its schema, a valid
// plan gets no diagnostic, a wrong value gets one from the schema at its place; the README's
// `yaml.schemas` mapping works without the line.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaFilePath, schemaFileUrl } from '../src/io/schemas.js';
import { cli } from './helpers/in-process.js';
import { LspClient, type Diagnostic } from './helpers/lsp.js';

const SCHEMA = new URL('../schemas/campaign.schema.json', import.meta.url).href;
const TASK_SCHEMA = new URL('../schemas/task.schema.json', import.meta.url).href;

/** [line, character, schema file] of each diagnostic, 0-based as LSP counts. */
const where = (ds: Diagnostic[]) =>
  ds.map((d) => [d.range.start.line, d.range.start.character, ((d as { data?: { schemaUri?: string[] } }).data?.schemaUri ?? [])[0]]);
const lineOf = (text: string, line: string) => text.split('\n').indexOf(line);

/** `year: "2026"` (a string where the schema wants an integer) and a task status the schema does not know. */
const spoil = (text: string) => text.replace('year: 2026', 'year: "2026"').replace('        due: 2026-06-18\n', '        status: finished\n        due: 2026-06-18\n');

describe('yaml-language-server applies the plan schema', () => {
  let server: LspClient;
  let dir: string;
  let plan: string; // the text `init` wrote
  let moved: string; // where the plan is now

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'campaign-editor-'));
    mkdirSync(join(dir, 'drafts'));
    const r = await cli(['init', 'plan.yaml', '-y', '2026'], { cwd: join(dir, 'drafts') });
    expect([r.code, r.stderr]).toEqual([0, '']);
    mkdirSync(join(dir, '归档 2026'));
    moved = join(dir, '归档 2026', 'plan.yaml');
    renameSync(join(dir, 'drafts', 'plan.yaml'), moved);
    plan = readFileSync(moved, 'utf8');
    // As the README's settings.json has it, with the schema store off (no network here).
    server = await LspClient.start({ validate: true, hover: true, schemaStore: { enable: false }, schemas: { [schemaFileUrl()]: ['**/*.plan.yaml'] } });
  }, 30_000);

  afterAll(async () => {
    await server?.close();
  });

  it('a valid plan, moved after init, gets no diagnostic, and hovering a key shows the schema\'s words', async () => {
    const uri = pathToFileURL(moved).href;
    expect(await server.open(uri, plan)).toEqual([]);
    const hover = await server.hover(uri, lineOf(plan, plan.split('\n').find((l) => l.startsWith('title: '))!), 2);
    expect(hover).toContain('标题 / Title');
    expect(hover).toContain(`(${SCHEMA})`);
  });

  it('a wrong type and an unknown status are reported from the schema at their places, the second through task.schema.json', async () => {
    const text = spoil(plan);
    const ds = await server.open(pathToFileURL(join(dir, '归档 2026', 'spoilt.yaml')).href, text);
    expect(where(ds)).toEqual([
      [lineOf(text, 'year: "2026"'), 6, SCHEMA],
      [lineOf(text, '        status: finished'), 16, TASK_SCHEMA],
    ]);
    expect(ds.map((d) => [d.severity, d.source])).toEqual([[1, 'yaml-schema: 年度 / Year'], [1, 'yaml-schema: 状态 / Status']]);
    expect(ds[0]!.message).toBe('Incorrect type. Expected "integer".');
  });

  it('yaml.schemas maps *.plan.yaml to the schema without the line, and only those', async () => {
    const text = spoil(plan).split('\n').slice(1).join('\n');
    expect(text).not.toContain('yaml-language-server');
    const mapped = await server.open(pathToFileURL(join(dir, '2026.plan.yaml')).href, text);
    expect(where(mapped).map(([line]) => line)).toEqual([lineOf(text, 'year: "2026"'), lineOf(text, '        status: finished')]);
    expect(await server.open(pathToFileURL(join(dir, '2026.yaml')).href, text)).toEqual([]);
  });

  it('a schema installed under a folder whose name has a space and Chinese is found through its URL', async () => {
    const installed = join(dir, '程序 文件', 'campaign', 'schemas');
    cpSync(new URL('../schemas/', import.meta.url), installed, { recursive: true });
    const url = schemaFileUrl(join(installed, 'campaign.schema.json'));
    expect(url).toMatch(/%20/);
    const text = spoil(plan).replace(/^# yaml-language-server: \$schema=\S+/, `# yaml-language-server: $schema=${url}`);
    const ds = await server.open(pathToFileURL(join(dir, 'copy.yaml')).href, text);
    expect(where(ds)).toEqual([
      [lineOf(text, 'year: "2026"'), 6, url],
      [lineOf(text, '        status: finished'), 16, pathToFileURL(join(installed, 'task.schema.json')).href],
    ]);
  });

  it('the relative line init used to write loses the schema once the plan is moved a folder deeper', async () => {
    const before = relative(join(dir, 'drafts'), schemaFilePath()).split('\\').join('/');
    const text = spoil(plan).replace(/^# yaml-language-server: \$schema=\S+/, `# yaml-language-server: $schema=${before}`);
    const ds = await server.open(pathToFileURL(join(dir, '归档 2026', '六月', 'old.yaml')).href, text);
    expect(ds.some((d) => d.message.startsWith('Incorrect type'))).toBe(false);
    expect(ds.map((d) => d.message).join('\n')).toMatch(/Unable to load schema/);
  });
});
