// How much one document may hold: far above any plan (a 20-page 公文 with its 分工表 has a few hundred
// paragraphs, a few thousand table cells and some 30,000 characters), far below what takes the importer
// seconds or hundreds of MB. The streaming readers (.docx, .doc) count as they read and stop at the first
// paragraph, cell or character over the line; readDocument checks every reader's result once more, so no
// format reaches the outline with more. Pure.
import { ReadError } from '../containers/read-error.js';

export const DOCUMENT_LIMITS = {
  paragraphs: 20_000, cells: 100_000, chars: 2_000_000,
  /**
   * A PDF's pieces of text as pdf.js gives them (a run of text, down to a glyph each): counted as they come, in
   * the PDF reader's process, as each costs that reader some 50 µs and 700 bytes. A 20-page plan has a few
   * thousand, and even at one a character the longest plan (some 30,000 characters) has 30,000; the reader
   * gives up on more in 6 s, where a million took 49 s and 690 MB.
   */
  items: 100_000,
};

export type DocumentLimit = keyof typeof DOCUMENT_LIMITS;

/** A document with more of something than one plan can hold: which limit, for the message. */
export class DocumentTooLarge extends ReadError {
  constructor(readonly limit: DocumentLimit) {
    super(`more than ${DOCUMENT_LIMITS[limit]} ${limit === 'chars' ? 'characters' : limit === 'cells' ? 'table cells' : limit === 'items' ? 'pieces of text' : 'paragraphs'}`, 'too-large');
    this.name = 'DocumentTooLarge';
  }
}

/** A running count of what a reader has found so far; throws DocumentTooLarge at the first one over the line. */
export class DocumentTally {
  private counts = { paragraphs: 0, cells: 0, chars: 0, items: 0 };

  add(limit: DocumentLimit, n = 1): void {
    this.counts[limit] += n;
    if (this.counts[limit] > DOCUMENT_LIMITS[limit]) throw new DocumentTooLarge(limit);
  }
}

/** A document's blocks as counted here (a SourceDoc, named by its shape: document.ts counts with this module). */
type Counted = { blocks: readonly ({ kind: 'para'; text: string } | { kind: 'table'; rows: readonly (readonly string[])[] })[] };

/** Refuses a document that holds more paragraphs, table cells or characters than one plan can. */
export function checkDocument(doc: Counted): void {
  const tally = new DocumentTally();
  for (const b of doc.blocks) {
    tally.add('paragraphs');
    if (b.kind === 'para') {
      tally.add('chars', b.text.length);
      continue;
    }
    for (const row of b.rows) {
      tally.add('cells', row.length);
      for (const cell of row) tally.add('chars', cell.length);
    }
  }
}
