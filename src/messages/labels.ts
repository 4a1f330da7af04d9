// Headings and labels of tables and reports, per language. Data (titles, names, notes) is never translated.
import type { Lang } from './types.js';

const zh = {
  status: '进展情况', weekly: '进展情况周报', report: '活动进展报告', export: '任务清单',
  asOf: '截至', period: '活动时间', organizer: '制定单位', themes: '活动主题', week: '周次', completion: '完成率',
  fillUnit: '填报单位', fillPerson: '填报人', phone: '联系电话', reviewer: '审核人', fillDate: '填报日期',
  stamp: '单位（盖章）', signDate: '日期', sheetTitle: '进展情况填报表', roleLead: '牵头', roleSupport: '配合',
  sheetHelp: '说明：灰色各列为方案内容，请勿修改；请在白色各列填写本周情况：状态从下拉列表中选择，进度填 0—100 的整数，填报日期应在本周内。没有进展的任务可留空。',
  overall: '总体情况', units: '各单位完成情况', overdue: '逾期任务', targets: '量化指标', sections: '分项完成情况',
  thisWeek: '本周任务', dueNextWeek: '下周到期任务', deadlines: '报送事项', timeline: '任务时间线', chart: '各单位完成率',
  no: '序号', id: '编号', parent: '上级编号', depth: '层级', task: '任务', section: '分项', unit: '单位', lead: '牵头单位', support: '配合单位',
  tasks: '任务数', done: '已完成', in_progress: '进行中', planned: '未开始', blocked: '受阻', cancelled: '已取消', done_late: '逾期完成', overdueCount: '逾期',
  supportCount: '配合任务', start: '开始日期', due: '完成时限', statusCol: '状态', progress: '进度', light: '督办灯',
  daysLate: '逾期天数', doneLate: '逾期完成', doneOn: '完成日期', completedLate: '逾期完成任务', lastUpdate: '最近更新', lastNote: '最近进展', note: '进展情况',
  problems: '存在问题', next: '下步计划', contributions: '配合单位进展', notReturned: '本周未报送单位', remark: '备注', metric: '指标', measure: '计量单位', target: '目标值', actual: '完成值',
  reportCol: '报送事项', deadline: '报送期限', to: '报送对象', submitted: '报送日期', state: '情况',
  dueThisWeek: '到期', completedThisWeek: '完成', updatedThisWeek: '更新', stillBlocked: '受阻未解决', problemOpen: '问题未解决',
  red: '红', yellow: '黄', green: '绿', yes: '是', no_: '否', none: '无', unassigned: '（未指定牵头单位）',
  submittedOnTime: '已报送', submittedLate: '逾期报送', missing: '逾期未报', pending: '未到期', today: '今日',
  noneRows: '（无）', omittedColumns: '（终端宽度不足，未显示：{columns}；用 -f md 或 -f xlsx 查看全部）',
  agenda: '督办日程', weekSheet: '进展填报', date: '日期', time: '时间', kindCol: '类别', item: '事项',
  phase: '当前阶段', rollup: '全县汇总', plans: '方案数', unreadable: '无法读取', byPlan: '各乡镇完成情况', plan: '方案', errors: '错误',
  warnings: '警告', file: '文件', whyUnreadable: '无法读取的原因', total: '合计', byUnitKind: '各类单位汇总',
  cellCut: '……（内容过长，以下从略）', cellCutNote: '全文共 {n} 字，超出单元格上限 {limit} 字，已截断；全文见方案文件。',
  error: '错误', warning: '警告', info: '提示', severity: '级别', rule: '规则', description: '说明', info_sheet: '说明',
  titleCol: '标题', notesCol: '提示',
};

const en: typeof zh = {
  status: 'Status', weekly: 'Weekly status', report: 'Progress report', export: 'Tasks',
  asOf: 'As of', period: 'Period', organizer: 'Organizer', themes: 'Themes', week: 'Week', completion: 'Completion',
  fillUnit: 'Reporting unit', fillPerson: 'Filled in by', phone: 'Phone', reviewer: 'Reviewed by', fillDate: 'Date',
  stamp: 'Unit (stamp)', signDate: 'Date', sheetTitle: 'progress sheet to fill in', roleLead: 'lead', roleSupport: 'support',
  sheetHelp: 'Grey columns are the plan\'s and cannot be changed. Fill in the white columns for this week: pick a status from the list, progress as a whole number 0–100, a date within the week. Leave a task blank if nothing happened.',
  overall: 'Overall', units: 'By unit', overdue: 'Overdue tasks', targets: 'Targets', sections: 'By section',
  thisWeek: "This week's tasks", dueNextWeek: 'Due next week', deadlines: 'Reports', timeline: 'Timeline', chart: 'Completion by unit',
  no: 'No.', id: 'Id', parent: 'Parent', depth: 'Depth', task: 'Task', section: 'Section', unit: 'Unit', lead: 'Lead', support: 'Support',
  tasks: 'Tasks', done: 'Done', in_progress: 'In progress', planned: 'Planned', blocked: 'Blocked', cancelled: 'Cancelled', done_late: 'Done late', overdueCount: 'Overdue',
  supportCount: 'Supporting', start: 'Start', due: 'Due', statusCol: 'Status', progress: 'Progress', light: 'Light',
  daysLate: 'Days late', doneLate: 'Done late', doneOn: 'Done on', completedLate: 'Tasks done late', lastUpdate: 'Last update', lastNote: 'Last note', note: 'Work done',
  problems: 'Problems', next: 'Next steps', contributions: 'Supporters\' work', notReturned: 'Units not yet reported this week', remark: 'Remarks', metric: 'Metric', measure: 'Unit', target: 'Target', actual: 'Actual',
  reportCol: 'Report', deadline: 'Deadline', to: 'To', submitted: 'Submitted', state: 'State',
  dueThisWeek: 'due', completedThisWeek: 'completed', updatedThisWeek: 'updated', stillBlocked: 'still blocked', problemOpen: 'problem open',
  red: 'red', yellow: 'yellow', green: 'green', yes: 'yes', no_: 'no', none: 'none', unassigned: '(no lead unit)',
  submittedOnTime: 'submitted', submittedLate: 'submitted late', missing: 'overdue', pending: 'not yet due', today: 'today',
  noneRows: '(none)', omittedColumns: '(The terminal is too narrow for every column; not shown: {columns}. -f md or -f xlsx shows them all.)',
  agenda: 'Agenda', weekSheet: 'Weekly entry', date: 'Date', time: 'Time', kindCol: 'Kind', item: 'Item',
  phase: 'Current phase', rollup: 'County roll-up', plans: 'Plans', unreadable: 'Unreadable', byPlan: 'By plan', plan: 'Plan', errors: 'Errors',
  warnings: 'Warnings', file: 'File', whyUnreadable: 'Why unreadable', total: 'Total', byUnitKind: 'By kind of unit',
  cellCut: '… (too long, cut here)', cellCutNote: 'The full text has {n} characters, more than a cell holds ({limit}); it was cut. The plan file has all of it.',
  error: 'error', warning: 'warning', info: 'info', severity: 'Severity', rule: 'Rule', description: 'Description', info_sheet: 'Info',
  titleCol: 'Title', notesCol: 'Notes',
};

export type Label = keyof typeof zh;
export const LABELS: Record<Lang, Record<Label, string>> = { zh, en };
export const label = (lang: Lang, key: Label): string => LABELS[lang][key];

/** Text in brackets after a title: full-width in Chinese, ASCII with a space before in English. */
export const bracket = (lang: Lang, text: string): string => (lang === 'zh' ? `（${text}）` : ` (${text})`);

/** `label` with the language fixed: `const l = labeller(lang); l('due')`. */
export const labeller = (lang: Lang) => (key: Label): string => LABELS[lang][key];
