// Findings as a SARIF 2.1.0 log (OASIS), for GitHub code scanning and other SARIF viewers: the tool and
// every rule it has (with its description and the README's entry on it), and one result per finding,
// located by a URI relative to the working folder (uriBaseId %SRCROOT%) and a region in UTF-16 code units.
import { relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding } from '../findings.js';
import type { Lang } from '../messages/types.js';
import type { Severity } from '../rules/types.js';

/** Where the project is published (package.json's homepage); each rule has an anchor in its README. */
export const HOMEPAGE = 'https://github.com/zhenban/campaign';

/** The README's entry on a rule: `<a id="rule-date-period-year">` in its table of rules. */
export const ruleAnchor = (id: string): string => `rule-${id.replace(/\//g, '-')}`;

export interface SarifRule { id: string; severity: Severity; description: Record<Lang, string> }

export interface SarifOptions {
  version: string;
  rules: readonly SarifRule[];
  lang: Lang;
  /** The working folder, absolute: file names are made relative to it. */
  cwd: string;
}

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

const ROOT = '%SRCROOT%';

/** A file name as a URI reference relative to `cwd`: / between folders, each name percent-encoded. */
export function relativeUri(file: string, cwd: string): string {
  return relative(cwd, resolve(cwd, file)).split(sep).map(encodeURIComponent).join('/');
}

export function renderSarif(findings: readonly Finding[], opts: SarifOptions): string {
  const index = new Map(opts.rules.map((r, i) => [r.id, i]));
  const rules = opts.rules.map((r) => ({
    id: r.id,
    shortDescription: { text: r.description[opts.lang] },
    fullDescription: { text: r.description[opts.lang] },
    helpUri: `${HOMEPAGE}#${ruleAnchor(r.id)}`,
    help: { text: `${r.description[opts.lang]} (${HOMEPAGE}#${ruleAnchor(r.id)})` },
    defaultConfiguration: { level: LEVEL[r.severity] },
  }));
  const results = findings.map((f) => {
    const artifactLocation = { uri: relativeUri(f.file, opts.cwd), uriBaseId: ROOT };
    const ruleIndex = index.get(f.rule);
    return {
      ruleId: f.rule,
      ...(ruleIndex !== undefined ? { ruleIndex } : {}),
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [{ physicalLocation: { artifactLocation, region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn } } }],
      ...(f.fix ? {
        fixes: [{
          description: { text: f.message },
          artifactChanges: [{
            artifactLocation,
            replacements: [{ deletedRegion: { charOffset: f.fix.range[0], charLength: f.fix.range[1] - f.fix.range[0] }, insertedContent: { text: f.fix.text } }],
          }],
        }],
      } : {}),
    };
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'campaign', version: opts.version, semanticVersion: opts.version, informationUri: HOMEPAGE, rules } },
      originalUriBaseIds: { [ROOT]: { uri: pathToFileURL(opts.cwd.endsWith(sep) ? opts.cwd : opts.cwd + sep).href } },
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
