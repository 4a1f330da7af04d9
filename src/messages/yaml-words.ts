// The YAML reader's (eemeli/yaml's) error sentences as the clerk reads them. The reader says each in English
// with a code; one code covers several mistakes (MISSING_CHAR is a missing quote, a missing comma, a key with
// no colon …), so the words and the hint go by the sentence, and by the code only when the sentence is new.
// The sentence itself stays in the finding's data (detail) for scripts; a Chinese message never shows it.

type Words = { zh: string; hint?: { zh: string; en: string } };

const QUOTE_IT = { zh: '如是文字，请给整个值加上引号', en: 'if it is text, put the whole value in quotes' };
const KEY_LINE = { zh: '键必须写在一行内；冒号后是否缺少空格？', en: 'a key must fit on one line; is a colon missing a space after it?' };
const INDENT = { zh: '请对照上下文检查本行缩进', en: 'check the indentation of this line against the lines above' };
const CLOSE = { zh: '缺少右括号或右引号', en: 'a closing bracket or quote is missing' };
const BLOCK_TEXT = { zh: '多行文本写作“键: |”或“键: >”，其后各行比键多缩进', en: 'write a multi-line text as "key: |" or "key: >" with its lines indented more than the key' };

/** A flow collection by its name in the reader's sentence. */
const flowName = (s: string): string => (/map/i.test(s) ? '花括号{}' : /seq/i.test(s) ? '方括号[]' : '括号');

/** The reader's sentences, most specific first: a pattern and what it says in Chinese, with the hint in both languages. */
const SENTENCES: [RegExp, (m: RegExpExecArray) => Words][] = [
  [/^Tabs are not allowed as indentation/, () => ({ zh: '不能用制表符缩进', hint: { zh: '请用空格缩进，不要用制表符', en: 'indent with spaces, not tabs' } })],
  [/^Source contains multiple documents/, () => ({ zh: '文件中有不止一个 YAML 文档', hint: { zh: '一个方案只能有一个 YAML 文档：请删除“---”行', en: 'a plan is one YAML document: remove the "---" line' } })],
  [/^Unresolved alias \(the anchor must be set before the alias\): (.*)$/, (m) => ({ zh: `别名 *${m[1]} 之前没有锚点 &${m[1]}`, hint: { zh: `以 * 开头的值是 YAML 别名，锚点须写在它之前；${QUOTE_IT.zh}`, en: `a value starting with * is a YAML alias; ${QUOTE_IT.en}` } })],
  [/^Plain value cannot start with reserved character (.*)$/, (m) => ({ zh: `不加引号的值不能以保留字符 ${m[1]} 开头`, hint: QUOTE_IT })],
  [/^Plain value cannot start with (.*)$/, (m) => ({ zh: `不加引号的值不能以 ${m[1]} 开头`, hint: QUOTE_IT })],
  [/^Unknown directive (.*)$/, (m) => ({ zh: `未知的指令 ${m[1]}`, hint: { zh: '以 % 开头的行是 YAML 指令，方案不需要：请删除这一行', en: 'a line starting with % is a YAML directive, which a plan needs none of: remove that line' } })],
  [/^Unsupported YAML version (.*)$/, (m) => ({ zh: `不支持的 YAML 版本 ${m[1]}`, hint: { zh: '请删除以 %YAML 开头的行', en: 'remove the line starting with %YAML' } })],
  [/^%(?:TAG|YAML) directive should contain/, () => ({ zh: '指令行（%）的写法有误', hint: { zh: '方案不需要指令：请删除以 % 开头的行', en: 'a plan needs no directives: remove the line starting with %' } })],
  [/^Missing closing (["'])quote/, (m) => ({ zh: `缺少右引号 ${m[1]}`, hint: { zh: '引号必须成对：值中的引号请改用另一种引号', en: 'quotes come in pairs: write a quote inside the value as the other kind of quote' } })],
  [/^Implicit map keys need to be followed by map values/, () => ({ zh: '键后面缺少冒号和值', hint: { zh: '每一项都写作“键: 值”，冒号后有空格；也请检查上一行的缩进', en: 'write each entry as "key: value", with a space after the colon; check the indentation of the line above too' } })],
  [/^All mapping items must start at the same column/, () => ({ zh: '同一层的键必须从同一列开始', hint: INDENT })],
  [/^All sequence items must start at the same column/, () => ({ zh: '同一列表的各项（“- ”）必须从同一列开始', hint: INDENT })],
  [/^A block sequence may not be used as an implicit map key/, () => ({ zh: '列表不能用作键', hint: KEY_LINE })],
  [/^Nested mappings are not allowed in compact mappings/, () => ({ zh: '一行中不能有两个“键: 值”', hint: KEY_LINE })],
  [/^Implicit keys (?:of flow sequence pairs )?need to be on a single line/, () => ({ zh: '键必须写在一行内', hint: { zh: '冒号后是否缺少空格？', en: KEY_LINE.en } })],
  [/^The : indicator must be at most 1024 chars/, () => ({ zh: '键不能超过 1024 个字符', hint: KEY_LINE })],
  [/^Map keys must be unique/, () => ({ zh: '同一层中的键不能重复' })],
  [/^Invalid escape sequence (.*)$/, (m) => ({ zh: `双引号中的转义 ${m[1]} 无效`, hint: { zh: '双引号中的反斜杠是转义符；请改用单引号或写成 \\\\', en: 'a backslash in double quotes starts an escape; use single quotes or write \\\\' } })],
  [/^Missing , between (.*) items/, (m) => ({ zh: `${flowName(m[1]!)}中的各项之间缺少逗号`, hint: CLOSE })],
  [/^Missing , or : between (.*) items/, (m) => ({ zh: `${flowName(m[1]!)}中的各项之间缺少逗号或冒号`, hint: CLOSE })],
  [/^Missing space after : in (.*)$/, (m) => ({ zh: `${flowName(m[1]!)}中的冒号后缺少空格` })],
  [/^Unexpected , in (.*)$/, (m) => ({ zh: `${flowName(m[1]!)}中有多余的逗号` })],
  [/^Unexpected empty item in (.*)$/, (m) => ({ zh: `${flowName(m[1]!)}中有一个空项（两个逗号之间没有内容）` })],
  [/^(Flow \w+) must end with a (.)/, (m) => ({ zh: `${flowName(m[1]!)}缺少结尾的 ${m[2]}`, hint: CLOSE })],
  [/^(Flow \w+) in block collection must be sufficiently indented and end with a (.)/, (m) => ({ zh: `${flowName(m[1]!)}须比它的键缩进更多，并以 ${m[2]} 结尾`, hint: CLOSE })],
  [/^Insufficient indentation in flow collection/, () => ({ zh: '括号中的内容缩进不足', hint: INDENT })],
  [/^Flow end indicator should be more indented than parent/, () => ({ zh: '右括号须比它的键缩进更多', hint: INDENT })],
  [/^Block collections are not allowed within flow collections/, () => ({ zh: '括号中不能使用分行写法（“- ”或“键: 值”各占一行）的列表或映射' })],
  [/^Comments must be separated from other tokens by white space/, () => ({ zh: '注释的 # 前须有空格', hint: QUOTE_IT })],
  [/^Tags and anchors must be separated from the next token by white space/, () => ({ zh: '标签（!）或锚点（&）后须有空格', hint: QUOTE_IT })],
  [/^A node can have at most one anchor/, () => ({ zh: '一个值最多只能有一个锚点（&）', hint: QUOTE_IT })],
  [/^A node can have at most one tag/, () => ({ zh: '一个值最多只能有一个标签（!）', hint: QUOTE_IT })],
  [/^Anchors and tags must be after the (.*) indicator/, (m) => ({ zh: `锚点（&）和标签（!）须写在 ${m[1]} 之后`, hint: QUOTE_IT })],
  [/^(?:Alias|Anchor) cannot be an empty string/, () => ({ zh: '& 或 * 后面缺少名字', hint: QUOTE_IT })],
  [/^(?:Alias|Anchor) ending in : is ambiguous/, () => ({ zh: '锚点或别名的名字不能以冒号结尾', hint: QUOTE_IT })],
  [/^Anchor must not contain whitespace or control characters/, () => ({ zh: '锚点的名字不能含空格或控制字符', hint: QUOTE_IT })],
  [/^An alias node must not specify any properties/, () => ({ zh: '别名（*）不能带标签或锚点', hint: QUOTE_IT })],
  [/^Sequence item without - indicator/, () => ({ zh: '列表项缺少“- ”', hint: INDENT })],
  [/^Block scalar header includes extra characters: (.*)$/, (m) => ({ zh: `多行文本标记（| 或 >）后有多余的字符 ${m[1]}`, hint: BLOCK_TEXT })],
  [/^Block scalar lines must not be less indented/, () => ({ zh: '多行文本（| 或 >）的各行缩进不能少于第一行', hint: BLOCK_TEXT })],
  [/^Block scalar values in collections must be indented/, () => ({ zh: '多行文本（| 或 >）的各行须比键缩进更多', hint: BLOCK_TEXT })],
  [/^Block scalars with more-indented leading empty lines/, () => ({ zh: '多行文本开头的空行比正文缩进更多时，须写明缩进数（如 |2）', hint: BLOCK_TEXT })],
  [/^Block scalar header not found|^Unexpected token in block scalar header/, () => ({ zh: '多行文本标记（| 或 >）的写法有误', hint: BLOCK_TEXT })],
  [/^Missing directives-end(?:\/doc-start)? indicator line/, () => ({ zh: '指令行（%）后缺少“---”行', hint: { zh: '方案不需要指令：请删除以 % 开头的行', en: 'a plan needs no directives: remove the line starting with %' } })],
  [/^Block collection cannot start on same line with directives-end marker/, () => ({ zh: '“---”所在的行不能开始列表或映射', hint: { zh: '请删除“---”行', en: 'remove the "---" line' } })],
  [/^Unexpected doc-end without preceding document/, () => ({ zh: '“...”之前没有文档', hint: { zh: '请删除“...”行', en: 'remove the "..." line' } })],
  [/^Expected a flow scalar value/, () => ({ zh: '此处应为一个值' })],
  [/^Unexpected .* at node end/, () => ({ zh: '值后面有多余的内容', hint: { zh: '此处有多余的内容', en: 'unexpected text here' } })],
  [/^Unexpected /, () => ({ zh: '此处有多余的内容', hint: QUOTE_IT })],
  [/^Not a YAML token/, () => ({ zh: '无法识别此处的内容', hint: QUOTE_IT })],
  [/^Missing newline after block sequence props/, () => ({ zh: '锚点或标签后须换行', hint: INDENT })],
];

/** What each code says when the reader's sentence is not one of the above (a newer version of the reader). */
const BY_CODE: Record<string, string> = {
  TAB_AS_INDENT: '不能用制表符缩进',
  BAD_INDENT: '缩进有误',
  MISSING_CHAR: '缺少必需的符号',
  BAD_DQ_ESCAPE: '双引号中的转义无效',
  MULTIPLE_DOCS: '文件中有不止一个 YAML 文档',
  BLOCK_AS_IMPLICIT_KEY: '键必须写在一行内',
  MULTILINE_IMPLICIT_KEY: '键必须写在一行内',
  UNEXPECTED_TOKEN: '此处有多余的内容',
  BAD_ALIAS: '锚点（&）或别名（*）有误',
  BAD_DIRECTIVE: '指令行（%）有误',
  BAD_SCALAR_START: '不加引号的值不能以此字符开头',
  BLOCK_IN_FLOW: '括号中不能使用分行写法的列表或映射',
  KEY_OVER_1024_CHARS: '键不能超过 1024 个字符',
  DUPLICATE_KEY: '同一层中的键不能重复',
};

/** The old hint for a code, for a sentence not matched above. */
const HINT_BY_CODE: Record<string, { zh: string; en: string }> = {
  TAB_AS_INDENT: { zh: '请用空格缩进，不要用制表符', en: 'indent with spaces, not tabs' },
  BAD_INDENT: INDENT,
  BLOCK_AS_IMPLICIT_KEY: KEY_LINE,
  MULTILINE_IMPLICIT_KEY: KEY_LINE,
  MULTIPLE_DOCS: { zh: '一个方案只能有一个 YAML 文档：请删除“---”行', en: 'a plan is one YAML document: remove the "---" line' },
};

function words(code: string, detail: string): Words {
  for (const [re, say] of SENTENCES) {
    const m = re.exec(detail);
    if (m) return say(m);
  }
  const hint = HINT_BY_CODE[code];
  return { zh: BY_CODE[code] ?? '无法解析此处的内容', ...(hint ? { hint } : {}) };
}

/** The reader's mistake in Chinese, with its hint: no English sentence of the reader's in it. */
export function yamlMistakeZh(code: string, detail: string): string {
  const w = words(code, detail);
  return `${w.zh}${w.hint ? `（${w.hint.zh}）` : ''}`;
}

/** The hint that goes with the reader's English sentence, if any. */
export const yamlHintEn = (code: string, detail: string): string | undefined => words(code, detail).hint?.en;
