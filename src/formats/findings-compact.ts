// One line per finding, `file:line:col: severity message [rule]`: what editors' and CI's problem matchers
// (and grep) read. The severity is always in English, the message in the chosen language.
import type { Finding } from '../findings.js';
import { visible } from '../text/visible.js';

/** On one line whatever the text holds: line breaks (and every other control character) written as escapes. */
const oneLine = (text: string): string => visible(text).replace(/\n/g, '\\n');

export function renderCompact(findings: readonly Finding[]): string {
  return findings.map((f) => `${oneLine(f.file)}:${f.line}:${f.column}: ${f.severity} ${oneLine(f.message)} [${f.rule}]\n`).join('');
}
