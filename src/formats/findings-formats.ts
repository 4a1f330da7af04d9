// The formats `validate -f` offers, one line each, each loaded only when used (stylish pulls in chalk and
// the CJK widths, SARIF the rule list); the -f help is made from this table.
import type { Finding } from '../findings.js';
import type { Lang } from '../messages/types.js';

/** Everything a findings format may need; each takes what it uses. */
export interface FindingsRun {
  findings: readonly Finding[];
  /** How many files were checked (stylish's summary). */
  files: number;
  lang: Lang;
  /** The working folder, absolute: GitHub and SARIF name files relative to it. */
  cwd: string;
  /** The tool's version (SARIF), read only when asked for. */
  version: () => string;
  /** Colour level and width of the terminal (stylish). */
  color: 0 | 1 | 2 | 3;
  width: number;
}

type Render = (run: FindingsRun) => string;

export const FINDINGS_FORMATS = {
  stylish: async (): Promise<Render> => {
    const [{ renderStylish }, { Chalk }] = await Promise.all([import('./stylish.js'), import('chalk')]);
    return (r) => renderStylish(r.findings, r.files, r.lang, new Chalk({ level: r.color }), r.width);
  },
  json: async (): Promise<Render> => {
    const { renderFindingsJson } = await import('./findings-json.js');
    return (r) => renderFindingsJson(r.findings);
  },
  compact: async (): Promise<Render> => {
    const { renderCompact } = await import('./findings-compact.js');
    return (r) => renderCompact(r.findings);
  },
  github: async (): Promise<Render> => {
    const [{ renderGithub }, { relative, resolve, sep }] = await Promise.all([import('./findings-github.js'), import('node:path')]);
    return (r) => renderGithub(r.findings, (file) => relative(r.cwd, resolve(r.cwd, file)).split(sep).join('/'));
  },
  sarif: async (): Promise<Render> => {
    const [{ renderSarif }, { RULES }] = await Promise.all([import('./findings-sarif.js'), import('../rules/index.js')]);
    return (r) => renderSarif(r.findings, { version: r.version(), rules: RULES, lang: r.lang, cwd: r.cwd });
  },
} satisfies Record<string, () => Promise<Render>>;

export type FindingsFormat = keyof typeof FINDINGS_FORMATS;

export const FINDINGS_FORMAT_NAMES = Object.keys(FINDINGS_FORMATS) as FindingsFormat[];

/** The formats that carry each finding's fix (so that it is worked out only for them). */
export const SHOWS_FIXES: ReadonlySet<FindingsFormat> = new Set(['json', 'sarif']);
