// validate for CI and editors: every format read back by what consumes it — compact line by line, GitHub's
// workflow commands parsed as the runner parses them, SARIF checked against the official SARIF 2.1.0 schema
// (ajv) and by Microsoft's SARIF validator (the Multitool, from npm) — and --quiet / --max-warnings.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { RULES } from '../src/rules/index.js';
import { ruleAnchor } from '../src/formats/findings-sarif.js';
import { cli } from './helpers/in-process.js';

const SEED = 'examples/tongzhong-2020.yaml';
const tmp = () => mkdtempSync(join(tmpdir(), 'campaign-formats-'));

/** A plan with a file name and texts that need escaping, and problems of several kinds at known places. */
const AWKWARD_NAME = 'a,b:c%.yaml';
const AWKWARD = `version: 1
title: 测试乡2020年“安全生产月”活动方案
organizer: 测试乡
year: 2020
period: {start: 2020-06-01, end: 2020-06-30}
units:
  - id: police
    name: 派出所
  - {id: edu, nmae: 教育站}
  - id: fire
    nmae: 消防站
tasks:
  - id: 1.10
    title: 宣讲
    lead: ["po,li:ce%\\nx"]
    due: 2020-06-10
  - id: "1.20"
    title: 培训
    lead: [police]
`;

interface JsonFinding {
  file: string; line: number; column: number; endLine: number; endColumn: number; ruleId: string; rule: string; messageId: string;
  severity: 'error' | 'warning' | 'info'; message: string; data: Record<string, unknown>; path: string; fix?: { range: [number, number]; text: string };
}

const json = async (args: string[], cwd?: string): Promise<{ findings: JsonFinding[]; errors: number; warnings: number }> =>
  JSON.parse((await cli(['validate', '-f', 'json', ...args], cwd ? { cwd } : {})).stdout);

function awkwardDir(): string {
  const dir = tmp();
  writeFileSync(join(dir, AWKWARD_NAME), AWKWARD);
  return dir;
}

describe('positions: where each finding starts and ends', () => {
  it('gives every finding of a plan with known problems its node\'s span, and its message id and data', async () => {
    const dir = awkwardDir();
    const out = await json([AWKWARD_NAME, '--as-of', '2020-06-30', '--lang', 'en'], dir);
    const spans = out.findings.map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.ruleId}:${f.messageId}`);
    expect(spans).toEqual([
      '9:5-9:25 schema:required', // the flow mapping that lacks `name`, brace to brace
      '9:15-9:19 schema:unknown-key', // the key
      '10:5-11:14 schema:required', // a block mapping: from its first key to its last value, over two lines
      '11:5-11:9 schema:unknown-key',
      '13:9-13:13 schema:quote', // 1.10, which YAML reads as 1.1
      '15:12-15:26 ref/unit:unknown', // the quoted text, quotes included
      '16:10-16:20 status/overdue:overdue',
      '17:9-17:15 numbering/gap:top',
    ]);
    const text = AWKWARD;
    const lines = text.split('\n');
    // The span is the node's text: one line here, cut by columns (1-based, end excluded).
    const cut = (f: JsonFinding) => lines[f.line - 1]!.slice(f.column - 1, f.endColumn - 1);
    expect(out.findings.filter((f) => f.line === f.endLine).map(cut)).toEqual([
      '{id: edu, nmae: 教育站}', 'nmae', 'nmae', '1.10', '"po,li:ce%\\nx"', '2020-06-10', '"1.20"',
    ]);
    expect(out.findings[5]!.data).toEqual({ id: 'po,li:ce%\nx', suggestion: 'police', suggestionName: '派出所' });
    expect([out.errors, out.warnings]).toEqual([6, 2]);
  });

  it('spans a YAML syntax error and a duplicate key by what the parser says', async () => {
    const broken = await cli(['validate', '-f', 'json', '-'], { input: 'version: 1\ntitle: x\ntitle: y\n' });
    expect(JSON.parse(broken.stdout).findings.filter((f: JsonFinding) => f.ruleId.startsWith('yaml/')).map((f: JsonFinding) => [f.ruleId, f.messageId, f.line, f.column, f.endLine, f.endColumn]))
      .toEqual([['yaml/duplicate-key', 'duplicate', 3, 1, 3, 6]]);
    const syntax = await cli(['validate', '-f', 'json', '-'], { input: 'version: 1\ntitle: [unclosed\nyear: 2020\n' });
    const f = JSON.parse(syntax.stdout).findings[0] as JsonFinding;
    expect([f.ruleId, f.messageId, f.line, f.column, f.endLine, f.endColumn, f.path]).toEqual(['yaml/syntax', 'malformed', 3, 1, 3, 2, '$']);
  });

  it('offers each fix as ESLint\'s {range, text}, which makes the same file validate --fix writes', async () => {
    const dir = tmp();
    copyFileSync(SEED, join(dir, 'seed.yaml'));
    const out = await json(['seed.yaml', '--as-of', '2020-06-30'], dir);
    const fixes = out.findings.filter((f) => f.fix);
    expect(fixes.map((f) => [f.ruleId, f.fix])).toEqual([['date/period-year', { range: [950, 977], text: '2020-06-01, end: 2020-06-30' }]]);
    const text = readFileSync(SEED, 'utf8');
    expect(text.slice(950, 977)).toBe('2019-06-01, end: 2019-06-30');
    const { range, text: insert } = fixes[0]!.fix!;
    const applied = text.slice(0, range[0]) + insert + text.slice(range[1]);
    expect((await cli(['validate', '--fix', 'seed.yaml', '--as-of', '2020-06-30'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(join(dir, 'seed.yaml'), 'utf8')).toBe(applied);

    const awkward = awkwardDir();
    const quote = (await json([AWKWARD_NAME, '--as-of', '2020-06-30'], awkward)).findings.find((f) => f.messageId === 'quote')!;
    expect(quote.fix).toEqual({ range: [212, 216], text: '"1.10"' });
    expect(AWKWARD.slice(212, 216)).toBe('1.10');
  });
});

describe('-f compact', () => {
  it('prints one line per finding, file:line:col: severity message [rule], the same findings as JSON', async () => {
    const r = await cli(['validate', '-f', 'compact', SEED, '--as-of', '2020-06-30', '--lang', 'en']);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines[1]).toBe(`${SEED}:20:17: error the activity period 2019-06-01 – 2019-06-30 lies in 2019, but the plan is for 2020; did you mean 2020-06-01 – 2020-06-30? [date/period-year]`);
    const parsed = lines.map((l) => {
      const m = /^(.+):(\d+):(\d+): (error|warning|info) (.*) \[([a-z/-]+)\]$/.exec(l);
      expect(m, l).not.toBeNull();
      return { file: m![1], line: Number(m![2]), column: Number(m![3]), severity: m![4], message: m![5], rule: m![6] };
    });
    const { findings } = await json([SEED, '--as-of', '2020-06-30', '--lang', 'en']);
    expect(parsed).toEqual(findings.map(({ file, line, column, severity, message, rule }) => ({ file, line, column, severity, message, rule })));
  });

  it('keeps a finding on its line when the plan\'s text holds a line break, and writes nothing when all is well', async () => {
    const dir = awkwardDir();
    const r = await cli(['validate', '-f', 'compact', AWKWARD_NAME, '--as-of', '2020-06-30', '--lang', 'en'], { cwd: dir });
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(8);
    expect(r.stdout).toContain(`${AWKWARD_NAME}:15:12: error unit "po,li:ce%\\nx" is not defined under units; did you mean "police" (派出所)? [ref/unit]\n`);
    const clean = await cli(['validate', '-f', 'compact', 'examples/shifan-2025.yaml']);
    expect([clean.code, clean.stdout]).toEqual([0, '']);
  });
});

/**
 * A workflow command line as the GitHub Actions runner reads it (actions/runner, ActionCommand.TryParseV2):
 * `::name k=v,k=v::data`, properties split on `,` and at the first `=`, each escape undone in its order.
 */
function parseWorkflowCommand(line: string): { command: string; properties: Record<string, string>; data: string } | undefined {
  const message = line.trimStart();
  if (!message.startsWith('::')) return undefined;
  const endIndex = message.indexOf('::', 2);
  if (endIndex < 0) return undefined;
  const cmdInfo = message.slice(2, endIndex);
  const space = cmdInfo.indexOf(' ');
  const command = space < 0 ? cmdInfo : cmdInfo.slice(0, space);
  if (!['error', 'warning', 'notice'].includes(command)) return undefined;
  const undo = (s: string, pairs: [string, string][]) => pairs.reduce((t, [token, replacement]) => t.split(replacement).join(token), s);
  const properties: Record<string, string> = {};
  if (space > 0) {
    for (const prop of cmdInfo.slice(space + 1).trim().split(',').filter(Boolean)) {
      const eq = prop.indexOf('=');
      if (eq > 0 && eq < prop.length - 1) properties[prop.slice(0, eq)] = undo(prop.slice(eq + 1), [['\r', '%0D'], ['\n', '%0A'], [':', '%3A'], [',', '%2C'], ['%', '%25']]);
    }
  }
  return { command, properties, data: undo(message.slice(endIndex + 2), [['\r', '%0D'], ['\n', '%0A'], ['%', '%25']]) };
}

describe('-f github', () => {
  it('writes workflow commands the runner reads back as the findings: file, lines, columns, rule and message', async () => {
    const dir = awkwardDir();
    copyFileSync(SEED, join(dir, 'seed.yaml'));
    // The awkward plan named by an absolute path: annotations name it as the repository does, from the working folder.
    const r = await cli(['validate', '-f', 'github', join(dir, AWKWARD_NAME), 'seed.yaml', '--as-of', '2020-06-30', '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines.pop()).toBe('');
    const commands = lines.map((l) => parseWorkflowCommand(l));
    expect(commands.every(Boolean)).toBe(true);
    const { findings } = await json([join(dir, AWKWARD_NAME), 'seed.yaml', '--as-of', '2020-06-30', '--lang', 'en'], dir);
    expect(commands).toEqual(findings.map((f) => ({
      command: { error: 'error', warning: 'warning', info: 'notice' }[f.severity],
      properties: {
        file: f.file === 'seed.yaml' ? 'seed.yaml' : AWKWARD_NAME, line: String(f.line), col: String(f.column),
        endLine: String(f.endLine), endColumn: String(f.endColumn), title: f.ruleId,
      },
      data: f.message,
    })));
    // The escapes are there: a raw , or : in a property would break the command. (A line break in the plan's
    // text never reaches a message: it is shown as \n, every message being one line.)
    expect(lines.find((l) => l.includes('ref/unit'))).toBe(
      '::error file=a%2Cb%3Ac%25.yaml,line=15,col=12,endLine=15,endColumn=26,title=ref/unit::unit "po,li:ce%25\\nx" is not defined under units; did you mean "police" (派出所)?',
    );
  });

  it('turns a note into a notice', async () => {
    const plan = readFileSync(SEED, 'utf8').replace('year: 2020', 'year: 2031').replace(/2019-06-(\d\d)/g, '2031-06-$1');
    const r = await cli(['validate', '-f', 'github', '-', '--as-of', '2031-06-01', '--rule', 'theme/national-year=off'], { input: plan });
    expect(r.stdout.split('\n').filter(Boolean).map((l) => parseWorkflowCommand(l)?.command)).toContain('notice');
  });
});

const require = createRequire(import.meta.url);
/** Microsoft's SARIF Multitool, from npm: its binary for this platform, and the SARIF 2.1.0 schema shipped beside it. */
const MULTITOOL = require('@microsoft/sarif-multitool') as string;
const SARIF_SCHEMA = JSON.parse(readFileSync(join(dirname(MULTITOOL), 'sarif-2.1.0.json'), 'utf8')) as object;

interface SarifLog {
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: { id: string; shortDescription: { text: string }; helpUri: string }[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    results: {
      ruleId: string; ruleIndex: number; level: string; message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: Record<string, number> } }[];
      fixes?: { artifactChanges: { replacements: { deletedRegion: { charOffset: number; charLength: number }; insertedContent: { text: string } }[] }[] }[];
    }[];
  }[];
}

describe('-f sarif', () => {
  const validateSarif = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(validateSarif);
  const check = validateSarif.compile(SARIF_SCHEMA);

  it('is a SARIF 2.1.0 log the official schema accepts, with the findings as results', async () => {
    const dir = tmp();
    copyFileSync(SEED, join(dir, 'seed.yaml'));
    const r = await cli(['validate', '-f', 'sarif', 'seed.yaml', '--as-of', '2020-06-30', '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout) as SarifLog;
    expect(check(log), JSON.stringify(check.errors, null, 2)).toBe(true);
    const run = log.runs[0]!;
    expect(run.tool.driver).toMatchObject({ name: 'campaign', version: JSON.parse(readFileSync('package.json', 'utf8')).version, informationUri: 'https://github.com/zhenban/campaign' });
    expect(run.tool.driver.rules.map((x) => x.id)).toEqual(RULES.map((x) => x.id));
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: pathToFileURL(`${resolve(dir)}/`).href } });
    const { findings } = await json(['seed.yaml', '--as-of', '2020-06-30', '--lang', 'en'], dir);
    expect(run.results.map((x) => ({
      ruleId: x.ruleId, rule: run.tool.driver.rules[x.ruleIndex]!.id, level: x.level, message: x.message.text, location: x.locations[0]!.physicalLocation,
    }))).toEqual(findings.map((f) => ({
      ruleId: f.ruleId, rule: f.ruleId, level: f.severity === 'info' ? 'note' : f.severity, message: f.message,
      location: { artifactLocation: { uri: 'seed.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn } },
    })));
    // The fix as a SARIF replacement: the same offsets and text as the JSON's.
    const fixed = run.results.find((x) => x.fixes)!;
    expect(fixed.fixes![0]!.artifactChanges[0]!.replacements).toEqual([{ deletedRegion: { charOffset: 950, charLength: 27 }, insertedContent: { text: '2020-06-01, end: 2020-06-30' } }]);
  });

  it('links every rule to its entry in the README', () => {
    const readme = readFileSync('README.md', 'utf8');
    for (const rule of RULES) expect(readme, rule.id).toContain(`<a id="${ruleAnchor(rule.id)}"></a>`);
  });

  it('passes Microsoft\'s SARIF validator, with GitHub\'s ingestion rules, without an error or a warning', { timeout: 120_000 }, async () => {
    const dir = awkwardDir();
    copyFileSync(SEED, join(dir, 'seed.yaml'));
    // Two logs: files named every way, with a fix, in Chinese; standard input.
    const logs: [string, string[], string?][] = [
      ['files.sarif', ['seed.yaml', AWKWARD_NAME, resolve('examples/shifan-2025.yaml'), '--as-of', '2020-06-30', '--lang', 'zh']],
      ['stdin.sarif', ['-'], 'version: 1\ntitle: [unclosed\n'],
    ];
    for (const [name, args, input] of logs) {
      const r = await cli(['validate', '-f', 'sarif', ...args], { cwd: dir, ...(input ? { input } : {}) });
      const log = JSON.parse(r.stdout) as SarifLog;
      expect(check(log), `${name}: ${JSON.stringify(check.errors)}`).toBe(true);
      writeFileSync(join(dir, name), r.stdout);
    }
    // And one it must not accept, in the same run (the Multitool takes seconds to start), so that its silence means something.
    const bad = { version: '2.1.0', runs: [{ tool: { driver: { name: 'campaign', rules: [{ id: 'x/y' }] } }, results: [{ ruleId: 'x/y', message: {}, locations: [] }] }] };
    writeFileSync(join(dir, 'bad.sarif'), JSON.stringify(bad));
    expect(check(bad)).toBe(false);
    // Without SARIF2006, which fetches every helpUri: the project's pages are not published yet, and CI has no network.
    writeFileSync(join(dir, 'config.xml'), '<?xml version="1.0" encoding="utf-8"?>\n<Properties>\n  <Properties Key="SARIF2006.UrisShouldBeReachable.Options">\n'
      + '    <Property Key="RuleEnabled" Value="Disabled" Type="Driver.RuleEnabledState" />\n  </Properties>\n</Properties>\n');
    const out = join(dir, 'multitool.sarif');
    const files = [...logs.map(([name]) => name), 'bad.sarif'].map((name) => join(dir, name));
    const mt = spawnSync(MULTITOOL, ['validate', ...files, '-c', join(dir, 'config.xml'), '-o', out, '--log', 'ForceOverwrite',
      '--rule-kind', 'Sarif;Gh;Ghas', '--level', 'Error;Warning'], { encoding: 'utf8', timeout: 110_000 });
    expect(mt.status, mt.stdout + mt.stderr).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as SarifLog & { runs: { invocations: { executionSuccessful: boolean }[] }[] };
    expect(report.runs[0]!.invocations[0]!.executionSuccessful).toBe(true);
    const byFile = (name: string) => report.runs[0]!.results
      .filter((x) => x.locations[0]?.physicalLocation.artifactLocation.uri.endsWith(`/${name}`))
      .map((x) => `${x.ruleId}: ${JSON.stringify(x.message)}`);
    expect([byFile('files.sarif'), byFile('stdin.sarif')]).toEqual([[], []]);
    expect(byFile('bad.sarif').map((x) => x.split(':')[0])).toEqual(expect.arrayContaining(['JSON1017', 'GH2012']));
    expect(report.runs[0]!.results).toHaveLength(byFile('bad.sarif').length);
  });
});

describe('--quiet and --max-warnings', () => {
  const WARNINGS_ONLY = ['--rule', 'date/period-year=off', SEED, '--as-of', '2020-06-30', '--lang', 'en'];

  it('--quiet prints errors only, and counts no warning', async () => {
    const r = await cli(['validate', '--quiet', '-f', 'json', SEED, '--as-of', '2020-06-30']);
    const out = JSON.parse(r.stdout);
    expect([r.code, out.findings.map((f: JsonFinding) => f.ruleId), out.errors, out.warnings]).toEqual([1, ['date/period-year'], 1, 0]);
    const compact = await cli(['validate', '--quiet', '-f', 'compact', ...WARNINGS_ONLY]);
    expect([compact.code, compact.stdout, compact.stderr]).toEqual([0, '', '']);
    // --strict counts warnings, but --quiet counts none.
    expect((await cli(['validate', '--quiet', '--strict', ...WARNINGS_ONLY])).code).toBe(0);
    expect((await cli(['validate', '--strict', ...WARNINGS_ONLY])).code).toBe(1);
  });

  it('--max-warnings N exits 1 past N warnings, without errors, and says so in one line', async () => {
    const at = await cli(['validate', '--max-warnings', '3', '-f', 'compact', ...WARNINGS_ONLY]);
    expect([at.code, at.stdout.split('\n').filter(Boolean).length, at.stderr]).toEqual([0, 3, '']);
    const over = await cli(['validate', '--max-warnings', '2', '-f', 'compact', ...WARNINGS_ONLY]);
    expect([over.code, over.stdout.split('\n').filter(Boolean).length, over.stderr]).toEqual([1, 3, 'campaign: too many warnings: 3, more than --max-warnings 2 allows\n']);
    const zh = await cli(['validate', '--max-warnings', '0', ...WARNINGS_ONLY.slice(0, -2), '--lang', 'zh']);
    expect([zh.code, zh.stderr]).toEqual([1, 'campaign: 警告过多：共 3 个，超过 --max-warnings 允许的 0 个\n']);
    // With --quiet the warnings are not shown, but still counted against --max-warnings (as ESLint 9 does).
    const quiet = await cli(['validate', '--quiet', '--max-warnings', '2', '-f', 'json', ...WARNINGS_ONLY]);
    expect([quiet.code, JSON.parse(quiet.stdout).findings, quiet.stderr]).toEqual([1, [], 'campaign: too many warnings: 3, more than --max-warnings 2 allows\n']);
    // Errors still exit 1 under the limit.
    expect((await cli(['validate', '--max-warnings', '10', SEED, '--as-of', '2020-06-30'])).code).toBe(1);
  });

  it('refuses a --max-warnings that is not a whole number (exit 2), and an unknown format', async () => {
    for (const value of ['-1', 'many', '1.5', '']) {
      const r = await cli(['validate', '--max-warnings', value, SEED, '--lang', 'en']);
      expect([r.code, r.stdout, r.stderr]).toEqual([2, '', `campaign: --max-warnings "${value}": write how many warnings are allowed, a whole number such as 0 or 10\n`]);
    }
    const bad = await cli(['validate', '-f', 'checkstyle', SEED, '--lang', 'en']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/stylish.*json.*compact.*github.*sarif/);
  });
});
