// Common township units and the other names they go by. Source: shared/data/campaign-calendar.md
// ("Common township units and their variant names"), extended with the generic wordings plans use
// for "every department" and "every village". The first name of each is the usual one.
export interface KnownUnit { id: string; names: readonly string[] }

export const KNOWN_UNITS: readonly KnownUnit[] = [
  { id: 'police', names: ['派出所'] },
  { id: 'justice', names: ['司法所'] },
  { id: 'market', names: ['市场所', '市场监管所', '工商所'] },
  { id: 'edu', names: ['教育站', '中心学校'] },
  { id: 'health', names: ['卫生院'] },
  { id: 'safety', names: ['安监站', '应急办', '应急管理办公室'] },
  { id: 'stability', names: ['综治办'] },
  { id: 'land', names: ['国土所', '自然资源所'] },
  { id: 'construction', names: ['村建所'] },
  { id: 'water', names: ['水利所', '水务站'] },
  { id: 'power', names: ['供电所'] },
  { id: 'traffic', names: ['交管站'] },
  { id: 'villages', names: ['各村(社区)', '各村（社区）', '各村、社区', '各村'] },
  { id: 'depts', names: ['各有关部门', '各有关部门和单位', '各负有安全生产监督管理职责的部门', '各有关单位', '各部门', '各有关成员单位', '各成员单位'] },
  { id: 'units', names: ['各单位'] },
];

/** The usual name of a unit ("市场所" for "工商所"), or the name itself when it is not a known variant. */
export function canonicalUnitName(name: string): string {
  return KNOWN_UNITS.find((u) => u.names.includes(name))?.names[0] ?? name;
}
