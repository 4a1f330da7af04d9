// Dependencies point down the data flow (GUIDE.md, "One direction of flow"): the model and the calendar
// know nothing of what is built on them, rules read neither documents nor files, and only the CLI entry
// knows the commands. Read from the sources themselves, so a new import that breaks this fails here.
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

interface Import { file: string; spec: string; target: string }

/** Every .ts file under src/, as a path relative to src/ with forward slashes. */
function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') ? [relative(SRC, full).split(sep).join('/')] : [];
  });
}

const STATIC = /^\s*(?:import|export)\b[^;'"]*?\bfrom\s*['"]([^'"]+)['"]/gm; // import … from '…', export … from '…', over lines
const BARE = /^\s*import\s*['"]([^'"]+)['"]/gm; // import './side-effect.js'
const CALL = /\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g; // import('…'), typeof import('…'), require('…')
const COMMENT_LINE = /^\s*(?:\/\/|\/?\*).*$/gm;

/** The relative imports of one source file, each resolved to a path under src/. */
function importsOf(file: string, text: string): Import[] {
  const code = text.replace(COMMENT_LINE, '');
  const specs = [...code.matchAll(STATIC), ...code.matchAll(BARE), ...code.matchAll(CALL)].map((m) => m[1]!);
  return specs
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => ({ file, spec, target: posix.normalize(posix.join(posix.dirname(file), spec)) }));
}

/** The top folder of src/ a path is in: 'model' for model/build.ts, 'cli.ts' for the entry itself. */
const area = (path: string): string => path.split('/')[0]!;

const BELOW_MODEL = ['tracking', 'reports', 'formats', 'commands', 'rollup', 'io'];
const BELOW_RULES = ['importer', 'commands', 'formats', 'io'];

/** Why an import goes against the flow, or undefined when it does not. */
function violation({ file, target }: Import): string | undefined {
  if (target.startsWith('..')) return undefined; // outside src/ (package.json …)
  const from = area(file);
  const to = area(target);
  if ((from === 'model' || from === 'calendar') && BELOW_MODEL.includes(to)) return `${from}/ must not import ${to}/`;
  if (from === 'rules' && BELOW_RULES.includes(to)) return `rules/ must not import ${to}/`;
  if (to === 'commands' && from !== 'commands' && file !== 'cli.ts') return 'only cli.ts and commands/ may import commands/';
  // The CLI's error type belongs to the edge: the edit layer says what it cannot do in its own terms.
  if (from === 'edit' && target === 'errors.ts') return 'edit/ must not throw the CLI\'s error type (src/errors.ts)';
  return undefined;
}

const files = sourceFiles();
const imports = files.flatMap((f) => importsOf(f, readFileSync(join(SRC, f), 'utf8')));

describe('dependencies point one way', () => {
  it('finds the imports it checks', () => {
    expect(files).toContain('calendar/dates.ts');
    expect(files).toContain('cli.ts');
    const targets = (f: string) => imports.filter((i) => i.file === f).map((i) => i.target);
    // static, type-only, multi-line and dynamic imports all count
    expect(targets('model/deadlines.ts')).toEqual(expect.arrayContaining(['calendar/dates.js', 'calendar/china.js', 'model/types.js']));
    expect(targets('model/build.ts')).toContain('model/types.js');
    expect(targets('cli.ts')).toEqual(expect.arrayContaining(['commands/validate.js', 'commands/report-command.js']));
    expect(targets('formats/index.ts')).toContain('formats/xlsx.js');
    expect(imports.length).toBeGreaterThan(300);
  });

  it('tells a wrong import from a right one', () => {
    const check = (file: string, text: string) => importsOf(file, text).map(violation);
    expect(check('model/x.ts', "import { a } from '../tracking/task-view.js';")).toEqual(['model/ must not import tracking/']);
    expect(check('calendar/x.ts', "import type {\n  Io,\n} from '../io/read.js';")).toEqual(['calendar/ must not import io/']);
    expect(check('rules/date/x.ts', "const m = await import('../../importer/outline.js');")).toEqual(['rules/ must not import importer/']);
    expect(check('reports/x.ts', "export { run } from '../commands/output.js';")).toEqual(['only cli.ts and commands/ may import commands/']);
    expect(check('cli.ts', "const c = () => import('./commands/validate.js');")).toEqual([undefined]);
    expect(check('rules/x.ts', "import { a } from '../model/types.js';\nimport y from 'yaml';\n// import b from '../io/read.js';")).toEqual([undefined]);
  });

  it('has no import against the flow', () => {
    const wrong = imports.flatMap((i) => {
      const why = violation(i);
      return why ? [`src/${i.file} imports '${i.spec}': ${why}`] : [];
    });
    expect(wrong).toEqual([]);
  });
});
