// Finds the inline comments that silence rules in a plan's YAML: `# campaign-disable-next-line RULE, RULE
// -- reason`, and the block `# campaign-disable RULE` … `# campaign-enable RULE`. Only real comments count
// (eemeli/yaml's lexer tells them from a `#` inside a quoted or block text), and the lexer is loaded only
// when the text holds such a word at all, so a plan without one costs a single scan.
import { createRequire } from 'node:module';

export type DirectiveKind = 'disable-next-line' | 'disable' | 'enable';

export interface Directive {
  kind: DirectiveKind;
  /** Where the comment's `#` is (a source offset). */
  offset: number;
  /** The rule ids named, as written; none names every rule. */
  rules: string[];
  /** The words after ` -- `, when given. */
  reason?: string;
}

const MAYBE = /campaign-(?:disable|enable)/;
// The keyword, then (after white space) what it names; `campaign-disable-line` and the like are no directive.
const DIRECTIVE = /^#\s*campaign-(disable-next-line|disable|enable)(?=\s|$)(.*)$/s;

let yamlLib: typeof import('yaml') | undefined;
const yaml = (): typeof import('yaml') => (yamlLib ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));

/** A comment's text as a directive, or undefined when it is another comment. */
export function readDirective(comment: string, offset: number): Directive | undefined {
  const m = DIRECTIVE.exec(comment.trimEnd());
  if (!m) return undefined;
  // The reason follows " -- " (or a "--" that starts what the comment names): rules are before it.
  const rest = m[2]!;
  const dash = /(?:^|\s)--(?:\s|$)/.exec(rest);
  const named = dash ? rest.slice(0, dash.index) : rest;
  const reason = dash ? rest.slice(dash.index + dash[0].length).trim() : '';
  return {
    kind: m[1] as DirectiveKind,
    offset,
    rules: named.split(/[\s,]+/).filter((r) => r !== ''),
    ...(reason ? { reason } : {}),
  };
}

/** Every directive in the text, in the order they are written. */
export function findDirectives(text: string): Directive[] {
  if (!MAYBE.test(text)) return [];
  const { Lexer, CST } = yaml();
  const out: Directive[] = [];
  let offset = 0;
  let scalar = false;
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    // After the scalar marker comes a text, even one that starts with # (a block text's line at column 1).
    if (type === 'comment' && !scalar) {
      const d = readDirective(token, offset);
      if (d) out.push(d);
    }
    // The lexer's own markers (a document's start, a scalar's, a flow's end) take no room in the text.
    if (type !== 'doc-mode' && type !== 'flow-error-end' && type !== 'scalar') offset += token.length;
    scalar = type === 'scalar';
  }
  return out;
}
