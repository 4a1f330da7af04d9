import { campaignTemplate } from './campaign-template.js';

export default campaignTemplate({
  name: 'fire-month',
  campaign: 'fire-month',
  description: { en: '“119” fire safety month, November 1–30', zh: '“119”消防宣传月活动方案' },
  titleName: '“119”消防宣传月',
  sections: [
    {
      title: '开展消防安全宣传',
      tasks: [
        { title: '11月9日开展“119”消防日集中宣传', lead: ['safety'], support: ['police'], due: 'key' },
        { title: '消防安全知识进村入户', lead: ['villages'], due: '11-20' },
        { title: '消防安全知识进校园', lead: ['school'], due: '11-20' },
      ],
    },
    {
      title: '开展火灾隐患排查',
      tasks: [
        { title: '人员密集场所消防检查', lead: ['market'], support: ['police'], due: '11-27' },
        { title: '居民住宅电气线路和燃气隐患排查', lead: ['villages'], support: ['safety'], due: '11-27' },
      ],
    },
    { title: '开展消防演练', tasks: [{ title: '组织灭火和应急疏散演练', lead: ['safety'], support: ['school'], due: '11-30' }] },
  ],
  summaryDue: '12-05',
});
