// Findings for scripts: one stable JSON object (the `validate --format json` contract).
import type { Finding } from '../findings.js';

export function renderFindingsJson(findings: readonly Finding[]): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const ordered = findings.map(({ file, line, column, rule, severity, message, path }) => ({ file, line, column, rule, severity, message, path }));
  return JSON.stringify({ findings: ordered, errors, warnings }, null, 2) + '\n';
}
