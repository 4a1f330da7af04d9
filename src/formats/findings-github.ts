// GitHub Actions workflow commands, one per finding (`::error file=…,line=…,col=…,endLine=…,endColumn=…,
// title=RULE::message`): the runner turns each into an annotation on the file and lines. Escaped as the
// runner unescapes (actions/runner ActionCommand.cs, actions/toolkit command.ts): %, CR and LF in the
// message; those and `:` and `,` in a property.
import type { Finding } from '../findings.js';
import { visible } from '../text/visible.js';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

export const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

export const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** `toPath`: the file as the repository names it (relative to the working folder, with / between folders). */
export function renderGithub(findings: readonly Finding[], toPath: (file: string) => string): string {
  return findings.map((f) => {
    const props: [string, string | number][] = [['file', toPath(f.file)], ['line', f.line], ['col', f.column], ['endLine', f.endLine], ['endColumn', f.endColumn], ['title', f.rule]];
    const properties = props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
    return `::${COMMAND[f.severity]} ${properties}::${escapeData(visible(f.message))}\n`;
  }).join('');
}
