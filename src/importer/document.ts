// A document as the importer reads it: its paragraphs (lines of a text file, paragraphs of a Word file)
// and tables, in order, each numbered so that every guess can point back at it. A Word file's tables keep
// their structure: merged cells (rowspan) are repeated into every row they cover.
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { clean } from './clean.js';
import { verifyZip } from '../containers/zip.js';
import { ReadError } from '../containers/read-error.js';
import { loadMammoth, withoutDanglingNotes } from './mammoth.js';

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

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const isElement = (n: Node): n is Element => 'tagName' in n;

function textOf(n: Node): string {
  if (n.nodeName === '#text') return (n as DefaultTreeAdapterMap['textNode']).value;
  if (!('childNodes' in n)) return '';
  // Paragraphs inside a cell are lines of it.
  return n.childNodes.map((c) => (isElement(c) && c.tagName === 'p' ? `${textOf(c)}\n` : textOf(c))).join('');
}

const attr = (e: Element, name: string): number => Number(e.attrs.find((a) => a.name === name)?.value ?? 1) || 1;

/** The most columns one cell is taken to span: a Word file's gridSpan of two billion is one bad cell, not a hang. */
const MAX_COLSPAN = 64;

/** A table's rows as a grid, a merged cell's text repeated in every row and column it spans. */
function tableRows(table: Element): string[][] {
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
          grid[r + dr] ??= [];
          grid[r + dr]![col + dc] = text;
        }
      }
      col += across;
    }
  });
  return grid.map((row) => Array.from({ length: row.length }, (_, i) => row[i] ?? ''));
}

/** The blocks of mammoth's HTML for a Word document: paragraphs and headings as lines, tables as grids. */
export function htmlDocument(html: string): SourceDoc {
  const root = parse(`<body>${html}</body>`);
  const blocks: Block[] = [];
  let no = 0;
  const visit = (n: Node) => {
    if (!isElement(n)) {
      if ('childNodes' in n) n.childNodes.forEach(visit);
      return;
    }
    if (n.tagName === 'table') {
      blocks.push({ kind: 'table', no: ++no, rows: tableRows(n) });
      return;
    }
    if (/^(p|h[1-6]|li)$/.test(n.tagName)) {
      for (const line of textOf(n).split('\n')) {
        const t = clean(line);
        if (t) blocks.push({ kind: 'para', no: ++no, text: t });
      }
      return;
    }
    n.childNodes.forEach(visit);
  };
  visit(root);
  return { blocks, unit: 'paragraph' };
}

/** A Word file's paragraphs and tables, through mammoth's HTML (merged cells come as rowspan). */
export async function docxDocument(bytes: Uint8Array): Promise<SourceDoc> {
  // The archive's sizes and ratios are checked before mammoth unpacks anything (a zip bomb is refused at once).
  verifyZip(bytes);
  const mammoth = await loadMammoth();
  // Pictures are never read: a plan's words are in its text, and a picture can be made to weigh anything.
  const convertImage = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));
  let html: string;
  try {
    ({ value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }, { convertImage, transformDocument: withoutDanglingNotes }));
  } catch (err) {
    throw docxError(err);
  }
  return htmlDocument(html);
}

/** What a Word file's reader said is wrong with it, as the clerk is told. */
function docxError(err: unknown): Error {
  if (err instanceof ReadError) return err;
  const message = String((err as Error)?.message ?? err);
  // The XML parser's complaint (mammoth: "error: [xmldom error]\tentity not found:&j;\n@#[line:…]"): its words, on one line.
  const xml = /^(?:warning|error|fatalError): /.exec(message);
  if (xml) return new ReadError(`damaged XML: ${message.slice(xml[0].length).replace(/\[xmldom error\]|@#\[line:[^\]]*\]/g, ' ').replace(/\s+/g, ' ').trim()}`, 'damaged');
  // Anything else the library threw is its own failure on a file it could not follow: not the clerk's words.
  return new ReadError(DOCX_DAMAGED, 'damaged');
}

/** The reason given when mammoth fails inside (a TypeError on a part it could not follow): the command says it in words. */
export const DOCX_DAMAGED = 'the Word file\'s inner structure is damaged';
