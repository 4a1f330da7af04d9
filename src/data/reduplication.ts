// What doubling is a slip and what is Chinese (text/repeated), as data: each list is tested form by form
// in test/reduplication.test.ts.

/**
 * Two-character words that Chinese doubles on purpose: verbs ("研究研究", "let's look into it") and
 * vivid adjectives ("雪白雪白"). Doubled, they are a slip only after a noun-making word
 * ("宣传活动活动"), never after a subject or a modal ("出去活动活动", "要研究研究").
 */
export const REDUPLICABLE_WORDS: ReadonlySet<string> = new Set([
  '研究', '讨论', '学习', '商量', '考虑', '休息', '打扫', '整理', '检查', '交流', '锻炼', '活动', '准备', '收拾',
  '介绍', '了解', '放松', '比较', '体验', '认识', '思考', '练习', '清理', '分析', '总结', '沟通', '琢磨', '打听',
  '溜达', '散步', '聊聊', '联系', '调查', '观察', '试验', '尝试', '反思', '修理', '梳理', '核实', '提醒', '关心',
  '雪白', '通红', '冰凉', '笔直', '火热', '漆黑', '碧绿', '金黄', '滚烫', '蜡黄', '瓦蓝', '乌黑', '粉红',
]);

/** Words before a doubled verb that make it a noun, so that the doubling is a slip. */
export const NOUN_MAKERS: readonly string[] = ['宣传', '教育', '专题', '主题', '系列', '各项', '开展', '进行', '组织', '举办', '相关', '有关', '的', '等', '和', '与', '及', '项', '类'];

/**
 * Single characters — particles, prepositions, conjunctions — that are never reduplicated: 的的, 了了,
 * 在在 … are a slip. Nouns, measure words, adverbs and verbs that Chinese does double (人人, 个个, 天天,
 * 常常, 看看) are not listed, so they stay silent.
 *
 * Such a character still appears twice in a row where two words meet, and in a few set phrases; for each:
 * - `before`: words that end with it — the first of the two belongs to them (目的|的, 参与|与, 现在|在建);
 * - `alone`: whether it can then stand on its own after such a word (目的的关键: yes; 着眼于于长远: no);
 * - `after`: words that start with it — the second belongs to them (作为|为民, 合并|并入, 为了|了解).
 */
export interface SingleChar { before: readonly string[]; alone: boolean; after: readonly string[] }

export const NEVER_DOUBLED: Readonly<Record<string, SingleChar>> = {
  的: { before: ['目的', '有的', '别的', '似的', '是的', '真的', '好的', '对的'], alone: true, after: ['的确', '的士'] },
  了: { before: ['为了', '除了', '罢了', '算了', '不了', '得了', '极了'], alone: false, after: ['了解', '了结', '了却', '了如指掌', '了不起'] },
  在: { before: ['现在', '正在', '存在', '所在', '实在', '好在', '内在', '外在', '自在', '潜在', '旨在', '意在', '重在', '贵在', '难在', '关键在'], alone: true, after: ['在建', '在岗', '在职', '在校', '在编', '在册', '在押', '在逃', '在场', '在线', '在家', '在位', '在外', '在内', '在于', '在意'] },
  和: { before: ['平和', '温和', '缓和', '调和', '祥和'], alone: true, after: ['和平', '和谐', '和睦', '和解', '和美'] },
  是: { before: ['实事求是', '就是', '但是', '还是', '总是', '都是', '正是', '凡是', '若是', '要是', '可是', '于是', '只是', '而是', '不是', '也是', '即是', '算是', '硬是', '倒是', '或是', '尤其是', '特别是'], alone: true, after: ['是否', '是非'] },
  对: { before: ['面对', '针对', '应对', '相对', '绝对', '反对', '核对', '比对', '校对', '查对', '配对', '一对'], alone: true, after: ['对象', '对手', '对接', '对照', '对策', '对比', '对口', '对话', '对外', '对待', '对应', '对岸'] },
  将: { before: ['即将', '必将', '终将', '行将', '老将', '主将', '大将'], alone: true, after: ['将来', '将近', '将要'] },
  并: { before: ['合并', '兼并', '吞并', '归并'], alone: true, after: ['并入', '并且', '并重', '并举', '并行', '并网', '并列', '并存', '并非', '并不'] },
  与: { before: ['参与', '给与', '赋与', '授与'], alone: true, after: ['与会', '与其', '与否'] },
  及: { before: ['以及', '涉及', '普及', '波及', '危及', '顾及', '论及', '提及', '不及', '来不及', '触及'], alone: false, after: ['及时', '及早', '及格', '及其'] },
  把: { before: ['一把'], alone: true, after: ['把关', '把握', '把手', '把控', '把脉'] },
  被: { before: [], alone: false, after: ['被子', '被褥', '被单', '被告', '被动'] },
  为: { before: ['作为', '认为', '成为', '因为', '行为', '以为', '称为', '视为', '无为', '有为', '大有可为', '更为', '较为', '最为', '极为', '尤为', '甚为', '颇为', '广为', '转为', '改为', '分为', '列为', '定为', '评为', '选为'], alone: false, after: ['为民', '为人', '为止', '为主', '为此', '为首', '为期', '为难', '为何', '为重', '为先', '为本'] },
  于: { before: [], alone: false, after: ['于是', '于今'] },
};

/**
 * Set phrases that hold a doubled character: idioms (不了了之), and the 一XX of a measure word
 * (一把把, 一个个, 一对对). AABB words (的的确确, 和和美美, 家家户户) are recognised by their shape.
 */
export const SET_PHRASES: readonly string[] = ['不了了之', '了了分明', '心中了了', '一把把', '一对对', '是是非非', '对对碰'];
