// 中文消息。与 en.ts 的消息 id 一一对应（test/messages.test.ts 检查）。
import type { Catalogue } from './types.js';

const STATUS: Record<string, string> = { planned: '未开始', in_progress: '进行中', done: '已完成', blocked: '受阻', cancelled: '已取消' };
const KIND: Record<string, string> = { tasks: '任务', units: '单位', themes: '主题', requirements: '要求', reports: '报送事项' };
const TYPE: Record<string, string> = { string: '字符串', number: '数字', integer: '整数', boolean: '布尔值（true/false）', object: '映射（键: 值）', array: '列表', null: '空值' };
const YAML_HINT: Record<string, string> = {
  TAB_AS_INDENT: '请用空格缩进，不要用制表符',
  BAD_INDENT: '请对照上下文检查本行缩进',
  MISSING_CHAR: '缺少右括号或右引号',
  BAD_DQ_ESCAPE: '双引号中的反斜杠是转义符；请改用单引号或写成 \\\\',
  MULTIPLE_DOCS: '一个方案只能有一个 YAML 文档：请删除“---”行',
  TAG_RESOLVE_FAILED: '方案中不允许使用 !!js/function 之类的标签，请删除',
  BLOCK_AS_IMPLICIT_KEY: '键必须写在一行内；冒号后是否缺少空格？',
  MULTILINE_IMPLICIT_KEY: '键必须写在一行内；冒号后是否缺少空格？',
  UNEXPECTED_TOKEN: '此处有多余的内容',
};
const list = (xs: string[]) => xs.map((x) => `“${x}”`).join('、');
const didYouMean = (s: unknown, name?: unknown) => (s ? `，是否应为“${s}”${name ? `（${name}）` : ''}？` : '');
const field = (f: string) => (f === '(plan)' ? '方案' : `字段 ${f}`);

export const zh: Catalogue = {
  'yaml/syntax': (d) => `YAML 语法错误：${d.detail}${YAML_HINT[d.code] ? `（${YAML_HINT[d.code]}）` : ''}`,
  'yaml/alias-limit': (d) => `YAML 别名过多（超过 ${d.limit} 个）：文件疑似“别名炸弹”，未予展开`,
  'yaml/duplicate-key': (d) => `键“${d.key}”在同一映射中出现两次，请只保留一个（否则以后一个为准）`,

  'schema/required': (d) => `${field(d.field)} 缺少必填字段“${d.key}”`,
  'schema/unknown-key': (d) => `未知字段“${d.key}”${didYouMean(d.suggestion)}`,
  'schema/empty': () => '文件为空：方案至少需要 version、title、organizer、year、period、units、tasks（可用 `campaign init` 生成模板）',
  'schema/not-a-plan': (d) => `方案必须是 YAML 映射（version: 1、title: …），而不是${TYPE[d.actual] ?? d.actual}`,
  'schema/quote': (d) => `${field(d.field)} 应为字符串，但 YAML 把 ${d.source} 读成了 ${d.value}；请加引号写成 "${d.source}"`,
  'schema/type': (d) => `${field(d.field)} 应为${TYPE[d.expected] ?? d.expected}，而不是${TYPE[d.actual] ?? d.actual}${d.expected === 'array' ? '（写成列表，如 [a, b]）' : ''}`,
  'schema/date-unreal': (d) => `${field(d.field)}：${d.value} 不是真实存在的日期`,
  'schema/date-format': (d) => `${field(d.field)}：“${d.value}”不是 YYYY-MM-DD 格式的日期（如 2020-06-30）`,
  'schema/task-id': (d) => `任务编号“${d.value}”应为沿用原文编号的点分数字，如 "2" 或 "2.3"`,
  'schema/id': (d) => `${field(d.field)}：“${d.value}”不是有效的 id（不能含空格、逗号或括号）`,
  'schema/enum': (d) => `${field(d.field)}：不允许“${d.value}”，可选值为 ${list(d.allowed)}`,
  'schema/const': (d) => `${field(d.field)} 应为 ${d.allowed}，而不是 ${d.value}`,
  'schema/minimum': (d) => `${field(d.field)} 不能小于 ${d.limit}（现为 ${d.value}）`,
  'schema/maximum': (d) => `${field(d.field)} 不能大于 ${d.limit}（现为 ${d.value}）`,
  'schema/exclusiveMinimum': (d) => `${field(d.field)} 必须大于 ${d.limit}（现为 ${d.value}）`,
  'schema/exclusiveMaximum': (d) => `${field(d.field)} 必须小于 ${d.limit}（现为 ${d.value}）`,
  'schema/empty-text': (d) => `${field(d.field)} 不能为空`,
  'schema/other': (d) => `${field(d.field)} ${d.ajvZh ?? d.ajv.message}`,

  'date/period-year': (d) =>
    `活动时间 ${d.start} 至 ${d.end} 在 ${d.periodYear} 年，而方案年度为 ${d.year} 年；应为 ${d.fixedStart} 至 ${d.fixedEnd}？`,
  'date/title-year': (d) => `标题写的是 ${d.titleYear} 年，而 year 为 ${d.year}，请统一`,
  'date/order-period': (d) => `活动结束日期（${d.end}）早于开始日期（${d.start}）`,
  'date/order-task': (d) => `任务 ${d.task} 的完成时限 ${d.due} 早于开始日期 ${d.start}`,
  'date/outside-period': (d) => `任务 ${d.task} 的${d.field === 'start' ? '开始日期' : '完成时限'} ${d.date} 不在活动时间 ${d.start} 至 ${d.end} 内`,
  'date/weekday': (d) => `“${d.text}”：${d.date} 是星期${d.actual}，不是星期${d.written}；应写作“${d.prefix}${d.actual}”`,

  'ref/unit': (d) => `单位“${d.id}”未在 units 中定义${didYouMean(d.suggestion, d.suggestionName)}`,
  'ref/theme': (d) => `主题“${d.id}”未在 themes 中定义${didYouMean(d.suggestion)}`,
  'id/duplicate': (d) => `${KIND[d.kind] ?? d.kind} id“${d.id}”重复使用，id 必须唯一`,

  'numbering/gap': (d) => `编号跳号，缺少 ${list(d.missing)}：${d.previous ? `“${d.previous}”之后` : '开头'}是“${d.id}”`,
  'numbering/order': (d) => `“${d.id}”排在“${d.previous}”之后，编号顺序颠倒`,
  'numbering/parent': (d) => `子任务编号“${d.id}”未延续上级编号“${d.parent}”（应如“${d.expected}”）`,
  'numbering/top': (d) => `一级任务“${d.id}”应只有一级编号（应如“${d.expected}”）`,

  'status/overdue': (d) => `任务 ${d.task} 完成时限为 ${d.due}，截至 ${d.asOf} 仍为“${STATUS[d.status]}”`,
  'status/progress-done': (d) => `任务 ${d.task} 已完成，但进度为 ${d.progress}%；已完成即 100%`,
  'status/progress-full': (d) => `任务 ${d.task} 进度 100%，状态却是“${STATUS[d.status]}”；请设 status: done`,
  'status/progress-parent': (d) => `任务 ${d.task} 标为已完成，但其子任务 ${d.child} 为“${STATUS[d.childStatus]}”`,
  'report/overdue': (d) => `报送事项“${d.title}”（${d.report}）期限为 ${d.due}，截至 ${d.asOf} 尚未报送`,
  'io/missing': (d) => `${d.file}：文件不存在`,
  'io/permission': (d) => `${d.file}：没有读取权限`,
  'io/directory': (d) => `${d.file}：这是文件夹，不是方案文件`,
  'io/unreadable': (d) => `${d.file}：无法读取（${d.reason}）`,
  'io/binary': (d) => `${d.file}：不是文本文件（含二进制内容）；方案应为 YAML 文本文件`,
  'io/encoding': (d) => `${d.file}：不是 UTF-8 编码（可能是 Windows 编辑器保存的 GBK/GB18030）；请另存为 UTF-8 后重试`,
  'cli/as-of': (d) => `--as-of “${d.value}”不是 YYYY-MM-DD 格式的日期`,
  'cli/rule': (d) => `--rule “${d.value}”应写成 规则id=off|info|warning|error`,
  'cli/unknown-rule': (d) => `--rule：没有规则“${d.id}”${d.suggestion ? `，是否应为“${d.suggestion}”？` : ''}（campaign rules 可列出全部规则）`,
  'cli/lang': (d) => `--lang “${d.value}”：请用 zh 或 en`,
  'cli/format': (d) => `--format “${d.value}”：可选 ${d.allowed.join('、')}`,
  'cli/no-files': () => '未指定方案文件（用 - 表示从标准输入读取）',
  'io/no-folder': (d) => `${d.file}：文件夹 ${d.dir} 不存在`,
  'io/write': (d) => `${d.file}：无法写入（${d.reason}）`,
  'io/write-permission': (d) => `${d.file}：没有写入权限`,
  'io/overwrite-input': (d) => `-o ${d.file} 就是方案文件本身，请另选输出文件`,
  'io/binary-to-terminal': (d) => `${d.format} 格式是二进制文件，请用 -o 文件名 写入文件`,
  'plan/unreadable': (d) => `${d.file}:${d.line}:${d.column}：方案无法读取：${d.message}（campaign validate ${d.file} 可列出全部问题）`,
  'plan/has-errors': (d) => `${d.file}：方案有 ${d.errors} 处格式错误（campaign validate ${d.file} 可列出），出错部分未计入统计`,
  'cli/week': (d) => `--week “${d.value}”不是 2020-W25 这样的 ISO 周次`,
  'cli/week-and-as-of': () => '--week 与 --as-of 不能同时使用',
  'cli/internal': (d) => `内部错误：${d.message}。这是 campaign 的缺陷，请连同引发问题的文件一起反馈`,
};
