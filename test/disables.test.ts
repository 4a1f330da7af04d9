// Inline directives in a plan: `# campaign-disable-next-line RULE, RULE -- reason` and the block
// `# campaign-disable RULE` … `# campaign-enable RULE`; unused ones and unknown rules reported at the
// comment; only real comments count; the roll-up's count and `campaign update` respect them.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDirectives, lexDirectives, readDirective } from '../src/disables/parse.js';
import { tally } from '../src/lint.js';
import { loadCalendar } from '../src/io/holidays.js';
import { parseSource } from '../src/source/parse.js';
import { cli } from './helpers/in-process.js';
import { lintText, plan, schema, where } from './helpers/lint.js';

// Each of these titles has one text/repeated finding; the last also a text/brackets one.
const task = (id: string, title: string) => `  - {id: "${id}", title: ${title}, lead: [police], status: done}\n`;

describe('reading a directive', () => {
  it('the keyword, the rules (commas and/or spaces), the reason after --', () => {
    expect(readDirective('# campaign-disable-next-line text/repeated, date/weekday -- 原文如此, 不改', 7)).toEqual({
      kind: 'disable-next-line', offset: 7, rules: ['text/repeated', 'date/weekday'], reason: '原文如此, 不改',
    });
    expect(readDirective('#campaign-disable text/repeated text/brackets', 0)).toEqual({ kind: 'disable', offset: 0, rules: ['text/repeated', 'text/brackets'] });
    expect(readDirective('# campaign-enable', 3)).toEqual({ kind: 'enable', offset: 3, rules: [] });
    expect(readDirective('# campaign-disable-next-line -- every rule', 0)).toEqual({ kind: 'disable-next-line', offset: 0, rules: [], reason: 'every rule' });
  });

  it('other comments are no directive', () => {
    for (const c of ['# campaign-disable-line text/repeated', '# campaign-disabled', '# see campaign-disable', '# campaign-enablex']) expect(readDirective(c, 0)).toBeUndefined();
  });

  it('only comments: not a # inside a quoted, plain or block text', () => {
    const text = [
      'a: "# campaign-disable text/repeated"',
      "b: '# campaign-disable'",
      'c: |',
      '  # campaign-disable',
      'd: x#campaign-disable',
      'e: 1 # campaign-disable-next-line text/repeated',
      '# campaign-enable',
    ].join('\n');
    expect(findDirectives(text).map((d) => [d.kind, text.slice(d.offset, d.offset + 2)])).toEqual([['disable-next-line', '# '], ['enable', '# ']]);
    expect(findDirectives(text).map((d) => d.offset)).toEqual([text.indexOf('# campaign-disable-next-line'), text.lastIndexOf('# campaign-enable')]);
  });

  it('read by lines, when no text of the data holds the word, as the lexer reads them', () => {
    const text = [
      'a: 1 # campaign-disable-next-line text/repeated -- x',
      '# a note # campaign-disable date/weekday',
      'b: "x # y" # campaign-enable',
      'c: [1, # campaign-enable text/repeated',
      '  2]',
      'd: >',
      '  folded # not a comment',
      '#campaign-disable',
    ].join('\r\n');
    const data = parseSource(text).data;
    expect(data).toBeDefined();
    const byLines = findDirectives(text, data);
    expect(byLines.map((d) => d.kind)).toEqual(['disable-next-line', 'disable', 'enable', 'enable', 'disable']);
    expect(byLines).toEqual(lexDirectives(text));
    // A text that holds the word: the lexer decides, and the text is no directive.
    const quoted = `${text}\r\ne: "# campaign-disable"`;
    expect(findDirectives(quoted, parseSource(quoted).data)).toEqual(byLines);
    // So in every rule fixture.
    for (const file of ['unused-disable/valid', 'unused-disable/invalid', 'unknown-rule/invalid']) {
      const fixture = readFileSync(`test/fixtures/rules/lint/${file}.yaml`, 'utf8');
      expect(findDirectives(fixture, parseSource(fixture).data)).toEqual(lexDirectives(fixture));
    }
  });

  it('a plan without any reads no comment at all', () => {
    expect(findDirectives('title: 活动 # a comment\n')).toEqual([]);
  });
});

describe('silencing', () => {
  it('next-line: the next line only, the rules named only', () => {
    const text = plan(
      '  # campaign-disable-next-line text/repeated -- 原文如此\n'
      + task('1', '宣传活动活动（一')
      + task('2', '部署部署'),
    );
    expect(where(lintText(text))).toEqual(['11:28 text/brackets', '12:22 text/repeated']);
  });

  it('next-line with several rules, and with none (every rule)', () => {
    expect(where(lintText(plan('  # campaign-disable-next-line text/repeated, text/brackets\n' + task('1', '宣传活动活动（一'))))).toEqual([]);
    expect(where(lintText(plan('  # campaign-disable-next-line\n' + task('1', '宣传活动活动（一'))))).toEqual([]);
  });

  it('a trailing comment silences the line after it', () => {
    const text = plan(task('1', '宣讲').replace('\n', '  # campaign-disable-next-line text/repeated\n') + task('2', '部署部署'));
    expect(where(lintText(text))).toEqual([]);
  });

  it('a block up to its campaign-enable; a block with no enable to the end; enable of one rule inside a block of all', () => {
    const text = plan(
      '  # campaign-disable text/repeated\n'
      + task('1', '部署部署')
      + task('2', '宣传宣传')
      + '  # campaign-enable text/repeated\n'
      + task('3', '组织组织')
      + '  # campaign-disable\n'
      + '  # campaign-enable text/brackets\n'
      + task('4', '宣传活动活动（一'),
    );
    expect(where(lintText(text))).toEqual(['14:22 text/repeated', '17:28 text/brackets']);
  });
});

describe('unused and unknown', () => {
  it('an unused directive at the comment, with the rule it names; one finding per unused rule', () => {
    const text = plan(
      '  # campaign-disable-next-line text/repeated, date/weekday -- 原文如此\n'
      + task('1', '部署部署')
      + '  # campaign-disable text/brackets\n'
      + task('2', '宣讲'),
    );
    const problems = lintText(text);
    expect(problems.map((p) => [`${p.line}:${p.column}`, p.rule, p.severity, p.messageId, p.data])).toEqual([
      ['10:3', 'lint/unused-disable', 'warning', 'unused', { directive: 'campaign-disable-next-line', rule: 'date/weekday' }],
      ['12:3', 'lint/unused-disable', 'warning', 'unused', { directive: 'campaign-disable', rule: 'text/brackets' }],
    ]);
  });

  it('a rule id there is none of: an error with the nearest id, and nothing silenced by it', () => {
    const problems = lintText(plan('  # campaign-disable-next-line text/repeatd\n' + task('1', '部署部署')));
    expect(problems.map((p) => [`${p.line}:${p.column}`, p.rule, p.severity, p.data])).toEqual([
      ['10:3', 'lint/unknown-rule', 'error', { rule: 'text/repeatd', suggestion: 'text/repeated' }],
      ['11:22', 'text/repeated', 'warning', { text: '部署部署', word: '部署' }],
    ]);
  });

  it('both are rules: off like any other, and a finding a rule set off leaves its silence unused', () => {
    const text = plan('  # campaign-disable-next-line text/repeatd\n' + task('1', '部署部署') + '  # campaign-disable-next-line text/brackets\n' + task('2', '宣讲'));
    expect(where(lintText(text, { severities: { 'lint/unused-disable': 'off', 'lint/unknown-rule': 'off' } }))).toEqual(['11:22 text/repeated']);
    expect(where(lintText(plan('  # campaign-disable-next-line text/repeated\n' + task('1', '部署部署')), { severities: { 'text/repeated': 'off' } }))).toEqual(['10:3 lint/unused-disable']);
  });
});

describe('where the findings are counted', () => {
  it('the roll-up\'s count (tally) leaves out what is silenced, and counts the unused', () => {
    const text = plan('  # campaign-disable-next-line text/repeated\n' + task('1', '部署部署') + '  # campaign-disable text/brackets\n' + task('2', '组织组织'));
    const counted = tally(parseSource(text, { positions: false }), { asOf: '2020-07-15', schema: schema(), calendar: loadCalendar() });
    expect([counted.errors, counted.warnings]).toEqual([0, 2]);
  });

  it('validate, and a report command\'s count of errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'campaign-disables-'));
    const file = join(dir, 'plan.yaml');
    const seed = readFileSync('examples/tongzhong-2020.yaml', 'utf8');
    // The seed's one error, its 2019 period, silenced with a reason.
    writeFileSync(file, seed.replace(/^period:/m, '# campaign-disable-next-line date/period-year -- 沿用去年方案的时间，待县里通知\nperiod:'));
    const v = await cli(['validate', file, '-f', 'json', '--as-of', '2020-06-30']);
    expect([v.code, JSON.parse(v.stdout).findings.map((f: { rule: string }) => f.rule)]).toEqual([0, ['theme/national-year', 'text/repeated', 'numbering/gap']]);
    const s = await cli(['status', file, '-f', 'json', '--as-of', '2020-06-30']);
    expect([s.code, s.stderr]).toEqual([0, '']);
  });
});

describe('campaign update', () => {
  it('keeps the directives, which still silence what they did', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'campaign-disables-'));
    const file = join(dir, 'plan.yaml');
    copyFileSync('examples/tongzhong-2020.yaml', file);
    const seed = readFileSync(file, 'utf8');
    const withComments = seed
      .replace(/^period:/m, '# campaign-disable-next-line date/period-year -- 待县里通知\nperiod:')
      .replace(/^(\s+)- id: "2\.3"/m, '$1# campaign-disable numbering/gap -- 原文缺 2.2\n$&');
    writeFileSync(file, withComments);
    const before = (await cli(['validate', file, '-f', 'json', '--as-of', '2020-06-30'])).stdout;
    const u = await cli(['update', file, '2.3', '--progress', '100', '--date', '2020-06-30']);
    expect([u.code, u.stderr]).toEqual([0, '']);
    const after = readFileSync(file, 'utf8');
    expect(after).not.toBe(withComments);
    expect(after).toContain('# campaign-disable-next-line date/period-year -- 待县里通知\nperiod:');
    expect(after).toContain('# campaign-disable numbering/gap -- 原文缺 2.2\n');
    expect((await cli(['validate', file, '-f', 'json', '--as-of', '2020-06-30'])).stdout).toBe(before);
    expect(JSON.parse(before).findings.map((f: { rule: string }) => f.rule)).toEqual(['theme/national-year', 'text/repeated']);
  });
});

describe('the README', () => {
  it('its example of inline comments silences what it says, and every comment in it silences something', () => {
    const readme = readFileSync('README.md', 'utf8');
    const example = /```yaml\n(tasks:\n {2}# campaign-disable[\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    const text = plan(example!.replace(/^tasks:\n/, ''));
    const asOf = '2020-06-01';
    expect(where(lintText(text, { asOf }))).toEqual([]);
    const bare = text.replace(/^ *# campaign-(?:disable|enable).*\n/gm, '');
    expect(lintText(bare, { asOf }).map((p) => p.rule)).toEqual(['text/repeated', 'numbering/gap', 'text/brackets', 'date/holiday']);
  });
});
