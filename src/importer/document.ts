// A document as the importer reads it: its paragraphs (lines of a text file, paragraphs of a Word file)
// and tables, in order, each numbered so that every guess can point back at it. A Word file's tables keep
// their structure: merged cells (rowspan) are repeated into every row they cover.
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { ReadError } from '../containers/read-error.js';
import { clean, printable } from './clean.js';
import { DocumentTally } from './limits.js';

/** Where a block stands beyond its number: the page of a PDF or OFD file; the file of a several-file import and the block's number in it. */
export interface BlockPlace { page?: number; file?: string; fileNo?: number }
export interface Para extends BlockPlace { kind: 'para'; no: number; text: string }
export interface TableBlock extends BlockPlace { kind: 'table'; no: number; rows: string[][] }
export type Block = Para | TableBlock;

export interface SourceDoc {
  blocks: Block[];
  /** What a block's number counts: lines of a text file, paragraphs of a Word file. */
  unit: 'line' | 'paragraph';
}

/** Spaces official layouts put at the ends of lines (full-width, no-break, the BOM) are not content. */
export { clean };

/**
 * A document as a plan may quote it, whatever its format: control characters, bidirectional controls and broken
 * characters out of every paragraph and cell (clean.ts's printable), and a paragraph left empty by that gone.
 */
export function printableDocument(doc: SourceDoc): SourceDoc {
  const blocks: Block[] = [];
  for (const b of doc.blocks) {
    if (b.kind === 'table') blocks.push({ ...b, rows: b.rows.map((r) => r.map((c) => clean(printable(c, '\n')))) });
    else {
      const text = clean(printable(b.text, ' '));
      if (text) blocks.push(text === b.text ? b : { ...b, text });
    }
  }
  return { ...doc, blocks };
}

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const isElement = (n: Node): n is Element => 'tagName' in n;

/** What is left to walk, last first: children in reverse, so they come off in document order. */
const pushChildren = <T>(todo: (Node | T)[], n: Node, before?: (c: Node) => T | undefined) => {
  if (!('childNodes' in n)) return;
  for (let i = n.childNodes.length - 1; i >= 0; i--) {
    const c = n.childNodes[i]!;
    const mark = before?.(c);
    if (mark !== undefined) todo.push(mark);
    todo.push(c);
  }
};

/** A node's text; paragraphs inside it (a cell's) are lines. Walked without recursion: a page can nest 200,000 deep. */
function textOf(n: Node): string {
  let out = '';
  const todo: (Node | '\n')[] = [n];
  while (todo.length) {
    const x = todo.pop()!;
    if (x === '\n') out += x;
    else if (x.nodeName === '#text') out += (x as DefaultTreeAdapterMap['textNode']).value;
    // A paragraph's line break comes after all it holds.
    else pushChildren(todo, x, (c) => (isElement(c) && c.tagName === 'p' ? '\n' : undefined));
  }
  return out;
}

const attr = (e: Element, name: string): number => Number(e.attrs.find((a) => a.name === name)?.value ?? 1) || 1;

/** The most columns one cell is taken to span: a Word file's gridSpan of two billion is one bad cell, not a hang. */
export const MAX_COLSPAN = 64;

/**
 * A table's rows as a grid, a merged cell's text repeated in every row and column it spans — every cell written
 * counted against DOCUMENT_LIMITS.cells (5,000 rows each spanning all the rows below is 800 million writes).
 */
function tableRows(table: Element, tally: DocumentTally): string[][] {
  const rows: Element[] = [];
  const collect = (e: Element) => {
    for (const c of e.childNodes) {
      if (!isElement(c)) continue;
      if (c.tagName === 'tr') rows.push(c);
      else if (c.tagName === 'thead' || c.tagName === 'tbody' || c.tagName === 'tfoot') collect(c);
    }
  };
  collect(table);
  const grid: string[][] = [];
  rows.forEach((tr, r) => {
    grid[r] ??= [];
    let col = 0;
    for (const cell of tr.childNodes) {
      if (!isElement(cell) || (cell.tagName !== 'td' && cell.tagName !== 'th')) continue;
      while (grid[r]![col] !== undefined) col++;
      const text = clean(textOf(cell).replace(/\n+$/, ''));
      // Spans bounded: a cell spans at most the rows left in its table and MAX_COLSPAN columns.
      const down = Math.min(Math.max(1, Math.floor(attr(cell, 'rowspan'))), rows.length - r);
      const across = Math.min(Math.max(1, Math.floor(attr(cell, 'colspan'))), MAX_COLSPAN);
      for (let dr = 0; dr < down; dr++) {
        for (let dc = 0; dc < across; dc++) {
          tally.add('cells');
          grid[r + dr] ??= [];
          grid[r + dr]![col + dc] = text;
        }
      }
      col += across;
    }
  });
  return grid.map((row) => Array.from({ length: row.length }, (_, i) => row[i] ?? ''));
}

/**
 * The most a web page may have: Word's "save as web page" of a long plan is a few MB with some 50,000 elements.
 * parse5 keeps every element (some 500 bytes of heap each: 1.6 million nested ones took 900 MB), so they are
 * counted before it parses.
 */
export const HTML_LIMITS = { chars: 8 * 1024 * 1024, elements: 250_000 };

/** Start tags in markup: each '<' before a letter. */
function startTags(html: string): number {
  let n = 0;
  for (let at = html.indexOf('<'); at >= 0; at = html.indexOf('<', at + 1)) {
    const c = html.charCodeAt(at + 1) | 0x20;
    if (c >= 0x61 && c <= 0x7a) n++;
  }
  return n;
}

/** The blocks of a web page (Word's "save as web page", an MHT): paragraphs and headings as lines, tables as grids. */
export function htmlDocument(html: string): SourceDoc {
  if (html.length > HTML_LIMITS.chars) throw new ReadError(`a web page of more than ${HTML_LIMITS.chars / 1024 / 1024} MB`, 'too-large');
  if (startTags(html) > HTML_LIMITS.elements) throw new ReadError(`a web page of more than ${HTML_LIMITS.elements} elements`, 'too-large');
  const root = parse(`<body>${html}</body>`);
  const tally = new DocumentTally();
  const blocks: Block[] = [];
  let no = 0;
  const todo: Node[] = [root];
  while (todo.length) {
    const n = todo.pop()!;
    if (isElement(n) && n.tagName === 'table') {
      tally.add('paragraphs');
      blocks.push({ kind: 'table', no: ++no, rows: tableRows(n, tally) });
    } else if (isElement(n) && /^(p|h[1-6]|li)$/.test(n.tagName)) {
      for (const line of textOf(n).split('\n')) {
        const t = clean(line);
        if (!t) continue;
        tally.add('paragraphs');
        blocks.push({ kind: 'para', no: ++no, text: t });
      }
    } else pushChildren(todo, n);
  }
  return { blocks, unit: 'paragraph' };
}
