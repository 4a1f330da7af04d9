// Dependencies point down the data flow (GUIDE.md, "One direction of flow"): the model and the calendar
// know nothing of what is built on them, rules read neither documents nor files, and only the CLI entry
// knows the commands; and nothing imports itself round a loop, neither a file nor a folder of src/. Read
// from the sources themselves, so a new import that breaks this fails here.
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

// What is built on the model, and what the rules must not read (documents, files, outputs). Below both, and
// importing nothing else of src/: calendar/ (IsoDate and its arithmetic) and containers/ (ZIP, OLE, XML).
const BELOW_MODEL = ['tracking', 'reports', 'formats', 'commands', 'rollup', 'io', 'importer', 'sheets', 'edit'];
const BELOW_RULES = ['importer', 'commands', 'formats', 'io', 'sheets', 'containers'];

/** Why an import goes against the flow, or undefined when it does not. */
function violation({ file, target }: Import): string | undefined {
  if (target.startsWith('..')) return undefined; // outside src/ (package.json …)
  const from = area(file);
  const to = area(target);
  if (target.startsWith(`${from}/`)) return undefined; // within its own folder
  if (from === 'calendar' || from === 'containers') return `${from}/ imports nothing else of src/`;
  if (from === 'model' && BELOW_MODEL.includes(to)) return `model/ must not import ${to}/`;
  if (from === 'rules' && BELOW_RULES.includes(to)) return `rules/ must not import ${to}/`;
  if (to === 'commands' && from !== 'commands' && file !== 'cli.ts') return 'only cli.ts and commands/ may import commands/';
  // The CLI's error type belongs to the edge: the edit layer says what it cannot do in its own terms.
  if (from === 'edit' && target === 'errors.ts') return 'edit/ must not throw the CLI\'s error type (src/errors.ts)';
  return undefined;
}

/** Each node's successors, without repeats or edges to itself unless `loops`. */
type Graph = Map<string, Set<string>>;

function graphOf(edges: readonly [string, string][], loops = true): Graph {
  const g: Graph = new Map();
  for (const [a, b] of edges) {
    if (!g.has(a)) g.set(a, new Set());
    if (!g.has(b)) g.set(b, new Set());
    if (loops || a !== b) g.get(a)!.add(b);
  }
  return g;
}

/**
 * The tangles of a graph: its strongly connected components (Tarjan) of more than one node, or of one that
 * reaches itself. Each has a cycle through every node in it; none is a tangle in a graph without cycles.
 */
function tangles(g: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of g.get(v)!) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || g.get(v)!.has(v)) out.push(component.sort());
  };
  for (const v of [...g.keys()].sort()) if (!index.has(v)) visit(v);
  return out.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/** The shortest way round a tangle from `start` back to it, as a path: [start, b, start]. */
function cycleFrom(g: Graph, tangle: readonly string[], start: string): string[] {
  const inside = new Set(tangle);
  const from = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const v = queue[i]!;
    for (const w of [...g.get(v)!].sort()) {
      if (!inside.has(w)) continue;
      if (w === start) {
        const path = [v];
        while (path[0] !== start) path.unshift(from.get(path[0]!)!);
        return [...path, start];
      }
      if (!from.has(w)) {
        from.set(w, v);
        queue.push(w);
      }
    }
  }
  throw new Error(`no cycle through ${start}`);
}

/** The shortest cycle through each node of a tangle, each once (turned to start at its first node in sort order). */
function cyclesIn(g: Graph, tangle: readonly string[]): string[][] {
  const seen = new Map<string, string[]>();
  for (const v of tangle) {
    const ring = cycleFrom(g, tangle, v).slice(0, -1);
    const first = ring.indexOf([...ring].sort()[0]!);
    const turned = [...ring.slice(first), ...ring.slice(0, first)];
    seen.set(turned.join('\0'), [...turned, turned[0]!]);
  }
  return [...seen.values()];
}

const files = sourceFiles();
const imports = files.flatMap((f) => importsOf(f, readFileSync(join(SRC, f), 'utf8')));
/** An import as an edge between files (.ts, as on disk), for those inside src/. */
const fileEdges = (list: readonly Import[]): [string, string][] =>
  list.filter((i) => !i.target.startsWith('..')).map((i) => [i.file, i.target.replace(/\.js$/, '.ts')]);

/** Every import cycle between files, each as a path: 'a.ts → b.ts → a.ts'. */
function fileCycles(list: readonly Import[]): string[] {
  const g = graphOf(fileEdges(list));
  return tangles(g).map((t) => cycleFrom(g, t, t[0]!).join(' → ') + (t.length > 2 ? ` (${t.length} files tangled: ${t.join(', ')})` : ''));
}

/**
 * The cycles between the top folders of src/: the shortest through each folder of a tangle, as a path with
 * the import that makes each step.
 */
function areaCycles(list: readonly Import[]): string[] {
  const edges = fileEdges(list);
  const g = graphOf(edges.map(([a, b]) => [area(a), area(b)]), false);
  const why = (a: string, b: string) => {
    const [f, t] = edges.find(([x, y]) => area(x) === a && area(y) === b)!;
    return `${f} imports ${t}`;
  };
  return tangles(g).flatMap((t) => cyclesIn(g, t)).map((path) => {
    const steps = path.slice(1).map((b, i) => why(path[i]!, b));
    return `${path.join(' → ')} (${steps.join('; ')})`;
  });
}

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
    expect(check('calendar/x.ts', "import type {\n  Io,\n} from '../io/read.js';")).toEqual(['calendar/ imports nothing else of src/']);
    expect(check('calendar/x.ts', "import type { IsoDate } from '../model/types.js';\nimport { y } from './y.js';")).toEqual(['calendar/ imports nothing else of src/', undefined]);
    expect(check('containers/zip.ts', "import { ReadError } from '../importer/read-error.js';")).toEqual(['containers/ imports nothing else of src/']);
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

describe('no import goes round in a circle', () => {
  const parse = (sources: Record<string, string>) => Object.entries(sources).flatMap(([f, text]) => importsOf(f, text));

  it('finds a cycle and prints it as a path, type-only imports too', () => {
    const list = parse({
      'model/a.ts': "import type { B } from './b.js';",
      'model/b.ts': "import { c } from '../calendar/c.js';\nimport { a } from './a.js';",
      'calendar/c.ts': "import type { IsoDate } from '../model/types.js';",
      'model/types.ts': 'export type IsoDate = string;',
      'text/d.ts': "import { c } from '../calendar/c.js';",
      'text/e.ts': "export { e } from './e.js';",
    });
    expect(fileCycles(list)).toEqual(['model/a.ts → model/b.ts → model/a.ts', 'text/e.ts → text/e.ts']);
    expect(areaCycles(list)).toEqual(['calendar → model → calendar (calendar/c.ts imports model/types.ts; model/b.ts imports calendar/c.ts)']);
  });

  it('names every file of a larger tangle, and finds none where there is none', () => {
    const ring = parse({
      'a/x.ts': "import { y } from './y.js';",
      'a/y.ts': "const z = () => import('./z.js');",
      'a/z.ts': "import { x } from './x.js';\nimport { w } from './w.js';",
      'a/w.ts': "import { y } from './y.js';",
    });
    expect(fileCycles(ring)).toEqual(['a/w.ts → a/y.ts → a/z.ts → a/w.ts (4 files tangled: a/w.ts, a/x.ts, a/y.ts, a/z.ts)']);
    expect(areaCycles(ring)).toEqual([]);
    const line = parse({ 'a/x.ts': "import { y } from '../b/y.js';", 'b/y.ts': "import { z } from './z.js';", 'b/z.ts': '' });
    expect(fileCycles(line)).toEqual([]);
    expect(areaCycles(line)).toEqual([]);
  });

  it('has no cycle between files', () => {
    expect(fileCycles(imports)).toEqual([]);
  });

  it('has no cycle between the folders of src/', () => {
    expect(areaCycles(imports)).toEqual([]);
  });
});

describe('what the installed package ships', () => {
  // The tests run with every dev dependency installed, so a file of dist/ that the code loads but the package
  // does not ship works here and fails for every user (a config or data file once gave "Cannot find module
  // 'ajv/dist/2020.js'": its validator, compiled at build, was not shipped, and compiling it needs ajv).
  it('every file of dist/ the code loads by its path is in package.json\'s "files"', () => {
    const files = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { files: string[] }).files;
    const named = sourceFiles().flatMap((f) => [...readFileSync(join(SRC, f), 'utf8').matchAll(/new URL\('(?:\.\.\/)+(dist\/[^']+)'/g)].map((m) => m[1]!));
    expect(named.length).toBeGreaterThanOrEqual(4);
    const shipped = (p: string) => files.some((f) => p === f || p.startsWith(`${f.replace(/\/$/, '')}/`));
    expect(named.filter((p) => !shipped(p))).toEqual([]);
  });
});
