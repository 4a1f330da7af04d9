// Human-readable findings, like ESLint's "stylish": grouped by file, aligned columns (CJK-aware).
import { displayWidth } from './width.js';
import { label } from '../messages/labels.js';
import { formatMessage } from '../messages/index.js';
import type { ChalkInstance } from 'chalk';
import type { Finding } from '../findings.js';
import type { Lang } from '../messages/types.js';

const pad = (s: string, width: number) => s + ' '.repeat(Math.max(0, width - displayWidth(s)));

function summary(errors: number, warnings: number, infos: number, files: number, lang: Lang): string {
  const total = errors + warnings + infos;
  if (files === 0 && total === 0) return formatMessage('validate/no-files', {}, lang);
  if (total === 0) return formatMessage('validate/clean', { files }, lang);
  return formatMessage('validate/summary', { total, errors, warnings, infos }, lang);
}

export function renderStylish(findings: readonly Finding[], files: number, lang: Lang, c: ChalkInstance): string {
  const out: string[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  for (const [file, list] of byFile) {
    out.push(c.underline(file));
    const rows = list.map((f) => [`${f.line}:${f.column}`, label(lang, f.severity), f.message, f.rule] as const);
    const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => displayWidth(r[i]!))));
    rows.forEach((r, i) => {
      const sev = list[i]!.severity;
      const colour = sev === 'error' ? c.red : sev === 'warning' ? c.yellow : c.blue;
      out.push(`  ${c.dim(pad(r[0], widths[0]!))}  ${colour(pad(r[1], widths[1]!))}  ${pad(r[2], widths[2]!)}  ${c.dim(r[3])}`.trimEnd());
    });
    out.push('');
  }
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  const errors = count('error');
  const line = summary(errors, count('warning'), count('info'), files, lang);
  out.push(errors || files === 0 ? c.red.bold(line) : findings.length ? c.yellow.bold(line) : c.green(line));
  return out.join('\n') + '\n';
}
