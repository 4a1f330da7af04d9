// A sample of the data of every message of the tool itself (not a rule's: rules declare their own).
// Typed as ToolMessageData, so the compiler wants a sample for every id, of the right shape.
import type { ToolMessageData } from '../../src/messages/types.js';

const file = 'plans/铜钟乡.yaml';

export const TOOL_MESSAGE_SAMPLES: ToolMessageData = {
  'io/missing': { file },
  'io/permission': { file },
  'io/directory': { file },
  'io/unreadable': { file, reason: 'EIO: i/o error, read' },
  'io/binary': { file },
  'io/encoding': { file, line: 3, column: 8 },
  'io/encoding-gbk': { file, line: 2, column: 8 },
  'io/no-folder': { file: 'out/周报.xlsx', dir: 'out' },
  'io/write': { file: 'out.csv', reason: 'ENOSPC: no space left on device' },
  'io/write-permission': { file: 'out.csv' },
  'io/overwrite-input': { file: '周报.csv', input: file },
  'io/binary-to-terminal': { format: 'xlsx' },
  'io/locked': { file, lock: 'plans/.铜钟乡.yaml.campaign-lock' },
  'io/lock': { file, reason: 'EACCES: permission denied' },
  'io/hard-links': { file, links: 2 },
  'io/owner': { file },
  'io/no-space': { file },
  'io/too-many-files': { file },
  'io/lock-permission': { file, dir: 'plans' },
  'io/lock-stuck': { file, lock: 'plans/.铜钟乡.yaml.campaign-lock' },
  'io/too-large': { file, size: 180, limit: 144, heap: 5400 },
  'io/utf32': { file },

  'cli/date': { option: '--as-of', value: '2020-6-1' },
  'cli/date-unreal': { option: '--date', value: '2025-06-31' },
  'cli/rule': { value: 'numbering/gap' },
  'cli/unknown-rule': { id: 'numbering/gaps', suggestion: 'numbering/gap' },
  'cli/lang': { value: 'fr' },
  'cli/format': { value: 'pdf', allowed: ['table', 'md', 'csv'] },
  'cli/week': { value: '2020-25' },
  'cli/week-and-as-of': {},
  'cli/internal': { message: 'Maximum call stack size exceeded' },
  'cli/system': { code: 'EMFILE', message: 'EMFILE: too many open files' },

  'plan/unreadable': { file, line: 12, column: 5, message: 'YAML 语法错误' },
  'plan/has-errors': { file, errors: 2, rules: ['date/period-year', 'schema'] },

  'update/stdin': {},
  'update/syntax': { file, line: 12, column: 5, message: 'Nested mappings are not allowed in compact mappings' },
  'update/unknown-task': { id: '1.9', suggestion: '1.2' },
  'update/parent-task': { id: '1', children: ['1.1', '1.2'] },
  'update/unknown-unit': { value: 'polise', suggestion: 'police', suggestionName: '派出所' },
  'update/status': { value: 'finished', allowed: ['planned', 'in_progress', 'done', '进行中'] },
  'update/progress': { value: '120' },
  'update/actual-format': { value: '宣讲场次' },
  'update/unknown-metric': { task: '1.1', metric: '宣讲次数', suggestion: '宣讲场次', known: ['宣讲场次'] },
  'update/unknown-report': { id: 'sumary', suggestion: 'summary' },
  'update/nothing': {},
  'update/no-task': {},
  'update/report-usage': {},
  'update/edit-failed': { file, reason: 'the edit did not read back as the plan plus the new entry' },
  'update/changed': { file },
  'update/done': { file, id: '1.1', title: '开展主题宣讲进企业活动', entry: { date: '2020-06-16', status: 'done', progress: 100 } },
  'update/report-done': { file, id: 'summary', date: '2020-07-03' },

  'init/template': { value: 'fire', allowed: ['safety-month', 'fire-month'] },
  'init/year': { value: '20' },
  'init/organizer': {},
  'init/exists': { file: 'plan.yaml' },
  'init/done': { file: 'plan.yaml', template: 'safety-month', year: 2020 },

  'import/docx': { file: '方案.docx', reason: 'Corrupted zip' },
  'import/done': { file: '方案.txt', encoding: 'GB18030', tasks: 12, units: 7, output: 'plan.yaml' },

  'validate/fix-stdin': {},
  'validate/fixed': { file, count: 2 },
  'validate/no-files': {},
  'validate/clean': { files: 3 },
  'validate/summary': { total: 4, errors: 1, warnings: 2, infos: 1 },

  'report/before-period': { start: '2020-06-01', asOf: '2020-05-20' },
  'report/after-period': { end: '2020-06-30', asOf: '2020-07-06' },

  'rollup/plan-timeout': { seconds: 60, reason: '' },
  'rollup/plan-crashed': { seconds: 60, reason: 'Worker terminated due to reaching memory limit: JS heap out of memory' },
  'rollup/no-plans': { args: ['各乡镇方案/'] },
};
