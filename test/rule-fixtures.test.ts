// Runs every rule fixture: test/fixtures/rules/<rule id>/*.yaml. A fixture is a whole plan whose
// comments mark what must be reported on that line: `# expect: rule-id`, `# expect: rule-id@col`, and
// with the message id `# expect: rule-id:messageId` or `# expect: rule-id:messageId@col`. A severity after a
// marker (`# expect: date/holiday:weekend@10 info`) says how sure the finding is: a note (info) where the rule
// knows the case to be usually fine, a warning where not. A marker may be followed by the message's data, or part of it, as a YAML flow mapping: `# expect: ref/lead-support {task: "2", unit: police}`;
// a value null (`{suggestion: null}`) says the message has none (the finding's data leaves it undefined).
// Every rule's invalid fixtures check the data of at least one finding (the test at the end says which do not).
// Every finding must be expected and every expectation found, so a fixture also proves "nothing spurious".
// A first-line comment `# as-of: YYYY-MM-DD` sets the date the status rules judge against.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { RULES } from '../src/rules/index.js';
import { lintText } from './helpers/lint.js';

const ROOT = new URL('./fixtures/rules/', import.meta.url).pathname;

function fixtures(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? fixtures(join(dir, e.name)) : e.name.endsWith('.yaml') ? [join(dir, e.name)] : []);
}

interface Marker { line: number; column?: number; rule: string; messageId?: string; severity?: string; data?: Record<string, unknown> }

const MARKER = /^([\w/.-]+?)(?::([\w-]+))?(?:@(\d+))?$/;
/** One marker of a list, with the severity and the data it names: `rule:id@col info {k: v}`, then a comma or the end. */
const ENTRY = /\s*([\w/.:@-]+)(?:\s+(error|warning|info)\b)?(?:\s*(\{[^{}]*\}))?\s*(?:,|$)/y;

function markers(text: string): Marker[] {
  const out: Marker[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const at = line.search(/#.*?expect: /);
    if (at < 0) return;
    const list = line.slice(line.indexOf('expect: ', at) + 'expect: '.length);
    ENTRY.lastIndex = 0;
    for (let m = ENTRY.exec(list); m && m[0] !== ''; m = ENTRY.exec(list)) {
      const [, rule, messageId, column] = MARKER.exec(m[1]!) ?? [];
      if (!rule) throw new Error(`line ${i + 1}: cannot read the marker "${m[1]}"`);
      // null in the marker: the value the message goes without, which the finding's data holds as undefined.
      const data = m[3] === undefined ? undefined
        : Object.fromEntries(Object.entries(parse(m[3]) as Record<string, unknown>).map(([k, v]) => [k, v === null ? undefined : v]));
      out.push({ line: i + 1, rule, messageId, column: column === undefined ? undefined : Number(column), severity: m[2], data });
      if (ENTRY.lastIndex >= list.length) break;
    }
  });
  return out;
}

const show = (m: Marker) =>
  `${m.line}${m.column === undefined ? '' : `:${m.column}`} ${m.rule}${m.messageId === undefined ? '' : `:${m.messageId}`}${m.severity === undefined ? '' : ` ${m.severity}`}`;

const FILES = fixtures(ROOT);

describe('rule fixtures', () => {
  for (const file of FILES) {
    it(relative(ROOT, file), () => {
      const text = readFileSync(file, 'utf8');
      const asOf = /^# as-of: (\S+)/m.exec(text)?.[1];
      const expected = markers(text);
      const wanted = expected.map(show).sort();
      const problems = lintText(text, { asOf });
      // Compare the column, the message id and the severity only where the fixture names them for that line and rule.
      const named = (p: { line: number; rule: string }, what: 'column' | 'messageId' | 'severity') =>
        expected.some((m) => m.line === p.line && m.rule === p.rule && m[what] !== undefined);
      const got = problems
        .map((p) => show({
          line: p.line, rule: p.rule,
          column: named(p, 'column') ? p.column : undefined,
          messageId: named(p, 'messageId') ? p.messageId : undefined,
          severity: named(p, 'severity') ? p.severity : undefined,
        }))
        .sort();
      expect(got, problems.map((p) => `${p.line}:${p.column} ${p.rule}:${p.messageId} ${p.severity} ${JSON.stringify(p.data)}`).join('\n')).toEqual(wanted);
      // The data a marker names: the finding it marks carries at least that.
      for (const m of expected.filter((e) => e.data !== undefined)) {
        const found = problems.filter((p) => p.line === m.line && p.rule === m.rule && (m.messageId === undefined || p.messageId === m.messageId));
        expect(found.map((p) => p.data), `${show(m)} ${JSON.stringify(m.data)}`).toContainEqual(expect.objectContaining(m.data));
      }
      if (/\/invalid[^/]*$/.test(file)) expect(wanted.length).toBeGreaterThan(0);
      if (/\/valid[^/]*$/.test(file)) expect(wanted).toEqual([]);
    });
  }
});

/**
 * Messages no fixture can produce, and why. (The other schema keywords' messages are each in a fixture.)
 * If a fixture comes to name one, it leaves this list.
 */
const NOT_IN_FIXTURES: Record<string, string> = {
  'schema:exclusiveMinimum': 'no schema in schemas/ uses exclusiveMinimum',
  'schema:exclusiveMaximum': 'no schema in schemas/ uses exclusiveMaximum',
  'schema:other': "the fallback for keywords the schemas do not use; it shows ajv's own sentence",
  'schema:month-day': 'only a data file (--data) has an MM-DD pattern; test/hostile-values.test.ts runs it',
  'yaml/syntax:too-deep': 'takes ~1,000 levels of nesting, and where the stack runs out varies with Node; test/hardening.test.ts runs it',
};

describe('fixture markers', () => {
  const all = FILES.flatMap((f) => markers(readFileSync(f, 'utf8')));

  it('name every message of every rule (a rule with one message: its id or the rule)', () => {
    const unnamed = RULES.flatMap((rule) => {
      const ids = Object.keys(rule.messages);
      return ids
        .filter((id) => !all.some((m) => m.rule === rule.id && (m.messageId === id || (m.messageId === undefined && ids.length === 1))))
        .map((id) => `${rule.id}:${id}`);
    });
    expect(unnamed.sort()).toEqual(Object.keys(NOT_IN_FIXTURES).sort());
  });

  it("check the data of at least one finding of every rule, in an invalid fixture", () => {
    const checked = new Set(FILES.filter((f) => /\/invalid[^/]*$/.test(f))
      .flatMap((f) => markers(readFileSync(f, 'utf8')).filter((m) => m.data !== undefined && Object.keys(m.data).length > 0).map((m) => m.rule)));
    expect(RULES.map((r) => r.id).filter((id) => !checked.has(id))).toEqual([]);
  });

  it('name only rules and message ids that exist', () => {
    const wrong = all.filter((m) => {
      const rule = RULES.find((r) => r.id === m.rule);
      return !rule || (m.messageId !== undefined && !(m.messageId in rule.messages));
    });
    expect(wrong.map(show)).toEqual([]);
  });
});
