// The plan's title, organizer and year, and where its preamble starts. A plan sent inside a 印发通知
// ("关于印发《X》的通知", addressees, the office's signature) is the plan titled X below it; a title broken
// over two lines is joined; "2023—2024年度" is the year the plan starts in, and the organizer stops before it.
import { titleYear } from '../text/title-year.js';
import type { Line } from './outline.js';
import { PLAN_WORDS } from './wrapping.js';

export interface Heading {
  title: string;
  titleLine?: number;
  organizer?: string;
  year?: number;
  /** The lines after the title, before the first section: the preamble (引言). */
  preamble: Line[];
}

const TITLE_END = new RegExp(`(?:${PLAN_WORDS}|通知)$`);
/** 关于印发《X》的通知, 关于印发X的通知, 关于转发《县…关于印发X的通知》的通知: X is the plan's title. */
const NOTICE = /关于(?:印发|转发|下发|发布)(?:《(.+)》|(.+?))的通知/;
/** The 红头 above a title: "××镇人民政府文件", 文号 "×政发〔2024〕12号", 签发人, 密级 and 缓急, a lone ★. */
const BANNER = /(?:文件|简报|通报)$|[〔［[(（]\s*(?:19|20)\d{2}\s*[〕］\])）]\s*\d+\s*号|^签发人|^(?:机密|秘密|绝密|特急|加急|平急)|^[★☆\-—\s]+$|^(?:第\s*\d+\s*期)$|^\d{6}$/;

/** The plan's title inside a notice's: the innermost 《…》 or the words between 印发 and 的通知. */
function noticeTitle(text: string): string | undefined {
  const m = NOTICE.exec(text.replace(/\s/g, ''));
  if (!m) return undefined;
  let t = m[1] ?? m[2]!;
  // 转发《县安委办关于印发《X》的通知》: the plan is X.
  for (let inner = NOTICE.exec(t); inner; inner = NOTICE.exec(t)) t = inner[1] ?? inner[2]!;
  const quoted = /《([^《》]+)》/.exec(t);
  return (quoted ? quoted[1]! : t).replace(/^[^《]*《|》.*$/g, '');
}

/** The year in a title: 2020年, or the first of 2023—2024年度 (a lone 2020 without 年 is not the plan's year here). */
export function yearOf(title: string): { year: number; at: number } | undefined {
  const y = titleYear(title);
  return y && /年/.test(title.slice(y.index)) ? { year: y.year, at: y.index } : undefined;
}

/** How an office's name ends, longest first. */
const ORG_END = /(?:人民政府|党委|政府|街道办事处|安全生产委员会办公室|安全生产委员会|安委会办公室|安委会|安委办|委员会办公室|委员会|领导小组办公室|办公室|指挥部|管理局|局|街道|镇|乡|县|区|市)/g;

/**
 * The organizer of a title without a year: its opening office name (青石镇, 龙泉县安委会办公室), up to the
 * last office ending before the campaign's words; the signature's office when the title opens with it.
 */
export function organizerOf(title: string, signature?: string): string {
  const t = title.replace(/^关于/, '');
  const bare = signature?.replace(/(?:人民政府|党委|办公室|安全生产委员会|委员会|政府)$/, '');
  if (signature && t.startsWith(signature)) return signature;
  if (bare && bare.length >= 2 && t.startsWith(bare)) return bare;
  let end = 0;
  for (const m of t.slice(0, 20).matchAll(ORG_END)) {
    // Only endings that follow one another from the start: 龙泉县 + 安委会办公室, not the 乡 of 乡村振兴.
    const single = m[0].length === 1;
    if (m.index! > end + (single ? 3 : 6)) break;
    // 城镇燃气, 乡镇企业, 城乡, 乡村, 镇长: words, not offices.
    if (single && (/[城乡]/.test(t[m.index! - 1] ?? '') || /^[村镇里长]/.test(t.slice(m.index! + 1)))) break;
    end = m.index! + m[0].length;
  }
  return end >= 2 ? t.slice(0, end) : (t.split(/“|"|《/)[0] ?? '').length <= 12 ? (t.split(/“|"|《/)[0] ?? '') : '';
}

/**
 * The place an issuing office belongs to — 青石镇人民政府, 荷花镇禁毒委员会办公室, 东塘街道办事处, 龙泉县安委会办公室 —
 * is the organizer: the plan's own offices are named without it (镇派出所 → 派出所).
 */
export function placeOf(issuer: string): string {
  const m = /^(.{1,12}?(?:街道|镇|乡|县|区|市))(?=人民政府|党委|政府|办事处|[^镇乡县区市]*(?:委员会|办公室|指挥部|领导小组|管理局|局|中心|专班)$)/.exec(issuer);
  return m && !/^(?:城|乡)/.test(issuer.slice(m[1]!.length)) ? m[1]! : issuer;
}

export function headingOf(head: readonly Line[], signature?: string): Heading {
  if (head.length === 0) return { title: '', preamble: [] };
  let lines = [...head];
  // The 红头 banner and 文号 above the title are not the title.
  while (lines.length > 1 && BANNER.test(lines[0]!.text.replace(/\s/g, ''))) lines = lines.slice(1);
  // An office's name alone above the title (its own line of a 红头) is not the title either.
  if (lines.length > 1 && !TITLE_END.test(lines[0]!.text.replace(/\s/g, '')) && /(?:人民政府|委员会|办公室|指挥部|党委)$/.test(lines[0]!.text.replace(/\s/g, '')) && TITLE_END.test(lines[1]!.text.replace(/\s/g, ''))) lines = lines.slice(1);
  // A plan inside a 印发通知: the plan proper starts at its own title, below the notice.
  const notice = lines.slice(0, 8).map((l) => noticeTitle(l.text)).find(Boolean);
  if (notice) {
    // The plan's own title: the notice's X, or X with the organizer the notice left out, or a 《…》 the notice quotes.
    const quoted = lines.slice(0, 12).flatMap((l) => [...l.text.matchAll(/《([^《》]+)》/g)].map((m) => m[1]!.replace(/\s/g, '')));
    const bare = notice.replace(/\s/g, '');
    const own = lines.findIndex((l, i) => {
      const t = l.text.replace(/\s/g, '');
      return i > 0 && TITLE_END.test(t) && (t === bare || (t.endsWith(bare) && t.length - bare.length <= 16) || quoted.includes(t));
    });
    if (own >= 0) lines = lines.slice(own);
    else if (NOTICE.test(lines[0]!.text.replace(/\s/g, '')) && TITLE_END.test(notice)) {
      // The plan's own title is not repeated (a notice printed with its plan): the title is the notice's X.
      const y = yearOf(notice);
      const organizer = (y ? notice.slice(0, y.at) : (notice.split(/关于|“|"|《/)[0] ?? '')).replace(/^关于/, '').trim();
      return { title: notice, titleLine: lines[0]!.no, ...(organizer ? { organizer } : {}), ...(y ? { year: y.year } : {}), preamble: lines.slice(1) };
    }
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
  let organizer = y ? title.slice(0, y.at) : organizerOf(title, signature);
  // "关于开展2024年…的通知" — the plan issued as a notice names its issuer only in the signature.
  if (/^关于/.test(organizer)) organizer = '';
  if (!organizer && signature) organizer = signature.replace(/(?:人民政府|党委|办公室|安全生产委员会|委员会|政府)$/, '');
  organizer = placeOf(organizer);
  return {
    title,
    titleLine: lines[0]!.no,
    ...(organizer ? { organizer } : {}),
    ...(y ? { year: y.year } : {}),
    preamble: lines.slice(titleLines),
  };
}
