// The plan's own leading group (领导小组: 组长 / 副组长 / 成员, 办公室设在…) and its contact (联系人 / 联系电话),
// wherever the document puts them — a section, the preamble, or an attachment.
import type { Line } from './outline.js';

export interface DraftMember { role: string; name?: string; post?: string }
export interface DraftLeadership { office: string | null; members: DraftMember[]; line: number }
export interface DraftContact { person?: string; phone?: string; line: number }

const ROLE = /^(组\s*长|副\s*组\s*长|成\s*员|常务副组长|执行副组长)\s*(?:[：:]|\t)\s*/;
const NAME_POST = /^([\u4e00-\u9fff]{1,2}(?:\s+[\u4e00-\u9fff]{1,2})?|[\u4e00-\u9fff]{3,4})(?:\s{1,}|(?=[，,（(]))(.+)$/;
/** How a post ends: 镇长, 书记, 主任, 站长 … */
const POST_WORD = /(?:长|书记|主任|主席|委员|干事|专干|部长|局长|所长|站长|院长|校长|队长|主管)$/;
/** "镇党委书记 马立新": the post first, the name last. */
const POST_NAME = /^(.+?)\s+([\u4e00-\u9fff](?:\s?[\u4e00-\u9fff]){1,3})$/;

/** A member written "周建华  镇党委副书记、镇长" or "刘  勇  副镇长" (two-character names are padded). */
function member(role: string, text: string): DraftMember | undefined {
  const t = text.trim();
  if (!t) return undefined;
  const tokens = t.split(/\s{2,}|\t+/).filter(Boolean);
  let name: string;
  let post: string;
  if (tokens.length >= 2 && tokens[0]!.length === 1 && tokens[1]!.length <= 2 && /^[\u4e00-\u9fff]+$/.test(tokens[1]!)) {
    name = tokens[0]! + tokens[1]!;
    post = tokens.slice(2).join(' ');
  } else if (tokens.length >= 2) {
    name = tokens[0]!;
    post = tokens.slice(1).join(' ');
  } else {
    const pn = POST_NAME.exec(t);
    const m = NAME_POST.exec(t);
    if (pn && (pn[1]!.length > 4 || POST_WORD.test(pn[1]!))) [name, post] = [pn[2]!.replace(/\s+/g, ''), pn[1]!];
    else if (m) [name, post] = [m[1]!.replace(/\s+/g, ''), m[2]!.replace(/^[（(]|[）)]$/g, '')];
    else return { role, post: t };
  }
  if (!/^[\u4e00-\u9fff]{2,4}$/.test(name)) return { role, post: t };
  return { role, name, ...(post ? { post: post.replace(/^[，,]/, '').trim() } : {}) };
}

/** A person in a list: 张三, 水利站站长 邓伟, 张三（派出所所长）, 谭  颖（副镇长）. */
const isPerson = (x: string) =>
  /^[\u4e00-\u9fff]{2,4}$/.test(x) || /\s[\u4e00-\u9fff]{2,3}$/.test(x) || /^[\u4e00-\u9fff](?:\s*[\u4e00-\u9fff]){1,3}[（(]/.test(x);

/** "谭  颖（副镇长）" → "谭颖（副镇长）": a two-character name padded to the width of three. */
const unpad = (x: string) => x.replace(/^([\u4e00-\u9fff])\s+([\u4e00-\u9fff]{1,2})(?=[（(]|$)/, '$1$2');

/**
 * Who a post-and-name phrase names: "镇党委副书记、镇长胡志远" → 胡志远, 镇党委副书记、镇长; "分管副乡长刘敏" →
 * 刘敏, 分管副乡长; a post alone ("乡长") stays a post.
 */
function postAndName(role: string, text: string): DraftMember {
  const t = text.trim().replace(/同志$/, '');
  const m = /^(.*(?:长|书记|主任|主席|委员|干事|专干|部长|局长|所长|站长|院长|校长|队长|主管))([\u4e00-\u9fff]{2,3})$/.exec(t);
  if (m && !POST_WORD.test(m[2]!) && !/^(?:副|主任|书记)/.test(m[2]!)) return { role, name: m[2]!, post: m[1]! };
  return { role, post: t };
}

/** "镇党委副书记、镇长胡志远" is one person; "张三、李四" two: a piece that is only a post joins the next. */
function people(list: string): string[] {
  const out: string[] = [];
  let pending = '';
  for (const piece of list.split('、')) {
    const whole = pending ? `${pending}、${piece}` : piece;
    if (POST_WORD.test(piece) && !/负责(?:同志|人)?$/.test(piece)) pending = whole;
    else {
      out.push(whole);
      pending = '';
    }
  }
  if (pending) out.push(pending);
  return out;
}

/** Members named by their units' heads: "镇综治办、司法所、教育站负责同志" — one member per unit. */
const byUnitHeads = (who: string, role: string): DraftMember[] | undefined => {
  if (!/(?:主要|分管)?负责(?:同志|人)?$/.test(who)) return undefined;
  return who.replace(/(?:的)?(?:主要|分管)?负责(?:同志|人)?$/, '').split(/[、，,]/).filter(Boolean).map((unit) => ({ role, post: `${unit}负责人` }));
};

/**
 * People named in prose: "组长由镇党委副书记、政法委员高建军同志担任，成员由镇综治办、司法所…负责同志组成",
 * "由乡长任组长，分管副乡长任副组长，乡应急办、派出所…负责人为成员".
 */
function proseMembers(text: string): DraftMember[] {
  const out: DraftMember[] = [];
  const add = (who: string, role: string) => out.push(...(byUnitHeads(who, role) ?? people(who).map((p) => postAndName(role, p))));
  for (const clause of text.split(/[，,；;。]/)) {
    let m: RegExpExecArray | null = /(常务副组长|副组长|组长|成员)由(.+?)(?:同志)?(?:担任|兼任|组成)$/.exec(clause);
    if (m) {
      add(m[2]!, m[1]!);
      continue;
    }
    // "专班组长：乡长陆文涛；副组长：…；成员：…" — labelled lists inside the prose.
    m = /(常务副组长|副组长|组长|成员)\s*[：:]\s*(.+)$/.exec(clause);
    if (m) {
      add(m[2]!.trim(), m[1]!);
      continue;
    }
    // "由乡长任组长" / "成立以乡长为组长、分管副乡长为副组长" — one or more roles in a clause.
    const pieces = clause.split(/(?<=组长)、/);
    const roles = pieces.map((p) => /^(?:成立)?(?:以|由)?(.+?)(?:同志)?[任为](常务副组长|副组长|组长)$/.exec(p));
    if (roles.every(Boolean)) {
      for (const r of roles) add(r![1]!, r![2]!);
      continue;
    }
    // "乡综治办、派出所…负责人为成员" — and "…为成员的专项整治工作领导小组".
    m = /^(?:成立)?(?:以|由)?(.+?)(?:同志)?为(?:领导小组)?成员(?:的.*)?$/.exec(clause);
    if (m) add(m[1]!, '成员');
  }
  return out;
}

export function leadershipOf(lines: readonly Line[], fallback: readonly Line[] = []): DraftLeadership | undefined {
  return groupIn(lines) ?? groupIn(fallback);
}

function groupIn(lines: readonly Line[]): DraftLeadership | undefined {
  const members: DraftMember[] = [];
  let office: string | null = null;
  let first = 0;
  let role: string | undefined;
  for (const line of lines) {
    // A full-width space pads a name as two spaces do (彭　涛　镇市场监管所所长).
    const t = line.text.replace(/\u3000/g, '  ');
    const office1 = /办公室(?:[（(][^）)]*[）)])?设在([^，。,；;（(]+?)(?:，|。|,|；|;|（|\(|$|由|，由)/.exec(t);
    if (office1 && (first || /领导小组|指挥部|专班/.test(t))) office = office1[1]!.trim();
    const r = ROLE.exec(t);
    if (r) {
      role = r[1]!.replace(/\s+/g, '');
      first ||= line.no;
      const rest = t.slice(r[0].length);
      // 成员：张三、李四、王五 / 成员：水利站站长 邓伟、国土所所长 罗斌 / 成员：张三（派出所所长）、李四（…）
      const list = rest.split(/[、，,](?=[^、，,（）()]*(?:[（(][^）)]*[）)])?(?:[、，,]|$))/).map((x) => x.trim()).filter(Boolean);
      const heads = byUnitHeads(rest.trim(), role);
      if (list.length > 1 && list.every(isPerson)) {
        for (const x of list) members.push(member(role, unpad(x)) ?? { role, post: x });
      } else if (heads && heads.length > 1) {
        members.push(...heads);
      } else {
        const m = member(role, rest);
        if (m) members.push(m);
      }
      continue;
    }
    const continues = /^(?:[\u4e00-\u9fff]\s+[\u4e00-\u9fff]{1,2}|[\u4e00-\u9fff]{2,4})(?:\s{2,}\S|\s*[（(])/.test(t) || /^[\u4e00-\u9fff]{2,12}\s[\u4e00-\u9fff](?:\s?[\u4e00-\u9fff]){1,3}$/.test(t);
    if (role && continues && t.length <= 40 && !/[。；;]/.test(t)) {
      const m = member(role, t);
      if (m) {
        members.push(m);
        continue;
      }
    }
    role = undefined;
    if (/领导小组|工作专班|指挥部/.test(t) && /组长/.test(t)) {
      const prose = proseMembers(t);
      if (prose.length) {
        members.push(...prose);
        first ||= line.no;
      }
    }
  }
  if (members.length === 0) return undefined;
  return { office, members, line: first };
}

export function contactOf(lines: readonly Line[]): DraftContact | undefined {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // "联系人：龙  涛，" with "电话：0739-5521006" on the next line: one contact.
    const t = /联系人[^电话]*$/.test(line.text) && /^(?:联系)?电话|^手机/.test(lines[i + 1]?.text ?? '') ? `${line.text}${lines[i + 1]!.text}` : line.text;
    const person = /联系人(?:及(?:联系)?电话)?\s*[：:]\s*(?:[\u4e00-\u9fff（）()]{2,12}(?:办|所|站|局|中心|委|队|院|室|部|科|股)[\s\u3000]*)?((?:[\u4e00-\u9fff][\s\u3000]{0,3}){1,3}?[\u4e00-\u9fff])(?=\s|[；;，,。、（(]|联系|电话|手机|座机|\d|$)/.exec(t);
    // The contact's phone: after the person when one is named (a 举报电话 or 值班电话 before it is not theirs).
    const from = person ? t.slice(person.index) : t;
    const phone = /(?<![举值]报?|值班|监督|投诉|服务)(?:联系电话|电话|手机|座机)\s*[：:]?\s*((?:[（(]\d{3,4}[）)])?\d[\d\-－—]{5,}\d)/.exec(from) ?? (person ? /(1\d{10}|(?:0\d{2,3}[-－—]?)?\d{7,8})/.exec(from) : null);
    if (!person && !phone) continue;
    // A form's blank "填报人：　　联系电话：" is no contact.
    if (!person && /填报/.test(t)) continue;
    return { ...(person ? { person: person[1]!.replace(/\s+/g, '') } : {}), ...(phone ? { phone: phone[1]!.replace(/\s+/g, '') } : {}), line: line.no };
  }
  return undefined;
}
