import { campaignTemplate } from './campaign-template.js';

export default campaignTemplate({
  name: 'safety-month',
  campaign: 'safety-month',
  description: { en: 'Safety Production Month (安全生产月), June 1–30', zh: '“安全生产月”活动方案' },
  titleName: '“安全生产月”',
  sections: [
    {
      title: '开展安全生产宣传教育',
      tasks: [
        { title: '主题宣讲进企业', lead: ['safety'], support: ['market'], start: '06-01', due: '06-30' },
        { title: '参加全国安全生产宣传咨询日活动', lead: ['safety'], support: ['police', 'market'], due: 'key' },
        { title: '安全知识进校园', lead: ['school'], due: '06-19' },
      ],
    },
    {
      title: '开展隐患排查治理',
      tasks: [
        { title: '查找身边安全隐患', lead: ['villages'], support: ['safety'], due: '06-26' },
        { title: '重点行业领域执法检查', lead: ['market'], support: ['police'], due: '06-30' },
      ],
    },
    { title: '开展应急演练', tasks: [{ title: '组织应急预案演练', lead: ['safety'], support: ['health'], due: '06-30' }] },
  ],
  summaryDue: '07-05',
});
