// A finding as the outside world sees it (the `--format json` contract), made from a located problem.
import type { LocatedProblem } from './lint.js';
import { formatProblem, type Lang } from './messages/index.js';
import type { Path } from './model/types.js';
import type { Severity } from './rules/types.js';

export interface Finding {
  file: string;
  line: number;
  column: number;
  rule: string;
  severity: Severity;
  message: string;
  /** JSONPath of the offending node, e.g. $.tasks[1].tasks[0].due */
  path: string;
  /** For a spreadsheet: the cell, as the spreadsheet names it (填报!G7), shown instead of line:column. */
  cell?: string;
}

export function jsonPath(path: Path): string {
  return '$' + path.map((seg) => (typeof seg === 'number' ? `[${seg}]` : /^[A-Za-z_$][\w$-]*$/.test(seg) ? `.${seg}` : `[${JSON.stringify(seg)}]`)).join('');
}

export function toFinding(file: string, p: LocatedProblem, lang: Lang): Finding {
  return { file, line: p.line, column: p.column, rule: p.rule, severity: p.severity, message: formatProblem(p, lang), path: jsonPath(p.path) };
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}
