import { campaignTemplate } from './campaign-template.js';

export default campaignTemplate({
  name: 'anti-drug-month',
  campaign: 'anti-drug-month',
  description: { en: 'Anti-drug publicity month, June (June 26 国际禁毒日)', zh: '全民禁毒宣传月活动方案' },
  titleName: '全民禁毒宣传月',
  sections: [
    {
      title: '开展禁毒宣传',
      tasks: [
        { title: '6月26日国际禁毒日集中宣传', lead: ['police'], support: ['villages'], due: 'key' },
        { title: '禁毒知识进校园', lead: ['school'], support: ['police'], due: '06-19' },
        { title: '禁毒知识进村入户', lead: ['villages'], support: ['police'], due: '06-24' },
      ],
    },
    {
      title: '开展重点场所排查',
      tasks: [{ title: '娱乐场所、出租房屋涉毒隐患排查', lead: ['police'], support: ['market'], due: '06-30' }],
    },
  ],
  summaryDue: '07-05',
});
