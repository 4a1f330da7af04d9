// Finds the inline comments that silence rules in a plan's YAML: `# campaign-disable-next-line RULE, RULE
// -- reason`, and the block `# campaign-disable RULE` … `# campaign-enable RULE`. Only real comments count,
// not a `#` inside a quoted or block text. A plan without such a word costs one scan of its text; one whose
// data holds the word nowhere (the usual case) is read line by line, since outside its texts every `#` after
// white space starts a comment; any other is read by eemeli/yaml's lexer, which tells comments from text.
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
/**
 * A comment that may be a directive: a `#` at a line's start or after white space, to the line's end. One
 * after other words of a comment counts too (`# 原文编号 # campaign-disable …`), however it is found.
 */
const COMMENT = /(?<=^|[ \t])#[ \t]*campaign-(?:disable|enable)[^\r\n]*/gm;
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

/** Whether a key or a text of the data holds a directive's word (then the lexer must tell comments from text). */
function mentions(data: unknown): boolean {
  const seen = new Set<object>();
  const stack: unknown[] = [data];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (MAYBE.test(v)) return true;
    } else if (v !== null && typeof v === 'object' && !seen.has(v)) {
      seen.add(v);
      if (Array.isArray(v)) stack.push(...v);
      else for (const [k, x] of Object.entries(v)) stack.push(k, x);
    }
  }
  return false;
}

/**
 * Every directive in the text, in the order they are written. `data`, the text's data when it could be
 * read: when no text in it holds a directive's word, every such comment is found by its line alone.
 */
export function findDirectives(text: string, data?: unknown): Directive[] {
  if (!MAYBE.test(text)) return [];
  if (data !== undefined && !mentions(data)) {
    return [...text.matchAll(COMMENT)].flatMap((m) => readDirective(m[0], m.index) ?? []);
  }
  return lexDirectives(text);
}

/** The directives eemeli/yaml's lexer finds among the comments (exported for the test that compares both ways). */
export function lexDirectives(text: string): Directive[] {
  const { Lexer, CST } = yaml();
  const out: Directive[] = [];
  let offset = 0;
  let scalar = false;
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    // After the scalar marker comes a text, even one that starts with # (a block text's line at column 1).
    if (type === 'comment' && !scalar) {
      for (const m of token.matchAll(COMMENT)) {
        const d = readDirective(m[0], offset + m.index);
        if (d) out.push(d);
      }
    }
    // The lexer's own markers (a document's start, a scalar's, a flow's end) take no room in the text.
    if (type !== 'doc-mode' && type !== 'flow-error-end' && type !== 'scalar') offset += token.length;
    scalar = type === 'scalar';
  }
  return out;
}
