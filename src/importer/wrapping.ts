// What wraps a plan: a 印发通知 or 转发通知 cover (红头 banner, 文号, addressees, a few lines of notice,
// 附件：1．…方案 2．…分工表, signature and date) with the plan as 附件1 and its 任务分工表 as 附件2, or the
// files of one import (the notice, the plan, the table as a spreadsheet). The document is cut at its
// 附件 pages and its files; the plan is the part its organizer issues as a 方案/计划 with numbered items,
// the parts before it are its cover, and those after it its attachments. Pure.
import type { Block, Para, TableBlock } from './document.js';
import { ISSUED_DATE, markerOf } from './outline.js';

export interface Part { blocks: Block[]; startsWith?: string }

export interface Unwrapped {
  /** The plan's own blocks, followed by its attachments (an 附件 line before each). */
  blocks: Block[];
  /** The cover's paragraphs, when the plan came inside one: its notice title, signature and date. */
  cover: Para[];
}

/** A line that starts an attachment page: "附件1", "附件 2：", "附件二" — alone, or before the attachment's title. */
const ATTACHMENT_PAGE = /^附\s*(?:件|表)?\s*(?:\d{1,2}|[一二三四五六七八九十])?\s*[：:]?\s*$/;

/** A plan's title: how plans end. */
export const PLAN_WORDS = '方案|计划|安排|意见|办法|实施细则|工作要点';
export const PLAN_TITLE = new RegExp(`(?:${PLAN_WORDS})$`);

/** A part's own title: a plan, or a table of the work (任务分工表, 责任清单). */
const PART_TITLE = /(?:方案|计划|实施细则|工作要点|分工表|分解表|任务清单|责任清单|任务表|台账)$/;

/** A block that starts a part of its own: a title after a notice's date, or a title heading a new page. */
function startsPart(b: Block, before: Block | undefined): boolean {
  if (b.kind !== 'para' || !before || b.text.length > 48 || !PART_TITLE.test(b.text.replace(/\s/g, ''))) return false;
  // After the 成文日期 that ends a notice.
  if (before.kind === 'para' && ISSUED_DATE.test(before.text)) return true;
  return b.page !== undefined && before.page !== undefined && b.page !== before.page && !markerOf(b.text);
}

/** The cuts: at a new file, at a line that starts an attachment page, and at a title that starts a new part. */
export function partsOf(blocks: readonly Block[]): Part[] {
  const parts: Part[] = [{ blocks: [] }];
  let file = blocks[0]?.file;
  let before: Block | undefined;
  for (const b of blocks) {
    const page = b.kind === 'para' && ATTACHMENT_PAGE.test(b.text);
    if ((b.file !== file || page || startsPart(b, before)) && parts.at(-1)!.blocks.length) parts.push({ blocks: [] });
    file = b.file;
    before = b;
    if (page) {
      parts.at(-1)!.startsWith = (b as Para).text;
      continue;
    }
    parts.at(-1)!.blocks.push(b);
  }
  return parts.filter((p) => p.blocks.length || p.startsWith);
}

/** How many numbered section lines a part has: a plan has several, a cover or a form few. */
const numbered = (part: Part): number => part.blocks.filter((b) => b.kind === 'para' && (markerOf(b.text)?.level ?? 9) <= 2).length;

/** A part's title: among its first lines, the one that reads as a title. */
export function partTitle(part: Part): string | undefined {
  const firsts = part.blocks.slice(0, 8).filter((b): b is Para => b.kind === 'para');
  return firsts.find((b) => PLAN_TITLE.test(b.text.replace(/\s/g, '')) || /^关于.+的通知$/.test(b.text.replace(/\s/g, '')))?.text.replace(/\s/g, '');
}

const isNotice = (title: string | undefined): boolean => !!title && /的通知$/.test(title);

/**
 * The plan among the parts: the first part titled as a plan with numbered items (a notice's own numbered
 * points do not make it the plan when a plan follows), else the part with the most numbered lines.
 */
export function unwrap(blocks: readonly Block[]): Unwrapped {
  const parts = partsOf(blocks);
  if (parts.length <= 1) return { blocks: [...blocks], cover: [] };
  const scored = parts.map((p, i) => ({ i, title: partTitle(p), n: numbered(p) }));
  const plan = scored.find((s) => s.title && !isNotice(s.title) && s.n >= 2) ?? scored.reduce((a, b) => (b.n > a.n ? b : a));
  if (plan.i === 0 && parts.length > 1 && !parts.slice(1).some((p) => p.blocks.some((b) => b.kind === 'table' || b.kind === 'para'))) {
    return { blocks: [...blocks], cover: [] };
  }
  const cover = parts.slice(0, plan.i).flatMap((p) => p.blocks.filter((b): b is Para => b.kind === 'para'));
  const out: Block[] = [...parts[plan.i]!.blocks];
  for (const p of parts.slice(plan.i + 1)) {
    const first = p.blocks[0];
    // Each later part is an attachment of the plan: the outline sets them apart by their 附件 line.
    out.push({ kind: 'para', no: first?.no ?? 0, text: p.startsWith ?? '附件', ...(first?.file ? { file: first.file } : {}) });
    out.push(...p.blocks);
  }
  // The cover's tables (a 分工表 printed with the notice) are the plan's attachments too.
  const coverTables = parts.slice(0, plan.i).flatMap((p) => p.blocks.filter((b): b is TableBlock => b.kind === 'table'));
  if (coverTables.length) out.push({ kind: 'para', no: coverTables[0]!.no, text: '附件' }, ...coverTables);
  return { blocks: out, cover };
}
