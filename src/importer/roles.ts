// Who leads and who supports an item, as documents say it:
// - labels, on a line of their own or after ；/。 in the paragraph: 牵头单位：, 责任单位：, 主办单位：, 负责单位：
//   (lead) and 配合单位：, 协办单位：, 参与单位：, 协助单位： (support); in 责任单位：X（牵头）、Y only X leads;
// - phrases: 由X牵头，Y、Z配合 / X牵头，Y配合 / X负责，Y协助 / X牵头负责 / X牵头 / X负责;
// - otherwise the subject of the item's first sentence leads (after a short title ending in 。), and units
//   introduced by 会同 / 配合 / 协助 / 协办 support. Other units named are noted, never made leads.
import { DUE_LABEL_WORDS, IS_LEAD_LABEL, LEAD_LABEL, SUPPORT_LABEL } from './labels.js';
import { leadingUnits, unitList, unitName } from './units.js';

export type RoleSource = 'label' | 'phrase' | 'subject';

export interface Roles {
  lead: string[];
  support: string[];
  source: RoleSource;
  /** The words the roles were read from. */
  words: string;
}

/** The labels that name who leads (牵头单位, 主责单位, 责任部门 …) and who supports (配合单位, 协同单位 …). */
export { LEAD_LABEL, SUPPORT_LABEL };
/** Labels whose list names everyone responsible: under a note that the first named leads, only it does. */
const RESPONSIBLE = /^(?:(?:责任|负责|实施)(?:单位|部门|科室|股室|站所|机构)|责任主体)$/;
/** A unit's name may hold brackets: 各村（社区）, 各村（居）, X（牵头）. */
const NAME_BRACKET = '[（(](?:牵头|社区|居|村|居委会|场|站|所|中心)[）)]';
// A label's list runs to the end of its clause or the next label ("牵头：X配合：Y" in one cell, "责任单位：X　　配合单位：Y"
// on one line); units in it may be set apart by spaces (责任单位：镇派出所　镇社会事务办公室).
const LABEL = new RegExp(`(${LEAD_LABEL}|${SUPPORT_LABEL})\\s*[：:]\\s*((?:(?![\\s\\u3000]*(?:${LEAD_LABEL}|${SUPPORT_LABEL}|${DUE_LABEL_WORDS})\\s*[：:])(?:[^；;。\\n（()）：:]|${NAME_BRACKET}))*)`, 'g');

/** The note that the first unit of a list leads: （排在第一位的为牵头单位）, 第一个单位为牵头单位. */
/**
 * Units marked as leading in a list: 派出所（牵头）、镇应急办. A match starts only where a name can (the list's
 * start, after a separator or after the last mark): searched from every character, a long cell without
 * separators cost time growing with its square (4 s for 64,000 characters).
 */
export const MARKED_LEAD = /(?<=^|[、，,\n]|[（(]牵头[）)])([^、，,\n]+?)[（(]牵头[）)]/g;

export const FIRST_LEADS = /(?:排在?|排序|排名|列|位列|位于)(?:第一|首)位?的?(?:单位|部门)?(?:为|是)(?:牵头|主责|责任)|第一(?:个|位|家)?(?:单位|部门)?(?:为|是)(?:牵头|主责)|首位(?:单位|部门)?(?:为|是)(?:牵头|主责)/;

export interface RoleOptions {
  /** The document says the first unit of a list leads. */
  firstLeads?: boolean;
}

/** Labelled lists in a text: the exact lead and support. */
export function labelledRoles(text: string, organizer: string, opts: RoleOptions = {}): Roles | undefined {
  const lead: string[] = [];
  const support: string[] = [];
  const words: string[] = [];
  for (const m of text.matchAll(LABEL)) {
    const value = m[2]!.trim();
    const names = unitList(value, organizer);
    if (!names) continue;
    words.push(m[0].trim());
    if (IS_LEAD_LABEL.test(m[1]!)) {
      // 责任单位：X（牵头）、Y、Z — X leads, the others support.
      const marked = [...value.matchAll(MARKED_LEAD)].map((x) => unitName(x[1]!, organizer));
      if (marked.length) {
        lead.push(...marked);
        support.push(...names.filter((n) => !marked.includes(n)));
      } else if (opts.firstLeads && names.length > 1 && RESPONSIBLE.test(m[1]!)) {
        lead.push(names[0]!);
        support.push(...names.slice(1));
      } else lead.push(...names);
    } else support.push(...names);
  }
  if (words.length === 0) return undefined;
  return { lead: [...new Set(lead)], support: [...new Set(support)].filter((s) => !lead.includes(s)), source: 'label', words: words.join('；') };
}

/** The part of a clause before a word, if it is a list of units: "由镇应急办" → [应急办], "进家庭：乡妇联" → [妇联]. */
function unitsBefore(clause: string, organizer: string): string[] | undefined {
  // Past a colon, a full stop or an opening bracket ("…进山（乡林业站牵头"), but not the bracket of a name (各村（社区）).
  const cleaned = clause.replace(/^.*(?:[：:。]|[（(](?!(?:社区|居|村|居委会|社区、居)[）)]))/, '').replace(/^.*?(?:由|请)(?=[^由请]*$)/, '').replace(/^(?:要|并|同时|主要由|具体由)/, '').replace(ADVERBS, '').trim();
  return unitList(cleaned, organizer);
}

/** What stands between the units and 负责/牵头: 具体, 按职责分工, 分别, 共同 … */
const ADVERBS = /(?:要|应|需|须|必须|具体|主要|全面|统一|共同|分别|各自|切实|认真|依法|按照?(?:各自)?职责(?:分工)?|根据(?:各自)?职责(?:分工)?|依职责|按分工|各司其职|为主|作为牵头单位|作为责任单位)+$/;

/** "由X会同Y" / "X会同Y、Z": X leads with Y's help. */
function withPartners(before: string, organizer: string): { lead: string[]; support: string[] } | undefined {
  const m = /^(.*?)(?:会同|联合|协同|牵头会同)(.+)$/.exec(before.replace(/^.*?(?:由|请)(?=[^由请]*$)/, ''));
  if (!m) return undefined;
  const lead = unitsBefore(m[1]!, organizer);
  const support = unitList(m[2]!.replace(ADVERBS, '').trim(), organizer);
  return lead && support ? { lead, support } : undefined;
}

/** The units a clause names as helpers: "Y、Z配合" / "Y协助" before the verb, "会同Y、Z" / "协同Y" after it. */
function helpers(clause: string, organizer: string): string[] | undefined {
  const before = /^(.*?)(?:配合|协助|协办|参与|做好保障|提供保障|给予支持|予以支持|全力支持)/.exec(clause);
  if (before) {
    const names = unitList(before[1]!.replace(/^(?:由|请)/, '').replace(/(?:要|应|须)?(?:做好|积极|全力|主动|密切)+$/, ''), organizer);
    if (names) return names;
  }
  const after = /^(?:会同|协同|联合|配合)(.+)$/.exec(clause.trim());
  return after ? leadingUnits(after[1]!, organizer) : undefined;
}

/** 由X牵头，Y、Z配合 / X牵头，Y配合 / X负责，Y协助 / X牵头负责 / X牵头 / X负责: the first such phrase in the text. */
/** The clauses of an item's text but one. */
const otherClauses = (text: string, but: string): string[] => text.split(/[。；;！？，,]/).filter((c) => c !== but);

export function phraseRoles(text: string, organizer: string): Roles | undefined {
  for (const sentence of text.split(/[。；;！？]/)) {
    const clauses = sentence.split(/[，,]/);
    for (let i = 0; i < clauses.length; i++) {
      // "县住建局为责任单位" / "X是第一责任单位" / "X作为牵头单位"; "Y、Z为配合单位".
      const named = /^(?:此项工作|该项工作|本项工作)?(.{2,40}?)(?:为|是|作为)(?:第一)?(牵头|责任|主责|主办|配合|协办|协助)(?:单位|部门)/.exec(clauses[i]!.trim());
      const namedUnits = named ? unitList(named[1]!.replace(/^(?:由|请)/, ''), organizer) : undefined;
      if (named && namedUnits && !/配合|协办|协助/.test(named[2]!)) {
        // Who helps: any other clause of the item that names them so.
        const helping = otherClauses(text, clauses[i]!).flatMap((c) => {
          const h = /^(.{2,40}?)(?:为|是|作为)(?:配合|协办|协助)(?:单位|部门)/.exec(c.trim());
          return (h ? unitList(h[1]!, organizer) : /(?:配合|协助|协办|做好保障)$/.test(c.trim()) ? helpers(c.trim(), organizer) : undefined) ?? [];
        });
        return { lead: namedUnits, support: [...new Set(helping)].filter((x) => !namedUnits.includes(x)), source: 'phrase', words: clauses[i]! };
      }
      // "镇应急办会同镇市场监管所组织实施": the units before 会同 lead, those after it help.
      const together = /^(?:由|请)?(.{2,30}?)(?:要|应|将|须)?(?:会同|联合|牵头会同)(.{2,40}?)(?:共同|一起|联合)?(?:组织实施|组织开展|组织|负责|实施|开展|落实|推进|做好|抓好|督促|完成)/.exec(clauses[i]!.trim());
      if (together) {
        const lead = unitList(together[1]!.replace(ADVERBS, ''), organizer);
        const support = unitList(together[2]!.replace(ADVERBS, ''), organizer);
        if (lead && support) return { lead, support: support.filter((s) => !lead.includes(s)), source: 'phrase', words: clauses[i]! };
      }
      const m = /^(.*?)(牵头负责|牵头抓总|牵头|负责|具体组织实施|具体实施|组织实施|抓好落实|负责落实|组织落实|分工落实|共同落实)(?:[，,）)]|$|组织|实施|开展|落实|推进|抓好|做好|督促|指导|协调)/.exec(clauses[i]!);
      if (!m) continue;
      const partners = withPartners(m[1]!, organizer);
      const lead = partners?.lead ?? unitsBefore(m[1]!, organizer);
      if (!lead) continue;
      if (partners) return { lead, support: partners.support.filter((s) => !lead.includes(s)), source: 'phrase', words: clauses[i]! };
      // The next clause may name who helps: "Y、Z配合" / "Y协助".
      const next = clauses[i + 1] ?? '';
      const support = helpers(next, organizer);
      // "X负责" (and "X组织实施") alone is a lead only where it stands as the clause's whole verb: "X负责，Y协助",
      // "由X负责", "X、Y按职责分工负责".
      if ((m[2] === '负责' || /实施$|落实$/.test(m[2]!)) && !support && !/由/.test(m[1]!) && !ADVERBS.test(m[1]!) && m[0].length < clauses[i]!.length && !/[，,]$/.test(m[0])) continue;
      // "X负责，重点查处…，Y协助": a helper named later in the item helps too.
      const later = support ? [] : otherClauses(text, clauses[i]!).flatMap((c) => (/(?:配合|协助|协办|做好保障|提供保障)$/.test(c.trim()) ? (helpers(c.trim(), organizer) ?? []) : []));
      return {
        lead,
        support: [...(support ?? []), ...later].filter((s, k, all) => !lead.includes(s) && all.indexOf(s) === k),
        source: 'phrase',
        words: support ? `${clauses[i]}，${next}` : clauses[i]!,
      };
    }
  }
  return undefined;
}

/** A short title at the start of an item ("安全宣讲进企业。", "进企业："): not its first sentence. */
const SHORT_TITLE = /^[^。；;，,：:]{2,20}[。：:]/;

/**
 * The subject of the item's first sentence: the units a clause of it starts with ("6月下旬，各村（社区）、镇直
 * 各单位要…", "镇派出所要…", "一是进学校，镇教育站组织…"); those introduced by 会同/配合/协助/协办 in the
 * item's text support.
 */
export function subjectRoles(text: string, organizer: string): Roles | undefined {
  // "乡派出所：负责…" — work divided by unit: the unit before the colon leads.
  const byUnit = /^([^。；;，,：:]{2,24})[：:]/.exec(text);
  const named = byUnit ? unitList(byUnit[1]!, organizer) : undefined;
  if (named) return { lead: named, support: [], source: 'subject', words: byUnit![0] };
  const body = text.replace(SHORT_TITLE, '');
  // A title with nothing after it ("乡中心学校组织开展安全教育。") is the item's one sentence.
  const first = (body.trim() ? body : text).split(/[。；;！？]/)[0] ?? '';
  let lead: string[] | undefined;
  let words = '';
  for (const clause of first.split(/[，,]/)) {
    const candidate = leadingUnits(clause.trim(), organizer);
    // "镇安监站配合，…" names a helper, not the subject.
    if (candidate && /(?:配合|协助|协办|参与)$/.test(clause.trim())) continue;
    if (candidate) {
      lead = candidate;
      words = clause;
      break;
    }
    // Past a time or a short opening (6月下旬，… / 一是进学校，…) the subject may still come; past a verb it does not.
    if (!(/\d|月|日|期间|前后|之前|之后|当天|届时/.test(clause) || clause.trim().length <= 8)) break;
  }
  if (!lead) return undefined;
  const support: string[] = [];
  for (const m of text.matchAll(/(?:会同|协同)([^，,。；;]+)/g)) support.push(...(leadingUnits(m[1]!, organizer) ?? []));
  for (const m of text.matchAll(/(?:^|[，,。；;])([^，,。；;]+?)(?:配合|协助|协办)/g)) {
    const names = unitList(m[1]!.replace(/^(?:由|请|同时|并)/, ''), organizer);
    if (names) support.push(...names);
  }
  return { lead, support: [...new Set(support)].filter((s) => !lead!.includes(s)), source: 'subject', words };
}

