// Reads plan text once, with positions: plain YAML with this project's quick reader (quick.ts), which
// records a node table as it goes; everything it steps aside from (anchors, multi-line scalars, tabs,
// anything wrong) with eemeli/yaml, whose error messages and alias limit the YAML rules report — the same
// reader `update` edits with, so every command reads every file the same way. Both give the same data
// (test/read-paths.test.ts); positions are looked up only for nodes that have findings.
import { createRequire } from 'node:module';
import type { Document, LineCounter, Node } from 'yaml';
import { nodeIndex, type ChildMemo, type NodeTable } from './fast.js';
import { parseQuick } from './quick.js';
import type { Path } from './path.js';

export interface YamlIssue {
  code: string;
  message: string;
  offset: number;
  end: number;
  warning: boolean;
  /** For a core tag on a value it does not fit (code TAG_VALUE): the tag's name, such as int. */
  core?: string;
  /** For a key said twice (code DUPLICATE_KEY): the key as written, the first line of one over several. */
  key?: string;
}
export interface Position { line: number; column: number }

export interface ParsedSource {
  text: string;
  /** The plain data, or undefined when the YAML is too broken to check further. */
  data: unknown;
  /** What eemeli/yaml said was wrong (the fast path is taken only when nothing is). */
  issues: YamlIssue[];
  /** Set when alias expansion hit the limit (a "billion laughs" document): the limit. */
  aliasError?: number;
  /** Which reader read it: this project's own for plain YAML, else eemeli/yaml. */
  reader: 'quick' | 'yaml';
  /** Start and end offsets of the node at `path` (its key, with `key`), or of the nearest ancestor there is. */
  range(path: Path, key?: boolean): [number, number] | undefined;
  position(offset: number): Position;
}

/** Most aliases one document may expand: far above any real plan, far below a "billion laughs". */
export const MAX_ALIAS_COUNT = 1000;

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function positionOf(starts: number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

// eemeli/yaml is loaded only when the careful path is taken (its CommonJS build, synchronously).
let yamlLib: typeof import('yaml') | undefined;
const yaml = (): typeof import('yaml') => (yamlLib ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));

const keyOf = (k: unknown): string => (yaml().isScalar(k) ? String((k as { value: unknown }).value) : String(k));

function yamlRange(doc: Document.Parsed, text: string, path: Path, key: boolean): [number, number] | undefined {
  const { isMap, isSeq } = yaml();
  let node = doc.contents as Node | null;
  for (let i = 0; i < path.length && node; i++) {
    const seg = path[i]!;
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => keyOf(p.key) === String(seg));
      if (!pair) break;
      if (last && key) return (pair.key as Node)?.range ? [(pair.key as Node).range![0], (pair.key as Node).range![1]] : undefined;
      node = (pair.value as Node | null) ?? (pair.key as Node);
    } else if (isSeq(node)) {
      const item = typeof seg === 'number' ? (node.items[seg] as Node | undefined) : undefined;
      if (!item) break;
      node = item;
    } else {
      break;
    }
  }
  return node?.range ? [node.range[0], trimEnd(text, node.range[0], valueEnd(node))] : undefined;
}

/**
 * Where a node's value ends: a block collection's where its last item's does (eemeli/yaml's range runs on
 * over the comments and line breaks after it; a last value written as nothing is where it was looked for,
 * and the caller trims back to the key before it).
 */
function valueEnd(node: Node): number {
  const { isMap, isSeq } = yaml();
  if ((isMap(node) || isSeq(node)) && !node.flow && node.items.length) {
    const last = node.items[node.items.length - 1] as Node | { key: unknown; value: unknown };
    const child = (isMap(node) ? ((last as { value: Node | null }).value?.range ? (last as { value: Node }).value : (last as { key: Node }).key) : last) as Node | null;
    if (child?.range) return valueEnd(child);
  }
  return node.range![1];
}

/** Where the first alias is whose anchor is not set before it. */
function unresolvedAlias(doc: Document.Parsed): { offset: number; end: number } {
  const { visit, isAlias } = yaml();
  let at = { offset: 0, end: 0 };
  visit(doc, {
    Alias(_, node) {
      if (isAlias(node) && node.resolve(doc) === undefined && node.range) {
        at = { offset: node.range[0], end: node.range[1] };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return at;
}

/** A carriage return that does not end a line with the line feed after it. */
const LONE_CR = /\r(?!\n)/g;

/**
 * The text with every lone CR (an old Mac file's line end, or one pasted from one) made a LF. YAML 1.2
 * counts a lone CR as a line break, and eemeli/yaml does not: it reads such a file as one long line. The
 * same length, so every offset stays; every reader of plans (validate's, update's, the edit's check)
 * reads this text, and a position counts lines as YAML 1.2 does.
 */
export const withLineFeeds = (text: string): string => (text.includes('\r') ? text.replace(LONE_CR, '\n') : text);

/**
 * `!!float 30`: YAML 1.2's core schema reads a whole number under !!float as that number (its float
 * pattern takes "30"); eemeli/yaml's float tags do not, and would call the tag unresolved. Whole numbers
 * without a tag are !!int's, which comes first, so this reads only what is tagged !!float.
 */
const WHOLE_FLOAT = { tag: 'tag:yaml.org,2002:float', default: true, test: /^[-+]?[0-9]+$/, resolve: (s: string) => Number(s) } as const;

/**
 * How every reader of a plan calls eemeli/yaml (parseCareful, and the edit that update makes): the core
 * schema's tags (!!str !!int !!float !!bool !!null !!seq !!map) as YAML 1.2 reads them; YAML 1.1's
 * (!!binary, !!timestamp, !!set …) not resolved, so that they are reported rather than read as bytes,
 * dates or sets.
 */
const YAML_OPTIONS = { resolveKnownTags: false, customTags: [WHOLE_FLOAT] };

/** The text as eemeli/yaml's Document, read as every command reads a plan. */
export function readYamlDocument(text: string, options: { lineCounter?: LineCounter; keepSourceTokens?: boolean; uniqueKeys?: boolean } = {}): Document.Parsed {
  return yaml().parseDocument(withLineFeeds(text), { ...YAML_OPTIONS, prettyErrors: false, ...options });
}

/** The core schema's tags, and what each reads: one on a value it does not fit is a mistake of the value's, not a foreign tag. */
const CORE_TAGS: Readonly<Record<string, string>> = {
  str: 'a text', int: 'a whole number', float: 'a number', bool: 'true or false', null: 'empty', seq: 'a list', map: 'a mapping',
};

/**
 * eemeli/yaml's words for a tag it cannot resolve, made plain: a tag that has no place in a plan
 * (!!binary, !!js/function, !custom), or a core tag on a value it does not fit (!!int 3.5), said with
 * the tag as written.
 */
function tagIssue(text: string, e: YamlIssue): YamlIssue {
  const tag = text.slice(e.offset, e.end);
  if (!tag.startsWith('!')) return e;
  const core = /^Unresolved tag: tag:yaml\.org,2002:(\w+)$/.exec(e.message.split('\n')[0]!)?.[1];
  if (core && Object.hasOwn(CORE_TAGS, core)) return { ...e, code: 'TAG_VALUE', core, message: `the value after ${tag} is not ${CORE_TAGS[core]}; remove ${tag}` };
  return { ...e, code: 'TAG', message: `the tag ${tag} is not allowed in a plan; remove it` };
}

/**
 * Keys said twice, each spanning the key as written: eemeli/yaml marks only its first character. `a#b`, `"x y"`
 * and `? |` … read as the key they are; a key over several lines (an explicit block key) as its first line.
 * One walk over the document finds the keys of every such issue (a file of 20,000 repeated keys: not one each).
 */
function withDuplicateKeys(doc: Document.Parsed, text: string, issues: YamlIssue[]): YamlIssue[] {
  const wanted = new Set(issues.filter((e) => e.code === 'DUPLICATE_KEY').map((e) => e.offset));
  if (wanted.size === 0) return issues;
  const { visit, isNode, isScalar, isPair } = yaml();
  const keys = new Map<number, Node>();
  visit(doc, (_, node) => {
    if (isPair(node) && isNode(node.key) && node.key.range && wanted.has(node.key.range[0])) keys.set(node.key.range[0], node.key);
  });
  return issues.map((e) => {
    const key = e.code === 'DUPLICATE_KEY' ? keys.get(e.offset) : undefined;
    if (!key?.range) return e;
    const written = text.slice(key.range[0], key.range[1]).trimEnd();
    if (!written.includes('\n')) return { ...e, end: key.range[0] + written.length, key: written };
    // A block scalar key (? |): its text's first line; any other: the first line as written.
    const first = (isScalar(key) ? String(key.value).trim() : written).split('\n')[0]!.trimEnd();
    return { ...e, key: first };
  });
}

/** A %YAML directive: the version it names, and where. */
const YAML_DIRECTIVE = /^%YAML[ \t]+([^\s#]*)/m;

/**
 * A plan declaring a YAML version other than 1.2 (%YAML 1.1, which some generators write): one issue
 * saying to remove the line. Read as 1.1, its dates would be timestamps and yes/no booleans; read as 1.2,
 * not what its writer meant. eemeli/yaml's own warning about the version, on that line, is left out.
 */
function versionIssue(text: string, doc: Document.Parsed, issues: YamlIssue[]): YamlIssue[] {
  const m = YAML_DIRECTIVE.exec(text);
  if (!doc.directives.yaml.explicit || !m || m[1] === '1.2') return issues;
  const end = m.index + m[0].length;
  const others = issues.filter((i) => !(i.code === 'BAD_DIRECTIVE' && i.offset >= m.index && i.offset <= end));
  return [{ code: 'YAML_VERSION', message: `the plan declares ${m[0].trim()}, but a plan is read as YAML 1.2: remove that line`, offset: m.index, end, warning: false }, ...others];
}

/** Reads with eemeli/yaml: the careful path, and the one that explains what is wrong. */
export function parseCareful(rawText: string): ParsedSource & { doc: Document.Parsed } {
  const { LineCounter } = yaml();
  const text = withLineFeeds(rawText);
  const lineCounter = new LineCounter();
  const doc = readYamlDocument(text, { lineCounter, uniqueKeys: true });
  const said = [
    ...doc.errors.map((e) => ({ code: e.code as string, message: e.message, offset: e.pos[0], end: e.pos[1], warning: false })),
    ...doc.warnings.map((e) => ({ code: e.code as string, message: e.message, offset: e.pos[0], end: e.pos[1], warning: true })),
  ];
  const issues = versionIssue(text, doc, withDuplicateKeys(doc, text, said.map((e) => (e.code === 'TAG_RESOLVE_FAILED' ? tagIssue(text, e) : e))));
  // A duplicate key leaves a usable document (the later value wins); anything else does not.
  const usable = issues.every((i) => i.code === 'DUPLICATE_KEY');
  let data: unknown;
  let aliasError: number | undefined;
  if (usable) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (err) {
      const message = (err as Error)?.message ?? '';
      // A "billion laughs" document; an alias to an anchor set after it (*a before &a), which the parser
      // lets through; nesting deeper than the stack. Anything else is a bug, said as one.
      if (err instanceof ReferenceError && /Excessive alias count/.test(message)) aliasError = MAX_ALIAS_COUNT;
      else if (err instanceof ReferenceError && /Unresolved alias/.test(message)) issues.push({ code: 'BAD_ALIAS', message, ...unresolvedAlias(doc), warning: false });
      else if (err instanceof RangeError && /Maximum call stack size exceeded/.test(message)) issues.push({ code: 'TOO_DEEP', message, offset: 0, end: 0, warning: false });
      else throw err;
    }
  }
  return {
    text, data, issues, aliasError, reader: 'yaml', doc,
    range: (path, key = false) => yamlRange(doc, text, path, key),
    position: (offset) => {
      const { line, col } = lineCounter.linePos(offset);
      return { line, column: col };
    },
  };
}

/** Past spaces, line breaks and comments: where a node's own text begins. */
function contentStart(text: string, from: number, to: number): number {
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
    else if (c === 0x23 /* # */) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? to : nl + 1;
    } else break;
  }
  return i;
}

/** Back over YAML's white space and line breaks (not over others, such as 　, which belong to a text). */
function trimEnd(text: string, from: number, to: number): number {
  let i = to;
  while (i > from && isYamlSpace(text.charCodeAt(i - 1))) i--;
  return i;
}

const isYamlSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/**
 * Past the closing brackets (and the spaces and commas between them) that follow `from`: where a block
 * collection whose last node is inside flow collections ends. No other text can follow a block node's
 * last leaf there: `]`, `}` and `,` cannot start a plain text.
 */
function pastClosers(text: string, from: number): number {
  let end = from;
  for (let j = from; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x5d /* ] */ || c === 0x7d /* } */) end = j + 1;
    else if (!isYamlSpace(c) && c !== 0x2c /* , */) break;
  }
  return end;
}

/**
 * `positions: false` records no node table (the roll-up, which only counts findings): a position asked
 * for later is found by reading the text again with eemeli/yaml.
 */
export function parseSource(rawText: string, { positions = true }: { positions?: boolean } = {}): ParsedSource {
  const text = withLineFeeds(rawText);
  const quick = parseQuick(text, positions);
  // Not plain, or nothing there (an empty document is small, and its findings belong at 1:1).
  if (!quick || quick.data === null) return parseCareful(text);
  return tableSource(text, quick, 'quick');
}

/** A parsed source over a node table (exported for the test that compares the readers). */
export function tableSource(text: string, fast: { data: unknown; nodes: NodeTable }, reader: 'quick'): ParsedSource {
  let starts: number[] | undefined;
  let careful: ParsedSource | undefined;
  const nodes: NodeTable = fast.nodes;
  const memo: ChildMemo = new Map();
  return {
    text, data: fast.data, issues: [], reader,
    range(path, key = false) {
      const found = nodeIndex(fast.data, nodes, path, key, memo);
      if (!found) {
        careful ??= parseCareful(text);
        return careful.range(path, key);
      }
      const i = found.index;
      const s = contentStart(text, nodes.start(i), nodes.end(i));
      const last = nodes.next(i) - 1;
      const c = text.charCodeAt(s);
      let end = nodes.end(i);
      if (last > i && c !== 0x5b /* [ */ && c !== 0x7b /* { */) {
        // A block collection whose last value is written as nothing ends at its key or dash, which the
        // node table does not record (a reader may record an empty last item where the item before it is):
        // eemeli/yaml says where (a rare case, worth a second read).
        const leafEnd = Math.min(nodes.end(last), text.length);
        const empty = contentStart(text, nodes.start(last), leafEnd) >= leafEnd;
        const twin = last - 1 > i && nodes.start(last) === nodes.start(last - 1) && nodes.end(last) === nodes.end(last - 1);
        if (empty || twin) {
          careful ??= parseCareful(text);
          return careful.range(path, key);
        }
        // Else where its last node ends (past the brackets of a flow collection that node closes): not
        // over the comments and blank lines after it, as a reader's own end may run.
        end = pastClosers(text, trimEnd(text, s, nodes.end(last)));
      }
      return [s, Math.max(s, trimEnd(text, s, end))];
    },
    position(offset) {
      starts ??= lineStarts(text);
      return positionOf(starts, offset);
    },
  };
}
