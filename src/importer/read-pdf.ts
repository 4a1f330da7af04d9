// A PDF with a text layer as the importer's document: its paragraphs and tables, rebuilt from the text
// runs and ruling lines pdf.js finds on each page, so that the extraction reads it as it reads a Word
// file. The layout (lines, paragraphs, tables, page furniture) is a pure function of the positioned
// text, `layoutPages`, tested on made-up pages; `pdfDocument` is the only part that touches pdf.js.
import { fileURLToPath } from 'node:url';
import { clean } from './clean.js';
import type { Block, SourceDoc } from './document.js';
import { DUE_LABEL_WORDS, LEAD_LABEL, SUPPORT_LABEL } from './labels.js';
import { DOCUMENT_LIMITS } from './limits.js';

// ---------------------------------------------------------------------------------------------
// What the layout reads. Coordinates are points from the page's top-left corner, y growing down.

/** A run of text as drawn: `x` its left end, `y` its baseline, `w` its advance width. */
export interface TextRun {
  str: string;
  x: number;
  y: number;
  w: number;
  h: number;
  fontSize: number;
  /** Drawn turned or mirrored: a seal's ring of characters, a stamp, vertical text. */
  rotated?: boolean;
}

/** A ruling line, horizontal (y0 = y1) or vertical (x0 = x1), with x0 ≤ x1 and y0 ≤ y1. */
export interface Rule { x0: number; y0: number; x1: number; y1: number }

export interface PageText { width: number; height: number; items: TextRun[]; rules?: Rule[] }

/** Why a PDF cannot be read, for the caller to word as it likes; the message says it in English. */
export type PdfProblem = 'encrypted' | 'damaged' | 'too-many-pages' | 'too-much-text' | 'too-many-items' | 'too-slow';

export class PdfError extends Error {
  constructor(readonly problem: PdfProblem, message: string) {
    super(message);
    this.name = 'PdfError';
  }
}

/** Refused beyond this: no campaign plan is that long, and a crafted file must not keep us busy. */
export const MAX_PAGES = 500;
/** Non-space characters of text, over all pages: 500 pages of four times the densest 公文 page. */
export const MAX_TEXT = 3_000_000;
/**
 * The process a PDF is read in (pdf-worker.ts, run by index.ts): its heap, and how long it may take — checked
 * here between pages too, so that a slow file is said as such when pdf.js yields in time.
 */
export const PDF_READER = { heapMb: 512, timeoutMs: 60_000 };

// ---------------------------------------------------------------------------------------------
// Characters

/** Letters and digits of Western text: a gap between two of them is a word space. */
const LATIN = /[A-Za-z0-9\u00c0-\u024f]/;
/** Characters a line may not start with (禁则): a line starting with one continues the paragraph. */
const CLOSING = /^[，。、；：！？）》」』】〕〉”’,.;:!?)\]%‰]/;

/**
 * What starts a paragraph of its own even after a full line: the numbering of 公文 (一、 （一） 1. 1、
 * （1） ① 一是 第一阶段), the roles of a leading group (组  长：) and the labels of who and when
 * (牵头单位：, 配合：, 完成时限：, 联系人：).
 */
const PARA_START = new RegExp(
  '^(?:[一二三四五六七八九十百]+\\s*[、．.]|[（(]\\s*[一二三四五六七八九十百\\d]{1,3}\\s*[）)]|\\d{1,3}\\s*(?:[、．)）]|\\.(?!\\d))' +
    '|[①-⑳]|[一二三四五六七八九十]+是|第[一二三四五六七八九十\\d]+(?:阶段|步|部分|章|条)|附\\s*件' +
    `|(?:组\\s*长|副\\s*组\\s*长|成\\s*员|常务副组长|执行副组长|${LEAD_LABEL}|${SUPPORT_LABEL}|${DUE_LABEL_WORDS}|联系人|联系电话|电话)\\s*[：:])`,
);

/** The numbering part of PARA_START: what a wrapped line may start with by chance (小（二）型水库), a label not. */
const NUMBERING = /^(?:[一二三四五六七八九十百]+\s*[、．.]|[（(]\s*[一二三四五六七八九十百\d]{1,3}\s*[）)]|\d{1,3}\s*(?:[、．)）]|\.(?!\d))|[①-⑳])/;

/** Kangxi radicals and compatibility ideographs some PDF makers map glyphs to, as the ideographs they show. */
const normalizeCjk = (s: string): string => s.replace(/[\u2f00-\u2fdf\uf900-\ufaff]/g, (c) => c.normalize('NFKC'));

const nonSpace = (s: string): number => s.replace(/\s/g, '').length;

/** Least and greatest of many numbers (Math.min(...xs) overflows the stack on a crafted page's many). */
const least = (xs: number[]): number => xs.reduce((a, b) => Math.min(a, b), Infinity);
const most = (xs: number[]): number => xs.reduce((a, b) => Math.max(a, b), -Infinity);

// ---------------------------------------------------------------------------------------------
// Lines

interface Line {
  page: number;
  x: number;
  right: number;
  /** Baseline. */
  y: number;
  fs: number;
  text: string;
  /** Width of what the line starts with that cannot be split: a character, an opening mark and the next, a word. */
  lead: number;
}

/** Full-width characters: Chinese, its punctuation, full-width forms. Each is one em wide. */
const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\uff01-\uff60\u2014\u2026\u201c\u201d\u2018\u2019]/;

/**
 * How wide a gap between two Chinese characters must be, in ems, to be typed (two spaces) rather than
 * layout: 公文 pads names and columns with two spaces (组  长：, 刘  勇), 0.4 em or more in any font, while
 * a justified line spreads its slack between characters in slivers. Where the width can only be guessed
 * (a run mixing Chinese and Western text), only a gap of most of a character counts.
 */
const TYPED_GAP = 0.4;
const ROUGH_GAP = 0.8;
/**
 * Between Chinese and Western text (2024年, GB 50016的) Word and LibreOffice set a quarter em, and a
 * justified line puts its slack there first: a gap there is no space unless it is a column's.
 */
const COLUMN_GAP = 2;

type GapKind = 'latin' | 'chinese' | 'boundary';
const gapKind = (a: string, b: string): GapKind => {
  const la = LATIN.test(a);
  const lb = LATIN.test(b);
  return la && lb ? 'latin' : la || lb ? 'boundary' : 'chinese';
};

/** A piece of a line's text and the gap before it, in ems: measured between runs, guessed inside one. */
interface Piece { text: string; gap: number; kind: GapKind; guessed: boolean }

/**
 * The pieces of one run. pdf.js writes one space for any gap it sees inside a run — a typed space,
 * several, or only a wider advance — so the gaps are guessed from the width the run has beyond its
 * characters (Western ones taken as half an em), shared among its gaps: exact for a run all Chinese,
 * rough for a mixed one.
 */
function runPieces(item: TextRun, gapBefore: number): Piece[] {
  const parts = normalizeCjk(item.str).split(/ +/).filter((p, i, all) => p !== '' || (i > 0 && i < all.length - 1));
  const kinds = parts.slice(1).map((p, i) => gapKind(parts[i]!.at(-1) ?? '', p[0] ?? ''));
  const chars = [...parts.join('')];
  const wide = chars.filter((c) => WIDE.test(c)).length;
  const slack = item.w / item.fontSize - wide - (chars.length - wide) * 0.5;
  // A justified line spreads its slack over every gap, Western ones too.
  const perGap = slack / Math.max(1, kinds.length);
  return parts.map((text, i) => {
    if (i === 0) return { text, gap: gapBefore, kind: 'chinese', guessed: false };
    const kind = kinds[i - 1]!;
    const gap = kind === 'chinese' ? perGap : kind === 'boundary' ? 0.25 : 0.3;
    return { text, gap, kind, guessed: wide !== chars.length };
  });
}

/**
 * A line's text from its runs, left to right: a space between Western words; between Chinese and
 * Western text nothing, unless the gap is a column's; between Chinese characters two spaces where the
 * gap was typed, nothing where it is layout — and a line spread out character by character (a justified
 * line whose last word wrapped, a letter-spaced heading) has only layout gaps.
 */
function lineText(runs: TextRun[], fs: number): { text: string; right: number } {
  const pieces: Piece[] = [];
  let end = -Infinity;
  for (const r of runs) {
    const own = runPieces(r, Number.isFinite(end) ? (r.x - end) / fs : 0);
    if (pieces.length && own[0]) own[0].kind = gapKind(pieces.at(-1)!.text.at(-1) ?? '', own[0].text[0] ?? '');
    pieces.push(...own);
    end = Math.max(end, r.x + r.w);
  }
  // The line cut at its gaps between Chinese characters: mostly single characters means spread out.
  const words: string[] = [];
  pieces.forEach((p, i) => {
    if (i === 0 || (p.kind === 'chinese' && p.gap >= 0.15)) words.push(p.text);
    else words[words.length - 1] += p.text;
  });
  const spread = words.length >= 4 && words.filter((w) => [...w].length <= 2).length >= 0.6 * words.length;
  const text = pieces.reduce((t, p, i) => {
    if (i === 0) return p.text;
    let sep = '';
    if (p.kind === 'latin') sep = p.gap >= 1.5 ? '  ' : p.gap >= 0.15 ? ' ' : '';
    else if (p.kind === 'boundary') sep = p.gap >= COLUMN_GAP ? '  ' : '';
    else if (!spread && p.gap >= (p.guessed ? ROUGH_GAP : TYPED_GAP)) sep = '  ';
    return t + sep + p.text;
  }, '');
  return { text, right: end };
}

/**
 * The width of what a line starts with that cannot be split from it: a character with the closing marks
 * after it (书，), an opening mark with the character after it (《森), a Western word or number.
 */
function leadWidth(item: TextRun, text: string): number {
  const per = item.w / Math.max(1, [...item.str].length);
  const unit = /^(?:[A-Za-z0-9\u00c0-\u024f.,%‰:/_@-]+|[《「『【〔〈“‘（([]*.[，。、；：！？）》」』】〕〉”’,.;:!?)\]]*)/u.exec(text);
  return per * Math.max(1, [...(unit?.[0] ?? '')].length);
}

/** Runs on one baseline, left to right, into lines; a run drawn twice over itself (fake bold) counts once. */
function toLines(items: TextRun[], page: number): Line[] {
  const sorted = items.filter((i) => i.str.trim() !== '').sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: TextRun[][] = [];
  for (const item of sorted) {
    const last = groups.at(-1);
    const base = last?.[0];
    if (base && Math.abs(item.y - base.y) <= 0.4 * Math.min(base.fontSize, item.fontSize)) last!.push(item);
    else groups.push([item]);
  }
  return groups.map((group) => {
    group.sort((a, b) => a.x - b.x);
    const runs: TextRun[] = [];
    for (const r of group) {
      let twice = false;
      for (let k = runs.length - 1; k >= 0 && runs[k]!.x > r.x - 0.3 * r.fontSize; k--) twice ||= runs[k]!.str === r.str;
      if (!twice) runs.push(r);
    }
    const fs = most(runs.map((r) => r.fontSize));
    const { text, right: end } = lineText(runs, fs);
    const first = runs[0]!;
    const lead = text.replace(/^\s+/, '');
    return { page, x: first.x, right: end, y: first.y, fs, text: clean(text), lead: leadWidth(first, lead) };
  }).filter((l) => l.text !== '');
}

// ---------------------------------------------------------------------------------------------
// Paragraphs

/** The box text is set in: the text block of a page, the inside of a table cell. */
interface Frame { left: number; right: number }

/**
 * Whether `b` goes on with `a`'s paragraph: `a` was full (what `b` starts with would not have fitted
 * after it), `b` is no new numbered item or label, and — on a page, where 公文 indents a paragraph's first
 * line by two characters — `b` starts at the margin. A centered title's second line goes on with a full
 * first line too.
 */
function continues(a: Line, b: Line, frame: Frame, opts: { inCell: boolean; bodyFs: number; inBrackets: boolean }): boolean {
  if (Math.abs(a.fs - b.fs) > 0.15 * Math.max(a.fs, b.fs)) return false;
  if (a.page === b.page && (b.y <= a.y || b.y - a.y > 2.4 * a.fs)) return false;
  if (CLOSING.test(b.text)) return true;
  // Word and LibreOffice set a quarter character between Chinese and Western text: the wrapped word needed it too.
  const scripts = LATIN.test(a.text.at(-1) ?? '') !== LATIN.test(b.text[0] ?? '') ? 0.25 * a.fs : 0;
  const full = a.right + scripts + b.lead > frame.right + 0.02 * a.fs;
  // A full line that stops mid-sentence goes on, whatever the next one starts with: "…小" + "（二）型水库",
  // "…完成；①…；②…" + "③…" wrapped — a numbered item starts after a sentence ends (。；：) or indented.
  const midSentence = full && !opts.inCell && !/[。；;！!？?：:]$/.test(a.text) && b.x <= frame.left + 0.5 * b.fs && NUMBERING.test(b.text) && nonSpace(a.text) >= 16;
  // Inside brackets a label is part of the sentence: （牵头：镇村建所；配合：各村） wrapped before 配合.
  if (PARA_START.test(b.text) && !opts.inBrackets && !midSentence) return false;
  if (!full) return false;
  if (opts.inCell) return true;
  if (a.x > frame.left + 2.5 * a.fs) return false; // right-aligned or centered: a signature, a date
  if (b.x <= frame.left + 0.5 * b.fs) return true;
  const center = (frame.left + frame.right) / 2;
  const centered = (l: Line) => Math.abs((l.x + l.right) / 2 - center) <= l.fs;
  return a.fs >= 1.15 * opts.bodyFs && centered(a) && centered(b);
}

/** Joins a paragraph's lines: nothing between Chinese, a space where a Western word wrapped. */
function joinLines(lines: Line[]): string {
  return lines.reduce((text, l) => (text ? joinParts(text, l.text) : l.text), '');
}

// ---------------------------------------------------------------------------------------------
// Tables

interface Cell { text: string }
/** A ruled table found on a page, before its text: the grid lines and which elementary cells are one. */
interface Shell {
  page: number;
  top: number;
  xs: number[];
  ys: number[];
  /** merged[r][c]: the id of the (merged) cell at row r, column c. */
  merged: number[][];
}
interface Grid {
  page: number;
  top: number;
  xs: number[];
  ys: number[];
  /** cells[r][c]: the cell at row r, column c; a merged cell is the same object in every place it covers. */
  cells: Cell[][];
}

const SNAP = 2;

/** Sorted values, those within SNAP of each other counted once (their mean). */
function cluster(values: number[]): number[] {
  const out: number[][] = [];
  for (const v of [...values].sort((a, b) => a - b)) {
    const last = out.at(-1);
    if (last && v - last.at(-1)! <= SNAP) last.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((s, v) => s + v, 0) / g.length);
}

interface HRule { y: number; x0: number; x1: number }
interface VRule { x: number; y0: number; y1: number }

/** Collinear rules that touch or overlap, as one. */
function mergeRules<T>(rules: T[], key: (r: T) => number, from: (r: T) => number, to: (r: T) => number, make: (k: number, a: number, b: number) => T): T[] {
  const sorted = [...rules].sort((a, b) => key(a) - key(b) || from(a) - from(b));
  const out: T[] = [];
  for (const r of sorted) {
    const last = out.at(-1);
    if (last && Math.abs(key(last) - key(r)) <= SNAP && from(r) <= to(last) + SNAP && to(r) >= from(last) - SNAP) {
      out[out.length - 1] = make(key(last), Math.min(from(last), from(r)), Math.max(to(last), to(r)));
    } else out.push(r);
  }
  return out;
}

/** Which of n things are one: union-find, with path halving. */
function unionFind(n: number): { find: (i: number) => number; union: (a: number, b: number) => void } {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    let x = i;
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  return { find, union: (a, b) => { parent[find(b)] = find(a); } };
}

/** Beyond this many rules a page is a drawing, not a form: no tables are looked for. */
const MAX_RULES = 4000;
/** Nor is a grid of more cells than this a table anyone would import. */
const MAX_CELLS = 20_000;

/**
 * The ruled tables of a page: rules that cross each other make a table; every distinct x of its vertical
 * rules and y of its horizontal ones bound a grid of elementary cells, and neighbours with no rule
 * between them are one merged cell. A lone box (one cell: a frame round the page, a text box) is no table.
 */
function findGrids(rules: Rule[], page: number): Shell[] {
  if (rules.length > MAX_RULES) return [];
  const hs = mergeRules(
    rules.filter((r) => Math.abs(r.y1 - r.y0) <= 1 && r.x1 - r.x0 > SNAP).map((r) => ({ y: (r.y0 + r.y1) / 2, x0: r.x0, x1: r.x1 })),
    (r) => r.y, (r) => r.x0, (r) => r.x1, (y, x0, x1): HRule => ({ y, x0, x1 }),
  );
  const vs = mergeRules(
    rules.filter((r) => Math.abs(r.x1 - r.x0) <= 1 && r.y1 - r.y0 > SNAP).map((r) => ({ x: (r.x0 + r.x1) / 2, y0: r.y0, y1: r.y1 })),
    (r) => r.x, (r) => r.y0, (r) => r.y1, (x, y0, y1): VRule => ({ x, y0, y1 }),
  );
  // Rules that cross or touch are one table (union-find over horizontal then vertical rules).
  const { find, union } = unionFind(hs.length + vs.length);
  hs.forEach((h, i) => {
    vs.forEach((v, j) => {
      if (v.x >= h.x0 - SNAP && v.x <= h.x1 + SNAP && h.y >= v.y0 - SNAP && h.y <= v.y1 + SNAP) union(i, hs.length + j);
    });
  });
  const groups = new Map<number, { h: HRule[]; v: VRule[] }>();
  hs.forEach((h, i) => { const g = groups.get(find(i)) ?? { h: [], v: [] }; g.h.push(h); groups.set(find(i), g); });
  vs.forEach((v, j) => { const g = groups.get(find(hs.length + j)) ?? { h: [], v: [] }; g.v.push(v); groups.set(find(hs.length + j), g); });

  const grids: Shell[] = [];
  for (const { h, v } of groups.values()) {
    const xs = cluster(v.map((r) => r.x));
    const ys = cluster(h.map((r) => r.y));
    if (xs.length < 2 || ys.length < 2) continue;
    const rows = ys.length - 1;
    const cols = xs.length - 1;
    if (rows * cols < 2 || rows * cols > MAX_CELLS) continue;
    // The rules on each grid line, to ask which stretches of it are drawn.
    const nearest = (values: number[], v: number) => values.reduce((best, x, i) => (Math.abs(x - v) < Math.abs(values[best]! - v) ? i : best), 0);
    const onY = ys.map((): HRule[] => []);
    const onX = xs.map((): VRule[] => []);
    for (const r of h) onY[nearest(ys, r.y)]!.push(r);
    for (const r of v) onX[nearest(xs, r.x)]!.push(r);
    const hAt = (i: number, x: number) => onY[i]!.some((r) => r.x0 <= x && r.x1 >= x);
    const vAt = (i: number, y: number) => onX[i]!.some((r) => r.y0 <= y && r.y1 >= y);
    // Elementary cells r*cols+c, joined where no rule parts them.
    const { find: root, union: join } = unionFind(rows * cols);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const midX = (xs[c]! + xs[c + 1]!) / 2;
        const midY = (ys[r]! + ys[r + 1]!) / 2;
        if (c + 1 < cols && !vAt(c + 1, midY)) join(r * cols + c, r * cols + c + 1);
        if (r + 1 < rows && !hAt(r + 1, midX)) join(r * cols + c, (r + 1) * cols + c);
      }
    }
    const merged = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => root(r * cols + c)));
    if (new Set(merged.flat()).size < 2) continue;
    grids.push({ page, top: ys[0]!, xs, ys, merged });
  }
  return grids;
}

/** The index i with values[i] ≤ v < values[i + 1], or -1 outside. */
function slot(values: number[], v: number): number {
  if (v < values[0]! || v > values.at(-1)!) return -1;
  let i = 0;
  while (i < values.length - 2 && v >= values[i + 1]!) i++;
  return i;
}

/**
 * A table's cells filled with the runs inside them: each cell's lines make paragraphs as on a page (a
 * wrapped line joins, a new paragraph in a cell goes on a line of its own), with the cell's inside as
 * the frame.
 */
function fillGrid(grid: Shell, runs: TextRun[], bodyFs: number): Grid {
  const inCell = new Map<number, TextRun[]>();
  for (const run of runs) {
    const c = slot(grid.xs, run.x + Math.min(run.w, run.fontSize) / 2);
    const r = slot(grid.ys, run.y - 0.35 * run.fontSize);
    const id = grid.merged[r]?.[c];
    if (id === undefined) continue;
    const list = inCell.get(id);
    if (list) list.push(run);
    else inCell.set(id, [run]);
  }
  // Each cell's left and right, over the columns it spans.
  const spans = new Map<number, Frame>();
  for (const row of grid.merged) {
    row.forEach((id, c) => {
      const b = spans.get(id);
      spans.set(id, { left: Math.min(b?.left ?? Infinity, grid.xs[c]!), right: Math.max(b?.right ?? -Infinity, grid.xs[c + 1]!) });
    });
  }
  const bounds = (id: number): Frame => spans.get(id)!;
  // Cell padding: the least gap between text and its cell's sides anywhere in the table.
  const lines = new Map([...inCell].map(([id, items]) => [id, toLines(items, grid.page)]));
  let pad = Infinity;
  for (const [id, ls] of lines) {
    const b = bounds(id);
    for (const l of ls) pad = Math.min(pad, l.x - b.left, b.right - l.right);
  }
  pad = Math.max(0, Math.min(Number.isFinite(pad) ? pad : 0, 8));
  const texts = new Map<number, Cell>();
  const cellOf = (id: number): Cell => {
    let cell = texts.get(id);
    if (!cell) {
      const b = bounds(id);
      const frame = { left: b.left + pad, right: b.right - pad };
      cell = { text: paragraphs(lines.get(id) ?? [], () => frame, { inCell: true, bodyFs }).map(joinLines).join('\n') };
      texts.set(id, cell);
    }
    return cell;
  };
  return { page: grid.page, top: grid.top, xs: grid.xs, ys: grid.ys, cells: grid.merged.map((row) => row.map(cellOf)) };
}

/** How many brackets a text opens and leaves open. */
const openBrackets = (text: string): number => (text.match(/[（(【〔［[]/g)?.length ?? 0) - (text.match(/[）)】〕］\]]/g)?.length ?? 0);

/** Lines into paragraphs, each line going on with the one before or starting a new one. */
function paragraphs(lines: Line[], frameOf: (l: Line) => Frame, opts: { inCell: boolean; bodyFs: number }): Line[][] {
  const out: Line[][] = [];
  let open = 0;
  for (const l of lines) {
    const para = out.at(-1);
    const prev = para?.at(-1);
    if (para && prev && continues(prev, l, frameOf(prev), { ...opts, inBrackets: open > 0 })) {
      para.push(l);
      open += openBrackets(l.text);
    } else {
      out.push([l]);
      open = openBrackets(l.text);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Page furniture

const PAGE_NUMBER = [
  /^[-—–－~～\s]*\d{1,4}[-—–－~～\s]*$/, // — 1 —, - 2 -, 3
  /^第\s*\d{1,4}\s*页\s*[,，/／]?\s*(?:共\s*\d{1,4}\s*页)?$/, // 第 1 页 共 3 页
  /^共\s*\d{1,4}\s*页\s*[,，/／]?\s*第\s*\d{1,4}\s*页$/,
  /^\d{1,4}\s*[/／]\s*\d{1,4}$/, // 1/3
  /^(?:page\s*)?\d{1,4}\s*(?:of|\/)\s*\d{1,4}$/i,
];

/** How many lines at a page's top or bottom may be furniture. */
const EDGE_LINES = 2;
/** Furniture lies in the top or bottom fifth of a page. */
const EDGE_ZONE = 0.2;

type PageBlock = { kind: 'line'; line: Line } | { kind: 'table'; grid: Grid };

/** A running header or footer with the page number in it: its text with the numbers left out. */
const furnitureKey = (text: string): string => text.replace(/\d+/g, '#').replace(/\s+/g, '');

/**
 * Page numbers and running headers and footers out: lines at the very top or bottom of a page, in its
 * outer fifth, that read as a page number, or that come back on at least half the pages — the same, or
 * the same but for a number that goes up with the page (第 3 页); not 附件1 and 附件2 atop two pages.
 */
function dropFurniture(pages: { height: number; blocks: PageBlock[] }[]): void {
  const edges = (p: { height: number; blocks: PageBlock[] }): Line[] => {
    const out: Line[] = [];
    const take = (blocks: PageBlock[], top: boolean) => {
      for (const b of blocks.slice(0, EDGE_LINES)) {
        if (b.kind !== 'line') break;
        const inZone = top ? b.line.y - b.line.fs < EDGE_ZONE * p.height : b.line.y > (1 - EDGE_ZONE) * p.height;
        if (!inZone) break;
        out.push(b.line);
      }
    };
    take(p.blocks, true);
    take([...p.blocks].reverse(), false);
    return out;
  };
  const same = new Map<string, Set<number>>();
  const numbered = new Map<string, Map<number, number>>(); // key → page → the page less the line's first number
  for (const p of pages) {
    for (const l of edges(p)) {
      same.set(l.text, (same.get(l.text) ?? new Set()).add(l.page));
      const n = /\d+/.exec(l.text);
      if (n) numbered.set(furnitureKey(l.text), (numbered.get(furnitureKey(l.text)) ?? new Map()).set(l.page, l.page - Number(n[0])));
    }
  }
  const often = (count: number) => pages.length >= 2 && count >= Math.max(2, pages.length / 2);
  const repeated = (l: Line) => {
    if (often(same.get(l.text)?.size ?? 0)) return true;
    const offsets = numbered.get(furnitureKey(l.text));
    return !!offsets && often(offsets.size) && new Set(offsets.values()).size === 1;
  };
  for (const p of pages) {
    const drop = new Set(edges(p).filter((l) => PAGE_NUMBER.some((re) => re.test(l.text)) || repeated(l)));
    p.blocks = p.blocks.filter((b) => b.kind !== 'line' || !drop.has(b.line));
  }
}

// ---------------------------------------------------------------------------------------------
// The document

/** The most common value, each weighted. */
function mode(pairs: [number, number][]): number | undefined {
  const w = new Map<number, number>();
  for (const [v, n] of pairs) w.set(v, (w.get(v) ?? 0) + n);
  return [...w].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** Two parts of one text, cut by a line or page break: nothing between Chinese, a space between words. */
const joinParts = (a: string, b: string): string => a + (LATIN.test(a.at(-1) ?? '') && LATIN.test(b[0] ?? '') ? ' ' : '') + b;

/**
 * Adds to a table the part of it on the next page. The header row, if repeated, goes. Where the page
 * break cut through a merged cell, the part below is empty (the text stays above, or sits in the part
 * below when it is centred): it takes the cell's text. Where it cut through a row (Word and LibreOffice
 * let a row break across pages), the row's first part above has its number and most cells, the part
 * below the rest of the long ones: the two are one row.
 */
function continueGrid(prev: Grid, next: Grid): void {
  const same = (a: Cell[] | undefined, b: Cell[] | undefined) => !!a && !!b && a.length === b.length && a.every((c, i) => c.text === b[i]!.text);
  let rows = same(prev.cells[0], next.cells[0]) && prev.cells.length > 1 ? next.cells.slice(1) : next.cells;
  const last = prev.cells.at(-1)!;
  const first = rows[0];
  if (first && first.length === last.length) {
    const spansAbove = (c: number) => prev.cells.length > 1 && prev.cells.at(-2)![c] === last[c];
    const spansBelow = (c: number) => rows.length > 1 && rows[1]![c] === first[c];
    const alone = last.map((_, c) => c).filter((c) => !spansAbove(c) && !spansBelow(c));
    const emptied = alone.filter((c) => first[c]!.text === '' && last[c]!.text !== '');
    const cutRow = first.some((cell) => cell.text !== '') &&
      ((/^\d+$/.test(last[0]!.text) && first[0]!.text === '') || (alone.length > 0 && 2 * emptied.length >= alone.length));
    const replace = (from: Cell, to: Cell) => {
      for (const row of rows) row.forEach((x, i) => { if (x === from) row[i] = to; });
    };
    const seen = new Set<Cell>();
    first.forEach((below, c) => {
      const above = last[c]!;
      if (seen.has(below)) return;
      seen.add(below);
      if (cutRow) {
        if (below.text !== '' && below.text !== above.text) above.text = joinParts(above.text, below.text);
        replace(below, above);
      } else if (below.text === '' && above.text !== '' && (spansAbove(c) || spansBelow(c))) replace(below, above);
    });
    if (cutRow) rows = rows.slice(1);
  }
  prev.cells.push(...rows);
}

/** Pages of positioned text into the document's paragraphs and tables, in reading order. */
export function layoutPages(pages: PageText[]): SourceDoc {
  const upright = pages.map((p) => p.items.filter((i) => !i.rotated && i.str.trim() !== '' && Number.isFinite(i.x + i.y + i.w + i.fontSize) && i.fontSize > 0));
  const bodyFs = mode(upright.flat().map((i) => [Math.round(i.fontSize * 2) / 2, nonSpace(i.str)])) ?? 12;

  const laid = pages.map((p, n) => {
    const page = n + 1;
    const items = upright[n]!;
    const shells = findGrids(p.rules ?? [], page);
    const inGrid = new Set<TextRun>();
    const grids = shells.map((shell) => {
      const inside = items.filter((i) => {
        const cx = i.x + Math.min(i.w, i.fontSize) / 2;
        const cy = i.y - 0.35 * i.fontSize;
        return cx >= shell.xs[0]! && cx <= shell.xs.at(-1)! && cy >= shell.ys[0]! && cy <= shell.ys.at(-1)!;
      });
      for (const i of inside) inGrid.add(i);
      return fillGrid(shell, inside, bodyFs);
    });
    const lines = toLines(items.filter((i) => !inGrid.has(i)), page);
    const blocks: PageBlock[] = [
      ...lines.map((line): PageBlock => ({ kind: 'line', line })),
      ...grids.map((grid): PageBlock => ({ kind: 'table', grid })),
    ].sort((a, b) => (a.kind === 'line' ? a.line.y - a.line.fs : a.grid.top) - (b.kind === 'line' ? b.line.y - b.line.fs : b.grid.top));
    return { height: p.height, blocks };
  });
  dropFurniture(laid);

  // The text block: where lines start (the leftmost) and end (most full lines end near the right edge;
  // a few hang a mark past it, a short paragraph's last line stops short). Pages of one size share it,
  // so the last page, with little more than the signature, has it too.
  const frames = new Map<string, Frame>();
  const sizeOf = (n: number) => `${Math.round(pages[n]!.width)}x${Math.round(pages[n]!.height)}`;
  const linesBySize = new Map<string, Line[]>();
  laid.forEach((p, n) => {
    const ls = linesBySize.get(sizeOf(n)) ?? [];
    for (const b of p.blocks) if (b.kind === 'line') ls.push(b.line);
    linesBySize.set(sizeOf(n), ls);
  });
  for (const [size, ls] of linesBySize) {
    const left = least(ls.map((l) => l.x));
    const rights = ls.filter((l) => l.x <= left + 2.5 * l.fs).map((l) => l.right).sort((a, b) => a - b);
    frames.set(size, { left, right: rights[Math.floor(0.9 * (rights.length - 1))] ?? left });
  }

  const blocks: Block[] = [];
  let run: Line[] = []; // lines since the last table, across pages
  const flush = () => {
    for (const para of paragraphs(run, (l) => frames.get(sizeOf(l.page - 1))!, { inCell: false, bodyFs })) {
      blocks.push({ kind: 'para', no: 0, text: joinLines(para), page: para[0]!.page });
    }
    run = [];
  };
  const tables = new Map<Grid, number>();
  // The table that ended the page before, which the next page's first block may go on with.
  let open: Grid | undefined;
  laid.forEach((p) => {
    p.blocks.forEach((b, i) => {
      if (b.kind === 'line') {
        run.push(b.line);
        return;
      }
      flush();
      if (open && i === 0 && open.xs.length === b.grid.xs.length) continueGrid(open, b.grid);
      else {
        tables.set(b.grid, blocks.length);
        blocks.push({ kind: 'table', no: 0, rows: [], page: b.grid.page });
        open = b.grid;
      }
    });
    // A page ending in a table of its own leaves it open; one ending in the open table's rest keeps it.
    const last = p.blocks.at(-1);
    if (last?.kind !== 'table') open = undefined;
    else if (tables.has(last.grid)) open = last.grid;
  });
  flush();
  for (const [grid, at] of tables) blocks[at] = { kind: 'table', no: 0, rows: grid.cells.map((row) => row.map((c) => c.text)), page: grid.page };
  blocks.forEach((b, i) => { b.no = i + 1; });
  return { blocks, unit: 'paragraph' };
}

// ---------------------------------------------------------------------------------------------
// Reading the file with pdf.js

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjs: Promise<PdfJs> | undefined;

/**
 * pdf.js's legacy build, for Node. Its display layer makes a DOMMatrix as it loads, for drawing, which
 * we never do; Node has none, and pdf.js's own stand-in comes from an optional native package
 * (@napi-rs/canvas, 0.16 s to load, not installed with campaign) — an empty class does as well for reading
 * text and lines (the same blocks on every fixture, with or without the package), and pdf.js's warnings that
 * it cannot draw are no news. The parsing ("worker") runs in this thread: pdf.js takes it from
 * globalThis.pdfjsWorker when it is there, which is imported here by name, so that the bundle
 * (scripts/bundle.js) carries it — left to itself pdf.js would import pdf.worker.mjs from beside pdf.mjs.
 */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    const g = globalThis as { DOMMatrix?: unknown; pdfjsWorker?: unknown };
    // @ts-expect-error pdfjs-dist ships no types for its worker module; only its WorkerMessageHandler is read, by pdf.js.
    g.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    if (g.DOMMatrix) return import('pdfjs-dist/legacy/build/pdf.mjs');
    g.DOMMatrix = class DOMMatrix {};
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      return await import('pdfjs-dist/legacy/build/pdf.mjs');
    } finally {
      console.warn = warn;
    }
  })();
  return pdfjs;
}

/**
 * pdf.js's data folders as paths: the CMaps that map the codes of Chinese fonts a PDF does not embed
 * (UniGB-UCS2-H, Adobe-GB1 …) to characters, and the standard fonts. The build copies them from
 * pdfjs-dist to dist/pdfjs/ (scripts/bundle.js), found from src/importer, dist/importer and dist/bundle
 * alike. pdf.js reads them with fs.readFile(folder + name), never from the network, and wants the
 * trailing slash.
 */
const PDFJS_DATA = new URL('../../dist/pdfjs/', import.meta.url);

function dataFolders(): { cMapUrl: string; standardFontDataUrl: string } {
  return { cMapUrl: fileURLToPath(new URL('cmaps/', PDFJS_DATA)), standardFontDataUrl: fileURLToPath(new URL('standard_fonts/', PDFJS_DATA)) };
}

type Matrix = [number, number, number, number, number, number];

const multiply = (m: Matrix, n: readonly number[]): Matrix => [
  m[0] * n[0]! + m[2] * n[1]!,
  m[1] * n[0]! + m[3] * n[1]!,
  m[0] * n[2]! + m[2] * n[3]!,
  m[1] * n[2]! + m[3] * n[3]!,
  m[0] * n[4]! + m[2] * n[5]! + m[4],
  m[1] * n[4]! + m[3] * n[5]! + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/**
 * Whether a page's text may sit in a table: two runs on one baseline with more than one and a half characters
 * of space between them (cells of a row). Paragraph text runs on from run to run; a 组  长： line's gap is one
 * character.
 */
export function mayHoldTable(items: readonly TextRun[]): boolean {
  const lines = new Map<number, TextRun[]>();
  for (const i of items) {
    if (!i.str.trim() || i.rotated) continue;
    const key = Math.round(i.y / Math.max(2, i.fontSize / 2));
    const list = lines.get(key);
    if (list) list.push(i);
    else lines.set(key, [i]);
  }
  for (const list of lines.values()) {
    if (list.length < 2) continue;
    list.sort((a, b) => a.x - b.x);
    for (let k = 1; k < list.length; k++) {
      const prev = list[k - 1]!;
      if (list[k]!.x - (prev.x + prev.w) > 1.5 * Math.max(prev.fontSize, list[k]!.fontSize)) return true;
    }
  }
  return false;
}

/** Path drawing operations inside a constructPath operation's coordinates (pdf.js's DrawOPS). */
const DRAW = { moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4 } as const;
/** A filled rectangle this thin is a ruling line (some makers draw borders so). */
const THIN = 2.5;

/**
 * The ruling lines of a page from its operator list: every straight horizontal or vertical edge of a
 * stroked path, and every thin filled rectangle, in page coordinates (top-left origin), white ones left
 * out. pdf.js 5 gives each path as one constructPath operation: [paint operation, [coordinates], box],
 * the coordinates a flat list of drawing operations in the user space of the moment, so the current
 * transformation is followed through save, restore, transform and form XObjects.
 */
function rulesOf(ops: { fnArray: number[]; argsArray: unknown[] }, OPS: PdfJs['OPS'], view: Matrix): Rule[] {
  const rules: Rule[] = [];
  const STROKES = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const FILLS = new Set<number>([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  type State = { ctm: Matrix; stroke: string; fill: string };
  let state: State = { ctm: view, stroke: '#000000', fill: '#000000' };
  const stack: State[] = [];
  const isWhite = (color: string) => /^#(?:f[0-9a-f]){3}$/i.test(color);
  const add = (x0: number, y0: number, x1: number, y1: number) => {
    if (Math.abs(y1 - y0) <= 1 || Math.abs(x1 - x0) <= 1) rules.push({ x0: Math.min(x0, x1), y0: Math.min(y0, y1), x1: Math.max(x0, x1), y1: Math.max(y0, y1) });
  };
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(state);
    else if (fn === OPS.restore) state = stack.pop() ?? state;
    else if (fn === OPS.transform && args) state = { ...state, ctm: multiply(state.ctm, args as number[]) };
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(state);
      const m = args?.[0];
      if (Array.isArray(m) || ArrayBuffer.isView(m)) state = { ...state, ctm: multiply(state.ctm, Array.from(m as ArrayLike<number>)) };
    } else if (fn === OPS.paintFormXObjectEnd) state = stack.pop() ?? state;
    else if (fn === OPS.setStrokeRGBColor && typeof args?.[0] === 'string') state = { ...state, stroke: args[0] };
    else if (fn === OPS.setFillRGBColor && typeof args?.[0] === 'string') state = { ...state, fill: args[0] };
    else if (fn === OPS.constructPath && args) {
      const paint = args[0] as number;
      const data = (args[1] as (ArrayLike<number> | null)[] | undefined)?.[0];
      const stroked = STROKES.has(paint) && !isWhite(state.stroke);
      const filled = FILLS.has(paint) && !isWhite(state.fill);
      if (!data || (!stroked && !filled)) continue;
      // Walk the subpaths; for each, its points in page coordinates and whether it was closed.
      const subpaths: { pts: [number, number][]; closed: boolean }[] = [];
      let cur: { pts: [number, number][]; closed: boolean } | undefined;
      for (let k = 0; k < data.length;) {
        const op = data[k]!;
        if (op === DRAW.moveTo) {
          cur = { pts: [apply(state.ctm, data[k + 1]!, data[k + 2]!)], closed: false };
          subpaths.push(cur);
          k += 3;
        } else if (op === DRAW.lineTo) {
          cur?.pts.push(apply(state.ctm, data[k + 1]!, data[k + 2]!));
          k += 3;
        } else if (op === DRAW.curveTo) {
          cur = undefined; // a curve: nothing here is a ruling line
          k += 7;
        } else if (op === DRAW.quadraticCurveTo) {
          cur = undefined;
          k += 5;
        } else if (op === DRAW.closePath) {
          if (cur) cur.closed = true;
          k += 1;
        } else break;
      }
      for (const { pts, closed } of subpaths) {
        if (stroked) {
          const edges = closed ? [...pts, pts[0]!] : pts;
          for (let k = 1; k < edges.length; k++) add(edges[k - 1]![0], edges[k - 1]![1], edges[k]![0], edges[k]![1]);
        }
        if (filled && !stroked && pts.length >= 4) {
          const xs = pts.map((p) => p[0]);
          const ys = pts.map((p) => p[1]);
          const [x0, x1, y0, y1] = [least(xs), most(xs), least(ys), most(ys)];
          if (y1 - y0 <= THIN && x1 - x0 > THIN) add(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2);
          else if (x1 - x0 <= THIN && y1 - y0 > THIN) add((x0 + x1) / 2, y0, (x0 + x1) / 2, y1);
        }
      }
    }
  }
  return rules;
}

interface PdfTextItem { str: string; transform: number[]; width: number; height: number }

/** A text item of pdf.js in page coordinates: its matrix times the viewport's tells place, size and turn. */
function toRun(item: PdfTextItem, view: Matrix): TextRun {
  const m = multiply(view, item.transform);
  const fontSize = Math.hypot(m[2], m[3]);
  // Upright text has m = [s, 0, 0, -s, x, y] in top-left page coordinates.
  const rotated = Math.abs(m[1]) > 0.02 * Math.abs(m[0]) || Math.abs(m[2]) > 0.02 * Math.abs(m[3]) || m[0] <= 0 || m[3] >= 0;
  return { str: item.str, x: m[4], y: m[5], w: Math.abs(item.width), h: item.height, fontSize, ...(rotated ? { rotated } : {}) };
}

/**
 * A page's pieces of text, taken from pdf.js as it finds them and given up at the first over `room`: a page of a
 * million one-letter pieces (3 MB as a PDF) kept the reader busy 49 s at 690 MB before its text was counted.
 */
async function textItems(page: { streamTextContent(): ReadableStream<{ items: object[] }> }, room: number): Promise<PdfTextItem[]> {
  const reader = page.streamTextContent().getReader();
  const items: PdfTextItem[] = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return items;
    for (const i of value.items) if ('str' in i) items.push(i as PdfTextItem);
    if (items.length > room) {
      // Not waited for: pdf.js never settles it; the document is destroyed next.
      reader.cancel().catch(() => undefined);
      throw new PdfError('too-many-items', `the PDF has more than ${DOCUMENT_LIMITS.items} pieces of text`);
    }
  }
}

/** pdf.js's exceptions, by name, as the reader's. */
function pdfError(err: unknown): Error {
  if (err instanceof PdfError) return err;
  const name = (err as { name?: string } | null)?.name;
  const message = err instanceof Error ? err.message : String(err);
  if (name === 'PasswordException') return new PdfError('encrypted', 'the PDF is protected by a password');
  if (name === 'InvalidPDFException') return new PdfError('damaged', `not a readable PDF (${message})`);
  return new PdfError('damaged', `the PDF could not be read (${message})`);
}

/**
 * A PDF's paragraphs and tables, each with the page it starts on, the number of pages, and how much
 * text its text layer has (non-space characters; about none for a scan). Throws a PdfError for a
 * damaged, password-protected, too long or too slow file.
 */
export async function pdfDocument(bytes: Uint8Array): Promise<SourceDoc & { pages: number; textChars: number }> {
  const lib = await loadPdfJs();
  const started = Date.now();
  const task = lib.getDocument({
    data: new Uint8Array(bytes), // pdf.js takes the buffer over
    ...dataFolders(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    // Images are skipped unread: only text and lines matter here, and a scan's pages are large.
    maxImageSize: 0,
    isOffscreenCanvasSupported: false,
    verbosity: 0,
  });
  let doc: Awaited<typeof task.promise> | undefined;
  try {
    doc = await task.promise;
    if (doc.numPages > MAX_PAGES) throw new PdfError('too-many-pages', `the PDF has ${doc.numPages} pages, more than ${MAX_PAGES}`);
    const pages: PageText[] = [];
    let textChars = 0;
    let itemCount = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      if (Date.now() - started > PDF_READER.timeoutMs) throw new PdfError('too-slow', `reading the PDF took longer than ${PDF_READER.timeoutMs / 1000} s`);
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const view = viewport.transform as Matrix;
      const items = (await textItems(page, DOCUMENT_LIMITS.items - itemCount)).map((i) => toRun(i, view));
      itemCount += items.length;
      textChars += items.reduce((s, i) => s + nonSpace(i.str), 0);
      if (textChars > MAX_TEXT) throw new PdfError('too-much-text', `the PDF has more than ${MAX_TEXT} characters of text`);
      // Reading the drawing costs as much as the text: only for a page that may hold a table — text set apart
      // on one line, or a table going on from the page before.
      const before = pages.at(-1);
      const rules = mayHoldTable(items) || (before?.rules?.length ?? 0) > 0 ? rulesOf(await page.getOperatorList({ annotationMode: lib.AnnotationMode.DISABLE }), lib.OPS, view) : [];
      pages.push({ width: viewport.width, height: viewport.height, items, rules });
      page.cleanup();
    }
    return { ...layoutPages(pages), pages: doc.numPages, textChars };
  } catch (err) {
    throw pdfError(err);
  } finally {
    // A text stream given up mid-page (textItems) leaves pdf.js's destroy waiting on it for ever, with nothing
    // else to keep the process alive: the wait is bounded, and the reader's process ends after its answer anyway.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([(doc ?? task).destroy(), new Promise((resolve) => { timer = setTimeout(resolve, 1_000); })]);
    clearTimeout(timer);
  }
}
