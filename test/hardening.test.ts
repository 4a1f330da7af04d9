// The catalogue of bad inputs: each gets a clear message (file, and line:col where known), the
// documented exit code, no stack trace, in bounded time — and every file is left byte for byte as it was.
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { run, STACK, BIN } from './helpers/run.js';
import { cli } from './helpers/in-process.js';
import { lintText } from './helpers/lint.js';
import { spawnSync } from 'node:child_process';
// @ts-expect-error — the bench's generator is plain JavaScript
import { generatePlan } from '../bench/generate.mjs';

const SEED = 'examples/tongzhong-2020.yaml';
const SEED_TEXT = readFileSync(SEED, 'utf8');

function dir(): string {
  const d = mkdtempSync(join(tmpdir(), 'campaign-bad-'));
  chmodSync(d, 0o755);
  return d;
}

/**
 * Runs a command on a file and checks that the file was not touched. In this process, unless the
 * process itself is under test (`spawn`: how deep a stack the real binary has).
 */
async function onFile(name: string, bytes: string | Buffer, args: string[], timeout = 20_000, spawn = false) {
  const d = dir();
  const file = join(d, name);
  writeFileSync(file, bytes);
  const before = readFileSync(file);
  const started = Date.now();
  const r = spawn ? run([...args, name], { cwd: d }) : await cli([...args, name], { cwd: d });
  const ms = Date.now() - started;
  // Buffer#equals: a deep toEqual walks megabytes byte by byte.
  expect(readFileSync(file).equals(before)).toBe(true);
  expect(ms).toBeLessThan(timeout);
  expect(r.stderr).not.toMatch(STACK);
  expect(r.stdout + r.stderr).not.toMatch(/internal error/);
  return { ...r, json: r.stdout.startsWith('{') ? JSON.parse(r.stdout) : undefined };
}

const findings = (r: { json?: { findings: { line: number; column: number; rule: string; message: string }[] } }) =>
  r.json!.findings.map((f) => `${f.line}:${f.column} ${f.rule}`);

describe('bad plans', () => {
  it('an empty file, and one with only comments: one finding at 1:1', async () => {
    for (const text of ['', '# 只有注释\n# only comments\n']) {
      const r = await onFile('p.yaml', text, ['validate', '-f', 'json']);
      expect(r.code).toBe(1);
      expect(findings(r)).toEqual(['1:1 schema']);
      expect(r.json.findings[0].message).toMatch(/^the file is empty/);
    }
  });

  it('a folder, a missing file', async () => {
    const d = dir();
    mkdirSync(join(d, 'x.yaml'));
    expect(await cli(['validate', 'x.yaml'], { cwd: d })).toMatchObject({ code: 2, stderr: 'campaign: x.yaml: is a folder with no plan files (*.yaml, *.yml) in it\n' });
    expect(await cli(['status', 'nope.yaml'], { cwd: d })).toMatchObject({ code: 2, stderr: 'campaign: nope.yaml: no such file\n' });
  });

  it('a file it may not read', () => {
    const d = dir();
    const file = join(d, 'secret.yaml');
    writeFileSync(file, SEED_TEXT);
    chmodSync(file, 0o000);
    // Root reads everything: there, drop the capabilities that let it (setpriv, from util-linux), so that
    // file permissions apply as they do to a clerk — wherever this checkout lives.
    const asRoot = process.getuid?.() === 0;
    const [cmd, ...pre] = asRoot ? ['setpriv', '--bounding-set', '-dac_override,-dac_read_search', '--', process.execPath] : [process.execPath];
    const r = spawnSync(cmd!, [...pre, BIN, 'validate', 'secret.yaml'], {
      cwd: d, encoding: 'utf8', env: { PATH: process.env.PATH, LANG: 'C', NO_COLOR: '1' },
    });
    expect([r.status, r.stderr]).toEqual([2, 'campaign: secret.yaml: permission denied (cannot read it)\n']);
  });

  it('a binary file (PNG bytes)', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const r = await onFile('logo.yaml', png, ['validate']);
    expect([r.code, r.stderr]).toEqual([2, 'campaign: logo.yaml: is not a text file (it contains binary data); a plan is a YAML text file\n']);
  });

  it('UTF-8 with a BOM, UTF-16 with a BOM and CRLF line endings: accepted, positions unchanged', async () => {
    const expected = findings(await onFile('p.yaml', SEED_TEXT, ['validate', '-f', 'json']));
    expect(expected).toHaveLength(4);
    const variants: Buffer[] = [
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SEED_TEXT)]),
      iconv.encode(SEED_TEXT, 'utf-16le', { addBOM: true }),
      iconv.encode(SEED_TEXT, 'utf-16be', { addBOM: true }),
      Buffer.from(SEED_TEXT.replace(/\n/g, '\r\n')),
    ];
    for (const bytes of variants) expect(findings(await onFile('p.yaml', bytes, ['validate', '-f', 'json']))).toEqual(expected);
  });

  it('GBK bytes in a .yaml: names the encoding, where, and the fix', async () => {
    const r = await onFile('gbk.yaml', iconv.encode(SEED_TEXT, 'gbk'), ['validate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('campaign: gbk.yaml:2:3: the file is in GBK/GB18030 (as Windows editors save Chinese "ANSI" text), not UTF-8; save it as UTF-8 (in Notepad: Save as, Encoding: UTF-8) and try again\n');
  });

  it('invalid surrogates: encoded in the bytes (refused, with the place), escaped in the text (read)', async () => {
    const bad = await onFile('s.yaml', Buffer.concat([Buffer.from('version: 1\ntitle: "'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"\n')]), ['validate']);
    expect([bad.code, bad.stderr]).toEqual([2, 'campaign: s.yaml:2:9: is not valid UTF-8 text from here on; save the file as UTF-8 and try again\n']);
    const escaped = await onFile('e.yaml', SEED_TEXT.replace('organizer: 铜钟乡', 'organizer: "铜钟乡\\ud800"'), ['validate', '-f', 'json']);
    expect(escaped.code).toBe(1);
    expect(findings(escaped)).toHaveLength(4);
  });

  it('tab indentation', async () => {
    const text = SEED_TEXT.replace('\n    title: 积极参加', '\n\ttitle: 积极参加');
    const line = text.split('\n').findIndex((l) => l.startsWith('\t')) + 1;
    const r = await onFile('t.yaml', text, ['validate', '-f', 'json']);
    expect(r.code).toBe(1);
    expect(r.json.findings[0]).toMatchObject({ line, column: 1, rule: 'yaml/syntax', message: expect.stringContaining('indent with spaces, not tabs') });
  });

  it('a "billion laughs" alias bomb is refused quickly', async () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const r = await onFile('bomb.yaml', lines.join('\n') + '\n', ['validate', '-f', 'json'], 5_000);
    expect([r.code, findings(r)]).toEqual([1, ['1:1 yaml/syntax']]);
    expect(r.json.findings[0].message).toMatch(/too many YAML aliases .* alias bomb/);
    expect((await onFile('bomb.yaml', lines.join('\n') + '\n', ['status'], 5_000)).code).toBe(1);
  });

  it('tasks nested 300 deep work; 1,000 deep is a clear finding, not a stack overflow', async () => {
    const nested = (depth: number) => {
      let s = 'version: 1\ntitle: 测试乡2020年活动方案\norganizer: 测试乡\nyear: 2020\nperiod: {start: 2020-06-01, end: 2020-06-30}\nunits: [{id: p, name: 派出所}]\ntasks:\n';
      let indent = '';
      for (let i = 1; i <= depth; i++) {
        s += `${indent}  - id: "${Array(i).fill('1').join('.')}"\n${indent}    title: 第${i}层\n`;
        if (i < depth) s += `${indent}    tasks:\n`;
        else s += `${indent}    lead: [p]\n${indent}    status: done\n`;
        indent += '    ';
      }
      return s;
    };
    const ok = await onFile('deep.yaml', nested(300), ['validate', '-f', 'json'], 20_000, true);
    expect([ok.code, findings(ok)]).toEqual([0, []]);
    const deep = await onFile('deeper.yaml', nested(1000), ['validate', '-f', 'json'], 20_000, true);
    expect(deep.code).toBe(1);
    expect(deep.json.findings.map((f: { rule: string; message: string }) => [f.rule, f.message])).toEqual([
      ['yaml/syntax', 'the plan nests too deeply to be read (hundreds of levels of subtasks); no real plan needs more than a few'],
    ]);
  });

  it('__proto__, constructor and prototype keys are unknown keys, and pollute nothing', async () => {
    const text = SEED_TEXT.replace('version: 1\n', 'version: 1\n__proto__: {polluted: yes}\nconstructor: x\nprototype: {polluted: yes}\n');
    const r = await onFile('p.yaml', text, ['validate', '-f', 'json']);
    expect(findings(r).filter((f) => f.endsWith('schema'))).toEqual(['7:1 schema', '8:1 schema', '9:1 schema']);
    lintText(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('a 50 MB plan is read in bounded time and memory', () => {
    const text = generatePlan(92_000);
    expect(Buffer.byteLength(text)).toBeGreaterThan(48_000_000);
    const d = dir();
    writeFileSync(join(d, 'big.yaml'), text);
    const r = spawnSync(process.execPath, [BIN, 'validate', '-f', 'json', '--as-of', '2020-06-30', 'big.yaml'], {
      cwd: d, encoding: 'utf8', env: { PATH: process.env.PATH, LANG: 'C', NODE_OPTIONS: '--max-old-space-size=1536' }, timeout: 90_000, maxBuffer: 1 << 26,
    });
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(JSON.parse(r.stdout)).toEqual({ schemaVersion: 1, findings: [], errors: 0, warnings: 0 });
  }, 120_000);

  it('duplicate keys', async () => {
    const r = await onFile('p.yaml', SEED_TEXT.replace('year: 2020\n', 'year: 2020\nyear: 2021\n'), ['validate', '-f', 'json']);
    expect(findings(r)).toContain('10:1 yaml/duplicate-key');
  });

  it('a 1 MB single line', async () => {
    // 350,000 different characters in a row (three bytes each in UTF-8), none doubled.
    const line = Array.from({ length: 350_000 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20000))).join('');
    const r = await onFile('long.yaml', SEED_TEXT.replace('guidance: >-\n  以习近平', `guidance: >-\n  ${line}以习近平`), ['validate', '-f', 'json'], 15_000);
    expect(r.code).toBe(1);
    expect(findings(r)).toHaveLength(4);
    // And a line that is nothing but one doubled word gives a bounded number of findings, quickly.
    const silly = await onFile('silly.yaml', SEED_TEXT.replace('guidance: >-\n  以习近平', `guidance: >-\n  ${'安全'.repeat(350_000)}以习近平`), ['validate', '-f', 'json'], 15_000);
    expect(silly.json.findings.filter((f: { rule: string }) => f.rule === 'text/repeated')).toHaveLength(21);
  });

  it('YAML tags are reported and never run', async () => {
    const marker = join(tmpdir(), `campaign-pwned-${process.pid}`);
    const text = SEED_TEXT.replace('organizer: 铜钟乡', `organizer: !!js/function "function () { require('fs').writeFileSync('${marker}', 'x') }"\nguidance2: !custom x`);
    for (const cmd of [['validate', '-f', 'json'], ['status'], ['export'], ['report']]) {
      const r = await onFile('t.yaml', text, cmd);
      expect(r.code).toBe(1);
      expect(existsSync(marker)).toBe(false);
    }
    const r = await onFile('t.yaml', text, ['validate', '-f', 'json']);
    expect(r.json.findings.map((f: { rule: string; message: string }) => f.rule)).toEqual(['yaml/syntax', 'yaml/syntax']);
    expect(r.json.findings[0].message).toContain('the tag !!js/function is not allowed in a plan; remove it');
    expect(r.json.findings[1].message).toContain('the tag !custom is not allowed in a plan; remove it');
  });
});

describe('every command on a broken file leaves it alone', () => {
  it.each([['update', 'x.yaml', '1.1', '-s', 'done'], ['validate', '--fix', 'x.yaml']])('%s', async (...args) => {
    const d = dir();
    const file = join(d, 'x.yaml');
    for (const bytes of ['', 'version: [\n', iconv.encode(SEED_TEXT, 'gbk')]) {
      writeFileSync(file, bytes);
      const before = readFileSync(file);
      const r = await cli(args, { cwd: d });
      expect([1, 2]).toContain(r.code);
      expect(r.stderr).not.toMatch(STACK);
      expect(readFileSync(file)).toEqual(before);
    }
    copyFileSync(SEED, file);
  });
});
