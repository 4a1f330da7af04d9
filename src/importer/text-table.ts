// Tables written as plain text: columns aligned with spaces or tabs (a 任务分工表 typed into a .txt or
// copied out of a PDF), or drawn with box characters (┌─┬─┐ │ ├─┼─┤). A run of lines becomes a table
// when its first row heads a task list (工作任务 … 牵头单位 / 完成时限), or when it is drawn with boxes;
// a cell wrapped onto the next line joins its cell. Positions count display columns (a Chinese character
// is two), since that is what aligns them on screen. Pure.
import { displayWidth } from '../formats/width.js';
import { clean } from './clean.js';
import type { Block, SourceDoc, TableBlock } from './document.js';

export interface RawLine { no: number; raw: string }

/** What heads a task table: a task column and a unit or time column. */
const TASK_HEAD = /工作任务|工作内容|主要任务|任务内容|工作事项|重点任务|重点工作|任务|内容|事项|项目/;
const OTHER_HEAD = /牵头|责任|主办|负责|主责|配合|协办|协同|参与|协助|时限|时间|时间节点|完成/;

const BORDER = /^[\s┌┬┐├┼┤└┴┘─━│┃┏┳┓┣╋┫┗┻┛═║╔╦╗╠╬╣╚╩╝+\-=|]+$/;
const BOX_BAR = /[│┃║|]/;

/** A line's cells with the display column each starts at: split on tabs or two or more spaces. */
export function cellsOf(raw: string): { at: number; text: string }[] {
  const out: { at: number; text: string }[] = [];
  const expanded = raw.replace(/\t/g, '    ');
  // Widths added up as the cells go (measuring the whole line before each cell would be quadratic).
  let at = 0;
  let measured = 0;
  for (const m of expanded.matchAll(/[^ \u3000]+(?:[ \u3000](?![ \u3000])[^ \u3000]+)*/g)) {
    at += displayWidth(expanded.slice(measured, m.index));
    measured = m.index!;
    out.push({ at, text: m[0] });
  }
  return out;
}

/** A drawn row's cells: the text between its bars. */
const boxCells = (raw: string): string[] => raw.split(BOX_BAR).slice(1, -1).map((c) => c.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''));

const isHeader = (cells: string[]): boolean => cells.length >= 2 && cells.some((c) => TASK_HEAD.test(c.replace(/\s/g, ''))) && cells.some((c) => OTHER_HEAD.test(c.replace(/\s/g, '')));

/** A table drawn with box characters from line `i`: its rows and the index after it. */
function boxTable(lines: readonly RawLine[], i: number): { rows: string[][]; end: number } | undefined {
  let j = i;
  const groups: string[][][] = [[]];
  while (j < lines.length && (BORDER.test(lines[j]!.raw) || boxCells(lines[j]!.raw).length >= 2)) {
    const raw = lines[j]!.raw;
    if (BORDER.test(raw) && !/[^\s│┃║|]/.test(raw.replace(/[─━═┌┬┐├┼┤└┴┘┏┳┓┣╋┫┗┻┛╔╦╗╠╬╣╚╩╝+\-=]/g, ''))) {
      if (groups.at(-1)!.length) groups.push([]);
    } else groups.at(-1)!.push(boxCells(raw));
    j++;
  }
  const filled = groups.filter((g) => g.length);
  if (filled.length === 0) return undefined;
  // Rows between borders: each a row whose lines join per cell. Without inner borders every line is a row,
  // and a line whose first cell is empty continues the row above.
  const rows: string[][] = [];
  const separated = filled.length > 1;
  for (const group of filled) {
    for (const cells of separated ? [joinLines(group)] : group) {
      if (!separated && rows.length && !cells[0] && cells.some(Boolean)) rows[rows.length - 1] = rows.at(-1)!.map((c, k) => c + (cells[k] ?? ''));
      else rows.push(cells);
    }
  }
  return rows.length >= 2 ? { rows, end: j } : undefined;
}

const joinLines = (lines: string[][]): string[] => {
  const width = lines.reduce((w, l) => Math.max(w, l.length), 0);
  return Array.from({ length: width }, (_, k) => lines.map((l) => l[k] ?? '').join(''));
};

/** A table aligned with spaces from its header line `i`: rows by the header's columns. */
function alignedTable(lines: readonly RawLine[], i: number): { rows: string[][]; end: number } | undefined {
  if (lines[i]!.raw.includes('\t')) return tabbedTable(lines, i);
  const header = cellsOf(lines[i]!.raw);
  const starts = header.map((c) => c.at);
  const column = (at: number) => {
    let best = 0;
    for (let k = 0; k < starts.length; k++) if (at >= starts[k]! - 2) best = k;
    return best;
  };
  const rows: string[][] = [header.map((c) => c.text)];
  let j = i + 1;
  for (; j < lines.length; j++) {
    const raw = lines[j]!.raw;
    if (!raw.trim()) break;
    const cells = cellsOf(raw);
    const row = Array.from({ length: starts.length }, () => '');
    for (const c of cells) {
      const k = column(c.at);
      row[k] = row[k] ? `${row[k]}${c.text}` : c.text;
    }
    const firstAt = cells[0]?.at ?? 0;
    // A line starting under a later column (its first cell empty) continues the row above; one flush left
    // that is not split into cells is the text after the table.
    if (cells.length === 1 && firstAt < starts[1]! - 2 && rows.length > 1 && !/^\d{1,3}$/.test(cells[0]!.text)) break;
    if (!row[0] && rows.length > 1) {
      rows[rows.length - 1] = rows.at(-1)!.map((c, k) => c + row[k]!);
      continue;
    }
    rows.push(row);
  }
  return rows.length >= 2 ? { rows, end: j } : undefined;
}

/** How many cells with text a line's tabs set apart. */
const tabCells = (raw: string): number => (raw.includes('\t') ? raw.split(/\t+/).filter((c) => c.trim()).length : 0);

/** A table whose cells are separated by tabs (copied out of Excel or Word): cells by their place. */
function tabbedTable(lines: readonly RawLine[], i: number): { rows: string[][]; end: number } | undefined {
  const split = (raw: string) => raw.split(/\t+/).map((c) => c.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''));
  const width = split(lines[i]!.raw).length;
  const rows: string[][] = [split(lines[i]!.raw)];
  let j = i + 1;
  for (; j < lines.length; j++) {
    const raw = lines[j]!.raw;
    if (!raw.includes('\t')) break;
    const cells = raw.replace(/\s+$/, '').split('\t').map((c) => c.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''));
    const row = Array.from({ length: width }, (_, k) => cells[k] ?? '');
    // A line whose first cell is empty carries on the row above (a cell wrapped in the source).
    if (!row[0] && rows.length > 1) rows[rows.length - 1] = rows.at(-1)!.map((c, k) => c + row[k]!);
    else rows.push(row);
  }
  return rows.length >= 2 ? { rows, end: j } : undefined;
}

/** The lines of a text as blocks: paragraphs, and the tables written in them. */
function linesToBlocks(lines: readonly RawLine[]): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const { no, raw } = lines[i]!;
    const boxed = BOX_BAR.test(raw) || BORDER.test(raw.trim() || 'x') ? boxTable(lines, i) : undefined;
    const boxedTask = boxed?.rows.some((r) => isHeader(r)) ? boxed : undefined;
    // A drawn table that lists no tasks: its lines are read as lines, and not looked at again as a table's start.
    if (boxed && !boxedTask) {
      for (let k = i; k < boxed.end; k++) {
        const t = clean(lines[k]!.raw);
        if (t && !BORDER.test(t)) blocks.push({ kind: 'para', no: lines[k]!.no, text: t });
      }
      i = boxed.end - 1;
      continue;
    }
    // Columns set apart with tabs are a table whatever it lists (a 领导小组 名单, a 联系人 table); spaces make one
    // only under a task list's header, since spaces also pad names (组  长：刘  勇).
    const tabbed = !boxedTask && tabCells(raw) >= 2 && tabCells(lines[i + 1]?.raw ?? '') >= 2;
    const aligned = !boxedTask && (tabbed || isHeader(cellsOf(raw).map((c) => c.text))) ? alignedTable(lines, i) : undefined;
    const table = boxedTask ?? aligned;
    if (table) {
      const block: TableBlock = { kind: 'table', no, rows: table.rows };
      blocks.push(block);
      i = table.end - 1;
      continue;
    }
    const t = clean(raw);
    if (t && !BORDER.test(t)) blocks.push({ kind: 'para', no, text: t });
  }
  return blocks;
}

/** A text file's lines as paragraphs; a task table written with aligned columns or box characters as a table. */
export function textDocument(text: string): SourceDoc {
  const lines = text.split(/\r\n|\r|\n/).map((raw, i) => ({ no: i + 1, raw }));
  return { blocks: linesToBlocks(lines), unit: 'line' };
}
