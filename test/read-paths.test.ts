// The read paths agree: on every YAML file in the repository, the quick reader (plain YAML) and
// eemeli/yaml (careful, and what update edits with) give the same data, and the same position for every
// node; for plain scalars of every shape the same value; on random documents of every style the quick
// reader either steps aside or reads exactly what eemeli/yaml reads; and on broken ones (fixtures with
// random damage) it never reads what eemeli/yaml rejects, so validate and update agree on every file.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCareful, parseSource, tableSource, type ParsedSource } from '../src/source/parse.js';
import { parseQuick } from '../src/source/quick.js';
import type { Path } from '../src/source/path.js';

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
  return pick(4) === 0 ? text.replaceAll('\n', '\r\n') : text;
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
      const quick = parseQuick(text);
      if (!quick) return;
      read++;
      expectSameAsCareful(tableSource(text, quick, 'quick'), careful);
    }), { numRuns: Number(process.env.QUICK_RUNS ?? 3000) });
    // The reader is not allowed to pass by stepping aside: most valid documents are its to read.
    expect(read / valid).toBeGreaterThan(0.65);
  });
});

// Every command reads a file as validate does (parseSource) or as update does (eemeli/yaml): on every
// fixture, and on fixtures with random damage (a quote, a colon, a tab, a dash, an indent … put in or taken
// out), the two agree on whether it is YAML at all and on the data it holds.
describe('validate and update read every file the same way', () => {
  const agree = (text: string) => {
    const source = parseSource(text);
    const careful = parseCareful(text);
    const invalid = (x: ParsedSource) => x.data === undefined || x.issues.some((i) => !i.warning && i.code !== 'DUPLICATE_KEY');
    expect(invalid(source)).toBe(invalid(careful));
    if (!invalid(careful)) expect(source.data).toEqual(careful.data);
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
      agree(text);
    }), { numRuns: 400 });
  });
});
