// Human-readable findings, like ESLint's "stylish": grouped by file, aligned columns (CJK-aware). On a
// terminal too narrow for a finding's line, its message wraps under itself; piped, a finding is one line.
import { displayWidth, wrapText } from './width.js';
import { visibleName } from '../text/visible.js';
import { label } from '../messages/labels.js';
import { formatMessage } from '../messages/index.js';
import type { ChalkInstance } from 'chalk';
import type { Finding } from '../findings.js';
import type { Lang } from '../messages/types.js';

function summary(errors: number, warnings: number, infos: number, files: number, lang: Lang): string {
  const total = errors + warnings + infos;
  if (files === 0 && total === 0) return formatMessage('validate/no-files', {}, lang);
  if (total === 0) return formatMessage('validate/clean', { files }, lang);
  return formatMessage('validate/summary', { total, errors, warnings, infos }, lang);
}

/** A message keeps at least this many columns a line, however narrow the terminal. */
const MIN_MESSAGE = 24;

/** `width`: the terminal's width (unbounded when piped). */
export function renderStylish(findings: readonly Finding[], files: number, lang: Lang, c: ChalkInstance, width = Number.POSITIVE_INFINITY): string {
  const out: string[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  const severity = { error: label(lang, 'error'), warning: label(lang, 'warning'), info: label(lang, 'info') };
  for (const [file, list] of byFile) {
    out.push(c.underline(visibleName(file)));
    // Each cell's width is measured once; plan text in messages is shown with its control characters escaped.
    const rows = list.map((f) => {
      const cells = [f.cell ?? `${f.line}:${f.column}`, severity[f.severity], visibleName(f.message)] as const;
      return { cells, widths: cells.map(displayWidth), f };
    });
    const widths = [0, 0, 0];
    for (const r of rows) for (let i = 0; i < 3; i++) if (r.widths[i]! > widths[i]!) widths[i] = r.widths[i]!;
    // Too wide for the terminal: the message column narrows and its text wraps; the rule stays on the first line.
    const indent = 2 + widths[0]! + 2 + widths[1]! + 2;
    let ruleWidth = 0;
    for (const f of list) ruleWidth = Math.max(ruleWidth, f.rule.length);
    if (indent + widths[2]! + 2 + ruleWidth > width) widths[2] = Math.max(MIN_MESSAGE, width - indent - 2 - ruleWidth);
    const pad = (text: string, w: number) => text + ' '.repeat(Math.max(0, w - displayWidth(text)));
    for (const r of rows) {
      const colour = r.f.severity === 'error' ? c.red : r.f.severity === 'warning' ? c.yellow : c.blue;
      const [first, ...more] = r.widths[2]! > widths[2]! ? wrapText(r.cells[2], widths[2]!).split('\n') : [r.cells[2]];
      out.push(`  ${c.dim(pad(r.cells[0], widths[0]!))}  ${colour(pad(r.cells[1], widths[1]!))}  ${pad(first!, widths[2]!)}  ${c.dim(r.f.rule)}`.trimEnd());
      for (const line of more) out.push(`${' '.repeat(indent)}${line}`);
    }
    out.push('');
  }
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  const errors = count('error');
  const line = summary(errors, count('warning'), count('info'), files, lang);
  out.push(errors || files === 0 ? c.red.bold(line) : findings.length ? c.yellow.bold(line) : c.green(line));
  return out.join('\n') + '\n';
}
