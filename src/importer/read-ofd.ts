// OFD (GB/T 33190-2016), the fixed-layout format Chinese government offices publish and archive documents in:
// a ZIP whose OFD.xml names the document (DocBody/DocRoot), whose Document.xml lists the pages, each page a
// Content.xml of layers holding text objects (TextObject/TextCode: characters at positions, in millimetres)
// and paths (PathObject: the rulings of a table). A page keeps no paragraphs: they are rebuilt here from where
// the characters stand — lines by baseline, a paragraph's lines joined where a line runs to the right margin
// and the next one neither starts indented nor with a heading's number or a label — and tables from their
// rulings, a cell whose inner ruling is missing (a merged cell) given the same text in every cell it covers.
// Left out: the page templates (headers and footers), annotations and signatures (seals), rotated text, page
// numbers. The archive is read within the ZIP limits of src/containers/zip.ts.
import { clean, type Block, type SourceDoc } from './document.js';
import { ReadError, type ReadProblem } from '../containers/read-error.js';
import { openZip, ZIP_LIMITS } from '../containers/zip.js';
import { descendants, kid, kids, parseXml, textIn, type XmlNode } from '../containers/xml.js';
import { DocumentTally } from './limits.js';

export class OfdReadError extends ReadError {
  constructor(message: string, code: ReadProblem = 'damaged') {
    super(message, code);
    this.name = 'OfdReadError';
  }
}

/** A run of characters on one baseline: where it starts and ends (mm), its font size, its text. */
export interface TextItem { x: number; y: number; right: number; size: number; text: string }
/** A straight ruling: horizontal (y1 = y2) or vertical (x1 = x2). */
export interface Rule { x1: number; y1: number; x2: number; y2: number }
export interface OfdPage { width: number; height: number; items: TextItem[]; rules: Rule[] }

/**
 * Past `rulesPerPage` segments a page's rulings are not read as tables (grouping them costs n²), nor those of
 * the pages after `rules` in all: their text still is. `xmlBytes` bounds the XML parsed in all, however many
 * pages name the same part.
 */
export const OFD_LIMITS = { pages: 500, itemsPerPage: 20_000, rulesPerPage: 4000, rules: 40_000, xmlBytes: ZIP_LIMITS.totalBytes };

const nums = (s: string | undefined): number[] => (s ?? '').trim().split(/[\s,]+/).filter(Boolean).map(Number);

/** DeltaX/DeltaY as the advance before each character: "g 5 3.2" is 3.2 five times. */
export function deltas(s: string | undefined, count: number): number[] {
  const tokens = (s ?? '').trim().split(/\s+/).filter(Boolean);
  const out: number[] = [];
  for (let i = 0; i < tokens.length && out.length < count; i++) {
    if (tokens[i] === 'g') {
      const n = Number(tokens[i + 1]);
      const d = Number(tokens[i + 2]);
      for (let k = 0; k < n && out.length < count; k++) out.push(d);
      i += 2;
    } else out.push(Number(tokens[i]));
  }
  return out.map((d) => (Number.isFinite(d) ? d : 0));
}

/** A path's straight segments from its AbbreviatedData (M, L, and the closed rectangles some producers draw). */
function segments(data: string, dx: number, dy: number): Rule[] {
  const t = data.trim().split(/\s+/);
  const out: Rule[] = [];
  let cx = 0;
  let cy = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < t.length; ) {
    const op = t[i++];
    if (op === 'M' || op === 'S') {
      cx = Number(t[i++]); cy = Number(t[i++]); sx = cx; sy = cy;
    } else if (op === 'L') {
      const x = Number(t[i++]);
      const y = Number(t[i++]);
      out.push({ x1: cx + dx, y1: cy + dy, x2: x + dx, y2: y + dy });
      cx = x; cy = y;
    } else if (op === 'C') {
      out.push({ x1: cx + dx, y1: cy + dy, x2: cx + dx, y2: cy + dy }); // curves are no rulings
      i += 6;
    } else if (op === 'Q') i += 4;
    else if (op === 'B') i += 6;
    else if (op === 'A') i += 7;
    else if (op === 'Z') {
      out.push({ x1: cx + dx, y1: cy + dy, x2: sx + dx, y2: sy + dy });
      cx = sx; cy = sy;
    }
  }
  // Only axis-parallel segments are rulings.
  return out.filter((r) => [r.x1, r.y1, r.x2, r.y2].every(Number.isFinite) && (Math.abs(r.x1 - r.x2) < 0.3 || Math.abs(r.y1 - r.y2) < 0.3));
}

/** One page's text runs and rulings, from its layers (and the page blocks nested in them). */
export function pageOf(content: XmlNode, width: number, height: number, tally = new DocumentTally()): OfdPage {
  const items: TextItem[] = [];
  const rules: Rule[] = [];
  const objects = [...descendants(content, 'TextObject'), ...descendants(content, 'PathObject')].slice(0, OFD_LIMITS.itemsPerPage);
  const ctmOf = (o: XmlNode) => nums(o.attrs.CTM);
  const rotated = (ctm: number[]) => ctm.length === 6 && (Math.abs(ctm[1]!) > 1e-3 || Math.abs(ctm[2]!) > 1e-3);
  // Rotated or skewed objects (a seal's ring of text, a vertical stamp) are not the document's lines, and nor
  // is an upright character drawn in the same box as rotated ones (the top of the ring).
  const sealBoxes = new Set(objects.filter((o) => o.name === 'TextObject' && rotated(ctmOf(o))).map((o) => o.attrs.Boundary));
  for (const obj of objects) {
    const [bx = 0, by = 0] = nums(obj.attrs.Boundary);
    const ctm = ctmOf(obj);
    if (rotated(ctm)) continue;
    const sx = ctm.length === 6 ? ctm[0]! || 1 : 1;
    const ox = ctm.length === 6 ? ctm[4]! : 0;
    const oy = ctm.length === 6 ? ctm[5]! : 0;
    if (obj.name === 'PathObject') {
      if (obj.attrs.Stroke === 'false') continue;
      const data = kid(obj, 'AbbreviatedData');
      if (data) rules.push(...segments(textIn(data), bx + ox, by + oy));
      continue;
    }
    if (ctm.length === 6 && sealBoxes.has(obj.attrs.Boundary)) continue;
    if (Number(obj.attrs.ReadDirection ?? 0) !== 0 || Number(obj.attrs.CharDirection ?? 0) !== 0 || obj.attrs.Visible === 'false') continue;
    const size = Number(obj.attrs.Size) * sx || 3.5;
    for (const code of kids(obj, 'TextCode')) {
      const chars = [...textIn(code)];
      if (!chars.length) continue;
      const x0 = bx + ox + Number(code.attrs.X ?? 0) * sx;
      const y = by + oy + Number(code.attrs.Y ?? 0);
      const dx = deltas(code.attrs.DeltaX, chars.length - 1).map((d) => d * sx);
      // A wide gap inside one TextCode separates runs (two cells' text, "组  长：" spread out): split there.
      let start = 0;
      let x = x0;
      let runX = x0;
      for (let i = 1; i <= chars.length; i++) {
        const step = i < chars.length ? (dx[i - 1] ?? size) : 0;
        if (i === chars.length || step > size * 2.5) {
          tally.add('chars', i - start);
          items.push({ x: runX, y, right: x + size, size, text: chars.slice(start, i).join('') });
          start = i;
          runX = x + step;
        }
        x += step;
      }
    }
  }
  return { width, height, items: items.filter((it) => it.x < width + 1 && it.y < height + 1 && it.text.trim()), rules: rules.length > OFD_LIMITS.rulesPerPage ? [] : rules };
}

// ---------------------------------------------------------------------------------------------------------
// Layout: lines, tables, paragraphs. Pure, over positioned runs, so it can be tested without an OFD file.

interface Line { y: number; x: number; right: number; size: number; text: string; page: number }

/** Runs on the same baseline (within a third of the font size) as lines, left to right, gaps kept as spaces. */
export function linesOf(items: TextItem[], page: number): Line[] {
  const sorted = [...items].sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: TextItem[][] = [];
  for (const it of sorted) {
    const g = groups[groups.length - 1];
    if (g && Math.abs(g[0]!.y - it.y) < Math.max(g[0]!.size, it.size) / 3) g.push(it);
    else groups.push([it]);
  }
  return groups.map((g) => {
    g.sort((a, b) => a.x - b.x);
    let text = '';
    let right = -Infinity;
    for (const it of g) {
      if (text) {
        const gap = it.x - right;
        if (gap > it.size * 0.5) text += ' '.repeat(Math.min(4, Math.max(1, Math.round(gap / it.size))));
      }
      text += it.text;
      right = Math.max(right, it.right);
    }
    return { y: g[0]!.y, x: g[0]!.x, right, size: g.reduce((s, i) => Math.max(s, i.size), 0), text, page };
  });
}

/** "— 1 —", "- 2 -", "第 3 页", "3/12": a page number, not text. */
const PAGE_NUMBER = /^[\s—–\-－·]*(?:\d{1,4}|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})[\s—–\-－·]*$/;

/** A line that starts a paragraph by its first words: a heading's number, a list marker, a label. */
const STARTS_PARAGRAPH = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、]|[①-⑳]|第[一二三四五六七八九十\d]+[条章节部分]|附件|[\u4e00-\u9fa5]{2,8}[：:]\S)/;

const clusterValues = (values: number[], tolerance: number): number[] => {
  const out: number[] = [];
  for (const v of [...values].sort((a, b) => a - b)) if (!out.length || v - out[out.length - 1]! > tolerance) out.push(v);
  return out;
};

interface Grid { xs: number[]; ys: number[]; top: number; bottom: number; left: number; right: number; h: Rule[]; v: Rule[] }

/** Union-find over n items: find(i) is i's group, `parent[find(i)] = find(j)` joins two (iterative: no deep stacks). */
function unionFind(n: number): ((i: number) => number) & { parent: number[] } {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[i] !== root) {
      const next = parent[i]!;
      parent[i] = root;
      i = next;
    }
    return root;
  };
  return Object.assign(find, { parent });
}

/** Tables on a page: the rulings that cross one another, as grids of column and row edges. */
export function gridsOf(rules: Rule[]): Grid[] {
  const h = rules.filter((r) => Math.abs(r.y1 - r.y2) < 0.3 && Math.abs(r.x1 - r.x2) > 3).map((r) => ({ x1: Math.min(r.x1, r.x2), x2: Math.max(r.x1, r.x2), y1: r.y1, y2: r.y1 }));
  const v = rules.filter((r) => Math.abs(r.x1 - r.x2) < 0.3 && Math.abs(r.y1 - r.y2) > 3).map((r) => ({ x1: r.x1, x2: r.x1, y1: Math.min(r.y1, r.y2), y2: Math.max(r.y1, r.y2) }));
  // Rulings that touch belong to one table: grow groups until nothing more joins.
  const all = [...h, ...v];
  const find = unionFind(all.length);
  const group = find.parent;
  const touch = (a: Rule, b: Rule) => a.x1 - 1 <= b.x2 && b.x1 - 1 <= a.x2 && a.y1 - 1 <= b.y2 && b.y1 - 1 <= a.y2;
  for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) if (touch(all[i]!, all[j]!)) group[find(i)] = find(j);
  const byGroup = new Map<number, Rule[]>();
  all.forEach((r, i) => {
    const g = byGroup.get(find(i));
    if (g) g.push(r);
    else byGroup.set(find(i), [r]);
  });
  const grids: Grid[] = [];
  for (const rs of byGroup.values()) {
    const gh = rs.filter((r) => r.y1 === r.y2);
    const gv = rs.filter((r) => r.x1 === r.x2);
    const ys = clusterValues(gh.map((r) => r.y1), 1);
    const xs = clusterValues(gv.map((r) => r.x1), 1);
    if (ys.length < 2 || xs.length < 2) continue;
    grids.push({ xs, ys, top: ys[0]!, bottom: ys[ys.length - 1]!, left: xs[0]!, right: xs[xs.length - 1]!, h: gh, v: gv });
  }
  return grids.sort((a, b) => a.top - b.top);
}

/** Rulings by where they run (y of a horizontal one, x of a vertical one, to the millimetre), for `ruled`. */
function byPlace(rules: Rule[], horizontal: boolean): Map<number, Rule[]> {
  const out = new Map<number, Rule[]>();
  for (const r of rules) {
    const k = Math.round(horizontal ? r.y1 : r.x1);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/**
 * Whether a ruling runs along y from x1 to x2 (or along x from y1 to y2), allowing for small gaps: only the
 * rulings within a millimetre of it are looked at (each cell once scanned them all: 11 s for a 2,000 × 2,000 grid).
 */
const ruled = (rules: Map<number, Rule[]>, horizontal: boolean, at: number, from: number, to: number): boolean => {
  const mid = (from + to) / 2;
  const k = Math.round(at);
  return [k - 1, k, k + 1].some((key) => (rules.get(key) ?? []).some((r) => (horizontal ? Math.abs(r.y1 - at) < 1 && r.x1 - 1 <= mid && r.x2 + 1 >= mid : Math.abs(r.x1 - at) < 1 && r.y1 - 1 <= mid && r.y2 + 1 >= mid)));
};

/** A grid's rows of cell text: each run to the cell it stands in, a merged region's text in all its cells. */
export function tableRows(grid: Grid, items: TextItem[]): string[][] {
  const rows = grid.ys.length - 1;
  const cols = grid.xs.length - 1;
  // Cells joined where the ruling between them is missing (union-find over the grid's cells).
  const find = unionFind(rows * cols);
  const parent = find.parent;
  const v = byPlace(grid.v, false);
  const h = byPlace(grid.h, true);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols && !ruled(v, false, grid.xs[c + 1]!, grid.ys[r]!, grid.ys[r + 1]!)) parent[find(r * cols + c)] = find(r * cols + c + 1);
      if (r + 1 < rows && !ruled(h, true, grid.ys[r + 1]!, grid.xs[c]!, grid.xs[c + 1]!)) parent[find(r * cols + c)] = find((r + 1) * cols + c);
    }
  }
  const texts = new Map<number, TextItem[]>();
  for (const it of items) {
    // A run belongs to the cell its start and its middle height (a little above the baseline) stand in.
    const yMid = it.y - it.size * 0.35;
    const r = grid.ys.findIndex((y, i) => i < rows && yMid >= y && yMid < grid.ys[i + 1]!);
    const c = grid.xs.findIndex((x, i) => i < cols && it.x + 0.5 >= x && it.x + 0.5 < grid.xs[i + 1]!);
    if (r < 0 || c < 0) continue;
    const root = find(r * cols + c);
    const list = texts.get(root);
    if (list) list.push(it);
    else texts.set(root, [it]);
  }
  const cellText = (its: TextItem[]) => joinWrapped(linesOf(its, 0).map((l) => clean(l.text)));
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => clean(cellText(texts.get(find(r * cols + c)) ?? []))));
}

/** Wrapped lines of one paragraph or cell as one text: Chinese (and numbers) join with nothing, Latin words with a space. */
const joinWrapped = (parts: string[]): string =>
  parts.reduce((acc, p) => (!acc ? p : /[A-Za-z,.;:]$/.test(acc) && /^[A-Za-z]/.test(p) ? `${acc} ${p}` : acc + p), '');

/** The blocks of a whole document's pages: see the header comment. */
export function layoutOfd(pages: OfdPage[]): SourceDoc {
  const blocks: Block[] = [];
  const tally = new DocumentTally();
  let no = 0;
  // Margins from the body text of all pages: the most common start of a line, the furthest end of one.
  const allLines: Line[] = [];
  const perPage = pages.map((p, i) => {
    const grids = gridsOf(p.rules);
    // Each run to the table it stands in, once (a page of 20,000 runs and 1,000 small tables is 20 million tests).
    const inGrid = new Map<Grid, TextItem[]>(grids.map((g) => [g, []]));
    const outside: TextItem[] = [];
    for (const it of p.items) {
      const g = grids.find((x) => it.y - it.size * 0.35 > x.top && it.y - it.size * 0.35 < x.bottom && it.x + 0.5 >= x.left && it.x < x.right);
      if (g) inGrid.get(g)!.push(it);
      else outside.push(it);
    }
    const lines = linesOf(outside, i + 1).filter((l) => !(PAGE_NUMBER.test(l.text) && (l.y > p.height * 0.85 || l.y < p.height * 0.1)));
    allLines.push(...lines);
    return { page: p, pageNo: i + 1, lines, grids, cells: (g: Grid) => inGrid.get(g)! };
  });
  const starts = new Map<number, number>();
  for (const l of allLines) starts.set(Math.round(l.x), (starts.get(Math.round(l.x)) ?? 0) + l.text.length);
  const left = [...starts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
  const right = Math.max(0, ...allLines.filter((l) => l.text.length > 8).map((l) => l.right));
  const sizes = new Map<number, number>();
  for (const l of allLines) sizes.set(l.size, (sizes.get(l.size) ?? 0) + l.text.length);
  const bodySize = [...sizes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;

  let open: { lines: Line[] } | undefined;
  let lastTable: { block: Extract<Block, { kind: 'table' }>; xs: number[] } | undefined;
  const closePara = () => {
    if (!open) return;
    const text = clean(joinWrapped(open.lines.map((l) => clean(l.text))));
    if (text) blocks.push({ kind: 'para', no: ++no, text, page: open.lines[0]!.page });
    open = undefined;
  };
  for (const { page, pageNo, lines, grids, cells } of perPage) {
    // Tables and lines in reading order: a table stands where its top ruling is.
    type Entry = { y: number; line?: Line; grid?: Grid };
    const entries: Entry[] = [...lines.map((l) => ({ y: l.y, line: l })), ...grids.map((g) => ({ y: g.top, grid: g }))].sort((a, b) => a.y - b.y);
    for (const e of entries) {
      if (e.grid) {
        closePara();
        // Counted before the grid is built: 2,000 rulings each way make four million cells.
        tally.add('cells', (e.grid.xs.length - 1) * (e.grid.ys.length - 1));
        const rows = tableRows(e.grid, cells(e.grid));
        // A table that runs on from the previous page (same columns, nothing between) is the same table.
        const sameColumns = lastTable && lastTable.xs.length === e.grid.xs.length && lastTable.xs.every((x, i) => Math.abs(x - e.grid!.xs[i]!) < 1.5);
        if (lastTable && sameColumns && blocks[blocks.length - 1] === lastTable.block && lastTable.block.page !== pageNo) {
          const head = lastTable.block.rows[0]!;
          lastTable.block.rows.push(...rows.filter((r, i) => !(i === 0 && r.join('\u0000') === head.join('\u0000'))));
        } else {
          const block = { kind: 'table' as const, no: ++no, rows, page: pageNo };
          blocks.push(block);
          lastTable = { block, xs: e.grid.xs };
        }
        continue;
      }
      const l = e.line!;
      const prev = open?.lines[open.lines.length - 1];
      const sameSize = prev && Math.abs(l.size - prev.size) < prev.size * 0.15;
      const near = prev && (l.page !== prev.page || l.y - prev.y < prev.size * 2.6);
      // A body line runs on when the line before it reached the right margin; a title wrapped over two centred
      // lines (the first at least half the type area wide, and larger than the body text or short of the margin)
      // is one title too.
      const centred = (x: Line) => Math.abs((x.x + x.right) / 2 - page.width / 2) < x.size;
      const runsOn = prev && prev.right >= right - prev.size * 1.5 && l.x <= left + l.size * 0.5 && !STARTS_PARAGRAPH.test(l.text.trim());
      const titleGoesOn = prev && centred(prev) && centred(l) && (prev.size > bodySize * 1.15 || prev.right < right - prev.size) && prev.right - prev.x >= (right - left) / 2 && l.size > prev.size * 0.85 && prev.page === l.page;
      const joins = sameSize && near && (runsOn || titleGoesOn);
      if (!joins) closePara();
      open ??= { lines: [] };
      open.lines.push(l);
    }
  }
  closePara();
  return { blocks, unit: 'paragraph' };
}

// ---------------------------------------------------------------------------------------------------------

/** Resolves an OFD location: absolute from the package root ("/Doc_0/…"), or relative to the file naming it. */
const resolve = (base: string, loc: string): string => {
  if (loc.startsWith('/')) return loc.replace(/^\/+/, '');
  const parts = base.split('/').slice(0, -1);
  for (const p of loc.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/');
};

/** An OFD file's first document as blocks. Throws an OfdReadError (or a ZipError from the limits) when it cannot. */
export function ofdDocument(bytes: Uint8Array): SourceDoc {
  return layoutOfd(ofdPages(bytes));
}

/** An OFD file's pages: each one's text runs and rulings, in mm. */
export function ofdPages(bytes: Uint8Array): OfdPage[] {
  const zip = openZip(bytes);
  const byLower = new Map(zip.names.map((n) => [n.replace(/^\/+/, '').toLowerCase(), n]));
  let xmlBytes = 0;
  const xmlAt = (path: string): XmlNode => {
    const name = byLower.get(path.toLowerCase());
    const data = name === undefined ? undefined : zip.read(name);
    if (!data) throw new OfdReadError(`damaged OFD file: ${path} is missing`);
    xmlBytes += data.length;
    if (xmlBytes > OFD_LIMITS.xmlBytes) throw new OfdReadError(`an OFD file whose pages hold more than ${OFD_LIMITS.xmlBytes / 1024 / 1024} MB of XML`, 'too-large');
    try {
      return parseXml(new TextDecoder('utf-8').decode(data));
    } catch (err) {
      throw new OfdReadError(`damaged OFD file: ${path}: ${(err as Error).message.split('\n')[0]}`);
    }
  };
  const ofd = xmlAt('OFD.xml');
  const rootLoc = descendants(ofd, 'DocRoot').map(textIn)[0]?.trim();
  if (!rootLoc) throw new OfdReadError('damaged OFD file: OFD.xml names no document');
  const docPath = resolve('', rootLoc);
  const doc = xmlAt(docPath);
  const box = (n: XmlNode | undefined) => nums(n && textIn(kid(n, 'PhysicalBox') ?? n));
  const [, , defaultW = 210, defaultH = 297] = box(descendants(doc, 'PageArea')[0]);
  const pageRefs = descendants(kid(doc, 'Pages') ?? doc, 'Page');
  if (pageRefs.length > OFD_LIMITS.pages) throw new OfdReadError(`an OFD file of more than ${OFD_LIMITS.pages} pages`, 'too-large');
  const tally = new DocumentTally();
  let rules = 0;
  return pageRefs.map((ref) => {
    const path = resolve(docPath, ref.attrs.BaseLoc ?? '');
    const content = xmlAt(path);
    const area = kid(content, 'Area');
    const [, , w = defaultW, h = defaultH] = area ? box(area) : [];
    const page = pageOf(kid(content, 'Content') ?? content, w, h, tally);
    rules += page.rules.length;
    return rules > OFD_LIMITS.rules ? { ...page, rules: [] } : page;
  });
}
