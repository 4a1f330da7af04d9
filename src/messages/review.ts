// The words of the import review page (campaign import --review), in each language: field names, the
// confidence levels and what they mean, the page's headings. The importer's own notes stay as it wrote them.
// A block's place counts lines or paragraphs (the importer's SourceDoc['unit']: the page passes it here, so
// a third kind of unit there fails to compile until it has words here; the catalogue imports no importer).

export const REVIEW_LABELS = {
  zh: {
    review: '导入核对', document: '原文', plan: '导入结果', issues: '未能识别', noIssues: '所有字段都已识别，仍请逐项核对。',
    tasks: '任务', leaves: '末级', units: '单位', reports: '报送事项', tasksH: '任务', unitsH: '单位', reportsH: '报送事项', count: (n: number, what: string) => `${what} ${n}`,
    legendTitle: '可信程度', basics: '基本信息', title: '标题', organizer: '制定单位', year: '年份', period: '活动时间',
    theme: '活动主题', focus: '重点', basis: '依据', preamble: '前言', guidance: '指导思想', phases: '阶段', lead: '牵头',
    support: '配合', when: '时间', phase: '阶段', noDue: '无完成时限', leadership: '领导小组', office: '办公室',
    contact: '联系人', phone: '电话', requirements: '工作要求', to: '报送', by: '报送单位', every: '每', notFound: '原文中未找到',
    noUnits: '原文未点名责任单位', noTasks: '原文中未找到编号的任务', external: '外单位', task: '任务', report: '报送',
    place: (no: number, unit: 'line' | 'paragraph') => `第${no}${unit === 'line' ? '行' : '段'}`, page: (n: number) => `第${n}页`,
    table: '表格', cameFrom: '来自此处：', assumedDefault: '默认',
    levels: { sure: '确定', likely: '较可信', assumed: '推定', missing: '未找到' },
    explain: { sure: '从标注或明文读出', likely: '从句中措辞读出', assumed: '推测、沿用上级或阶段、默认值，请核对', missing: '原文中没有找到，请填写' },
    every_: { day: '每天', monday: '每周一', tuesday: '每周二', wednesday: '每周三', thursday: '每周四', friday: '每周五', saturday: '每周六', sunday: '每周日', week: '每周', month: '每月', quarter: '每季度', 'half-month': '每半月', 'ten-days': '每旬' } as Record<string, string>,
    sep: '、', colon: '：', paren: (x: string) => `（${x}）`,
  },
  en: {
    review: 'Import review', document: 'Document', plan: 'Draft plan', issues: 'To check', noIssues: 'Every field was recognised; still check each one.',
    tasks: 'tasks', leaves: 'leaves', units: 'units', reports: 'reports', tasksH: 'Tasks', unitsH: 'Units', reportsH: 'Reports', count: (n: number, what: string) => `${n} ${what}`,
    legendTitle: 'Confidence', basics: 'Plan', title: 'Title', organizer: 'Organizer', year: 'Year', period: 'Period',
    theme: 'Theme', focus: 'Focus', basis: 'Basis', preamble: 'Preamble', guidance: 'Guidance', phases: 'Phases', lead: 'Lead',
    support: 'Support', when: 'Dates', phase: 'Phase', noDue: 'No deadline', leadership: 'Leading group', office: 'Office',
    contact: 'Contact', phone: 'Phone', requirements: 'Requirements', to: 'To', by: 'From', every: 'Every', notFound: 'not found in the document',
    noUnits: 'the document names no responsible unit', noTasks: 'no numbered tasks found in the document', external: 'external', task: 'Task', report: 'Report',
    place: (no: number, unit: 'line' | 'paragraph') => `${unit === 'line' ? 'Line' : 'Para.'} ${no}`, page: (n: number) => `p. ${n}`,
    table: 'table', cameFrom: 'Used for: ', assumedDefault: 'default',
    levels: { sure: 'Certain', likely: 'Likely', assumed: 'Assumed', missing: 'Not found' },
    explain: { sure: 'read from a label or an explicit statement', likely: 'read from the wording of a sentence', assumed: 'guessed, inherited from the parent or phase, or a default — check it', missing: 'not in the document — fill it in' },
    every_: { day: 'every day', monday: 'every Monday', tuesday: 'every Tuesday', wednesday: 'every Wednesday', thursday: 'every Thursday', friday: 'every Friday', saturday: 'every Saturday', sunday: 'every Sunday', week: 'every week', month: 'every month', quarter: 'every quarter', 'half-month': 'every half month', 'ten-days': 'every ten days (旬)' } as Record<string, string>,
    sep: ', ', colon: ': ', paren: (x: string) => ` (${x})`,
  },
};
