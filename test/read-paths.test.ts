// The two read paths agree: on every YAML file in the repository, js-yaml (fast) and eemeli/yaml
// (careful) give the same data, and the same position for every node; and for plain scalars of every
// shape, the same value.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCareful, parseSource } from '../src/source/parse.js';
import { parseFast } from '../src/source/fast.js';
import type { Path } from '../src/model/types.js';

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

describe('fast and careful reads agree', () => {
  it.each(FILES)('%s', (file) => {
    const text = readFileSync(file, 'utf8');
    const careful = parseCareful(text);
    const fast = parseFast(text);
    if (!fast) {
      // The fast path steps aside only where eemeli/yaml has something to say (or for aliases).
      expect(careful.issues.length > 0 || /\*[A-Za-z]/.test(text)).toBe(true);
      return;
    }
    if (careful.data === undefined) return;
    expect(fast.data).toEqual(careful.data);
    const source = parseSource(text);
    if (source.reader !== 'js-yaml') return;
    for (const p of paths(careful.data)) {
      const a = source.range(p)!;
      const b = careful.range(p)!;
      expect([p, a[0]]).toEqual([p, b[0]]);
      if (p.length) expect([p, source.range(p, true)![0]]).toEqual([p, careful.range(p, true)![0]]);
    }
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
      const fast = parseFast(text);
      if (!fast || careful.issues.length) return;
      expect(Object.is((fast.data as { k: unknown }).k, (careful.data as { k: unknown }).k) || (fast.data as { k: unknown }).k === (careful.data as { k: unknown }).k).toBe(true);
    }), { numRuns: 500 });
  });
});
