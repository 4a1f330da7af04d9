// A Word .docx: its main part read in one pass with saxes, each paragraph and table cell taken as it goes
// by, so the cost is the file's text and not a tree of it. (mammoth built three trees — xmldom's, its own
// document's and its HTML's — and needed about 200 bytes of heap per byte of XML: 2.2 GB and over a minute
// for a 550 KB file of one large table.) Nothing but the main part is inflated: pictures, fonts, styles and
// notes are never read. What is read is what Word shows as the document's text:
// - paragraphs (w:p), a line break (w:br, w:cr) making a line of its own, as in every other reader;
// - tables (w:tbl), a merged cell's text repeated in every column it spans (w:gridSpan, at most MAX_COLSPAN)
//   and every row it covers (w:vMerge); a table inside a cell gives that cell lines;
// - text boxes, after the paragraph that holds them; of an mc:AlternateContent, one branch only;
// - tracked changes as accepted: inserted text kept, deleted text (w:del, w:moveFrom) and deleted rows
//   dropped, a deleted paragraph mark joining its paragraph to the next;
// - a field's result, not its code (w:instrText); a ruby's base text, not its guide (w:rt).
// Pure.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { ReadError } from '../containers/read-error.js';
import { openZip } from '../containers/zip.js';
import { clean } from './clean.js';
import { MAX_COLSPAN, type Block, type SourceDoc } from './document.js';
import { DocumentTally } from './limits.js';

// Transitional and Strict OOXML name WordprocessingML differently, and Word 2003 XML (its forerunner, with the
// same paragraphs, runs and tables) differently again; the prefix can be anything.
const WORD_NS = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
  'http://schemas.microsoft.com/office/word/2003/wordml',
]);
const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

const damaged = (what: string) => new ReadError(what, 'damaged');

/**
 * The XML's own bounds, far above any Word file (a 200-page document has some 300,000 elements, nested a few
 * dozen deep, with a few attributes each). The archive's limits bound its size; these bound the parser's work
 * and memory in it: 200,000 nested elements took 300 MB, a million attributes on one element 560 MB.
 */
export const DOCX_XML_LIMITS = { elements: 2_000_000, depth: 5_000, attributes: 1_000 };

/** Elements whose contents are not the document's text: deleted or moved-away text, field codes, ruby guides. */
const SKIPPED = new Set(['w:del', 'w:moveFrom', 'w:instrText', 'w:delText', 'w:delInstrText', 'w:rt', 'w:sdtPr', 'w:sdtEndPr']);

/** The main part's name, from the package's relationships (word/document.xml unless they say otherwise). */
function mainPart(zip: ReturnType<typeof openZip>): string {
  const rels = zip.read('_rels/.rels');
  if (rels) {
    const text = new TextDecoder().decode(rels);
    for (const m of text.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
      const attr = (name: string) => new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(m[0]);
      const type = attr('Type');
      const target = attr('Target');
      if (type && target && /\/officeDocument$/.test(type[2] ?? type[3] ?? '')) return (target[2] ?? target[3] ?? '').replace(/^\/+/, '');
    }
  }
  return 'word/document.xml';
}

const CHUNK = 1 << 20;

/** XML bytes as text, chunk by chunk, by their byte order mark (UTF-8 without one); text already decoded, in chunks too. */
function* decodeXml(bytes: Uint8Array | string): Generator<string> {
  if (typeof bytes === 'string') {
    for (let at = 0; at < bytes.length; at += CHUNK) yield bytes.slice(at, at + CHUNK);
    return;
  }
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  const decoder = new TextDecoder(encoding, { fatal: true });
  try {
    for (let at = 0; at < bytes.length; at += CHUNK) yield decoder.decode(bytes.subarray(at, at + CHUNK), { stream: at + CHUNK < bytes.length });
  } catch (err) {
    if (err instanceof TypeError) throw damaged(`the document's XML is not ${encoding.toUpperCase()} text`);
    throw err;
  }
}

/** A table being read. Only a table that stands in the body is a block; one inside a cell or a text box gives lines. */
interface Table {
  block: boolean;
  rows: string[][];
  row: string[];
  rowDeleted: boolean;
  span: number;
  continues: boolean;
}

/** The blocks of a WordprocessingML main part, or of a Word 2003 XML file (as bytes, or as text already decoded). */
export function wordDocument(xml: Uint8Array | string): SourceDoc {
  const tally = new DocumentTally();
  const blocks: Block[] = [];
  let no = 0;
  // Where the lines of a finished paragraph go: the body (null), or what encloses the paragraph — an open
  // paragraph (a text box's lines follow it) or an open cell.
  const sinks: (string[] | null)[] = [null];
  const paras: { text: string; after: string[]; deletedMark: boolean }[] = [];
  const tables: Table[] = [];
  const open: string[] = [];
  // Depth inside an element that is not read; and, per open mc:AlternateContent, whether a branch was read.
  let skip = 0;
  const alternates: boolean[] = [];
  // The text of a paragraph whose mark was deleted: it runs on into the next paragraph.
  let carry = '';

  const emit = (lines: string[]) => {
    const sink = sinks[sinks.length - 1];
    if (sink) {
      for (const line of lines) if (line) sink.push(line);
      return;
    }
    for (const line of lines) {
      for (const l of line.split('\n')) {
        const t = clean(l);
        if (!t) continue;
        tally.add('paragraphs');
        blocks.push({ kind: 'para', no: ++no, text: t });
      }
    }
  };
  // Namespaces resolved here, each prefix's bindings a stack: saxes's own resolution walks every open element
  // for every name, which is quadratic in the depth (64 s for 20,000 nested elements).
  const bindings = new Map<string, string[]>();
  const declared: (string[] | undefined)[] = [];
  const declare = (tag: SaxesTagPlain) => {
    let mine: string[] | undefined;
    for (const [k, v] of Object.entries(tag.attributes)) {
      if (k !== 'xmlns' && !k.startsWith('xmlns:')) continue;
      const prefix = k.slice(6);
      const stack = bindings.get(prefix) ?? [];
      stack.push(v);
      bindings.set(prefix, stack);
      mine ??= [];
      mine.push(prefix);
    }
    declared.push(mine);
  };
  const undeclare = () => {
    for (const prefix of declared.pop() ?? []) bindings.get(prefix)!.pop();
  };
  const uriOf = (qname: string) => {
    const colon = qname.indexOf(':');
    const stack = bindings.get(colon < 0 ? '' : qname.slice(0, colon));
    return stack?.[stack.length - 1] ?? '';
  };
  const localOf = (qname: string) => qname.slice(qname.indexOf(':') + 1);
  const nameOf = (tag: SaxesTagPlain) => {
    const uri = uriOf(tag.name);
    return WORD_NS.has(uri) ? `w:${localOf(tag.name)}` : uri === MC_NS ? `mc:${localOf(tag.name)}` : `*:${localOf(tag.name)}`;
  };
  const wordAttr = (tag: SaxesTagPlain, local: string) => {
    for (const [k, v] of Object.entries(tag.attributes)) if (k.includes(':') && localOf(k) === local && WORD_NS.has(uriOf(k))) return v;
    return undefined;
  };
  const parent = (n = 1) => open[open.length - n];
  const addText = (s: string) => {
    const p = paras[paras.length - 1];
    if (!p) return;
    tally.add('chars', s.length);
    p.text += s;
  };

  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on('doctype', () => {
    throw damaged('the document declares a DOCTYPE, which Word files never do');
  });
  let elements = 0;
  let attributes = 0;
  const tooLarge = (what: string) => new ReadError(what, 'too-large');
  parser.on('opentagstart', () => {
    attributes = 0;
    if (++elements > DOCX_XML_LIMITS.elements) throw tooLarge(`more than ${DOCX_XML_LIMITS.elements} XML elements`);
    if (open.length + skip >= DOCX_XML_LIMITS.depth) throw tooLarge(`XML elements nested more than ${DOCX_XML_LIMITS.depth} deep`);
  });
  parser.on('attribute', () => {
    if (++attributes > DOCX_XML_LIMITS.attributes) throw tooLarge(`an XML element with more than ${DOCX_XML_LIMITS.attributes} attributes`);
  });
  parser.on('opentag', (tag) => {
    if (skip > 0) {
      skip++;
      return;
    }
    declare(tag);
    const name = nameOf(tag);
    if (SKIPPED.has(name)) {
      // A deleted paragraph mark (w:pPr/w:rPr/w:del), or a deleted table row (w:trPr/w:del).
      if (name === 'w:del' && parent() === 'w:rPr' && parent(2) === 'w:pPr' && parent(3) === 'w:p' && paras.length) paras[paras.length - 1]!.deletedMark = true;
      if (name === 'w:del' && parent() === 'w:trPr' && parent(2) === 'w:tr' && tables.length) tables[tables.length - 1]!.rowDeleted = true;
      undeclare();
      skip = 1;
      return;
    }
    if ((name === 'mc:Choice' || name === 'mc:Fallback') && parent() === 'mc:AlternateContent') {
      // The branches say the same thing for different readers: the first is read.
      if (alternates[alternates.length - 1]) {
        undeclare();
        skip = 1;
        return;
      }
      alternates[alternates.length - 1] = true;
    }
    open.push(name);
    switch (name) {
      case 'w:p': {
        const after: string[] = [];
        paras.push({ text: carry, after, deletedMark: false });
        carry = '';
        sinks.push(after);
        break;
      }
      case 'w:tbl':
        tables.push({ block: sinks.length === 1, rows: [], row: [], rowDeleted: false, span: 1, continues: false });
        break;
      case 'w:tr': {
        const t = tables[tables.length - 1];
        if (t) Object.assign(t, { row: [], rowDeleted: false });
        break;
      }
      case 'w:tc': {
        const t = tables[tables.length - 1];
        if (t) Object.assign(t, { span: 1, continues: false });
        sinks.push([]);
        break;
      }
      case 'w:gridSpan':
      case 'w:vMerge': {
        const t = tables[tables.length - 1];
        if (!t || parent(2) !== 'w:tcPr' || parent(3) !== 'w:tc') break;
        const val = wordAttr(tag, 'val');
        if (name === 'w:gridSpan') t.span = Math.min(Math.max(1, Math.floor(Number(val)) || 1), MAX_COLSPAN);
        else t.continues = val === undefined || val === 'continue';
        break;
      }
      case 'mc:AlternateContent':
        alternates.push(false);
        break;
      case 'w:tab':
        if (parent(2) === 'w:r') addText('\t');
        break;
      case 'w:br':
      case 'w:cr':
        if (parent(2) === 'w:r') addText('\n');
        break;
      case 'w:noBreakHyphen':
        if (parent(2) === 'w:r') addText('-');
        break;
    }
  });
  parser.on('closetag', () => {
    if (skip > 0) {
      skip--;
      return;
    }
    undeclare();
    const name = open.pop();
    switch (name) {
      case 'w:p': {
        const p = paras.pop()!;
        sinks.pop();
        if (p.deletedMark) {
          carry = p.text;
          emit(p.after);
        } else emit([p.text, ...p.after]);
        break;
      }
      case 'w:tc': {
        const lines = sinks.pop()!;
        const t = tables[tables.length - 1];
        if (t?.rowDeleted) break;
        if (!t?.block) {
          emit(lines);
          break;
        }
        const text = clean(lines.flatMap((l) => l.split('\n')).map(clean).filter(Boolean).join('\n'));
        // A continued merge shows the text of the cell above it, in the same column.
        const above = t.rows[t.rows.length - 1]?.[t.row.length];
        const shown = t.continues && above !== undefined ? above : text;
        tally.add('cells', t.span);
        for (let k = 0; k < t.span; k++) t.row.push(shown);
        break;
      }
      case 'w:tr': {
        const t = tables[tables.length - 1];
        if (t?.block && !t.rowDeleted) t.rows.push(t.row);
        break;
      }
      case 'w:tbl': {
        const t = tables.pop()!;
        if (t.block && t.rows.length) {
          tally.add('paragraphs');
          blocks.push({ kind: 'table', no: ++no, rows: t.rows });
        }
        break;
      }
      case 'mc:AlternateContent':
        alternates.pop();
        break;
    }
  });
  const text = (s: string) => {
    if (skip === 0 && parent() === 'w:t') addText(s);
  };
  parser.on('text', text);
  parser.on('cdata', text);
  parser.on('error', (e) => {
    throw damaged(`its XML is broken: ${e.message.split('\n')[0]!.replace(/\.$/, '')}`);
  });
  let first = true;
  for (const chunk of decodeXml(xml)) {
    parser.write(first ? chunk.replace(/^\ufeff/, '') : chunk);
    first = false;
  }
  parser.close();
  if (carry) emit([carry]);
  return { blocks, unit: 'paragraph' };
}

/** A Word file's paragraphs and tables: the archive opened within its limits, then its main part read. */
export function docxDocument(bytes: Uint8Array): SourceDoc {
  const zip = openZip(bytes);
  const name = mainPart(zip);
  const xml = zip.read(name) ?? zip.read(name.replace(/^\/+/, ''));
  if (!xml) throw damaged(`the archive has no ${name}, the document's text`);
  return wordDocument(xml);
}
