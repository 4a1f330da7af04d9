// Runs every rule fixture: test/fixtures/rules/<rule id>/*.yaml. A fixture is a whole plan whose
// comments mark what must be reported: `# expect: rule-id` (on that line) or `# expect: rule-id@col`.
// Every finding must be expected and every expectation found, so a fixture also proves "nothing spurious".
// A first-line comment `# as-of: YYYY-MM-DD` sets the date the status rules judge against.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers/lint.js';

const ROOT = new URL('./fixtures/rules/', import.meta.url).pathname;

function fixtures(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? fixtures(join(dir, e.name)) : e.name.endsWith('.yaml') ? [join(dir, e.name)] : []);
}

function expectations(text: string): string[] {
  const out: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    for (const m of line.matchAll(/#.*?expect: ([\w/.-]+(?:@\d+)?(?:, *[\w/.-]+(?:@\d+)?)*)/g)) {
      for (const e of m[1]!.split(/, */)) out.push(e.includes('@') ? `${i + 1}:${e.split('@')[1]} ${e.split('@')[0]}` : `${i + 1} ${e}`);
    }
  });
  return out.sort();
}

describe('rule fixtures', () => {
  for (const file of fixtures(ROOT)) {
    it(relative(ROOT, file), () => {
      const text = readFileSync(file, 'utf8');
      const asOf = /^# as-of: (\S+)/m.exec(text)?.[1];
      const wanted = expectations(text);
      const problems = lintText(text, { asOf });
      // Compare with column only where the fixture names one.
      const withCols = new Set(wanted.filter((w) => /^\d+:\d+ /.test(w)).map((w) => w.split(' ')[0]!.split(':')[0] + ' ' + w.split(' ')[1]));
      const got = problems
        .map((p) => (withCols.has(`${p.line} ${p.rule}`) ? `${p.line}:${p.column} ${p.rule}` : `${p.line} ${p.rule}`))
        .sort();
      expect(got, problems.map((p) => `${p.line}:${p.column} ${p.rule} ${p.messageId} ${JSON.stringify(p.data)}`).join('\n')).toEqual(wanted);
      if (/\/invalid[^/]*$/.test(file)) expect(wanted.length).toBeGreaterThan(0);
      if (/\/valid[^/]*$/.test(file)) expect(wanted).toEqual([]);
    });
  }
});
