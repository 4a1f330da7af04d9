// Human-readable findings, like ESLint's "stylish": grouped by file, aligned columns (CJK-aware).
import stringWidth from 'string-width';
import type { ChalkInstance } from 'chalk';
import type { Finding } from '../findings.js';
import type { Lang } from '../messages/types.js';

const LABEL: Record<Lang, Record<string, string>> = {
  en: { error: 'error', warning: 'warning', info: 'info' },
  zh: { error: '错误', warning: '警告', info: '提示' },
};

const pad = (s: string, width: number) => s + ' '.repeat(Math.max(0, width - stringWidth(s)));

function summary(errors: number, warnings: number, infos: number, files: number, lang: Lang): string {
  const total = errors + warnings + infos;
  if (files === 0 && total === 0) return lang === 'zh' ? '✖ 没有可检查的文件' : '✖ no file could be checked';
  if (lang === 'zh') {
    if (total === 0) return `✔ 已检查 ${files} 个文件，未发现问题`;
    return `✖ 共 ${total} 个问题（${errors} 个错误，${warnings} 个警告${infos ? `，${infos} 个提示` : ''}）`;
  }
  if (total === 0) return `✔ ${files} file${files === 1 ? '' : 's'} checked, no problems`;
  const n = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
  return `✖ ${n(total, 'problem')} (${n(errors, 'error')}, ${n(warnings, 'warning')}${infos ? `, ${n(infos, 'info')}` : ''})`;
}

export function renderStylish(findings: readonly Finding[], files: number, lang: Lang, c: ChalkInstance): string {
  const out: string[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  for (const [file, list] of byFile) {
    out.push(c.underline(file));
    const rows = list.map((f) => [`${f.line}:${f.column}`, LABEL[lang][f.severity]!, f.message, f.rule] as const);
    const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => stringWidth(r[i]!))));
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
