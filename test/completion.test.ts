// `campaign completion bash|zsh|powershell`: each script is checked by its shell where the shell is here —
// bash's parser and its completion function, zsh's parser and its real completion system (zpty, see
// helpers/zsh-capture.zsh) — and PowerShell's by a PowerShell grammar (tree-sitter), pwsh not being here.
// The scripts are written from the program, so each command's options in --help are the ones they complete.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Language, Parser, type Node } from 'web-tree-sitter';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../src/cli.js';
import { cli } from './helpers/in-process.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'campaign-completion-'));
const has = (program: string) => spawnSync('sh', ['-c', `command -v ${program}`]).status === 0;

/** A folder with two plans and a note, where file names are completed. */
function workFolder(): string {
  const dir = tmp();
  for (const f of ['plan.yaml', 'plan-2.yaml', 'notes.txt']) writeFileSync(join(dir, f), '');
  return dir;
}

async function script(shell: string, lang = 'en'): Promise<string> {
  const r = await cli(['completion', shell, '--lang', lang]);
  expect([r.code, r.stderr]).toEqual([0, '']);
  return r.stdout;
}

/** Each command's long options, as its --help lists them. */
async function helpOptions(name: string): Promise<string[]> {
  const r = await cli([name, '--help', '--lang', 'en'], { env: { COLUMNS: '300' } });
  return [...r.stdout.matchAll(/^ {2}(?:-\w, )?(--[\w-]+)/gm)].map((m) => m[1]!);
}

describe('campaign completion', () => {
  it.each([
    [['completion', 'fish'], "campaign: no completion for the shell \"fish\": use one of bash, zsh, powershell\n"],
    [['completion'], "campaign: missing required argument 'shell' (campaign completion --help lists its options)\n"],
  ])('%j is a usage error, exit 2', async (args, stderr) => {
    expect(await cli(args)).toMatchObject({ code: 2, stdout: '', stderr });
  });

  it('names every command, and each command\'s every option as its --help lists them', async () => {
    const bash = await script('bash');
    expect(COMMAND_NAMES).toContain('completion');
    for (const name of COMMAND_NAMES) {
      const block = new RegExp(`\\n {4}${name}\\)\\n[\\s\\S]*?compgen -W '([^']*)' -- "\\$cur"\\)\\); return; fi`).exec(bash);
      expect(block, name).not.toBeNull();
      const offered = block![1]!.split(' ');
      const listed = await helpOptions(name);
      expect(listed.length, name).toBeGreaterThan(0);
      expect(offered.filter((o) => o.startsWith('--')).sort(), name).toEqual(listed.sort());
    }
  });
});

describe('bash', () => {
  let file: string;
  beforeAll(async () => {
    file = join(tmp(), 'campaign.bash');
    writeFileSync(file, await script('bash'));
  });

  /** COMPREPLY for each line, the last word being the one completed, as bash's completion calls the function. */
  function complete(lines: string[][]): string[] {
    const driver = `source "$1"
t() { COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=(); _campaign; echo "\${COMPREPLY[*]}"; }
${lines.map((words) => `t ${words.map((w) => `'${w}'`).join(' ')}`).join('\n')}
complete -p campaign`;
    const r = spawnSync('bash', ['--norc', '--noprofile', '-c', driver, 'bash', file], { cwd: workFolder(), encoding: 'utf8', timeout: 20_000 });
    expect(r.stderr).toBe('');
    return r.stdout.trimEnd().split('\n');
  }

  it('parses (bash -n)', () => {
    const r = spawnSync('bash', ['-n', file], { encoding: 'utf8' });
    expect([r.status, r.stderr]).toEqual([0, '']);
  });

  it('completes commands, options, and the values of -f and the other fixed lists; files are left to bash', () => {
    expect(complete([
      ['campaign', 'val'],
      ['campaign', ''],
      ['campaign', 'validate', '-f', ''],
      ['campaign', 'validate', '--format', '=', ''],
      ['campaign', 'validate', '--format', '=', 'j'],
      ['campaign', 'weekly', '-f', 'x'],
      ['campaign', 'weekly', '--week-start', 'f'],
      ['campaign', 'update', 'plan.yaml', '1', '-s', ''],
      ['campaign', 'validate', '--st'],
      ['campaign', '--'],
      ['campaign', 'completion', ''],
      ['campaign', 'completion', 'bash', ''],
      ['campaign', 'help', 'st'],
      ['campaign', 'validate', 'pl'],
      ['campaign', 'weekly', '-o', ''],
    ])).toEqual([
      'validate',
      'validate rules schema status weekly report export rollup agenda update init import sheets collect data completion help',
      'stylish json compact github sarif',
      'stylish json compact github sarif',
      'json',
      'xlsx',
      'friday',
      'planned in_progress done blocked cancelled',
      '--strict',
      '--version --help',
      'bash zsh powershell',
      '',
      'status',
      // Nothing of its own: bash completes the file names (complete -o default).
      '',
      '',
      'complete -o default -F _campaign campaign',
    ]);
  });
});

describe.skipIf(!has('zsh'))('zsh', () => {
  let dir: string;
  let file: string;
  let fpath: string;
  const CAPTURE = fileURLToPath(new URL('./helpers/zsh-capture.zsh', import.meta.url));

  beforeAll(async () => {
    dir = tmp();
    file = join(dir, 'campaign.zsh');
    writeFileSync(file, await script('zsh'));
    fpath = join(dir, 'functions');
    mkdirSync(fpath);
    writeFileSync(join(fpath, '_campaign'), readFileSync(file));
  });

  /** What zsh offers at Tab for `line`, with the script sourced or found on $fpath. */
  function offered(line: string, from: string, dump: string): string[] {
    const r = spawnSync('zsh', ['-f', CAPTURE, from, workFolder(), join(dir, dump), line], { encoding: 'utf8', timeout: 30_000 });
    expect(r.status, r.stderr).toBe(0);
    return r.stdout.split('\n').filter(Boolean);
  }

  it('parses (zsh -n)', () => {
    const r = spawnSync('zsh', ['-n', file], { encoding: 'utf8' });
    expect([r.status, r.stderr]).toEqual([0, '']);
  });

  it('completes commands, options, -f values and files through zsh\'s completion system, sourced', () => {
    const at = (line: string) => offered(line, file, 'sourced.zcompdump');
    expect(at('campaign val')).toEqual(['validate']);
    expect(at('campaign validate -f ')).toEqual(['stylish', 'json', 'compact', 'github', 'sarif']);
    expect(at('campaign validate --format=')).toEqual(['stylish', 'json', 'compact', 'github', 'sarif']);
    expect(at('campaign completion ')).toEqual(['bash', 'zsh', 'powershell']);
    expect(at('campaign init -t ').sort()).toEqual(['anti-drug-month', 'blank', 'disaster-week', 'fire-month', 'safety-month']);
    expect(at('campaign validate --st')).toEqual(['--strict']);
    expect(at('campaign validate pl').sort()).toEqual(['plan-2.yaml', 'plan.yaml']);
  }, 60_000);

  it('works the same from a folder on $fpath, as the file _campaign', () => {
    const at = (line: string) => offered(line, fpath, 'fpath.zcompdump');
    expect(at('campaign help st')).toEqual(['status']);
    expect(at('campaign weekly -f ').sort()).toEqual(['csv', 'docx', 'html', 'ics', 'json', 'md', 'table', 'xlsx']);
  }, 60_000);
});

describe('PowerShell', () => {
  let text: string;
  let root: Node;

  beforeAll(async () => {
    text = await script('powershell', 'zh');
    await Parser.init();
    const wasm = join(dirname(createRequire(import.meta.url).resolve('tree-sitter-powershell/package.json')), 'tree-sitter-powershell.wasm');
    const parser = new Parser();
    parser.setLanguage(await Language.load(wasm));
    root = parser.parse(text)!.rootNode;
  });

  it('parses as PowerShell without an error node (tree-sitter-powershell; pwsh is not on this machine)', () => {
    const errors: string[] = [];
    const walk = (n: Node) => {
      if (n.isError || n.isMissing) errors.push(`${n.startPosition.row + 1}:${n.startPosition.column + 1} ${n.text.slice(0, 60)}`);
      for (const c of n.children) if (c) walk(c);
    };
    walk(root);
    expect(errors).toEqual([]);
    expect(root.hasError).toBe(false);
  });

  it('registers a native completer for campaign, holding each command with its options and value lists', () => {
    expect(text).toMatch(/^Register-ArgumentCompleter -Native -CommandName 'campaign' -ScriptBlock \{$/m);
    for (const name of COMMAND_NAMES) expect(text).toContain(`\n    '${name}' = @{\n`);
    expect(text).toContain("@{ flags = @('-f', '--format'); description = ");
    expect(text).toContain("valued = $true; values = @('stylish', 'json', 'compact', 'github', 'sarif') }");
    expect(text).toContain("args = @{ 0 = @('bash', 'zsh', 'powershell') }");
  });

  it('is ASCII, its Chinese descriptions escaped for [regex]::Unescape, so any console code page reads it', () => {
    expect(text).toMatch(/^[\x20-\x7e\n]*$/);
    const escaped = /\[regex\]::Unescape\('((?:[^']|'')*)'\)/.exec(text)![1]!;
    expect(JSON.parse(`"${escaped}"`)).toMatch(/[\u4e00-\u9fff]/);
  });
});
