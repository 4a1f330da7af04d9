// The numbered outline of an official document (公文): 一、 then （一） then 1. then （1）, each item
// with its heading line, the paragraphs under it, and the line number it starts on.
import { chineseNumber } from '../text/numerals.js';

export interface Line { no: number; text: string }

export interface Item {
  level: number;
  number: number;
  /** The marker as written: "三、", "（二）", "4．". */
  marker: string;
  heading: string;
  /** Paragraphs after the heading line, before the next item. */
  body: Line[];
  line: number;
  children: Item[];
}

const MARKERS: { level: number; re: RegExp }[] = [
  { level: 1, re: /^([一二三四五六七八九十百]+)\s*[、．.]\s*/ },
  { level: 2, re: /^[（(]\s*([一二三四五六七八九十百]+)\s*[）)]\s*/ },
  // "1." "1．" "1、" — but not "1.5万" or a date.
  { level: 3, re: /^(\d{1,3})\s*(?:[、．]|\.(?!\d))\s*/ },
  { level: 4, re: /^[（(]\s*(\d{1,3})\s*[）)]\s*/ },
];

export const clean = (s: string): string => s.replace(/^[\s\u3000\u00a0\ufeff]+|[\s\u3000\u00a0]+$/g, '');

export function splitLines(text: string): Line[] {
  return text.split(/\r\n|\r|\n/).map((t, i) => ({ no: i + 1, text: clean(t) })).filter((l) => l.text !== '');
}

export function markerOf(text: string): { level: number; number: number; marker: string; rest: string } | undefined {
  for (const m of MARKERS) {
    const match = m.re.exec(text);
    if (!match) continue;
    const number = chineseNumber(match[1]!);
    if (number === undefined) continue;
    return { level: m.level, number, marker: match[0].trim(), rest: text.slice(match[0].length) };
  }
  return undefined;
}

export interface Outline { title?: Line; preamble: Line[]; items: Item[] }

export function outline(lines: Line[]): Outline {
  const [title, ...rest] = lines;
  const root: Item = { level: 0, number: 0, marker: '', heading: '', body: [], line: 0, children: [] };
  const stack: Item[] = [root];
  const preamble: Line[] = [];
  for (const line of rest) {
    const m = markerOf(line.text);
    if (!m) {
      const open = stack[stack.length - 1]!;
      if (open === root) preamble.push(line);
      else open.body.push(line);
      continue;
    }
    while (stack.length > 1 && stack[stack.length - 1]!.level >= m.level) stack.pop();
    const item: Item = { level: m.level, number: m.number, marker: m.marker, heading: m.rest, body: [], line: line.no, children: [] };
    stack[stack.length - 1]!.children.push(item);
    stack.push(item);
  }
  return { title, preamble, items: root.children };
}

/** An item's own text: its heading and body, without its children. */
export const ownText = (item: Item): string => [item.heading, ...item.body.map((l) => l.text)].join('');
