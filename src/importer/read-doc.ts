// Word 97–2003 documents (.doc), and the files that arrive named .doc or .wps without being one: WPS Office's
// .wps (the same Word binary format, or a .docx under another name), RTF, a web page or MHT that Word saved
// "as .doc", Word 2003 XML. The binary format is read here, in the program's own thread, with no library: the
// two candidates on npm both die on hostile files (word-extractor follows a sector chain that loops until the
// heap runs out; cfb does the same on a loop in the directory tree), while the part of the format needed for
// text is small — the compound file (src/containers/ole.ts), the FIB, the piece table, and the paragraph properties that
// say where a table row ends. Every offset is checked, so a damaged or hostile file is a DocReadError, never a
// hang. Pure.
import iconv from 'iconv-lite';
import { decodeDocument } from './decode.js';
import { clean, htmlDocument, type Block, type SourceDoc } from './document.js';
import { docxDocument, wordDocument } from './read-docx.js';
import { DOCUMENT_LIMITS, DocumentTally, DocumentTooLarge } from './limits.js';
import { littleEndian, ReadError, type ReadProblem } from '../containers/read-error.js';
import { isHtml, isMht, isRtf, isWordXml } from './formats.js';
import { isZip, zipEntries } from '../containers/zip.js';
import { isOle, OleError, readOle as readContainer, type OleFile } from '../containers/ole.js';

/**
 * Far above any plan; past them a file is refused, not read. The container's own limits are OLE_LIMITS; the
 * text's, DOCUMENT_LIMITS (limits.ts), counted as the text is read.
 */
export const DOC_LIMITS = { pieces: 100_000 };

/** Why a file cannot be read: the message names the cause; `code` lets the caller choose what to tell a user. */
export class DocReadError extends ReadError {
  constructor(message: string, code: ReadProblem) {
    super(message, code);
    this.name = 'DocReadError';
  }
}

const damaged = (what: string) => new DocReadError(`damaged Word file: ${what}`, 'damaged');

const { u16, u32, i32 } = littleEndian(() => damaged('a field lies outside its stream'));

/** The compound file's errors as the reader's own, for the caller to tell apart from its own bugs. */
function asDocError<T>(read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (err instanceof OleError) throw new DocReadError(err.message.replace('compound file', 'Word file'), err.code);
    throw err;
  }
}

/** A compound file's top-level streams (src/containers/ole.ts), failing with DocReadErrors. */
export function readOle(bytes: Uint8Array): OleFile {
  const ole = asDocError(() => readContainer(bytes));
  return { names: ole.names, stream: (name) => asDocError(() => ole.stream(name)) };
}

// ---------------------------------------------------------------------------------------------------------
// The Word binary format (MS-DOC): the FIB says where the piece table is; the pieces give the text; the
// paragraph properties (PAPX in FKP pages) say which paragraph marks end a table cell or row.

interface Piece { cp: number; end: number; fc: number; compressed: boolean }

/** The paragraph properties read here: in a table, a row's end (TTP), and at a row's end its cells' merges. */
interface ParaProps { inTable: boolean; rowEnd: boolean; depth: number; vertMerged?: boolean[] }

function pieceTable(table: Uint8Array, fcClx: number, lcbClx: number): Piece[] {
  if (fcClx + lcbClx > table.length) throw damaged('the piece table lies outside the table stream');
  let p = fcClx;
  const end = fcClx + lcbClx;
  // Prc entries (formatting of the pieces) come first; then the Pcdt.
  while (p < end && table[p] === 1) p += 3 + u16(table, p + 1);
  if (table[p] !== 2) throw damaged('no piece table');
  const lcb = u32(table, p + 1);
  const plc = p + 5;
  if (plc + lcb > table.length || (lcb - 4) % 12 !== 0) throw damaged('the piece table does not add up');
  const n = (lcb - 4) / 12;
  if (n > DOC_LIMITS.pieces) throw new DocReadError('too many pieces of text', 'too-large');
  const pieces: Piece[] = [];
  for (let i = 0; i < n; i++) {
    const cp = u32(table, plc + 4 * i);
    const next = u32(table, plc + 4 * (i + 1));
    const raw = u32(table, plc + 4 * (n + 1) + 8 * i + 2);
    const compressed = (raw & 0x40000000) !== 0;
    const fc = compressed ? (raw & 0x3fffffff) / 2 : raw & 0x3fffffff;
    if (next < cp) throw damaged('pieces out of order');
    pieces.push({ cp, end: next, fc, compressed });
  }
  return pieces;
}

/** The operand length of a property modifier (sprm), from its spra bits; variable ones carry their length. */
function sprmLength(grpprl: Uint8Array, at: number, sprm: number): number {
  switch (sprm >> 13) {
    case 0: case 1: return 1;
    case 2: case 4: case 5: return 2;
    case 3: return 4;
    case 7: return 3;
    default:
      // sprmTDefTable counts its length in two bytes, one more than the bytes that follow them.
      if (sprm === 0xd608) return 2 + u16(grpprl, at) - 1;
      return 1 + (grpprl[at] ?? 0);
  }
}

function parseProps(grpprl: Uint8Array): ParaProps {
  const props: ParaProps = { inTable: false, rowEnd: false, depth: 0 };
  let merges: ('restart' | 'merged' | undefined)[] | undefined;
  for (let p = 0; p + 2 <= grpprl.length; ) {
    const sprm = u16(grpprl, p);
    // sprmPChgTabs with a length of 255 has a layout of its own; nothing after it is needed here.
    if (sprm === 0xc615 && grpprl[p + 2] === 255) break;
    const len = sprmLength(grpprl, p + 2, sprm);
    const op = p + 2;
    if (op + len > grpprl.length) break;
    if (sprm === 0x2416) props.inTable = grpprl[op] !== 0; // sprmPFInTable
    else if (sprm === 0x2417) props.rowEnd = grpprl[op] !== 0; // sprmPFTtp
    else if (sprm === 0x6649) props.depth = i32(grpprl, op); // sprmPItap
    else if (sprm === 0xd608) {
      // sprmTDefTable: itcMac cells, their edges, then a TC80 (20 bytes) each whose flags say "merged with the cell above".
      const cells = grpprl[op + 2] ?? 0;
      const tcs = op + 3 + 2 * (cells + 1);
      merges = [];
      for (let c = 0; c < cells && tcs + 20 * c + 2 <= op + len; c++) {
        const flags = u16(grpprl, tcs + 20 * c);
        merges[c] = flags & 0x40 ? 'restart' : flags & 0x20 ? 'merged' : undefined;
      }
    } else if (sprm === 0xd62b && len >= 3 && merges) {
      // sprmTVertMerge: one cell's vertical merge, later than (and overriding) the TC80's.
      const c = grpprl[op + 1]!;
      merges[c] = grpprl[op + 2] === 3 ? 'restart' : grpprl[op + 2] === 1 ? 'merged' : undefined;
    }
    p = op + len;
  }
  if (merges) props.vertMerged = merges.map((m) => m === 'merged');
  return props;
}

/** The properties of the paragraph whose mark sits at a file offset, through PlcBtePapx and its FKP pages. */
function propsReader(doc: Uint8Array, table: Uint8Array, fcPlc: number, lcbPlc: number): (fc: number) => ParaProps | undefined {
  if (lcbPlc < 12 || fcPlc + lcbPlc > table.length || (lcbPlc - 4) % 8 !== 0) return () => undefined;
  const n = (lcbPlc - 4) / 8;
  const pages = new Map<number, { fcs: number[]; props: (ParaProps | undefined)[] } | null>();
  const page = (i: number) => {
    if (pages.has(i)) return pages.get(i)!;
    const pn = u32(table, fcPlc + 4 * (n + 1) + 4 * i) & 0x3fffff;
    const at = pn * 512;
    let parsed: { fcs: number[]; props: (ParaProps | undefined)[] } | null = null;
    if (at + 512 <= doc.length) {
      const fkp = doc.subarray(at, at + 512);
      const runs = fkp[511]!;
      const fcs: number[] = [];
      for (let j = 0; j <= runs && 4 * j + 4 <= 511; j++) fcs.push(u32(fkp, 4 * j));
      const props: (ParaProps | undefined)[] = [];
      for (let j = 0; j < runs; j++) {
        const bx = 4 * (runs + 1) + 13 * j;
        const b = fkp[bx]! * 2;
        if (bx >= 511 || b === 0 || b >= 511) { props.push(undefined); continue; }
        // PapxInFkp: a count of words (or a zero and then the count), the style index, the modifiers.
        const cb = fkp[b]!;
        const start = cb === 0 ? b + 2 : b + 1;
        const length = cb === 0 ? 2 * fkp[b + 1]! : 2 * cb - 1;
        props.push(parseProps(fkp.subarray(Math.min(start + 2, 512), Math.min(start + length, 512))));
      }
      parsed = { fcs, props };
    }
    pages.set(i, parsed);
    return parsed;
  };
  return (fc) => {
    // The bin table is sorted: a binary search for the page, a walk through its few runs.
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (u32(table, fcPlc + 4 * mid) <= fc) lo = mid;
      else hi = mid - 1;
    }
    const pg = page(lo);
    if (!pg) return undefined;
    for (let j = 0; j + 1 < pg.fcs.length; j++) if (pg.fcs[j]! <= fc && fc < pg.fcs[j + 1]!) return pg.props[j];
    return undefined;
  };
}

/** One character of the main text, with the file offset its paragraph properties are found by. */
interface Char { ch: number; fc: number }

function* mainText(doc: Uint8Array, pieces: Piece[], ccpText: number): Generator<Char> {
  for (const p of pieces) {
    const end = Math.min(p.end, ccpText);
    for (let cp = p.cp; cp < end; cp++) {
      const k = cp - p.cp;
      const fc = p.compressed ? p.fc + k : p.fc + 2 * k;
      if (fc + (p.compressed ? 1 : 2) > doc.length) throw damaged('the text lies outside the document stream');
      yield { ch: p.compressed ? CP1252[doc[fc]!]! : doc[fc]! | (doc[fc + 1]! << 8), fc };
    }
  }
}

/** Compressed pieces hold Windows-1252 bytes (MS-DOC 2.4.1), whatever the document's language. */
const CP1252: number[] = Array.from(new TextDecoder('windows-1252').decode(Uint8Array.from({ length: 256 }, (_, i) => i)), (c) => c.charCodeAt(0));

/**
 * A Word binary document's main text as blocks. Paragraph marks (\r) end paragraphs, as do page and section
 * breaks; a line break (\v) starts a line of its own, as a line of a text file would. In a table, each cell mark
 * (\x07) ends a cell and the row's own mark (TTP) ends the row; a cell merged with the one above (its text is
 * empty in the file) gets that cell's text, as htmlDocument does with a .docx's rowspan. Fields keep their
 * result, not their code; pictures, footnote marks and other anchors are dropped. Headers, footers, footnotes
 * and text boxes are not part of the main text and are not read.
 */
export function wordBinaryDocument(ole: OleFile): SourceDoc {
  const doc = ole.stream('WordDocument');
  if (!doc) throw new DocReadError('no WordDocument stream: not a Word file', 'unsupported');
  if (u16(doc, 0) !== 0xa5ec) throw damaged('not a Word FIB');
  const nFib = u16(doc, 2);
  // Word 6 and 95 (nFib below 193) lay the FIB out differently and store text in the system code page.
  if (nFib < 0xc1) throw new DocReadError('a Word 6/95 document: only Word 97 and later are read', 'unsupported');
  const flags = u16(doc, 0x0a);
  if (flags & 0x0100) throw new DocReadError('the document is password-protected', 'encrypted');
  const table = ole.stream(flags & 0x0200 ? '1Table' : '0Table');
  if (!table) throw damaged('no table stream');
  const csw = u16(doc, 0x20);
  const lw = 0x22 + 2 * csw + 2;
  const cslw = u16(doc, lw - 2);
  const ccpText = u32(doc, lw + 3 * 4);
  if (ccpText > DOCUMENT_LIMITS.chars) throw new DocumentTooLarge('chars');
  const fcLcb = lw + 4 * cslw + 2;
  const pair = (i: number) => [u32(doc, fcLcb + 8 * i), u32(doc, fcLcb + 8 * i + 4)] as const;
  const [fcClx, lcbClx] = pair(33);
  const [fcPapx, lcbPapx] = pair(13);
  const pieces = pieceTable(table, fcClx, lcbClx);
  const propsAt = propsReader(doc, table, fcPapx, lcbPapx);
  return blocksOf(mainText(doc, pieces, ccpText), propsAt);
}

/** The text and its marks as blocks: see wordBinaryDocument. Fields are unwrapped here, one level at a time. */
function blocksOf(chars: Iterable<Char>, propsAt: (fc: number) => ParaProps | undefined): SourceDoc {
  const blocks: Block[] = [];
  const tally = new DocumentTally();
  let no = 0;
  let line = '';
  let cellLines: string[] = [];
  let row: string[] = [];
  let rows: string[][] = [];
  // Each open field: whether its result (after \x14) has begun. Text shows only outside codes.
  const fields: boolean[] = [];
  // How many open fields are still in their code: counted as they open and turn, not searched per character.
  let inCodes = 0;
  const inCode = () => inCodes > 0;

  const flushTable = () => {
    if (row.length) rows.push(row);
    if (rows.length) {
      tally.add('paragraphs');
      blocks.push({ kind: 'table', no: ++no, rows: squareUp(rows) });
    }
    rows = [];
    row = [];
  };
  // A line break makes a line of its own outside tables, and a line of the cell inside them.
  const para = (text: string) => {
    for (const l of text.split('\n')) {
      const t = clean(l);
      if (!t) continue;
      tally.add('paragraphs');
      blocks.push({ kind: 'para', no: ++no, text: t });
    }
  };
  const endCell = () => {
    tally.add('cells');
    cellLines.push(line);
    row.push(clean(cellLines.flatMap((l) => l.split('\n')).map(clean).join('\n').replace(/\n+$/, '')));
    cellLines = [];
    line = '';
  };
  const endRow = (props: ParaProps | undefined) => {
    // The row's own mark carries no text; the merges it declares fill this row's hidden cells.
    if (props?.vertMerged && rows.length) {
      const above = rows[rows.length - 1]!;
      row = row.map((cell, c) => (cell === '' && props.vertMerged![c] ? (above[c] ?? '') : cell));
    }
    rows.push(row);
    row = [];
  };

  let previous = -1;
  for (const { ch, fc } of chars) {
    if (ch === 0x13) { fields.push(false); inCodes++; continue; }
    if (ch === 0x14) { if (fields.length && !fields[fields.length - 1]) { fields[fields.length - 1] = true; inCodes--; } continue; }
    if (ch === 0x15) { if (fields.pop() === false) inCodes--; continue; }
    if (inCode()) continue;
    if (ch === 0x0d || ch === 0x07 || ch === 0x0c) {
      const props = ch === 0x0c ? undefined : propsAt(fc);
      if (ch === 0x07) {
        // Without paragraph properties (a file whose bin table is missing), a mark right after a mark ends the row.
        const rowEnd = props ? props.rowEnd : previous === 0x07;
        if (rowEnd) endRow(props);
        else endCell();
      } else if (props?.inTable || (props?.depth ?? 0) > 0) {
        // A paragraph inside a cell (or a nested table's cell): a line of the cell.
        cellLines.push(line);
        line = '';
      } else {
        if (rows.length || row.length) flushTable();
        para(line);
        line = '';
      }
      previous = ch;
      continue;
    }
    previous = ch;
    if (ch === 0x0b) line += '\n';
    else if (ch === 0x1e) line += '-'; // a non-breaking hyphen
    else if (ch === 0x09 || ch >= 0x20) line += String.fromCharCode(ch);
    // Other control characters are anchors (pictures 0x01, footnotes 0x02, drawings 0x08 …) or hidden hyphens.
  }
  if (line || cellLines.length) {
    if (row.length || rows.length) endCell();
    else para(line);
  }
  flushTable();
  return { blocks, unit: 'paragraph' };
}

/**
 * Rows of a table as a grid: every row as long as the longest, short rows padded with empty cells — within
 * DOCUMENT_LIMITS.cells, counted before the grid is made (one row of 50,000 cells over 50,000 rows of one is
 * two and a half billion).
 */
const squareUp = (rows: string[][]): string[][] => {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  if (width * rows.length > DOCUMENT_LIMITS.cells) throw new DocumentTooLarge('cells');
  return rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
};

// ---------------------------------------------------------------------------------------------------------
// What else arrives as .doc or .wps.

/**
 * A file sent as .doc: Word 97–2003 binary, or what an office saved under that name — RTF, a web page or MHT,
 * Word 2003 XML, a .docx renamed. Throws a DocReadError saying why when it is none of these or is damaged.
 */
export async function docDocument(bytes: Uint8Array): Promise<SourceDoc> {
  if (isOle(bytes)) return wordBinaryDocument(readOle(bytes));
  if (isZip(bytes)) return docxInside(bytes);
  if (isRtf(bytes)) return rtfDocument(bytes);
  if (isWordXml(bytes)) return wordXmlDocument(bytes);
  if (isMht(bytes)) return htmlDocument(mhtHtml(bytes));
  if (isHtml(bytes)) return htmlDocument(decodeDocument(bytes).text);
  throw new DocReadError('not a Word document (neither Word 97–2003, RTF, HTML nor .docx)', 'unsupported');
}

/**
 * A WPS Office .wps: since WPS 2005 the same Word binary format as a .doc (WordDocument stream), lately
 * sometimes a .docx under the .wps name. Older Kingsoft files and Microsoft Works .wps (an OLE file without a
 * WordDocument stream) are refused with an Error saying so: WPS itself can save them as .docx.
 */
export async function wpsDocument(bytes: Uint8Array): Promise<SourceDoc> {
  if (isZip(bytes)) return docxInside(bytes);
  if (isOle(bytes)) {
    const ole = readOle(bytes);
    if (!ole.stream('WordDocument')) throw new DocReadError('a .wps file in an old WPS or Microsoft Works format, which is not read: save it as .docx from WPS', 'unsupported');
    return wordBinaryDocument(ole);
  }
  if (isRtf(bytes) || isHtml(bytes) || isWordXml(bytes)) return docDocument(bytes);
  throw new DocReadError('a .wps file in an old WPS format, which is not read: save it as .docx from WPS', 'unsupported');
}

/** A .docx under another name, read as a .docx is (read-docx.ts: the ZIP limits, then its main part). */
async function docxInside(bytes: Uint8Array): Promise<SourceDoc> {
  if (!zipEntries(bytes).some((e) => e.name === 'word/document.xml')) throw new DocReadError('a ZIP archive that is not a .docx', 'unsupported');
  return docxDocument(bytes);
}

/** The HTML part of an MHT file (Word's "single file web page"), decoded from its transfer encoding and charset. */
export function mhtHtml(bytes: Uint8Array): string {
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(raw)?.[1];
  const parts = boundary ? raw.split(`--${boundary}`) : [raw];
  for (const part of parts) {
    const split = part.search(/\r?\n\r?\n/);
    if (split < 0) continue;
    const headers = part.slice(0, split);
    if (!/content-type:\s*text\/html/i.test(headers)) continue;
    let body = part.slice(split).replace(/^\r?\n\r?\n/, '');
    const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(headers)?.[1]?.toLowerCase();
    let data: Buffer;
    if (encoding === 'base64') data = Buffer.from(body.replace(/\s+/g, ''), 'base64');
    else {
      if (encoding === 'quoted-printable') body = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
      data = Buffer.from(body, 'latin1');
    }
    const charset = /charset="?([\w-]+)/i.exec(headers)?.[1] ?? /<meta[^>]+charset=["']?([\w-]+)/i.exec(data.toString('latin1'))?.[1];
    return charset && iconv.encodingExists(charset) ? iconv.decode(data, charset) : decodeDocument(data).text;
  }
  throw new DocReadError('an MHT file with no HTML part', 'unsupported');
}

/**
 * Word 2003 XML: the same paragraphs, runs and tables as a .docx's main part, read by the same streaming reader
 * (read-docx.ts), in whatever encoding the file declares.
 */
export function wordXmlDocument(bytes: Uint8Array): SourceDoc {
  const doc = wordDocument(decodeDocument(bytes).text);
  return { ...doc, blocks: doc.blocks.map((b) => (b.kind === 'table' ? { ...b, rows: squareUp(b.rows) } : b)) };
}

// ---------------------------------------------------------------------------------------------------------
// RTF: groups, control words, and text. What is skipped: the font, colour, style and list tables, document
// info, pictures, objects, headers and footers, footnotes, field instructions (their results stay), and every
// destination marked \*. Paragraphs end at \par; a table's cells at \cell and its rows at \row, a cell under
// \clvmrg getting the text of the cell above.

const RTF_SKIP = new Set(['fonttbl', 'colortbl', 'stylesheet', 'info', 'pict', 'object', 'objdata', 'header', 'headerl', 'headerr', 'headerf', 'footer', 'footerl', 'footerr', 'footerf', 'footnote', 'annotation', 'fldinst', 'themedata', 'colorschememapping', 'latentstyles', 'datastore', 'xmlnstbl', 'listtable', 'listoverridetable', 'rsidtbl', 'generator', 'bkmkstart', 'bkmkend', 'shpinst', 'nonshppict', 'txe', 'xe', 'tc', 'revtbl', 'pgdsctbl', 'filetbl', 'mmathPr', 'userprops', 'docvar', 'template', 'fchars', 'lchars', 'pnseclvl', 'pntxta', 'pntxtb']);
const RTF_CHARS: Record<string, string> = { emdash: '\u2014', endash: '\u2013', lquote: '\u2018', rquote: '\u2019', ldblquote: '\u201c', rdblquote: '\u201d', bullet: '\u2022', emspace: '\u2003', enspace: '\u2002', qmspace: '\u2005', tab: '\t', line: '\n' };

/** RTF's groups nest a few dozen deep in any real file; each open group is kept until it closes. */
export const RTF_MAX_DEPTH = 5_000;

export function rtfDocument(bytes: Uint8Array): SourceDoc {
  const src = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const tally = new DocumentTally();
  // \\'hh bytes are in the document's code page; Chinese files often say so only through their fonts' charset.
  const cp = /\\ansicpg(\d+)/.exec(src)?.[1] ?? (/\\fcharset134/.test(src) ? '936' : /\\fcharset136/.test(src) ? '950' : '1252');
  const codepage = iconv.encodingExists(`cp${cp}`) ? `cp${cp}` : 'cp1252';
  const blocks: Block[] = [];
  let no = 0;
  let text = '';
  let pending: number[] = [];
  let cellLines: string[] = [];
  let row: string[] = [];
  let rows: string[][] = [];
  let inTable = false;
  let defs: boolean[] = [];
  let mergeNext = false;
  const stack: { skip: boolean; uc: number }[] = [];
  let state = { skip: false, uc: 1 };
  let skipChars = 0;

  const flushBytes = () => {
    if (pending.length) {
      const decoded = iconv.decode(Buffer.from(pending), codepage);
      tally.add('chars', decoded.length);
      text += decoded;
    }
    pending = [];
  };
  // Bytes wait for their code page in `pending`: a long run of them is flushed before it grows without bound,
  // after an ASCII byte (never inside a two-byte character), or at a million bytes whatever they are.
  const push = (byte: number) => {
    pending.push(byte);
    if ((pending.length >= 65_536 && byte < 0x80) || pending.length >= 1 << 20) flushBytes();
  };
  const add = (s: string) => {
    flushBytes();
    tally.add('chars', s.length);
    text += s;
  };
  const para = () => {
    flushBytes();
    if (inTable) {
      cellLines.push(text);
    } else {
      if (rows.length) {
        tally.add('paragraphs');
        blocks.push({ kind: 'table', no: ++no, rows: squareUp(rows) });
        rows = [];
      }
      for (const l of text.split('\n')) {
        const t = clean(l);
        if (!t) continue;
        tally.add('paragraphs');
        blocks.push({ kind: 'para', no: ++no, text: t });
      }
    }
    text = '';
  };
  const cell = () => {
    flushBytes();
    tally.add('cells');
    cellLines.push(text);
    row.push(clean(cellLines.flatMap((l) => l.split('\n')).map(clean).join('\n').replace(/\n+$/, '')));
    cellLines = [];
    text = '';
  };
  const endRow = () => {
    const above = rows[rows.length - 1];
    rows.push(row.map((c, i) => (c === '' && defs[i] && above ? (above[i] ?? '') : c)));
    row = [];
  };

  for (let i = 0; i < src.length; ) {
    const ch = src[i]!;
    if (ch === '{') {
      if (stack.length >= RTF_MAX_DEPTH) throw new DocReadError(`RTF groups nested more than ${RTF_MAX_DEPTH} deep`, 'too-large');
      stack.push(state); state = { ...state }; i++; continue;
    }
    if (ch === '}') { flushBytes(); state = stack.pop() ?? state; i++; continue; }
    if (ch === '\r' || ch === '\n') { i++; continue; }
    if (ch !== '\\') {
      if (!state.skip) {
        if (skipChars > 0) skipChars--;
        else push(ch.charCodeAt(0));
      }
      i++;
      continue;
    }
    const next = src[i + 1] ?? '';
    if (next === "'") {
      if (!state.skip) {
        if (skipChars > 0) skipChars--;
        else push(parseInt(src.slice(i + 2, i + 4), 16) || 0x3f);
      }
      i += 4;
      continue;
    }
    if (!/[a-zA-Z]/.test(next)) {
      // A control symbol: \\ \{ \} are text, \* marks a destination to skip if unknown, \~ a no-break space.
      i += 2;
      if (next === '*') { state.skip = true; continue; }
      if (state.skip) continue;
      if (next === '\\' || next === '{' || next === '}') add(next);
      else if (next === '~') add('\u00a0');
      else if (next === '_') add('-');
      else if (next === '\r' || next === '\n') para();
      continue;
    }
    const m = /^([a-zA-Z]{1,32})(-?\d{1,10})? ?/.exec(src.slice(i + 1, i + 48))!;
    i += 1 + m[0].length;
    const word = m[1]!;
    const param = m[2] === undefined ? undefined : Number(m[2]);
    if (RTF_SKIP.has(word)) { state.skip = true; continue; }
    if (state.skip) continue;
    switch (word) {
      case 'uc': state.uc = param ?? 1; break;
      case 'u': {
        const code = (param ?? 0) < 0 ? (param ?? 0) + 65536 : (param ?? 0);
        add(String.fromCharCode(code));
        skipChars = state.uc;
        break;
      }
      case 'par': case 'sect': case 'page': case 'pagebb': para(); break;
      case 'pard': inTable = false; break;
      case 'intbl': inTable = true; break;
      case 'cell': cell(); break;
      case 'nestcell': flushBytes(); cellLines.push(text); text = ''; break;
      case 'row': if (row.length || text) { if (text) cell(); endRow(); } inTable = false; break;
      case 'trowd': defs = []; mergeNext = false; break;
      case 'clvmrg': mergeNext = true; break;
      case 'cellx': defs.push(mergeNext); mergeNext = false; break;
      default:
        if (word in RTF_CHARS) add(RTF_CHARS[word]!);
    }
  }
  if (text || pending.length) para();
  if (rows.length) {
    tally.add('paragraphs');
    blocks.push({ kind: 'table', no: ++no, rows: squareUp(rows) });
  }
  return { blocks, unit: 'paragraph' };
}
