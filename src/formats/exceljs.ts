// exceljs as campaign loads it: its Workbook and enums (exceljs/lib/exceljs.bare.js), all that campaign uses —
// the same code as the package's main entry without the streaming reader and writer, whose archiver, unzipper
// and tmp make the main entry two to three times as long to load. Loaded on first use, not with the modules
// that make or read workbooks: --help loads every command.
import type ExcelJS from 'exceljs';
import { encodeOoxmlText } from '../containers/ooxml-text.js';

let loaded: Promise<typeof ExcelJS> | undefined;

export function loadExcelJS(): Promise<typeof ExcelJS> {
  loaded ??= Promise.all([
    // @ts-expect-error exceljs declares types for its main entry only; this entry exports the same Workbook and enums.
    import('exceljs/lib/exceljs.bare.js') as Promise<{ default: typeof ExcelJS }>,
    // @ts-expect-error a module of exceljs's own, without types
    import('exceljs/lib/xlsx/xform/strings/text-xform.js') as Promise<{ default: { prototype: object } }>,
  ]).then(([m, text]) => {
    textAsWritten(text.default.prototype);
    return m.default;
  });
  return loaded;
}

/**
 * exceljs decodes OOXML's _xHHHH_ escapes in some text (a shared string, a rich-text run; upper-case hex only)
 * and not in other (an inline string, a formula's text), so text read through it cannot be decoded once and
 * only once. Its text reader is made to give the text as written; campaign decodes every cell's text itself,
 * once (shownText in src/sheets/read.ts). Checked by test/hostile-inputs.test.ts.
 */
function textAsWritten(reader: object): void {
  Object.defineProperty(reader, 'model', {
    configurable: true,
    get(this: { _text: string[] }) {
      return this._text.join('');
    },
  });
}

/**
 * A workbook's bytes, every text cell written so that Excel shows it as given: text that looks like one of
 * OOXML's escapes (_x0041_) has its underscore escaped (src/containers/ooxml-text.ts), which exceljs does not do.
 */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.isMerged && cell.master !== cell) return; // a merged range's other cells show its first
        const v = cell.value;
        if (typeof v === 'string') {
          if (encodeOoxmlText(v) !== v) cell.value = encodeOoxmlText(v);
        } else if (v !== null && typeof v === 'object' && 'richText' in v && v.richText.some((r) => encodeOoxmlText(r.text) !== r.text)) {
          cell.value = { richText: v.richText.map((r) => ({ ...r, text: encodeOoxmlText(r.text) })) };
        }
      });
    });
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The cells each worksheet has merged (row × 16,384 + column), for mergeCells. */
const mergedCells = new WeakMap<ExcelJS.Worksheet, Set<number>>();

/**
 * Merges rows `top`..`bottom` × columns `left`..`right`, as `ws.mergeCells` does, in the time of the range:
 * exceljs compares a new range with every range the sheet has merged, so a weekly form of 3,000 tasks (each
 * row merged over several columns) took 41 s at 2,000 tasks and over 60 s at 3,000. The sheet's merged cells
 * are kept in a set instead, and merging a cell twice is still the error exceljs throws.
 */
export function mergeCells(ws: ExcelJS.Worksheet, top: number, left: number, bottom: number, right: number): void {
  let cells = mergedCells.get(ws);
  if (!cells) {
    cells = new Set();
    mergedCells.set(ws, cells);
  }
  const range: number[] = [];
  for (let r = top; r <= bottom; r++) {
    for (let c = left; c <= right; c++) {
      if (cells.has(r * 16_384 + c)) throw new Error('Cannot merge already merged cells');
      range.push(r * 16_384 + c);
    }
  }
  for (const cell of range) cells.add(cell);
  // exceljs's own merge, with nothing to compare the range with; then its ranges are put back, the new one among them.
  const sheet = ws as unknown as { _merges: Record<string, unknown> };
  const merges = sheet._merges;
  sheet._merges = {};
  try {
    ws.mergeCells(top, left, bottom, right);
  } finally {
    sheet._merges = Object.assign(merges, sheet._merges);
  }
}
