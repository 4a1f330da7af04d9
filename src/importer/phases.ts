// Phases (阶段) from sections headed 阶段安排 / 实施步骤 / 时间安排 / 工作步骤 / 方法步骤: 宣传发动阶段（6月1日—
// 6月5日）, with its text on the same line or below, and its own numbered tasks if it has any.
import { readDates, type TimeContext } from '../text/time.js';
import type { Item } from './outline.js';

export interface DraftPhase { id: string; title: string; start: string; end: string; line: number; words: string }

/** A phase heading: its name (without number, dates and punctuation) and its dates. */
export function phaseOf(item: Item, index: number, ctx: TimeContext): DraftPhase | undefined {
  // 即日起至4月30日: from the day the period starts (the document's date, when the period is 自即日起).
  const from = ctx.period ? `${Number(ctx.period.start.slice(5, 7))}月${Number(ctx.period.start.slice(8, 10))}日` : undefined;
  const spell = (text: string) => (from ? text.replace(/(?:自|从)?即日起\s*(?=至|到|[—–\-~～])/, from) : text);
  const dated = (text: string) => readDates(spell(text), ctx).find((t) => t.kind === 'range' || t.kind === 'month' || t.kind === 'month-range');
  // The dates on the heading's line, or — "第一阶段：动员部署" with "时间：4月15日—4月30日" below — the next line's.
  const below = dated(item.heading) ? undefined : item.body[0] && dated(item.body[0].text);
  const heading = below ? `${item.heading.replace(/[：:]$/, '')}（${below.text}）` : item.heading;
  const range = dated(heading);
  if (!range?.start || !range.due) return undefined;
  // The name: what comes before the dates (宣传发动阶段（…）), or before a colon (第一阶段：宣传发动（…）).
  const words = spell(heading);
  let title = words.slice(0, range.index).replace(/[（(：:，,\s]+$/, '');
  if (!title) title = words.slice(range.index + range.text.length).replace(/^[）)：:，,。\s]+/, '').split(/[。，,：:；;]/)[0] ?? '';
  title = title.replace(/^第[一二三四五六七八九十]+阶段[：:\s]*/, (m) => (title.length > m.length ? '' : m)).trim();
  if (!/阶段|动员|部署|排查|整治|总结|宣传|巩固|验收|提升|准备|实施|集中|检查|自查|督查/.test(title) && title.length > 16) return undefined;
  return { id: `p${index + 1}`, title: title || `第${index + 1}阶段`, start: range.start, end: range.due, line: item.line, words: range.text };
}
