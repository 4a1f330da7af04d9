import type { Template } from './index.js';
import { header, q } from './yaml-text.js';
import { workdayOnOrBefore } from '../calendar/workdays.js';

const template: Template = {
  name: 'safety-month',
  description: { en: 'a township Safety Production Month (安全生产月) plan, June 1–30', zh: '乡镇“安全生产月”活动方案（6月1日至30日）' },
  render({ year, organizer, schemaPath, isWorkday }) {
    const d = (md: string) => workdayOnOrBefore(`${year}-${md}`, isWorkday);
    return `${header(schemaPath, '“安全生产月”活动方案模板：按本乡镇实际修改任务、责任单位与日期，然后运行 campaign validate 检查。')}title: ${q(`${organizer}${year}年“安全生产月”活动方案`)}
organizer: ${q(organizer)}
year: ${year}
basis: [${q(`《${year}年全县“安全生产月”活动方案》`)}]
themes:
  - id: main
    title: 全国“安全生产月”活动主题   # 改为当年的全国主题
period: {start: ${year}-06-01, end: ${year}-06-30}
contact: {unit: ${q(organizer)}}   # 周报表表头：填报单位、填报人（person）、联系电话（phone）、审核人（reviewer）

units:
  - {id: safety, name: 应急办}
  - {id: police, name: 派出所}
  - {id: school, name: 中心学校}
  - {id: market, name: 市场所}
  - {id: villages, name: 各村(社区)}
  - {id: county-office, name: 县安委会办公室, external: true}

tasks:
  - id: "1"
    title: 开展安全生产宣传教育
    tasks:
      - {id: "1.1", title: 主题宣讲进企业, theme: main, lead: [safety], support: [market], start: ${year}-06-01, due: ${d('06-30')}}
      - {id: "1.2", title: 参加安全生产宣传咨询日活动, theme: main, lead: [safety], support: [police, market], due: ${d('06-16')}}
      - {id: "1.3", title: 安全知识进校园, lead: [school], due: ${d('06-19')}}
  - id: "2"
    title: 开展隐患排查治理
    tasks:
      - {id: "2.1", title: 查找身边安全隐患, theme: main, lead: [villages], support: [safety], due: ${d('06-26')}}
      - {id: "2.2", title: 重点行业领域执法检查, lead: [market], support: [police], due: ${d('06-30')}}
  - id: "3"
    title: 开展应急演练
    lead: [safety]
    due: ${d('06-30')}

requirements:
  - {id: R1, title: 加强组织领导, text: 各单位主要负责人亲自部署，明确专人负责。}
  - {id: R2, title: 及时报送信息, text: 按时向县安委会办公室报送活动方案和总结。}

reports:
  - {id: plan, title: 活动方案, to: county-office, due: ${d('06-05')}}
  - {id: summary, title: 活动总结, to: county-office, due: ${d('07-05')}}
`;
  },
};
export default template;
