// Generates realistic campaign plans for the benchmark: sections, items and sub-items numbered like an
// official document, township units, Chinese text, and progress logs. Deterministic (seeded).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const UNITS = [
  ['police', '派出所'], ['justice', '司法所'], ['market', '市场所'], ['edu', '教育站'], ['health', '卫生院'],
  ['safety', '应急办'], ['land', '自然资源所'], ['water', '水利站'], ['power', '供电所'], ['traffic', '交管站'],
  ['villages', '各村(社区)'], ['county-office', '县安委会办公室'],
];
const VERBS = ['开展', '组织', '推进', '落实', '加强', '深化', '部署', '督促'];
const OBJECTS = ['主题宣讲进企业活动', '隐患排查治理', '应急演练', '安全知识进校园', '警示教育', '执法检查', '宣传咨询', '专项整治', '风险公告', '志愿服务宣讲'];
const NOTES = ['已完成宣讲3场', '排查隐患12处，已整改10处', '组织演练1次', '发放资料500份', '检查企业8家', '召开专题会议'];
// Working days of June 2020 (端午 25–27 June off, 28 June a make-up day).
const WORKDAYS = ['01', '02', '03', '04', '05', '08', '09', '10', '11', '12', '15', '16', '17', '18', '19', '22', '23', '24', '28', '29', '30'].map((d) => `2020-06-${d}`);

/**
 * A plan with about `tasks` leaf tasks. With `done` = 1 (the default) every task is done by its due date,
 * so the plan is clean as of 2020-06-30; with less, that share of tasks is done and the rest still open.
 * With `quoteDates`, every date is written quoted ("2020-06-01"): campaign reads YAML 1.2 and takes
 * both spellings as the same text, but YAML 1.1 readers (ajv-cli's js-yaml 3) turn an unquoted date
 * into a timestamp, which the schema rejects; the bench gives both tools the quoted files.
 */
export function generatePlan(tasks, { seed = 1, organizer = '示范乡', done = 1, quoteDates = false } = {}) {
  const r = rng(seed);
  const d = quoteDates ? (date) => `"${date}"` : (date) => date;
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const out = [
    '# yaml-language-server: $schema=../schemas/campaign.schema.json',
    'version: 1',
    `title: ${organizer}2020年“安全生产月”活动方案`,
    `organizer: ${organizer}`,
    'year: 2020',
    'basis: [《2020年全县“安全生产月”和“安全生产楚天行”活动方案》]',
    'themes:',
    '  - {id: main, title: 消除事故隐患，筑牢安全防线, focus: [落实安全责任, 查找身边隐患]}',
    `period: {start: ${d('2020-06-01')}, end: ${d('2020-06-30')}}`,
    `contact: {unit: ${organizer}安委办, person: 张三, phone: 0710-1234567, reviewer: 李四}`,
    'units:',
    ...UNITS.map(([id, name]) => `  - {id: ${id}, name: ${name}${id === 'county-office' ? ', external: true' : ''}}`),
    'tasks:',
  ];
  const leadUnits = UNITS.slice(0, 11).map(([id]) => id);
  const perItem = 5;
  const items = Math.max(1, Math.ceil(tasks / perItem));
  const sections = Math.max(1, Math.ceil(items / 20));
  let made = 0;
  for (let s = 1; s <= sections && made < tasks; s++) {
    out.push(`  - id: "${s}"`, `    title: ${pick(VERBS)}${pick(OBJECTS)}（第${s}部分）`, '    tasks:');
    for (let i = 1; i <= 20 && made < tasks; i++) {
      out.push(`      - id: "${s}.${i}"`, `        title: ${pick(VERBS)}${pick(OBJECTS)}`, '        tasks:');
      for (let k = 1; k <= perItem && made < tasks; k++, made++) {
        const dueIndex = 4 + Math.floor(r() * (WORKDAYS.length - 4));
        const due = WORKDAYS[dueIndex];
        const lead = pick(leadUnits);
        const support = pick(leadUnits);
        const isDone = r() < done;
        out.push(
          `          - id: "${s}.${i}.${k}"`,
          `            title: ${lead === 'villages' ? '各村(社区)' : ''}${pick(VERBS)}${pick(OBJECTS)}，确保责任落实到人`,
          `            lead: [${lead}]`,
          ...(support !== lead ? [`            support: [${support}]`] : []),
          `            start: ${d('2020-06-01')}`,
          `            due: ${d(due)}`,
          ...(isDone ? ['            status: done', '            progress: 100'] : ['            status: in_progress', '            progress: 50']),
          ...(r() < 0.3 ? [`            targets:`, `              - {metric: 宣讲场次, unit: 场, target: ${5 + Math.floor(r() * 10)}, actual: ${15}}`] : []),
          '            updates:',
          `              - {date: ${d(WORKDAYS[Math.floor(dueIndex / 2)])}, status: in_progress, progress: 50, note: ${pick(NOTES)}, by: ${lead}}`,
          ...(isDone ? [`              - {date: ${d(due)}, status: done, progress: 100, note: ${pick(NOTES)}, by: ${lead}}`] : []),
        );
      }
    }
  }
  out.push(
    'requirements:',
    '  - {id: R1, title: 加强组织，健全机制, text: 各单位要成立活动组织机构，确保组织到位、责任到位。}',
    'reports:',
    `  - {id: weekly, title: 进展情况, to: county-office, every: friday, time: "12:00", submitted: [${['2020-06-05', '2020-06-12', '2020-06-19', '2020-06-24'].map(d).join(', ')}]}`,
    `  - {id: summary, title: 活动总结, to: county-office, due: ${d('2020-07-03')}, submitted: ${d('2020-07-02')}}`,
  );
  return out.join('\n') + '\n';
}

const TOWNSHIPS = ['铜钟', '青山', '白石', '红岩', '金桥', '柳林', '双河', '新集', '高坪', '长岭'];

/** `count` township plans of `tasks` tasks each in `dir`, with varied progress (`quoteDates` as for generatePlan). */
export function generateCounty(dir, count, tasks, { quoteDates = false } = {}) {
  mkdirSync(dir, { recursive: true });
  for (let n = 0; n < count; n++) {
    const organizer = `${TOWNSHIPS[n % TOWNSHIPS.length]}${n >= TOWNSHIPS.length ? Math.floor(n / TOWNSHIPS.length) : ''}乡`;
    // Townships at different stages: from a third of the tasks done to all of them.
    const done = 0.35 + 0.65 * ((n * 37) % 100) / 99;
    writeFileSync(join(dir, `plan-${String(n).padStart(3, '0')}.yaml`), generatePlan(tasks, { seed: n + 1, organizer, done, quoteDates }));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [, , out, n] = process.argv;
  writeFileSync(out, generatePlan(Number(n)));
}
