// Findings for scripts: one stable JSON object (the `validate --format json` contract,
// schemas/output/validate.schema.json): each finding in ESLint's shape, with the file and the JSONPath.
import { countFindings, type Finding } from '../findings.js';

/** One finding as JSON: ESLint's message fields (`ruleId`, `messageId`, `endLine` …) and this tool's own (`file`, `rule`, `path`). */
export function findingObject(f: Finding): Record<string, unknown> {
  return {
    file: f.file, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn, ruleId: f.rule, rule: f.rule,
    messageId: f.messageId, severity: f.severity, message: f.message, data: f.data,
    ...(f.path !== undefined ? { path: f.path } : {}), ...(f.fix ? { fix: f.fix } : {}),
  };
}

export function renderFindingsJson(findings: readonly Finding[]): string {
  const { errors, warnings } = countFindings(findings);
  // schemaVersion first, as in every JSON output (README: JSON output): it goes up with any change of shape.
  return JSON.stringify({ schemaVersion: 1, findings: findings.map(findingObject), errors, warnings }, null, 2) + '\n';
}
