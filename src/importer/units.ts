// Units as documents name them: what is a unit (派出所, 镇应急办, 各村（社区）, 县应急管理局) and what is only a
// phrase about the work (对辖区学校, 向群众), the organizer's own offices without its prefix (in a 镇 plan,
// 镇应急办 = 应急办), and the plan's unit list, each unit remembering where it was first named.
import { KNOWN_UNITS } from '../data/units.js';

export interface DraftUnit { id: string; name: string; external?: boolean; line: number; note: string }

/** Group units: every village, every station, every department. */
const GROUP = /^(?:各(?:行政)?村(?:[（(](?:社区|居|居委会|社区、居)[)）]|、社区|居委会|居委会)?|各(?:村居|村社|居委会)|各社区|各站所|各单位|各部门|各有关(?:部门|单位)(?:和单位)?|各村委会|各村[（(]居[)）]委会|各村民委员会|各居委会|各(?:有关)?责任单位|各牵头单位|各主责单位|各协办单位|各配合单位|各协同单位|各相关(?:部门|单位)|各职能部门|各成员单位|各有关成员单位|各中小学校?|各学校|各企业|各企事业单位|各乡镇(?:[（(]街道[)）])?|各乡[（(]镇[)）]|各镇[（(]街道[)）]|各街道|[镇乡]直(?:机关)?各(?:单位|部门)|各(?:镇|乡)直(?:机关)?(?:单位|部门)|街道直各(?:单位|部门))$/;

/** How a unit's name ends. */
const SUFFIX = /(?:派出所|村委会|居委会|[所站办局院队委室部庭]|中心|学校|小学|中学|中心校|完小|幼儿园|公司|工会|团委|妇联|委员会|办公室|指挥部|大队|中队|支队|分局|协会|银行|政府|领导小组|卫生院|医院)$/;

/** Words that start a phrase about the work, not a unit: 对辖区学校, 向群众, 在镇文化广场. */
const NOT_UNIT_START = /^(?:对|向|在|把|将|与|和|及|为|从|以|于|按|由|报(?!社|刊)|提高|提升|增强|强化|推进|推动|促进|加快|保障|确保|坚持|严格|严厉|全力|切实|进一步|着力|不断|主动|认真|深化|优化|规范|完善|引导|教育|动员|鼓励|帮助|经(?![发管济信])|必须|立即|及时|组织|开展|深入|加强|督促|指导|做好|落实|利用|通过|结合|围绕|针对|重点|全[镇乡县]|辖区|本|该|其|各类|有关|相关|邀请|传达|劝阻|协调|配合|会同|聘请|联合|召开|参加|学习|贯彻|要求|确保|建立|完善|推动|依托|发挥|成立|设立|明确|印发|制定|上报|报送)/;

const KNOWN = new Map<string, string>();
for (const u of KNOWN_UNITS) for (const n of u.names) KNOWN.set(n, u.id);

/** The organizer's kind of township: 镇 or 乡 (the prefix its own offices carry). */
export function townKind(organizer: string): '镇' | '乡' | '街道' | undefined {
  const m = /([镇乡]|街道)(?:办事处)?$/.exec(organizer);
  return m ? (m[1] as '镇' | '乡' | '街道') : undefined;
}

/**
 * A unit's name as the plan keeps it: trimmed of list words (等, 等单位), quotes and brackets around it,
 * the organizer's name, and the 镇/乡 of the organizer's own offices (镇应急办 → 应急办, 乡村建所 → 村建所);
 * group units keep theirs (镇直各单位).
 */
export function unitName(raw: string, organizer: string): string {
  let s = raw.trim().replace(/^[“"「『]|[”"」』]$/g, '').replace(/(?:等单位|等部门|等)$/, '').replace(/负责(?:同志|人)?$/, '').trim();
  if (organizer && s.startsWith(organizer) && s.length > organizer.length) s = s.slice(organizer.length);
  const kind = townKind(organizer);
  if (kind && s.startsWith(kind) && !/^[镇乡]直|^街道直/.test(s) && s.length > kind.length + 1 && !GROUP.test(s)) s = s.slice(kind.length);
  return s;
}

/** Words inside a phrase about the work that no unit's name has: 进校园, 开展, 知识. */
const NOT_UNIT_INSIDE = /(?:所|站|办|局|队|委|中心|学校)(?:在|到|对|向|于|从|把|将)|报(?!社|刊)|上午|下午|干部|群众|进(?!出)|开展|知识|活动|排查|整治|培训|演练|落实|加强|宣讲|检查|巡查|集中|全面|专项|组织(?!部)|会同|负责|要求|[要并和及与或对的\d：:]/;

/** Whether a name (after unitName) is a unit: a known one, a group unit, or a name that ends like one. */
export function isUnit(name: string): boolean {
  if (!name || name.length > 24) return false;
  if (KNOWN.has(name) || GROUP.test(name)) return true;
  if (NOT_UNIT_START.test(name) || /[，。；：、\s“”"]/.test(name)) return false;
  // County and higher bodies have long names (县公安局交警大队龙泉中队); a township's own are short.
  const county = /^(?:县(?!城)|市(?!场|政|容)|省)/.test(name);
  if (/^\d/.test(name) || (!county && (name.length > 10 || NOT_UNIT_INSIDE.test(name)))) return false;
  // A village by its name (大湾村, 石板村): three characters or more, not a word about villages (农村, 乡村).
  if (/^[\u4e00-\u9fff]{2,4}(?:村|社区|居委会)$/.test(name) && !/^(?:农|乡|山|本|全|该|各|每|进|驻|包|行政|自然|贫困|留守|示范|美丽|重点|边远)|[各期间后前内中时月日年周汛]/.test(name)) return true;
  return SUFFIX.test(name) && name.length >= 2;
}

/**
 * The units a text starts with: its longest beginning that is a list of units ("镇应急办汇总后…" → [应急办],
 * "各村（社区）、镇直各单位要…" → both). Undefined when it starts with none.
 */
export function leadingUnits(text: string, organizer: string): string[] | undefined {
  const t = text.replace(/^(?:同时|并|另外|此外|其中|由|请)/, '');
  for (let end = Math.min(t.length, 40); end >= 2; end--) {
    // Cut only where a name can end: after a unit's last character, or a closing bracket.
    if (!/[所站办局院队委室部庭心校园司会联府组）)位门区村]$/.test(t.slice(0, end))) continue;
    const list = unitList(t.slice(0, end), organizer);
    if (list) return list;
  }
  return undefined;
}

/** A written list of units (X、Y和Z) as its names; undefined when any part is not a unit. */
export function unitList(text: string, organizer: string): string[] | undefined {
  const parts = text
    .replace(/（牵头）|\(牵头\)/g, '')
    // X、Y, X和Y, X Y (a table cell), and names run together where a line break was lost (乡派出所乡中心学校).
    .split(/[、，,/\s\u3000]+|(?<=[所站办局院队委室部])(?:和|及|与)|(?<=[所站办局院队委室部校心])(?=[乡镇]|各|街道)/)
    .map((p) => unitName(p, organizer))
    .filter((p) => p !== '');
  if (parts.length === 0 || !parts.every(isUnit)) return undefined;
  return [...new Set(parts)];
}

/** The plan's units: one id per unit, the built-in id for a known one, the name itself for another. */
export class UnitRegistry {
  readonly units: DraftUnit[] = [];
  private readonly byName = new Map<string, string>();

  constructor(private readonly organizer: string) {}

  /** The id of a unit named in the document, adding it to the plan the first time it is named (`note` says where). */
  add(raw: string, line: number, note: string, external = false): string {
    const name = unitName(raw, this.organizer);
    const known = this.byName.get(name);
    if (known) return known;
    // Two names of one kind (市场所 and 市场监管所, 各有关部门 and 各部门) in one plan are one unit: the first name stays.
    const builtIn = KNOWN.get(name);
    if (builtIn && this.units.some((u) => u.id === builtIn)) {
      this.byName.set(name, builtIn);
      return builtIn;
    }
    const county = /^(?:县(?!城)|市(?!场|政|容)|省)/.test(name);
    // The county's safety office, which most township plans report to, keeps the id plans have always used.
    const id = builtIn ?? (county && /县.*(?:安委|应急|安全生产)/.test(name) && !this.units.some((u) => u.id === 'county-office') ? 'county-office' : name);
    this.byName.set(name, id);
    this.units.push({ id, name, ...(external || county ? { external: true } : {}), line, note });
    return id;
  }

  nameOf(id: string): string {
    return this.units.find((u) => u.id === id)?.name ?? id;
  }
}
