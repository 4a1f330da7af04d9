// The read paths agree: on every YAML file in the repository, the quick reader (plain YAML) and
// eemeli/yaml (careful, and what update edits with) give the same data, and the same position for every
// node; for plain scalars of every shape the same value; on random documents of every style the quick
// reader either steps aside or reads exactly what eemeli/yaml reads; and on broken ones (fixtures with
// random damage) it never reads what eemeli/yaml rejects, so validate and update agree on every file.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdits, EditError } from '../src/edit/apply.js';
import { parseCareful, parseSource, tableSource, withLineFeeds, type ParsedSource } from '../src/source/parse.js';
import { parseQuick } from '../src/source/quick.js';
import type { Path } from '../src/source/path.js';
import { lintText } from './helpers/lint.js';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? yamlFiles(join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [join(dir, e.name)] : []);
}

function paths(node: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(node)) node.forEach((c, i) => { paths(c, [...path, i], out); });
  else if (node && typeof node === 'object') for (const [k, c] of Object.entries(node)) paths(c, [...path, k], out);
  return out;
}

const FILES = [...yamlFiles('examples'), ...yamlFiles('test/fixtures'), ...yamlFiles('test/golden')];

const valueAt = (data: unknown, path: Path): unknown => path.reduce<unknown>((v, seg) => (v as Record<string, unknown>)[seg], data);

/** Same data as eemeli/yaml, and for every node the same start and end (of its value), and the same start of its key. */
function expectSameAsCareful(source: ParsedSource, careful: ParsedSource & { text: string }): void {
  expect(source.data).toEqual(careful.data);
  for (const p of paths(careful.data)) {
    const a = source.range(p)!;
    const b = careful.range(p)!;
    const v = valueAt(careful.data, p);
    // A null written as nothing has no text of its own: its start is where each reader looked for it.
    if (v === null && b[0] === b[1]) continue;
    // Every node ends at its last character (a block collection where its last item does, a flow one at its
    // closing bracket, a block scalar before its line break): the end findings report.
    expect([p, a]).toEqual([p, b]);
    if (p.length) expect([p, source.range(p, true)![0]]).toEqual([p, careful.range(p, true)![0]]);
  }
}

describe('the quick and careful reads agree', () => {
  it.each(FILES)('%s', (file) => {
    const text = readFileSync(file, 'utf8');
    const careful = parseCareful(text);
    const quick = parseQuick(text);
    // The quick reader never reads what eemeli/yaml has something to say about.
    if (careful.issues.length > 0) expect(quick).toBeUndefined();
    if (!quick || careful.data === undefined || quick.data === null) return;
    expectSameAsCareful(tableSource(text, quick, 'quick'), careful);
  });

  it("finds a flow collection's end past quotes, escapes and texts like 阶段:'一 (it once looped for ever on them)", () => {
    for (const text of [
      "phases:\n  - {id: p1, title: 宣传发动阶:'段, start: 2020-06-01}\n",
      "reports:\n  - {id: s, submitted: :'2020-06-24}   # 注\n",
      'x: {a: "b\\"c", d: [e, "f]", \'g\'\'h\']}\n',
    ]) {
      const quick = parseQuick(text)!;
      expect(quick, text).toBeDefined();
      expectSameAsCareful(tableSource(text, quick, 'quick'), parseCareful(text));
    }
  });

  it('ends a collection whose last value is written as nothing at its key or dash, as eemeli/yaml does', () => {
    const cases: [string, number][] = [
      ['id:\n', 3], ['id:', 3], ['id: # 注\n', 3], ['id:\r\n', 3], ['a:\n  b:\n', 7], ['a:\n  - x\n  -\n', 12], ['x: 1\nid:\n\n# 注\n', 8], ['a: [x]\nb:   \n', 9],
    ];
    for (const [text, end] of cases) {
      const careful = parseCareful(text);
      expect([text, careful.range([])]).toEqual([text, [0, end]]);
      const table = parseQuick(text);
      if (table) expectSameAsCareful(tableSource(text, table, 'quick'), careful);
    }
  });

  it('leaves a block key over 1,024 characters to eemeli/yaml, which says it is too long', () => {
    const text = `${'键'.repeat(1025)}: v\n`;
    expect(parseQuick(text)).toBeUndefined();
    expect(parseCareful(text).issues.map((i) => i.code)).toContain('KEY_OVER_1024_CHARS');
    expect(parseQuick(`${'键'.repeat(1024)}: v\n`)).toBeDefined();
  });

  it('reads every example plan with the quick reader', () => {
    for (const file of yamlFiles('examples')) expect([file, parseSource(readFileSync(file, 'utf8')).reader]).toEqual([file, 'quick']);
  });

  it('reads every plain scalar as YAML 1.2 core does', () => {
    const scalar = fc.oneof(
      fc.stringMatching(/^[-+]?(0|[1-9][0-9_]*)(\.[0-9]*)?([eE][-+]?[0-9]+)?$/),
      fc.stringMatching(/^0[box][0-9a-fA-F_]{1,6}$/),
      fc.constantFrom('~', 'null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'yes', 'No', 'on', '.inf', '-.Inf', '.NaN', '+.5', '-0', '2020-06-01', '12:30', '1:20:30', '0.', '.5'),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).filter((s) => !/[:#\n\r,[\]{}&*!|>'"%@`\\]/.test(s) && s.trim() === s && !/^[-?]/.test(s)),
    );
    fc.assert(fc.property(scalar, (s) => {
      const text = `k: ${s}\n`;
      const careful = parseCareful(text);
      if (careful.issues.length) return;
      const expected = (careful.data as { k: unknown }).k;
      const read = parseQuick(text);
      if (read) expect(Object.is((read.data as { k: unknown }).k, expected)).toBe(true);
    }), { numRuns: 500 });
  });
});

// Random documents in every style a person or a tool writes: block and flow collections, plain,
// quoted (with escapes) and block scalars, comments, blank lines, CRLF. The quick reader must read
// most of them, and whatever it reads must be exactly what eemeli/yaml reads, positions included.
type Value = null | boolean | number | string | Value[] | { [key: string]: Value };

const TEXTS = [
  '安全生产月', '派出所 教育站', 'a#b', 'a: b', "it's", 'say "hi"', '09:00', '2020-06-01', '1.10', '0x1F', '1e3', '-.5', '.inf',
  'true', 'False', 'null', '~', '', ' lead', 'trail ', '第一\n第二', '段一\n\n段二', '结束\n', 'a b c\nd e', '第一 第二\n\n第三 第四\n\n', '- dash', '[x]', '{y}', 'a,b', 'a, b',
  '％', 'back\\slash', 'tab\there', '🚒', '#', '? q', '&a', '*b', '!t', '|p', '>f', '@x', '`y', '%z', 'x: ', '<<', 'é\u00a0\u2028',
  '?', '-', ':', '---', '...', '--- x', '... y', 'x\u3000', '上\n...\n下', '段\n---\n段', "阶段:'一", '阶段:"二', 'a\\"b',
];
const KEYS = ['id', 'title', 'lead', 'due', 'status', 'note', '名称', 'a b', '1', 'true', 'x:y', 'k#', '__proto__', '<<'];

const valueArb: fc.Arbitrary<Value> = fc.letrec<{ value: Value }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom<Value>(...TEXTS, null, true, false, 0, 7, -2.5, 1e21),
    fc.string({ unit: 'grapheme', maxLength: 8 }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** A small deterministic random source for the writer's choices. */
const chooser = (seed: number) => {
  let s = seed >>> 0 || 1;
  return (n: number): number => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) % n;
  };
};

const isScalar = (v: Value): v is null | boolean | number | string => v === null || typeof v !== 'object';

function scalarText(v: null | boolean | number | string, pick: (n: number) => number, flow: boolean): string {
  if (typeof v !== 'string') return v === null ? ['null', '~', 'Null'][pick(3)]! : String(v);
  const plain = v !== '' && v === v.trim() && !/[\n\r\t]/.test(v) && !/^[-?:,[\]{}#&*!|>'"%@`~]/.test(v) && !/:(\s|$)/.test(v)
    && !/\s#/.test(v) && !(flow && /[,[\]{}]/.test(v));
  const styles = [JSON.stringify(v)];
  if (plain) styles.push(v, v);
  if (!/[\n\r]/.test(v)) styles.push(`'${v.replaceAll("'", "''")}'`);
  return styles[pick(styles.length)]!;
}

/** A block scalar for a text of lines without edge spaces, or undefined. */
function blockScalar(v: string, indent: string, pick: (n: number) => number): string | undefined {
  const body = v.replace(/\n+$/, '');
  const trailing = v.length - body.length;
  if (body === '' || body.split('\n').some((l) => l !== l.trim() || /^#/.test(l)) || /^\n/.test(body)) return undefined;
  const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
  const folded = pick(2) === 0;
  // Folded: a line break in the text is an empty line; a space between words may be a line break.
  const fold = (l: string): string[] => (/\S \S/.test(l) && pick(2) === 0 ? l.replace(/(\S) (?=\S)/, '$1\n').split('\n') : [l]);
  const lines = folded ? body.split('\n').flatMap((l, i) => (i ? ['', ...fold(l)] : fold(l))) : body.split('\n');
  const extra = chomp === '+' ? Array(trailing - 1).fill('') : [];
  return `${folded ? '>' : '|'}${chomp}${pick(3) === 0 ? ' # 注' : ''}\n${[...lines, ...extra].map((l) => (l ? indent + l : '')).join('\n')}`;
}

function flowText(v: Value, pick: (n: number) => number): string {
  if (isScalar(v)) return scalarText(v, pick, true);
  if (Array.isArray(v)) return `[${v.map((x) => flowText(x, pick)).join(pick(2) ? ', ' : ',')}]`;
  return `{${Object.entries(v).map(([k, x]) => `${k}: ${flowText(x, pick)}`).join(', ')}}`;
}

/** Lines for `v` as the value after "key:" or "-" (`head`), at `indent`. */
function blockLines(v: Value, indent: number, pick: (n: number) => number): { inline: string; lines: string[] } {
  const pad = ' '.repeat(indent);
  const comment = () => (pick(6) === 0 ? ' # 备注' : '');
  if (isScalar(v)) {
    if (v === null && pick(2) === 0) return { inline: comment(), lines: [] };
    const block = typeof v === 'string' && /\n/.test(v) && pick(2) === 0 ? blockScalar(v, pad, pick) : undefined;
    if (block) {
      const [first, ...rest] = block.split('\n');
      return { inline: ` ${first}`, lines: rest };
    }
    return { inline: ` ${scalarText(v, pick, false)}${comment()}`, lines: [] };
  }
  const entries = Array.isArray(v) ? v.map((x) => [undefined, x] as const) : Object.entries(v);
  if (entries.length === 0 || pick(4) === 0) return { inline: ` ${flowText(v, pick)}${comment()}`, lines: [] };
  const lines: string[] = [];
  for (const [key, x] of entries) {
    if (pick(8) === 0) lines.push(pick(2) ? '' : `${pad}# 说明`);
    const inner = blockLines(x, indent + 2, pick);
    if (key === undefined && !isScalar(x) && !Array.isArray(x) && Object.keys(x).length > 0 && pick(2) === 0) {
      // "- key: value" with the mapping's other keys under the first.
      const sub = blockLines(x, indent + 2, pick);
      if (sub.inline.startsWith(' {')) lines.push(`${pad}-${sub.inline}`);
      else lines.push(`${pad}- ${sub.lines[0]!.trimStart()}`, ...sub.lines.slice(1));
      continue;
    }
    lines.push(`${pad}${key === undefined ? '-' : `${key}:`}${inner.inline}`, ...inner.lines);
  }
  return { inline: comment(), lines };
}

function documentText(v: Value, seed: number): string {
  const pick = chooser(seed);
  const { inline, lines } = blockLines(v, 0, pick);
  const body = lines.length > 0 ? lines.join('\n') : inline.trim();
  // Sometimes no line break at the end, or spaces after the last one.
  const end = ['\n', '\n', '', '\n  ', '\n    '][pick(5)]!;
  const text = `${pick(3) === 0 ? '# 方案\n\n' : ''}${body}${end}`;
  // CRLF; old Mac line ends (a lone CR, a line break to YAML 1.2); or some lines of each.
  const eol = pick(8);
  if (eol < 2) return text.replaceAll('\n', '\r\n');
  if (eol === 2) return text.replaceAll('\n', '\r');
  if (eol === 3) return text.replace(/\n/g, () => ['\n', '\r', '\r\n'][pick(3)]!);
  return text;
}

describe('the quick reader on random documents', () => {
  it('reads what eemeli/yaml reads, positions included, or steps aside', () => {
    let read = 0;
    let valid = 0;
    fc.assert(fc.property(valueArb, fc.nat(), (v, seed) => {
      const text = documentText(v, seed);
      const careful = parseCareful(text);
      if (careful.issues.length > 0 || careful.data === undefined || careful.data === null) return;
      valid++;
      // Lone CRs are read as line feeds by both (the same offsets): what parseSource gives the quick reader.
      const quick = parseQuick(withLineFeeds(text));
      if (!quick) return;
      read++;
      expectSameAsCareful(tableSource(withLineFeeds(text), quick, 'quick'), careful);
    }), { numRuns: Number(process.env.QUICK_RUNS ?? 3000) });
    // The reader is not allowed to pass by stepping aside: most valid documents are its to read.
    expect(read / valid).toBeGreaterThan(0.65);
  });
});

// Every command reads a file as validate does (parseSource) or as update does (eemeli/yaml): on every
// fixture, and on fixtures with random damage (a quote, a colon, a tab, a dash, an indent … put in or taken
// out), the two agree on whether it is YAML at all and on the data it holds.
describe('validate and update read every file the same way', () => {
  const agree = (text: string, edit = true) => {
    const source = parseSource(text);
    const careful = parseCareful(text);
    const invalid = (x: ParsedSource) => x.data === undefined || x.issues.some((i) => !i.warning && i.code !== 'DUPLICATE_KEY');
    expect(invalid(source)).toBe(invalid(careful));
    if (invalid(careful)) return;
    expect(source.data).toEqual(careful.data);
    // update finds its places in what it reads itself: a value it sets there is where validate reads it.
    const data = source.data as Record<string, unknown>;
    const key = data && typeof data === 'object' && !Array.isArray(data) ? Object.keys(data).find((k) => data[k] === null || typeof data[k] !== 'object') : undefined;
    if (!edit || key === undefined || source.issues.length) return;
    let edited: string;
    try {
      edited = applyEdits(text, [{ kind: 'set', path: [key], value: '已改' }]);
    } catch (err) {
      if (err instanceof EditError) return;
      throw err;
    }
    expect(parseSource(edited).data).toEqual({ ...data, [key]: '已改' });
  };

  it.each(FILES)('%s', (file) => agree(readFileSync(file, 'utf8')));

  it('on fixtures with random damage', () => {
    const texts = FILES.filter((f) => !f.includes('bench')).map((f) => readFileSync(f, 'utf8')).filter((t) => t.length < 20_000);
    const damage = fc.record({
      file: fc.nat({ max: texts.length - 1 }),
      edits: fc.array(fc.record({ at: fc.nat(), cut: fc.nat({ max: 3 }), put: fc.constantFrom('', '"', "'", ':', ': ', '\n', '\t', ' ', '  ', '-', '- ', '[', ']', '{', '}', '#', '&a ', '*a', '!', '|', '>', ',', '---\n', '\r', '\\', '？') }), { minLength: 1, maxLength: 3 }),
    });
    fc.assert(fc.property(damage, ({ file, edits }) => {
      let text = texts[file]!;
      for (const e of edits) {
        const at = e.at % (text.length + 1);
        text = text.slice(0, at) + e.put + text.slice(at + e.cut);
      }
      // The edit too where the damage is a line break or a tag (the parse of each edit costs): the others are the fixtures'.
      agree(text, edits.some((e) => e.put === '\r' || e.put === '\n' || e.put === '!'));
    }), { numRuns: 400 });
  }, 120_000); // 18 s alone; a busy machine can make it twice that
});

// YAML 1.2 counts a lone CR as a line break (an old Mac file, or lines pasted from one); eemeli/yaml does
// not, and read such a plan as one long line: "the file is empty", or 118 errors at line 1, to validate,
// and `there is no task "1.2"` to update. Every reader now reads lone CRs as line feeds (the same offsets).
describe('a lone CR is a line break, to every reader', () => {
  const variants = (text: string): [string, string][] => [
    ['CR', text.replaceAll('\n', '\r')],
    // Some lines of each: CR, LF and CRLF in turn (not a CR before an empty line's LF, which would make one CRLF of two line ends).
    ['mixed', text.replace(/\n/g, (_, at: number) => (at % 3 === 1 ? '\n' : at % 3 === 0 && text[at + 1] !== '\n' ? '\r' : '\r\n'))],
  ];

  it.each(FILES.filter((f) => !f.includes('bench')))('%s, with CR and with mixed line ends, reads as with LF', (file) => {
    const text = readFileSync(file, 'utf8');
    const lf = parseSource(text);
    for (const [name, other] of variants(text)) {
      const read = parseSource(other);
      expect([name, read.reader, read.issues.map((i) => i.code)]).toEqual([name, lf.reader, lf.issues.map((i) => i.code)]);
      expect(read.data).toEqual(lf.data);
      if (lf.data === undefined || lf.issues.length) continue;
      // The same lines and columns for every node (a CR is one character, as a LF is; a CRLF's columns are the LF's).
      for (const p of paths(lf.data).slice(0, 200)) {
        const [a, b] = [read.range(p), lf.range(p)];
        if (!a || !b) continue;
        expect([name, p, read.position(a[0])]).toEqual([name, p, lf.position(b[0])]);
      }
    }
  });

  it('validates an old Mac plan as the same plan: the same findings at the same lines', () => {
    const text = readFileSync('examples/shifan-2025.yaml', 'utf8').replace('progress: 30,', 'progress: 130,');
    const show = (t: string) => lintText(t, { asOf: '2025-06-20' }).map((p) => `${p.line}:${p.column} ${p.rule}:${p.messageId}`);
    const lf = show(text);
    expect(lf.length).toBeGreaterThan(0);
    expect(show(text.replaceAll('\n', '\r'))).toEqual(lf);
    expect(show(text.replace(/\n/g, (_, at: number) => (at % 2 ? '\r' : '\r\n')))).toEqual(lf);
  });

  it('is read by the quick reader once made a line feed, and a lone CR inside a quoted or block text is a line break too', () => {
    expect(parseSource('a: 1\rb: [x, y]\r').reader).toBe('quick');
    expect(parseSource('a: 1\rb: [x, y]\r').data).toEqual({ a: 1, b: ['x', 'y'] });
    // Folded in a quoted text, kept in a literal one, ending a comment: as YAML 1.2 reads the line feed.
    expect(parseSource('a: "x\r  y"\rb: |\r  l1\r  l2\rc: 1 # 注\rd: 2\r').data).toEqual({ a: 'x y', b: 'l1\nl2\n', c: 1, d: 2 });
    expect(parseCareful('a: "x\r  y"\rb: |\r  l1\r  l2\rc: 1 # 注\rd: 2\r').data).toEqual({ a: 'x y', b: 'l1\nl2\n', c: 1, d: 2 });
    // A CR before a LF is still one line break (CRLF), and a CR before a CRLF is two.
    expect(parseSource('a: 1\r\r\nb: 2\r\n').position(7)).toEqual({ line: 3, column: 1 });
  });
});

// The core schema's tags read as YAML 1.2's core schema reads them, on every reader; YAML 1.1's tags and
// directive are not read as dates, bytes or sets (then called "a mapping" by the schema) but reported,
// each as one line that says what to remove.
describe('tags and the %YAML directive', () => {
  const readTagged = (tagged: string) => {
    const text = `k: ${tagged}\n`;
    const source = parseSource(text);
    expect([tagged, source.reader]).toEqual([tagged, 'yaml']);
    expect(parseCareful(text).data).toEqual(source.data);
    return source.issues.length ? source.issues.map((i) => i.code) : (source.data as { k: unknown }).k;
  };

  it('reads the core tags as YAML 1.2 does, a whole number under !!float too', () => {
    const cases: [string, unknown][] = [
      ['!!float 30', 30], ['!!float "30"', 30], ['!!float 2.5', 2.5], ['!!float 1e3', 1000], ['!!float -.inf', -Infinity],
      ['!!int "2025"', 2025], ['!!int 0x1F', 31], ['!!int 0o17', 15], ['!!str 2025', '2025'], ['!!str 2025-06-01', '2025-06-01'],
      ['!!bool true', true], ['!!null ""', null], ['!!null ~', null], ['! 30', '30'], ['!<tag:yaml.org,2002:str> 30', '30'],
      ['!!seq [a]', ['a']], ['!!map {a: 1}', { a: 1 }],
    ];
    for (const [tagged, value] of cases) expect([tagged, readTagged(tagged)]).toEqual([tagged, value]);
  });

  it('reports a core tag on a value it does not read, and every other tag, by what to remove', () => {
    const cases: [string, string][] = [
      ['!!int 3.5', 'TAG_VALUE'], ['!!float 0x1F', 'TAG_VALUE'], ['!!bool yes', 'TAG_VALUE'], ['!!map x', 'TAG_VALUE'], ['!!str [1]', 'TAG_VALUE'],
      ['!!binary 5rWL6K+V', 'TAG'], ['!!timestamp 2025-06-01', 'TAG'], ['!!set {a}', 'TAG'], ['!!omap [a: 1]', 'TAG'], ['!!js/function x', 'TAG'], ['!custom x', 'TAG'],
    ];
    for (const [tagged, code] of cases) expect([tagged, readTagged(tagged)]).toEqual([tagged, [code]]);
    const issue = parseSource('k: !!int 3.5\n').issues[0]!;
    expect(issue).toMatchObject({ offset: 3, end: 8, core: 'int', message: 'the value after !!int is not a whole number; remove !!int' });
  });

  it('reports a %YAML directive other than 1.2 as one issue at its line, and reads nothing of the plan', () => {
    for (const version of ['1.1', '1.3', '2.0']) {
      const text = `# 方案\n%YAML ${version}\n---\ndate: 2025-06-01\nflag: yes\n`;
      const source = parseSource(text);
      expect(source.issues.map(({ code, offset, end }) => ({ code, offset, end }))).toEqual([{ code: 'YAML_VERSION', offset: 5, end: 14 }]);
      expect(source.data).toBeUndefined();
    }
    expect(parseSource('%YAML 1.2\n---\ndate: 2025-06-01\n')).toMatchObject({ issues: [], data: { date: '2025-06-01' } });
  });

  it('update reads a tagged plan as validate does: it edits a plan with !!float 30 and keeps the tag', () => {
    const text = 'a: !!float 30\nb: !!int "2025"\nc: x\n';
    expect(parseSource(text).data).toEqual({ a: 30, b: 2025, c: 'x' });
    expect(applyEdits(text, [{ kind: 'set', path: ['c'], value: 'y' }])).toBe('a: !!float 30\nb: !!int "2025"\nc: y\n');
    // A value set anew reads as itself: the old one's tag goes (!!int would not read 已改), an anchor stays.
    expect(applyEdits(text, [{ kind: 'set', path: ['b'], value: '已改' }])).toBe('a: !!float 30\nb: 已改\nc: x\n');
    expect(applyEdits('a: &n !!str 30\nb: {c: !!int 1}\n', [{ kind: 'set', path: ['a'], value: 40 }, { kind: 'set', path: ['b', 'c'], value: 'x' }]))
      .toBe('a: &n 40\nb: {c: x}\n');
  });
});
