// Applies the inline directives to a plan's findings, as ESLint does its disable comments: a finding
// silenced by `campaign-disable-next-line` on the line before it, or inside a `campaign-disable` …
// `campaign-enable` block, is dropped; a directive (or one rule it names) that silenced nothing is
// unused, and a rule id no rule has is unknown — both for the lint/* rules to report. Pure.
import { nearest } from '../model/nearest.js';
import type { Directive } from './parse.js';

/** A directive that silenced nothing: the whole of it (no rule named), or one rule it names. */
export interface UnusedDisable { offset: number; directive: 'campaign-disable-next-line' | 'campaign-disable'; rule?: string }

/** A rule id in a directive that no rule has, with the nearest that does. */
export interface UnknownDirectiveRule { offset: number; rule: string; suggestion?: string }

/** What the directives did: what the lint/* rules report. */
export interface DirectiveOutcome { unused: UnusedDisable[]; unknown: UnknownDirectiveRule[] }

/** What a finding must give to be silenced: its rule, where it starts, and on which line. */
interface Silenceable { rule: string; offset: number; line: number }

/** One rule of one directive (or all rules, `rule` undefined), and whether it silenced anything. */
interface Entry { directive: Directive; rule?: string; used: boolean }

const NAMES = { 'disable-next-line': 'campaign-disable-next-line', disable: 'campaign-disable' } as const;

/**
 * The findings left once the directives are applied, and what the directives did. `problems` come sorted
 * by offset; `lineOf` gives a source offset's 1-based line; `known` holds every rule id.
 */
export function applyDisables<P extends Silenceable>(problems: readonly P[], directives: readonly Directive[], known: ReadonlySet<string>, lineOf: (offset: number) => number): { kept: P[]; outcome: DirectiveOutcome } {
  const unknown: UnknownDirectiveRule[] = [];
  const entries: Entry[] = [];
  // A directive's entries: one per known rule it names, or one for all when it names none (a directive that
  // names only unknown rules silences nothing, rather than everything).
  const entriesOf = new Map<Directive, Entry[]>();
  for (const d of directives) {
    const own: Entry[] = [];
    for (const rule of d.rules) {
      if (known.has(rule)) own.push({ directive: d, rule, used: false });
      else unknown.push({ offset: d.offset, rule, suggestion: nearest(rule, [...known]) });
    }
    if (d.rules.length === 0) own.push({ directive: d, used: false });
    entriesOf.set(d, own);
    entries.push(...own);
  }

  // disable-next-line entries by the line they silence.
  const nextLine = new Map<number, Entry[]>();
  for (const d of directives) {
    if (d.kind !== 'disable-next-line') continue;
    const line = lineOf(d.offset) + 1;
    nextLine.set(line, [...(nextLine.get(line) ?? []), ...entriesOf.get(d)!]);
  }

  // Blocks, swept in offset order alongside the findings.
  const blocks = directives.filter((d) => d.kind !== 'disable-next-line');
  let at = 0;
  let all: Entry | undefined;
  const byRule = new Map<string, Entry>();
  const exempt = new Set<string>();
  const step = (d: Directive) => {
    for (const e of entriesOf.get(d)!) {
      if (d.kind === 'disable') {
        if (e.rule === undefined) {
          all = e;
          exempt.clear();
        } else {
          byRule.set(e.rule, e);
          exempt.delete(e.rule);
        }
      } else if (e.rule === undefined) {
        all = undefined;
        byRule.clear();
        exempt.clear();
      } else {
        byRule.delete(e.rule);
        if (all) exempt.add(e.rule);
      }
    }
  };

  const kept: P[] = [];
  for (const p of problems) {
    while (at < blocks.length && blocks[at]!.offset < p.offset) step(blocks[at++]!);
    // The most specific directive takes the credit: the line's own, naming the rule, before a block.
    const line = nextLine.get(p.line);
    const silencer = line?.find((e) => e.rule === p.rule) ?? line?.find((e) => e.rule === undefined)
      ?? byRule.get(p.rule) ?? (all && !exempt.has(p.rule) ? all : undefined);
    if (silencer) silencer.used = true;
    else kept.push(p);
  }

  const unused = entries
    .filter((e) => !e.used && e.directive.kind !== 'enable')
    .map((e): UnusedDisable => ({ offset: e.directive.offset, directive: NAMES[e.directive.kind as keyof typeof NAMES], ...(e.rule ? { rule: e.rule } : {}) }));
  return { kept, outcome: { unused, unknown } };
}
