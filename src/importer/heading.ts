// The plan's title, organizer and year, and where its preamble starts. A plan sent inside a 印发通知
// ("关于印发《X》的通知", addressees, the office's signature) is the plan titled X below it; a title broken
// over two lines is joined; "2023—2024年度" is the year the plan starts in, and the organizer stops before it.
import { titleYear } from '../text/title-year.js';
import type { Line } from './outline.js';

export interface Heading {
  title: string;
  titleLine?: number;
  organizer?: string;
  year?: number;
  /** The lines after the title, before the first section: the preamble (引言). */
  preamble: Line[];
}

const TITLE_END = /(?:方案|计划|安排|意见|办法|通知|实施细则)$/;
const NOTICE = /关于印发《(.+?)》的通知/;

/** The year in a title: 2020年, or the first of 2023—2024年度 (a lone 2020 without 年 is not the plan's year here). */
export function yearOf(title: string): { year: number; at: number } | undefined {
  const y = titleYear(title);
  return y && /年/.test(title.slice(y.index)) ? { year: y.year, at: y.index } : undefined;
}

export function headingOf(head: readonly Line[], signature?: string): Heading {
  if (head.length === 0) return { title: '', preamble: [] };
  let lines = [...head];
  // A plan inside a 印发通知: the plan proper starts at its own title, below the notice.
  const notice = lines.slice(0, 8).map((l) => NOTICE.exec(l.text)).find(Boolean);
  if (notice) {
    const own = lines.findIndex((l, i) => i > 0 && l.text.replace(/\s/g, '') === notice[1]!.replace(/\s/g, ''));
    if (own >= 0) lines = lines.slice(own);
  }
  let titleLines = 1;
  let title = lines[0]!.text;
  // A title broken over two lines: the first does not end as a title does, the second is short and does.
  while (titleLines < 3 && !TITLE_END.test(title) && lines[titleLines] && lines[titleLines]!.text.length <= 24 && TITLE_END.test(lines[titleLines]!.text)) {
    title += lines[titleLines]!.text;
    titleLines++;
  }
  title = title.replace(/\s+/g, '');
  const y = yearOf(title);
  let organizer = y ? title.slice(0, y.at) : (title.split(/关于|“|"|《/)[0] ?? '');
  organizer = organizer.replace(/^关于/, '').trim();
  if (!organizer && signature) organizer = signature.replace(/(?:人民政府|党委|办公室|安全生产委员会|委员会|政府)$/, '');
  return {
    title,
    titleLine: lines[0]!.no,
    ...(organizer ? { organizer } : {}),
    ...(y ? { year: y.year } : {}),
    preamble: lines.slice(titleLines),
  };
}
