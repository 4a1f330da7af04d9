import { header, q } from './yaml-text.js';
import { workdayOnOrBefore } from '../calendar/dates.js';
import { PLACEHOLDER_THEMES } from '../data/themes.js';
import type { Template } from './types.js';

const template: Template = {
  name: 'blank',
  description: { en: 'a minimal plan to fill in', zh: '最简方案，逐项填写' },
  render({ year, organizer, schemaRef, isWorkday }) {
    const due = workdayOnOrBefore(`${year}-12-31`, isWorkday);
    return `${header(schemaRef, '活动方案：把标题、时间、单位和任务改成实际内容，然后运行 campaign validate 检查。')}title: ${q(`${organizer}${year}年活动方案`)}
organizer: ${q(organizer)}
year: ${year}
basis: []
themes:
  - {id: main, title: ${PLACEHOLDER_THEMES.blank}}   # 改为本次活动的主题
period: {start: ${year}-01-01, end: ${year}-12-31}
units:
  - {id: office, name: ${q(`${organizer}办公室`)}}
tasks:
  - id: "1"
    title: 第一项任务
    lead: [office]
    due: ${due}
`;
  },
};
export default template;
