import { campaignTemplate } from './campaign-template.js';

export default campaignTemplate({
  name: 'disaster-week',
  campaign: 'disaster-week',
  description: { en: 'Disaster prevention week around May 12 (防灾减灾日)', zh: '防灾减灾宣传周活动方案' },
  titleName: '防灾减灾宣传周',
  sections: [
    {
      title: '开展防灾减灾宣传',
      tasks: [
        { title: '5月12日防灾减灾日集中宣传', lead: ['safety'], support: ['villages'], due: 'key' },
        { title: '防灾减灾知识进校园', lead: ['school'], due: '05-15' },
      ],
    },
    {
      title: '开展风险隐患排查',
      tasks: [{ title: '地质灾害和洪涝风险点排查', lead: ['safety'], support: ['villages'], due: '05-15' }],
    },
    { title: '开展应急演练', tasks: [{ title: '组织避险转移演练', lead: ['villages'], support: ['safety', 'health'], due: '05-15' }] },
  ],
  summaryDue: '05-20',
});
