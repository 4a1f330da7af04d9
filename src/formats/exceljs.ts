// exceljs as campaign loads it: its Workbook and enums (exceljs/lib/exceljs.bare.js), all that campaign uses —
// the same code as the package's main entry without the streaming reader and writer, whose archiver, unzipper
// and tmp make the main entry two to three times as long to load. Loaded on first use, not with the modules
// that make or read workbooks: --help loads every command.
import type ExcelJS from 'exceljs';

let loaded: Promise<typeof ExcelJS> | undefined;

export function loadExcelJS(): Promise<typeof ExcelJS> {
  // @ts-expect-error exceljs declares types for its main entry only; this entry exports the same Workbook and enums.
  loaded ??= import('exceljs/lib/exceljs.bare.js').then((m: { default: typeof ExcelJS }) => m.default);
  return loaded;
}
