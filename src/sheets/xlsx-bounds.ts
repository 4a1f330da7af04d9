// An .xlsx as exceljs may read it when it comes from other hands. exceljs spends time and memory on what a
// file declares, not on what it holds: a merged range or a data validation makes an object for every cell it
// covers (one range over the whole sheet: gigabytes), every merged range is compared with every other, a
// defined name is unrolled cell by cell, and a row's work grows with its last column (4,000 rows with a cell
// in column XFD: 16,384 slots each, visited several times per row). So before exceljs reads the file, each
// worksheet keeps only its cells within the bounds an .xls is read within (5,000 rows, 256 columns), its
// merged ranges within those bounds and a budget, and no data validation; the workbook keeps no defined
// name. None of that is read back from a returned sheet or a 分工表: their cells are the same, and the work is
// that of the cells the file holds.
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../formats/exceljs.js';
import { openZip } from '../containers/zip.js';
import { XLS_LIMITS } from './xls-process.js';

/** Cells beyond these rows and columns are not read; merged ranges beyond the budget are read as unmerged. */
export const XLSX_BOUNDS = { rows: XLS_LIMITS.rows, columns: XLS_LIMITS.columns, merges: 1000, mergedCells: 10_000 };

type Bounds = typeof XLSX_BOUNDS;

/** A cell's column and row (1-based) from its reference (A1, $XFD$6); undefined when it is none. */
export function cellAt(ref: string): { col: number; row: number } | undefined {
  const m = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(ref.trim());
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return { col, row: Number(m[2]) };
}

const attr = (attrs: string, name: string): string | undefined => new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs)?.slice(1).find((v) => v !== undefined);

/** The merged ranges a worksheet keeps (the `<mergeCells>` element's contents): within the bounds and the budget. */
function keptMerges(inner: string, bounds: Bounds): string[] {
  const kept: string[] = [];
  let cells = 0;
  for (const m of inner.matchAll(/<mergeCell(?=[\s/>])([^<>]*)>/g)) {
    const [a, b] = (attr(m[1]!, 'ref') ?? '').split(':');
    const from = cellAt(a ?? '');
    const to = cellAt(b ?? a ?? '');
    if (!from || !to || to.row > bounds.rows || to.col > bounds.columns || from.row > to.row || from.col > to.col) continue;
    const size = (to.row - from.row + 1) * (to.col - from.col + 1);
    if (cells + size > bounds.mergedCells) continue;
    cells += size;
    kept.push(m[0]);
    if (kept.length === bounds.merges) break;
  }
  return kept;
}

/**
 * A worksheet's XML within the bounds: cells and rows past them dropped, data validations dropped, merged
 * ranges past them or past the budget dropped. One pass over the text; everything else is kept as it was.
 */
export function boundedSheetXml(xml: string, bounds: Bounds = XLSX_BOUNDS): string {
  const open = /<(row|c|dataValidations|mergeCells)(?=[\s/>])([^<>]*)>/g;
  let out = '';
  let copied = 0;
  for (let m = open.exec(xml); m; m = open.exec(xml)) {
    const [tag, name, attrs] = m as unknown as [string, string, string];
    const start = m.index;
    const close = `</${name}>`;
    const closed = attrs.endsWith('/') ? -1 : xml.indexOf(close, start + tag.length);
    const end = attrs.endsWith('/') ? start + tag.length : closed < 0 ? xml.length : closed + close.length;
    let keep: string | undefined;
    if (name === 'row') {
      // A row within the bounds is kept, and its cells looked at one by one.
      if (Number(attr(attrs, 'r') ?? 0) <= bounds.rows) continue;
    } else if (name === 'c') {
      const at = cellAt(attr(attrs, 'r') ?? '');
      if (!at || (at.col <= bounds.columns && at.row <= bounds.rows)) {
        open.lastIndex = end;
        continue;
      }
    } else if (name === 'mergeCells') {
      const merges = keptMerges(xml.slice(start + tag.length, Math.max(closed, start + tag.length)), bounds);
      keep = merges.length ? `<mergeCells count="${merges.length}">${merges.join('')}</mergeCells>` : '';
    }
    out += xml.slice(copied, start) + (keep ?? '');
    copied = end;
    open.lastIndex = end;
  }
  return out + xml.slice(copied);
}

/** The workbook part without its defined names (print areas, named ranges), which exceljs unrolls cell by cell. */
export const boundedWorkbookXml = (xml: string): string => xml.replace(/<definedNames(?=[\s/>])[^<>]*\/>|<definedNames(?=[\s>])[\s\S]*?<\/definedNames>/, '');

/** The parts exceljs reads as worksheets, and its workbook part (a leading slash aside, as exceljs matches them). */
const WORKSHEET = /xl\/worksheets\/sheet(\d+)[.]xml/;

/**
 * An .xlsx's bytes as exceljs may read them: the archive opened within the ZIP limits (a zip bomb refused before
 * anything grows), its worksheets and workbook part bounded, stored again uncompressed.
 */
export async function boundedXlsx(bytes: Uint8Array, bounds: Bounds = XLSX_BOUNDS): Promise<Uint8Array> {
  const zip = openZip(bytes);
  const { default: JSZip } = await import('jszip');
  const out = new JSZip();
  const text = new TextDecoder('utf-8');
  for (const name of zip.names) {
    if (name.endsWith('/')) continue;
    const data = zip.read(name)!;
    const part = name.replace(/^\//, '');
    if (WORKSHEET.test(part)) out.file(name, boundedSheetXml(text.decode(data), bounds));
    else if (part === 'xl/workbook.xml') out.file(name, boundedWorkbookXml(text.decode(data)));
    else out.file(name, data);
  }
  return out.generateAsync({ type: 'uint8array', compression: 'STORE' });
}

/** An .xlsx read by exceljs within the bounds; a damaged or refused file is an Error whose first line says why. */
export async function loadXlsx(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const bounded = await boundedXlsx(bytes);
  const wb = new (await loadExcelJS()).Workbook();
  await wb.xlsx.load(Buffer.from(bounded) as unknown as ArrayBuffer);
  return wb;
}
