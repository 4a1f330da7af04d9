// An .xlsx workbook's cells as the file stores them, read within limits: the archive through zip.ts (sizes,
// ratios, duplicate names, only the parts read are inflated), each part streamed through saxes (no tree, no DTD
// entities), only the cells a sheet holds visited — a merged range is its two corners, never its area, so
// <mergeCell ref="A9:Z1048576"/> costs what the text "A9:Z1048576" costs. A cell's value is kept as written: its
// text without the phonetic guide an IME adds (<rPh>), a date cell (t="d") as its ISO text, a number with its
// number format. What a value means — a date, a percentage, a status — is for the reader of returned sheets and
// the importer. Anything the file gets wrong is a ReadError saying what, never a library's exception. Pure.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { ReadError } from './read-error.js';
import { openZip } from './zip.js';

/**
 * Far above a returned sheet (tens of rows) or a 任务分工表 (a few hundred rows of ten columns), small enough
 * to keep a hostile file's memory in tens of MB: the cells holding a value in the sheets read, the merged ranges
 * of one sheet.
 */
export const XLSX_LIMITS = { cells: 200_000, merges: 10_000 };

/** What a cell holds, as written. */
export type XlsxValue =
  | { kind: 'text'; text: string }
  /** A number and its number format's code ('' for General): 45812 shown as yyyy-mm-dd, 0.6 as 0%. */
  | { kind: 'number'; number: number; format: string }
  /** A date cell (t="d"): its ISO 8601 text, as written ("2025-06-05T00:00:00Z", or "+275760-09-13"). */
  | { kind: 'date'; written: string }
  | { kind: 'bool'; value: boolean }
  /** An error a formula left (#DIV/0!, #N/A). */
  | { kind: 'error'; text: string };

/** A cell holding a value: its column (0 for A) and value; `covered` inside a merged range but not its first cell. */
export interface XlsxCell { col: number; value: XlsxValue; covered?: true }
/** A row (1 for the first) with its cells in column order. */
export interface XlsxRow { row: number; cells: XlsxCell[] }
/** A merged range: rows from 1, columns from 0, both ends included. */
export interface XlsxRange { top: number; left: number; bottom: number; right: number }
export interface XlsxSheet { name: string; hidden: boolean; rows: XlsxRow[]; merges: XlsxRange[] }

export interface XlsxWorkbook {
  /** The worksheets in the workbook's order, as declared; one whose part is not in the archive is left out. */
  sheets: { name: string; hidden: boolean }[];
  /** Day numbers count from 1904 (old Mac Excel) rather than 1900. */
  date1904: boolean;
  /** One sheet's rows and merged ranges (a part that several sheets name is read once). */
  read(index: number): XlsxSheet;
}

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

const damaged = (why: string): ReadError => new ReadError(`damaged workbook: ${why}`, 'damaged');

/** A workbook past one of XLSX_LIMITS: which, and the limit. */
export class XlsxLimitError extends ReadError {
  constructor(readonly limit: keyof typeof XLSX_LIMITS, readonly count: number) {
    super(limit === 'cells' ? `a workbook with more than ${count.toLocaleString('en')} filled cells` : `a worksheet with more than ${count.toLocaleString('en')} merged ranges`, 'too-large');
    this.name = 'XlsxLimitError';
  }
}

/** "AB12" as its column (27) and row (12); undefined for anything that is not a cell of a worksheet. */
export function cellRef(ref: string): { col: number; row: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  const row = Number(m[2]);
  return col <= MAX_COL && row >= 1 && row <= MAX_ROW ? { col: col - 1, row } : undefined;
}

/** Column 0 as A, 27 as AB. */
export function columnName(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const rangeName = (r: XlsxRange): string => `${columnName(r.left)}${r.top}:${columnName(r.right)}${r.bottom}`;

// ---------------------------------------------------------------------------------------------------------
// Number formats

/** Excel's built-in formats that campaign tells apart: percentages, and dates and times (zh-CN's 27–36, 50–58 too). */
const BUILT_IN: Readonly<Record<number, string>> = {
  9: '0%', 10: '0.00%',
  14: 'yyyy-mm-dd', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss', 22: 'yyyy-mm-dd h:mm',
  27: 'yyyy"年"m"月"', 28: 'm"月"d"日"', 29: 'm"月"d"日"', 30: 'm-d-yy', 31: 'yyyy"年"m"月"d"日"', 32: 'h"时"mm"分"', 33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"', 35: '上午/下午h"时"mm"分"ss"秒"', 36: 'yyyy"年"m"月"',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mm:ss.0',
  50: 'yyyy"年"m"月"', 51: 'm"月"d"日"', 52: 'yyyy"年"m"月"', 53: 'm"月"d"日"', 54: 'm"月"d"日"', 55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"', 57: 'yyyy"年"m"月"', 58: 'm"月"d"日"',
};

/**
 * Whether a number format shows a date or a time: a y, m, d, h or s outside quoted text, [brackets] (a colour,
 * a locale), escaped characters and fill or padding characters — as Excel reads the format.
 */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"/g, '').replace(/\[(?:h+|m+|s+)\]/gi, 'h').replace(/\[[^\]]*\]/g, '').replace(/\\.|[_*]./g, '');
  return /[ymdhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** A day number as the date and time Excel shows for it (an Invalid Date when no calendar has it). */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

// ---------------------------------------------------------------------------------------------------------
// Parts

type Open = (name: string, attrs: Record<string, string>) => void;
type Close = (name: string) => void;

const local = (n: string): string => n.slice(n.indexOf(':') + 1);

/** How much of a part is decoded at a time: the part's text is never held whole (a sheet's XML can be 60 MB). */
const CHUNK = 1 << 20;

/** Streams one part's XML through saxes: elements by local name, text; an XML error is the file's damage. */
function stream(part: string, bytes: Uint8Array, on: { open?: Open; close?: Close; text?: (t: string) => void }): void {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  const decode = (chunk: Uint8Array, more: boolean): string => {
    try {
      return decoder.decode(chunk, { stream: more });
    } catch {
      throw damaged(`${part} is not UTF-8 text`);
    }
  };
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on('opentag', (tag: SaxesTagPlain) => on.open?.(local(tag.name), tag.attributes as Record<string, string>));
  parser.on('closetag', (tag: SaxesTagPlain) => on.close?.(local(tag.name)));
  if (on.text) {
    parser.on('text', on.text);
    parser.on('cdata', on.text);
  }
  parser.on('error', (e: Error) => {
    throw damaged(`${part} is not well-formed XML (${e.message.split('\n')[0]!.replace(/\.$/, '')})`);
  });
  for (let at = 0; at < bytes.length; at += CHUNK) parser.write(decode(bytes.subarray(at, at + CHUNK), at + CHUNK < bytes.length));
  parser.close();
}

/** The value of an attribute whatever its prefix (r:id, or another prefix bound to the same namespace). */
const attr = (attrs: Record<string, string>, name: string): string | undefined => {
  for (const [k, v] of Object.entries(attrs)) if (local(k) === name) return v;
  return undefined;
};

/** A part's relationships: Id → target part (resolved from the part's folder), external ones left out. */
function relationships(read: (p: string) => Uint8Array | undefined, part: string): Map<string, { type: string; target: string }> {
  const dir = part.includes('/') ? part.slice(0, part.lastIndexOf('/') + 1) : '';
  const relsPart = `${dir}_rels/${part.slice(dir.length)}.rels`;
  const bytes = read(relsPart);
  const out = new Map<string, { type: string; target: string }>();
  if (!bytes) return out;
  stream(relsPart, bytes, {
    open: (name, attrs) => {
      if (name !== 'Relationship' || attrs.TargetMode === 'External' || !attrs.Id || !attrs.Target) return;
      const target = resolvePart(dir, attrs.Target);
      if (target !== undefined) out.set(attrs.Id, { type: attrs.Type ?? '', target });
    },
  });
  return out;
}

/** A relationship's target as a part name: from the archive's root ("/xl/…") or the part's folder; never above the root. */
function resolvePart(dir: string, target: string): string | undefined {
  const parts: string[] = [];
  for (const seg of (target.startsWith('/') ? target : dir + target).split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (!parts.length) return undefined;
      parts.pop();
    } else parts.push(seg);
  }
  return parts.join('/');
}

/** The shared strings: each <si>'s text, its runs joined, its phonetic guides (<rPh>) left out. */
function sharedStrings(part: string, bytes: Uint8Array): string[] {
  const out: string[] = [];
  const text = richText();
  stream(part, bytes, {
    open: (name) => {
      if (name === 'si') text.start();
      else text.open(name);
    },
    close: (name) => {
      if (name === 'si') out.push(text.end());
      else text.close(name);
    },
    text: text.add,
  });
  return out;
}

/** The text of an <si> or an <is>: every <t> of it, in runs or not, but none inside a phonetic run <rPh>. */
function richText() {
  let s: string | undefined;
  let inT = false;
  let phonetic = 0;
  return {
    start: () => {
      s = '';
      inT = false;
      phonetic = 0;
    },
    open: (name: string) => {
      if (name === 'rPh') phonetic++;
      else if (name === 't') inT = true;
    },
    close: (name: string) => {
      if (name === 'rPh') phonetic = Math.max(0, phonetic - 1);
      else if (name === 't') inT = false;
    },
    add: (t: string) => {
      if (s !== undefined && inT && phonetic === 0) s += t;
    },
    end: (): string => {
      const r = s ?? '';
      s = undefined;
      return r;
    },
    get active() {
      return s !== undefined;
    },
  };
}

/** The number format of each cell style (<cellXfs>'s <xf> by index): its code, '' for General. */
function styleFormats(part: string, bytes: Uint8Array): string[] {
  const custom = new Map<number, string>();
  const ids: number[] = [];
  let inCellXfs = false;
  stream(part, bytes, {
    open: (name, attrs) => {
      if (name === 'numFmt' && attrs.numFmtId !== undefined) custom.set(Number(attrs.numFmtId), attrs.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) ids.push(Number(attrs.numFmtId ?? 0));
    },
    close: (name) => {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return ids.map((id) => custom.get(id) ?? BUILT_IN[id] ?? '');
}

// ---------------------------------------------------------------------------------------------------------
// A worksheet

interface SheetContext { strings: () => string[]; formats: () => string[]; count: { cells: number }; limits: typeof XLSX_LIMITS }

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function parseSheet(part: string, bytes: Uint8Array, ctx: SheetContext): { rows: XlsxRow[]; merges: XlsxRange[] } {
  const byRow = new Map<number, XlsxCell[]>();
  const merges: XlsxRange[] = [];
  let rowNo = 0;
  let col = -1;
  // The cell being read.
  let cell: { row: number; col: number; type: string; style: number } | undefined;
  let v: string | undefined;
  let inV = false;
  let inline: string | undefined;
  const is = richText();

  const finish = (c: NonNullable<typeof cell>): void => {
    const value = cellValue(c);
    if (!value) return;
    if (++ctx.count.cells > ctx.limits.cells) throw new XlsxLimitError('cells', ctx.limits.cells);
    const list = byRow.get(c.row);
    if (list) list.push({ col: c.col, value });
    else byRow.set(c.row, [{ col: c.col, value }]);
  };
  const cellValue = (c: NonNullable<typeof cell>): XlsxValue | undefined => {
    const where = `${columnName(c.col)}${c.row}`;
    if (c.type === 'inlineStr') return inline !== undefined ? { kind: 'text', text: inline } : v !== undefined ? { kind: 'text', text: v } : undefined;
    if (v === undefined) return undefined;
    switch (c.type) {
      case 's': {
        const strings = ctx.strings();
        const i = /^\s*\d{1,9}\s*$/.test(v) ? Number(v) : -1;
        if (i < 0 || i >= strings.length) throw damaged(`cell ${where} points at a shared text (${v.trim().slice(0, 20)}) that is not there`);
        return { kind: 'text', text: strings[i]! };
      }
      case 'str':
        return { kind: 'text', text: v };
      case 'b':
        return { kind: 'bool', value: v.trim() !== '0' && v.trim().toLowerCase() !== 'false' };
      case 'e':
        return { kind: 'error', text: v.trim() };
      case 'd':
        return { kind: 'date', written: v.trim() };
      default: {
        const t = v.trim();
        if (t === '') return undefined;
        // What is no number (NaN, 0x10, 12abc) is kept as the text written, so that a finding can quote it.
        if (!NUMBER.test(t)) return { kind: 'text', text: t };
        return { kind: 'number', number: Number(t) + 0, format: ctx.formats()[c.style] ?? '' };
      }
    }
  };

  stream(part, bytes, {
    open: (name, attrs) => {
      if (cell) {
        if (name === 'v') {
          inV = true;
          v ??= '';
        } else if (name === 'is') {
          is.start();
        } else if (is.active) is.open(name);
        return;
      }
      if (name === 'row') {
        const r = attrs.r === undefined ? rowNo + 1 : /^\d{1,7}$/.test(attrs.r) ? Number(attrs.r) : 0;
        if (r < 1 || r > MAX_ROW) throw damaged(`a row numbered "${String(attrs.r).slice(0, 20)}"`);
        rowNo = r;
        col = -1;
      } else if (name === 'c') {
        let at = { col: col + 1, row: rowNo };
        if (attrs.r !== undefined) {
          const ref = cellRef(attrs.r);
          if (!ref) throw damaged(`a cell named "${attrs.r.slice(0, 20)}"`);
          at = ref;
        } else if (rowNo === 0 || at.col >= MAX_COL) throw damaged('a cell outside any row');
        col = at.col;
        cell = { ...at, type: attrs.t ?? 'n', style: Number(attrs.s ?? 0) };
        v = undefined;
        inline = undefined;
      } else if (name === 'mergeCell' && attrs.ref) {
        const [a, b = a] = attrs.ref.split(':');
        const p = cellRef(a!);
        const q = cellRef(b!);
        if (!p || !q || (p.col === q.col && p.row === q.row)) return;
        if (merges.length >= ctx.limits.merges) throw new XlsxLimitError('merges', ctx.limits.merges);
        merges.push({ top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) });
      }
    },
    close: (name) => {
      if (!cell) return;
      if (name === 'c') {
        const c = cell;
        cell = undefined;
        finish(c);
      } else if (name === 'v') inV = false;
      else if (name === 'is') {
        if (is.active) inline = is.end();
      } else if (is.active) is.close(name);
    },
    text: (t) => {
      if (!cell) return;
      if (inV) v += t;
      else is.add(t);
    },
  });

  const rows: XlsxRow[] = [...byRow.keys()].sort((a, b) => a - b).map((row) => {
    const list = byRow.get(row)!;
    // A cell written twice in a row: the later one, as a spreadsheet reading the file in order would keep.
    const byCol = new Map<number, XlsxCell>();
    for (const c of list) byCol.set(c.col, c);
    return { row, cells: [...byCol.values()].sort((a, b) => a.col - b.col) };
  });
  markCovered(rows, merges);
  return { rows, merges };
}

/**
 * Marks the cells inside a merged range other than its first, in one sweep down the rows: the ranges that span
 * a row kept in column order, each cell looked up in them — so the cost is the cells there and the ranges,
 * never a range's area. Two ranges that overlap are a damaged file (Excel repairs it by dropping them).
 */
function markCovered(rows: readonly XlsxRow[], merges: readonly XlsxRange[]): void {
  const starts = [...merges].sort((a, b) => a.top - b.top || a.left - b.left);
  const active: XlsxRange[] = []; // spanning the row being looked at, by left column; never two over one cell
  const at = (col: number): number => {
    // The last range starting at or left of the column.
    let lo = 0;
    let hi = active.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (active[mid]!.left <= col) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
  // The lowest last row of the ranges kept: only past it is any dropped (each drop a pass, so at most one per range).
  let ends = Number.POSITIVE_INFINITY;
  const advance = (row: number): void => {
    if (row <= ends) return;
    let kept = 0;
    ends = Number.POSITIVE_INFINITY;
    for (const m of active) {
      if (m.bottom < row) continue;
      active[kept++] = m;
      ends = Math.min(ends, m.bottom);
    }
    active.length = kept;
  };
  let next = 0;
  let r = 0;
  while (next < starts.length || r < rows.length) {
    const startRow = next < starts.length ? starts[next]!.top : Number.POSITIVE_INFINITY;
    const cellRow = r < rows.length ? rows[r]!.row : Number.POSITIVE_INFINITY;
    if (startRow <= cellRow) {
      const m = starts[next++]!;
      advance(m.top);
      const i = at(m.left);
      const before = active[i];
      const after = active[i + 1];
      const clash = before && before.right >= m.left ? before : after && after.left <= m.right ? after : undefined;
      // The same range written twice is one range; two that only overlap are what Excel repairs by dropping them.
      if (clash && rangeName(clash) === rangeName(m)) continue;
      if (clash) throw damaged(`merged ranges ${rangeName(clash)} and ${rangeName(m)} overlap`);
      active.splice(i + 1, 0, m);
      ends = Math.min(ends, m.bottom);
      continue;
    }
    const row = rows[r++]!;
    advance(row.row);
    if (!active.length) continue;
    for (const c of row.cells) {
      const m = active[at(c.col)];
      if (m && c.col <= m.right && (c.col !== m.left || row.row !== m.top)) c.covered = true;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------

/** Opens a workbook: its archive checked and its sheets listed; each sheet's cells read when asked for. */
export function openXlsx(bytes: Uint8Array, limits: typeof XLSX_LIMITS = XLSX_LIMITS): XlsxWorkbook {
  const zip = openZip(bytes);
  // Part names are compared as OPC compares them: case aside, with or without a leading slash.
  const byName = new Map(zip.names.map((n) => [n.replace(/^\/+/, '').toLowerCase(), n]));
  const read = (part: string): Uint8Array | undefined => {
    const name = byName.get(part.toLowerCase());
    return name === undefined ? undefined : zip.read(name);
  };
  const root = relationships(read, '');
  const office = [...root.values()].find((r) => r.type.endsWith('/officeDocument'));
  const workbookPart = office?.target ?? 'xl/workbook.xml';
  const workbook = read(workbookPart);
  if (!workbook) throw damaged(`it has no workbook part (${workbookPart})`);
  const rels = relationships(read, workbookPart);
  const declared: { name: string; hidden: boolean; part: string }[] = [];
  let date1904 = false;
  stream(workbookPart, workbook, {
    open: (name, attrs) => {
      if (name === 'workbookPr') date1904 = attrs.date1904 === '1' || attrs.date1904 === 'true';
      else if (name === 'sheet') {
        const target = rels.get(attr(attrs, 'id') ?? '')?.target;
        if (target === undefined || !byName.has(target.toLowerCase())) return;
        declared.push({ name: attrs.name ?? '', hidden: attrs.state === 'hidden' || attrs.state === 'veryHidden', part: target });
      }
    },
  });
  const partOf = (suffix: string, fallback: string) => [...rels.values()].find((r) => r.type.endsWith(suffix))?.target ?? fallback;
  /** A part of the package read once, the first time a cell needs it (the shared strings, for a cell of text). */
  const lazy = (suffix: string, fallback: string, parse: (part: string, bytes: Uint8Array) => string[]) => {
    let value: string[] | undefined;
    return () => {
      if (!value) {
        const part = partOf(suffix, fallback);
        const b = read(part);
        value = b ? parse(part, b) : [];
      }
      return value;
    };
  };
  const ctx: SheetContext = {
    strings: lazy('/sharedStrings', 'xl/sharedStrings.xml', sharedStrings),
    formats: lazy('/styles', 'xl/styles.xml', styleFormats),
    count: { cells: 0 },
    limits,
  };
  const parsed = new Map<string, ReturnType<typeof parseSheet>>();
  return {
    sheets: declared.map(({ name, hidden }) => ({ name, hidden })),
    date1904,
    read(index) {
      const s = declared[index];
      if (!s) throw new RangeError(`no sheet ${index}`);
      let p = parsed.get(s.part.toLowerCase());
      if (!p) {
        p = parseSheet(s.part, read(s.part)!, ctx);
        parsed.set(s.part.toLowerCase(), p);
      }
      return { name: s.name, hidden: s.hidden, ...p };
    },
  };
}

/**
 * A date cell's (t="d") day as YYYY-MM-DD when its text is an ISO date (a time of day and a zone after it
 * aside) that the calendar has, from 1900 to 9999 — the days a spreadsheet shows; undefined for anything else.
 */
export function writtenDay(written: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/.exec(written.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1900 && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}
