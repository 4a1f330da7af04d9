// The quickest read path: a reader for the plain YAML that plans are written in — block mappings and
// sequences, one-line flow collections, plain and quoted one-line scalars (with escapes), literal and
// folded block scalars, comments, CRLF — which builds the data and the node table in one pass over the
// text. Anything else (anchors, aliases, tags, multi-line plain or quoted scalars, tabs, several
// documents, duplicate keys, keys that read as numbers …) makes it step aside, and the text is read by
// eemeli/yaml, so it never has to be right about YAML it does not handle. test/read-paths.test.ts checks on every YAML file here and on random documents of every
// style that what it reads is exactly what eemeli/yaml reads, positions included.
//
// Why: a general YAML reader took a third of validate's time and, with its garbage, most of its memory;
// this reader is two to three times faster than js-yaml (ten times eemeli/yaml), and keeps one copy of
// each short text (dates, statuses, unit ids) that a plan repeats thousands of times.
import { NO_NODES, type NodeTable } from './fast.js';
import { resolvePlain } from './yaml12.js';

/** Characters this reader leaves to the others: tabs, controls, other line breaks, BOMs, non-characters. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
const UNUSUAL = /[\x00-\x09\x0B\x0C\x0E-\x1F\x7F-\x9F\u2028\u2029\uFEFF\uFFFE\uFFFF]/;
/** The same, or half of a surrogate pair: one pass over the text finds both (most texts have neither). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
const UNUSUAL_OR_SURROGATE = /[\x00-\x09\x0B\x0C\x0E-\x1F\x7F-\x9F\u2028\u2029\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]/;
/** Half of a surrogate pair on its own (a character outside the BMP, such as 𣢧 or 🚒, is a pair). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
/** A carriage return that does not end a line with the line feed after it (parseSource makes each a LF first). */
const LONE_CR = /\r(?!\n)/;
/** A line that starts a document (---) or ends one (...): several documents, or a block ended early. */
const DOCUMENT_MARKER = /^(?:---|\.\.\.)(?:[ \t\r\n]|$)/m;

/** Whether the text holds a character this reader leaves to the others. */
const unusual = (text: string): boolean =>
  UNUSUAL_OR_SURROGATE.test(text) && (UNUSUAL.test(text) || LONE_SURROGATE.test(text));

/** Texts this short are kept once (a plan repeats its dates, statuses and unit ids thousands of times). */
const SHARE_UP_TO = 16;
/** Slots of the table of short texts: about one per 64 characters of text, a power of two from 256 to 8192. */
const sharedSlots = (length: number): number => 2 ** Math.min(13, Math.max(8, Math.ceil(Math.log2(length / 64))));
/**
 * Collections inside each other beyond which this reader steps aside (a real plan has a dozen; js-yaml
 * and eemeli/yaml then read it, and past a few hundred levels say it nests too deeply).
 */
const MAX_DEPTH = 200;

/** Thrown to step aside; caught once at the top. */
const ASIDE = new Error('not plain YAML');

const SPACE = 0x20;
const LF = 0x0a;
const CR = 0x0d;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;
const COMMA = 0x2c;
const DQUOTE = 0x22;
const SQUOTE = 0x27;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const BACKSLASH = 0x5c;

/** `!&*|>%@` and backtick: tags, anchors, aliases, block scalars, directives, reserved — left to the others. */
const isLeftAside = (c: number): boolean => c === 0x21 || c === 0x26 || c === 0x2a || c === 0x7c || c === 0x3e || c === 0x25 || c === 0x40 || c === 0x60;
/**
 * Whether a plain text may read as a number, null or boolean rather than as text: it starts with a
 * digit, a sign or a point, or it is as long as ~, null, true or false and starts like one of them.
 */
function mayNotBeText(t: string, s: number, e: number): boolean {
  const c = t.charCodeAt(s);
  if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === DASH || c === 0x2e) return true;
  const n = e - s;
  return n === 1 ? c === 0x7e : (n === 4 || n === 5) && (c === 0x6e || c === 0x4e || c === 0x74 || c === 0x54 || c === 0x66 || c === 0x46);
}

/** Whether t[s, e) is all decimal digits, few enough to be an exact number: read as such without a regular expression. */
function isSmallInt(t: string, s: number, e: number): boolean {
  if (e - s > 15 || e === s) return false;
  for (let k = s; k < e; k++) {
    const c = t.charCodeAt(k);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

const isFlowIndicator = (c: number): boolean => c === COMMA || c === LBRACKET || c === RBRACKET || c === LBRACE || c === RBRACE;

/** What the reader tells about each node as it goes. */
interface Recorder {
  add(start: number): number;
  leaf(start: number, end: number): void;
  close(i: number, end: number): void;
}

/** For a reading without positions (the roll-up only counts findings). */
const NOTHING_RECORDED: Recorder = { add: () => 0, leaf: () => undefined, close: () => undefined };

/**
 * ASCII characters a scan must look at: line ends, comment, colon, flow indicators, quotes, backslash.
 * Every other character (letters, digits, spaces, all of Chinese) is passed over with one test.
 */
const SPECIAL = new Uint8Array(128);
for (const c of '\n\r#:,[]{}"\'\\') SPECIAL[c.charCodeAt(0)] = 1;
/** Nothing to look at in `d` (NaN past the end is not ordinary). */
const ordinary = (d: number): boolean => (d < 128 ? SPECIAL[d] === 0 : !Number.isNaN(d));

/** Nodes per chunk of the table (a power of two). */
const CHUNK_BITS = 12;
const CHUNK = 1 << CHUNK_BITS;

/**
 * The node table in two numbers a node: where it starts, and either where it ends (a node without
 * children) or, negated, the index after its subtree (a node with children, which ends where its last
 * descendant does — or, for a flow collection, at its closing bracket, found when asked for). Fixed
 * chunks: it grows without copying. A 100k-task plan has about five million nodes.
 */
class PackedTable implements NodeTable, Recorder {
  count = 0;
  private readonly chunks: Int32Array[] = [];

  constructor(private readonly t: string) {}

  add(start: number): number {
    const i = this.count++;
    if ((i & (CHUNK - 1)) === 0) this.chunks.push(new Int32Array(CHUNK * 2));
    this.chunks[i >>> CHUNK_BITS]![(i & (CHUNK - 1)) * 2] = start;
    return i;
  }

  leaf(start: number, end: number): void {
    const i = this.add(start);
    this.chunks[i >>> CHUNK_BITS]![(i & (CHUNK - 1)) * 2 + 1] = end;
  }

  close(i: number, end: number): void {
    this.chunks[i >>> CHUNK_BITS]![(i & (CHUNK - 1)) * 2 + 1] = this.count === i + 1 ? end : -this.count;
  }

  private second(i: number): number {
    return this.chunks[i >>> CHUNK_BITS]![(i & (CHUNK - 1)) * 2 + 1]!;
  }

  start(i: number): number {
    return this.chunks[i >>> CHUNK_BITS]![(i & (CHUNK - 1)) * 2]!;
  }

  next(i: number): number {
    const b = this.second(i);
    return b < 0 ? -b : i + 1;
  }

  end(i: number): number {
    const b = this.second(i);
    if (b >= 0) return b;
    const s = this.start(i);
    const c = this.t.charCodeAt(s);
    return c === LBRACKET || c === LBRACE ? closingBracket(this.t, s) : this.second(-b - 1);
  }
}

/**
 * Just past the bracket that closes the flow collection opening at `s`: one line without escapes (the
 * quick reader's), where a quote opens a quoted text only where an item or a value begins.
 */
function closingBracket(t: string, s: number): number {
  let depth = 0;
  let itemStart = true;
  for (let j = s; j < t.length; j++) {
    const c = t.charCodeAt(j);
    if (c === SPACE) continue;
    if ((c === DQUOTE || c === SQUOTE) && itemStart) {
      j = quoteEnd(t, j, c);
      if (j < 0) return t.length;
    } else if (c === LBRACKET || c === LBRACE) depth++;
    else if ((c === RBRACKET || c === RBRACE) && --depth === 0) return j + 1;
    // After [ { , or ": " (a plain key's colon is followed by a space), not inside a text like 阶段:'一.
    itemStart = c === LBRACKET || c === LBRACE || c === COMMA || (c === COLON && t.charCodeAt(j + 1) === SPACE);
  }
  return t.length;
}

/** The closing quote of the quoted text opening at `j` (\" escapes in "…", '' in '…'), or -1 before the line ends. */
function quoteEnd(t: string, j: number, q: number): number {
  for (let k = j + 1; k < t.length; k++) {
    const c = t.charCodeAt(k);
    if (c === LF) return -1;
    if (c === BACKSLASH && q === DQUOTE) k++;
    else if (c === q) {
      if (q !== SQUOTE || t.charCodeAt(k + 1) !== SQUOTE) return k;
      k++;
    }
  }
  return -1;
}

class Reader {
  private i = 0;
  /** Column of the content `i` is at, after `nextContent`; -1 at the end of the text. */
  private col = 0;
  private readonly n: number;
  readonly nodes: Recorder;
  private readonly shared: (string | undefined)[];
  private readonly sharedMask: number;

  constructor(private readonly t: string, positions: boolean) {
    this.n = t.length;
    this.nodes = positions ? new PackedTable(t) : NOTHING_RECORDED;
    // A plan of a hundred tasks needs a small table; one of a hundred thousand, a large one.
    const slots = sharedSlots(t.length);
    this.shared = new Array(slots);
    this.sharedMask = slots - 1;
  }

  private eol(c: number): boolean {
    return c === LF || c === CR || Number.isNaN(c);
  }

  private code(at: number): number {
    return this.t.charCodeAt(at);
  }

  /**
   * The text from s to e; a short one is looked up among the texts seen before (by a hash of its
   * characters, compared in place), so a plan's thousands of equal dates and ids are one string each.
   */
  private text(s: number, e: number): string {
    const t = this.t;
    if (e - s > SHARE_UP_TO) return t.slice(s, e);
    let h = e - s;
    for (let k = s; k < e; k++) h = (Math.imul(h, 31) + t.charCodeAt(k)) | 0;
    const slot = h & this.sharedMask;
    const seen = this.shared[slot];
    if (seen !== undefined && seen.length === e - s && t.startsWith(seen, s)) return seen;
    const v = t.slice(s, e);
    this.shared[slot] = v;
    return v;
  }

  /** A key's text (keys that read as numbers, nulls or booleans are left aside). */
  private key(s: number, e: number): string {
    const k = this.text(s, e);
    if (mayNotBeText(this.t, s, e) && typeof resolvePlain(k) !== 'string') throw ASIDE;
    // __proto__ would set the object's prototype; << is a merge in YAML 1.1 readers.
    if (k === '__proto__' || k === '<<') throw ASIDE;
    return k;
  }

  /** A node of its own, with nothing inside: a scalar, an empty value. */
  private leaf(s: number, e: number): void {
    this.nodes.leaf(s, e);
  }

  /** From anywhere on a line: past the rest of it, blank lines and comment lines, to the next content. */
  private nextContent(): void {
    const nl = this.t.indexOf('\n', this.i);
    if (nl < 0) this.atEnd();
    else this.skipFrom(nl + 1);
  }

  /** From the start of a line: past blank lines and comment lines, to the next content. */
  private skipFrom(lineStart: number): void {
    const t = this.t;
    let line = lineStart;
    for (;;) {
      let j = line;
      while (t.charCodeAt(j) === SPACE) j++;
      if (j >= this.n) break;
      const c = t.charCodeAt(j);
      if (c === LF || c === CR || c === HASH) {
        const nl = t.indexOf('\n', j);
        if (nl < 0) break;
        line = nl + 1;
        continue;
      }
      this.i = j;
      this.col = j - line;
      return;
    }
    this.atEnd();
  }

  private atEnd(): void {
    this.i = this.n;
    this.col = -1;
  }

  /** After a value on its line: spaces, then a comment or the line's end — anything else steps aside. */
  private endOfLine(): void {
    let i = this.i;
    const t = this.t;
    while (t.charCodeAt(i) === SPACE) i++;
    const c = t.charCodeAt(i);
    if (c === HASH && i > this.i) {
      this.i = i;
      return;
    }
    if (!this.eol(c)) throw ASIDE;
    this.i = i;
  }

  /** The document: one block node, from the first content to the end. */
  document(): unknown {
    this.skipFrom(0);
    if (this.col < 0) throw ASIDE;
    // A directive (%YAML …) — the others' business, as document markers are (parseQuick).
    if (this.col === 0 && this.code(this.i) === 0x25) throw ASIDE;
    const data = this.block(this.col, -1);
    if (this.col >= 0) throw ASIDE;
    return data;
  }

  /** A node that starts at `i` (column `col`) inside a parent indented `parent`. */
  private block(col: number, parent: number): unknown {
    const t = this.t;
    const c = this.code(this.i);
    if (c === DASH && this.isEntry(this.i)) return this.sequence(col);
    if (c === 0x7c || c === 0x3e) return this.blockScalar(parent);
    if (c === LBRACKET || c === LBRACE || c === DQUOTE || c === SQUOTE) {
      const v = this.flowNode();
      this.afterValue(parent);
      return v;
    }
    this.checkPlainStart(c, this.i);
    // A plain text: a key of a mapping if ": " follows on its line, else a scalar.
    let j = this.i;
    for (;;) {
      const d = t.charCodeAt(j);
      if (ordinary(d)) {
        j++;
        continue;
      }
      if (this.eol(d)) break;
      if (d === COLON) {
        const e = t.charCodeAt(j + 1);
        if (e === SPACE || this.eol(e)) return this.mapping(col);
      } else if (d === HASH && t.charCodeAt(j - 1) === SPACE) break;
      j++;
    }
    const v = this.plainScalar();
    this.afterValue(parent);
    return v;
  }

  /** `-` followed by a space or the line's end. */
  private isEntry(at: number): boolean {
    const e = this.code(at + 1);
    return e === SPACE || this.eol(e);
  }

  /**
   * Characters a plain text may not start with here (indicators this reader leaves to the others): `-`,
   * `?` and `:` before a space or the line's end, and inside a flow collection before `,` `[` `]` `{` `}` too.
   */
  private checkPlainStart(c: number, at: number, flow = false): void {
    if (isLeftAside(c) || c === COMMA || c === RBRACKET || c === RBRACE || c === HASH) throw ASIDE;
    if (c === DASH || c === 0x3f /* ? */ || c === COLON) {
      if (this.isEntry(at) || (flow && isFlowIndicator(this.code(at + 1)))) throw ASIDE;
    }
  }

  /** After a scalar or flow value: the line ends, and no more-indented line follows (a multi-line text). */
  private afterValue(parent: number): void {
    this.endOfLine();
    this.nextContent();
    if (this.col > parent) throw ASIDE;
  }

  /** Collections open around the reader. */
  private depth = 0;

  private enter(): void {
    if (++this.depth > MAX_DEPTH) throw ASIDE;
  }

  private mapping(m: number): Record<string, unknown> {
    const t = this.t;
    this.enter();
    const obj: Record<string, unknown> = {};
    const self = this.nodes.add(this.i);
    let end = this.i;
    for (;;) {
      const key = this.plainKey(obj, false);
      const afterColon = this.i;
      while (t.charCodeAt(this.i) === SPACE) this.i++;
      const v = t.charCodeAt(this.i);
      let value: unknown;
      if (this.eol(v) || v === HASH) {
        // The value is on the lines below (more indented, or a list at the key's own column), or empty.
        if (v === HASH && this.i === afterColon) throw ASIDE;
        const emptyAt = afterColon;
        this.nextContent();
        if (this.col > m) {
          value = this.block(this.col, m);
          end = this.lastEnd;
        } else if (this.col === m && t.charCodeAt(this.i) === DASH && this.isEntry(this.i)) {
          value = this.sequence(m);
          end = this.lastEnd;
        } else {
          value = null;
          this.leaf(emptyAt, emptyAt);
          end = emptyAt;
        }
      } else {
        value = this.inlineValue(v, m);
        end = this.lastEnd;
      }
      obj[key] = value;
      if (this.col < m) break;
      if (this.col > m) throw ASIDE;
      // Same column: the next key (a list entry here would be malformed).
      if (t.charCodeAt(this.i) === DASH && this.isEntry(this.i)) throw ASIDE;
    }
    this.nodes.close(self, end);
    this.lastEnd = end;
    this.depth--;
    return obj;
  }

  /** Where the last node read ends. */
  private lastEnd = 0;

  /** A value after `key: ` on the key's line. */
  private inlineValue(c: number, m: number): unknown {
    if (c === 0x7c || c === 0x3e) return this.blockScalar(m);
    if (c === LBRACKET || c === LBRACE || c === DQUOTE || c === SQUOTE) {
      const v = this.flowNode();
      this.afterValue(m);
      return v;
    }
    this.checkPlainStart(c, this.i);
    const v = this.plainScalar();
    this.afterValue(m);
    return v;
  }

  private sequence(s: number): unknown[] {
    const t = this.t;
    this.enter();
    const arr: unknown[] = [];
    const self = this.nodes.add(this.i);
    let end = this.i;
    for (;;) {
      const dash = this.i;
      this.i++;
      while (t.charCodeAt(this.i) === SPACE) this.i++;
      const c = t.charCodeAt(this.i);
      if (this.eol(c) || c === HASH) {
        if (c === HASH && this.i === dash + 1) throw ASIDE;
        this.nextContent();
        if (this.col > s) {
          arr.push(this.block(this.col, s));
          end = this.lastEnd;
        } else {
          arr.push(null);
          this.leaf(dash + 1, dash + 1);
          end = dash + 1;
        }
      } else {
        arr.push(this.block(s + (this.i - dash), s));
        end = this.lastEnd;
      }
      if (this.col < s) break;
      if (this.col > s) throw ASIDE;
      if (t.charCodeAt(this.i) !== DASH || !this.isEntry(this.i)) break;
    }
    this.nodes.close(self, end);
    this.lastEnd = end;
    this.depth--;
    return arr;
  }

  /** A plain scalar in block context: to the line's end or a comment; ": " inside is malformed. */
  private plainScalar(): unknown {
    const t = this.t;
    const s = this.i;
    let j = s;
    for (;;) {
      const d = t.charCodeAt(j);
      if (ordinary(d)) {
        j++;
        continue;
      }
      if (this.eol(d)) break;
      if (d === HASH && t.charCodeAt(j - 1) === SPACE) break;
      if (d === COLON) {
        const e = t.charCodeAt(j + 1);
        if (e === SPACE || this.eol(e)) throw ASIDE;
      }
      j++;
    }
    return this.plainEndingAt(s, j, false);
  }

  /** The plain scalar from s to j less its trailing spaces: recorded, its value read; `i` goes to its end, or to j. */
  private plainEndingAt(s: number, j: number, resumeAtJ: boolean): unknown {
    let e = j;
    while (this.code(e - 1) === SPACE) e--;
    this.i = resumeAtJ ? j : e;
    this.leaf(s, e);
    this.lastEnd = e;
    return this.scalarValue(s, e);
  }

  private scalarValue(s: number, e: number): unknown {
    // Texts that cannot be numbers, nulls or booleans (most: Chinese text, ids) are taken as they are.
    if (isSmallInt(this.t, s, e)) return Number(this.t.slice(s, e));
    const v = this.text(s, e);
    return mayNotBeText(this.t, s, e) ? resolvePlain(v) : v;
  }

  /** A quoted scalar or a flow collection, all on one line. */
  private flowNode(): unknown {
    const t = this.t;
    const s = this.i;
    const c = t.charCodeAt(s);
    if (c === DQUOTE || c === SQUOTE) return this.quoted(c);
    this.enter();
    const list = c === LBRACKET;
    const close = list ? RBRACKET : RBRACE;
    const value: unknown[] | Record<string, unknown> = list ? [] : {};
    const self = this.nodes.add(s);
    this.i++;
    this.flowSpaces();
    if (t.charCodeAt(this.i) !== close) {
      for (;;) {
        if (list) (value as unknown[]).push(this.flowItem());
        else this.flowPair(value as Record<string, unknown>);
        this.flowSpaces();
        const d = t.charCodeAt(this.i);
        if (d === close) break;
        if (d !== COMMA) throw ASIDE;
        this.i++;
        this.flowSpaces();
        // A comma before the closing bracket is left aside.
        if (t.charCodeAt(this.i) === close) throw ASIDE;
      }
    }
    this.i++;
    this.nodes.close(self, this.i);
    this.lastEnd = this.i;
    this.notAKey();
    this.depth--;
    return value;
  }

  /** `key: value` inside {…}. */
  private flowPair(obj: Record<string, unknown>): void {
    const key = this.plainKey(obj, true);
    this.flowSpaces();
    obj[key] = this.flowItem();
  }

  /**
   * A plain key of `obj` up to ": " (or ":" at the line's end in a block mapping), recorded as a node;
   * `i` is left after the colon. Quoted and collection keys, and a key given twice, are left aside.
   */
  private plainKey(obj: Record<string, unknown>, flow: boolean): string {
    const t = this.t;
    const ks = this.i;
    const k = t.charCodeAt(ks);
    if (k === DQUOTE || k === SQUOTE || k === LBRACKET || k === LBRACE) throw ASIDE;
    this.checkPlainStart(k, ks, flow);
    let j = ks;
    for (;;) {
      const d = t.charCodeAt(j);
      if (ordinary(d)) {
        j++;
        continue;
      }
      if (this.eol(d) || (d === HASH && t.charCodeAt(j - 1) === SPACE) || (flow && isFlowIndicator(d))) throw ASIDE;
      if (d === COLON) {
        const e = t.charCodeAt(j + 1);
        if (e === SPACE || (!flow && this.eol(e))) break;
        // "a:b" inside {…} is ambiguous between readers: left aside.
        if (flow) throw ASIDE;
      }
      j++;
    }
    // A block mapping's key may be 1,024 characters at most (eemeli/yaml says so).
    if (!flow && j - ks > 1024) throw ASIDE;
    let ke = j;
    while (t.charCodeAt(ke - 1) === SPACE) ke--;
    const key = this.key(ks, ke);
    if (Object.hasOwn(obj, key)) throw ASIDE;
    this.leaf(ks, ke);
    this.i = j + 1;
    return key;
  }

  /** A quoted text or a collection used as a key (`"a": 1`, `[a]: 1`) is left to the others. */
  private notAKey(): void {
    let j = this.i;
    while (this.code(j) === SPACE) j++;
    if (this.code(j) === COLON) throw ASIDE;
  }

  private flowSpaces(): void {
    while (this.code(this.i) === SPACE) this.i++;
  }

  /** An item of a flow collection: a nested one, a quoted text, or a plain text up to `,` `]` `}`. */
  private flowItem(): unknown {
    const t = this.t;
    const c = t.charCodeAt(this.i);
    if (c === LBRACKET || c === LBRACE || c === DQUOTE || c === SQUOTE) return this.flowNode();
    if (isFlowIndicator(c) || this.eol(c)) throw ASIDE;
    this.checkPlainStart(c, this.i, true);
    const s = this.i;
    let j = s;
    for (;;) {
      const d = t.charCodeAt(j);
      if (ordinary(d)) {
        j++;
        continue;
      }
      if (this.eol(d)) throw ASIDE;
      if (d === COMMA || d === RBRACKET || d === RBRACE) break;
      if (d === LBRACKET || d === LBRACE) throw ASIDE;
      if (d === HASH && t.charCodeAt(j - 1) === SPACE) throw ASIDE;
      if (d === COLON) {
        const e = t.charCodeAt(j + 1);
        // "a: b" inside a list is a one-pair mapping; ":" before an indicator is ambiguous: both aside.
        if (e === SPACE || isFlowIndicator(e)) throw ASIDE;
      }
      j++;
    }
    return this.plainEndingAt(s, j, true);
  }

  /** "…" without escapes, or '…' with '' for a quote, on one line. */
  private quoted(q: number): string {
    const t = this.t;
    const s = this.i;
    let j = s + 1;
    let doubled = false;
    let escaped = false;
    for (;;) {
      const d = t.charCodeAt(j);
      if (ordinary(d)) {
        j++;
        continue;
      }
      if (this.eol(d)) throw ASIDE;
      if (d === BACKSLASH && q === DQUOTE) {
        // An escaped line break continues the text on the next line: left aside.
        if (this.eol(t.charCodeAt(j + 1))) throw ASIDE;
        escaped = true;
        j += 2;
        continue;
      }
      if (d === q) {
        if (q === SQUOTE && t.charCodeAt(j + 1) === SQUOTE) {
          doubled = true;
          j += 2;
          continue;
        }
        break;
      }
      j++;
    }
    this.i = j + 1;
    this.leaf(s, this.i);
    this.lastEnd = this.i;
    this.notAKey();
    if (escaped) return unescaped(t.slice(s + 1, j));
    return doubled ? t.slice(s + 1, j).replaceAll("''", "'") : this.text(s + 1, j);
  }

  /**
   * A block scalar (| or >, with - or + for its last line break) as a value of a node indented `parent`.
   * Folded text with more-indented lines, an indentation digit, and lines of spaces inside are left aside.
   */
  private blockScalar(parent: number): string {
    const t = this.t;
    const s = this.i;
    const folded = t.charCodeAt(s) === 0x3e;
    let j = s + 1;
    let chomp = t.charCodeAt(j);
    if (chomp === DASH || chomp === 0x2b /* + */) j++;
    else chomp = 0;
    while (t.charCodeAt(j) === SPACE) j++;
    const c = t.charCodeAt(j);
    if (!this.eol(c) && !(c === HASH && t.charCodeAt(j - 1) === SPACE)) throw ASIDE;
    const lines: string[] = [];
    let indent = -1;
    let leading = 0;
    let widest = 0;
    let trailing = 0;
    let end = j;
    let line = t.indexOf('\n', j) + 1;
    while (line > 0 && line < this.n) {
      let k = line;
      while (t.charCodeAt(k) === SPACE) k++;
      const nl = t.indexOf('\n', k);
      const lineEnd = nl < 0 ? this.n : t.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
      if (k === lineEnd) {
        // Spaces beyond the indentation are text (left aside); fewer at the very end, without a line
        // break, are no line at all.
        if (indent >= 0 && k - line > indent) throw ASIDE;
        if (nl < 0) break;
        // An empty line: inside the text, or after it (then it is the chomping's).
        if (indent < 0) {
          leading++;
          widest = Math.max(widest, k - line);
        } else trailing++;
      } else {
        if (indent < 0) {
          if (k - line <= parent || k - line < widest) break;
          indent = k - line;
        } else if (k - line < indent) break;
        if (folded && k - line > indent) throw ASIDE;
        for (; trailing > 0; trailing--) lines.push('');
        lines.push(t.slice(line + indent, lineEnd));
        end = lineEnd;
      }
      line = nl + 1;
    }
    if (indent < 0) throw ASIDE;
    let value = '\n'.repeat(leading);
    if (folded) {
      for (let k = 0; k < lines.length; k++) {
        if (lines[k] === '') value += '\n';
        else value += (k > 0 && lines[k - 1] !== '' ? ' ' : '') + lines[k];
      }
    } else value += lines.join('\n');
    if (chomp === 0) value += '\n';
    else if (chomp !== DASH) value += '\n'.repeat(trailing + 1);
    this.leaf(s, end);
    this.lastEnd = end;
    this.i = end;
    this.nextContent();
    if (this.col > parent) throw ASIDE;
    return value;
  }
}

const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"', '/': '/',
  '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};
const HEX_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };

/** A double-quoted text's escapes (YAML 1.2: \n, \", \u4e2d …); an unknown one steps aside. */
function unescaped(raw: string): string {
  let out = '';
  let from = 0;
  for (let k = raw.indexOf('\\'); k >= 0; k = raw.indexOf('\\', from)) {
    out += raw.slice(from, k);
    const e = raw[k + 1]!;
    const digits = HEX_DIGITS[e];
    if (digits !== undefined) {
      const hex = raw.slice(k + 2, k + 2 + digits);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) throw ASIDE;
      const code = Number.parseInt(hex, 16);
      if (code > 0x10ffff) throw ASIDE;
      out += String.fromCodePoint(code);
      from = k + 2 + digits;
    } else if (Object.hasOwn(ESCAPES, e)) {
      out += ESCAPES[e];
      from = k + 2;
    } else throw ASIDE;
  }
  return out + raw.slice(from);
}

/** The data and node table of plain YAML, or undefined when the text uses anything this reader leaves aside. */
export function parseQuick(text: string, positions = true): { data: unknown; nodes: NodeTable } | undefined {
  if (text.length === 0 || unusual(text) || (text.includes('\r') && LONE_CR.test(text))) return undefined;
  if ((text.includes('---') || text.includes('...')) && DOCUMENT_MARKER.test(text)) return undefined;
  const reader = new Reader(text, positions);
  try {
    const data = reader.document();
    return { data, nodes: reader.nodes instanceof PackedTable ? reader.nodes : NO_NODES };
  } catch (err) {
    // Stepping aside: eemeli/yaml reads it. Anything else is a bug of this reader, said as one.
    if (err === ASIDE) return undefined;
    throw err;
  }
}
