// A finding as the outside world sees it (the `--format json` contract, in ESLint's shape), made from a
// located problem.
import type { TextReplacement } from './edit/apply.js';
import type { LocatedProblem } from './lint.js';
import { formatProblem, type Lang } from './messages/index.js';
import type { Severity } from './rules/types.js';
import type { Path } from './source/path.js';

export interface Finding {
  file: string;
  /** 1-based, counted in UTF-16 code units as JavaScript, ESLint and SARIF count them. */
  line: number;
  column: number;
  /** Where the offending node ends: just past its last character. */
  endLine: number;
  endColumn: number;
  rule: string;
  /** The rule's own message id (the catalogue's key is `rule:messageId`; for collect's sheet checks, the rule id). */
  messageId: string;
  /** The values the message is made from, as the message catalogue takes them. */
  data: Record<string, unknown>;
  severity: Severity;
  message: string;
  /** JSONPath of the offending node, e.g. $.tasks[1].tasks[0].due (validate's findings). */
  path?: string;
  /** For a spreadsheet: the cell, as the spreadsheet names it (填报!G7), shown instead of line:column. */
  cell?: string;
  /** The fix the rule offers, as one replacement of the file's text (`validate --fix` makes it). */
  fix?: TextReplacement;
}

export function jsonPath(path: Path): string {
  return '$' + path.map((seg) => (typeof seg === 'number' ? `[${seg}]` : /^[A-Za-z_$][\w$-]*$/.test(seg) ? `.${seg}` : `[${JSON.stringify(seg)}]`)).join('');
}

export function toFinding(file: string, p: LocatedProblem, lang: Lang, fix?: TextReplacement): Finding {
  return {
    file, line: p.line, column: p.column, endLine: p.endLine, endColumn: p.endColumn, rule: p.rule, messageId: p.messageId, data: p.data,
    severity: p.severity, message: formatProblem(p, lang), path: jsonPath(p.path), ...(fix ? { fix } : {}),
  };
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

/** Errors and warnings counted as the outputs and the exit code count them (notes are neither). */
export function countFindings(findings: readonly Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
  }
  return { errors, warnings };
}
