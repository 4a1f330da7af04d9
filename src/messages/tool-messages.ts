// The messages of the tool itself — files, options, commands — and the data each takes. (A rule's
// messages are declared in the rule's own file.) The catalogues must have exactly these ids.

/** The data of a message that takes none. */
type NoData = Record<string, never>;

/** A YAML problem as the rule yaml/syntax words it: the local id of its message, and that message's data. */
export type SyntaxProblem =
  | { id: 'malformed'; data: { code: string; detail: string } }
  | { id: 'alias-limit'; data: { limit: number } }
  | { id: 'too-deep'; data: Record<string, never> }
  | { id: 'tag'; data: { tag: string } }
  | { id: 'tag-value'; data: { tag: string; core: string } }
  | { id: 'version'; data: { directive: string } };

export interface ToolMessageData {
  'io/missing': { file: string };
  'io/permission': { file: string };
  'io/directory': { file: string };
  'io/unreadable': { file: string; reason: string };
  'io/binary': { file: string };
  'io/encoding': { file: string; line: number; column: number };
  'io/encoding-gbk': { file: string; line: number; column: number };
  'io/no-folder': { file: string; dir: string };
  'io/write': { file: string; reason: string };
  'io/write-permission': { file: string };
  'io/overwrite-input': { file: string; input: string };
  'io/binary-to-terminal': { format: string };
  'io/locked': { file: string; lock: string };
  'io/lock': { file: string; reason: string };
  'io/hard-links': { file: string; links: number };
  'io/owner': { file: string };
  'io/no-space': { file: string };
  'io/too-many-files': { file: string };
  'io/lock-permission': { file: string; dir: string };
  'io/lock-stuck': { file: string; lock: string };
  'io/too-large': { file: string; size: number; limit: number; heap: number };
  'io/skipped': { file: string; kind: 'fifo' | 'socket' | 'device' | 'broken-link' | 'link-loop' | 'unreadable' };
  'io/file-too-large': { file: string; size: number; limit: number; kind: 'plan' | 'sheet' | 'document' | 'text' | 'config' };
  'io/broken-link': { file: string; target: string };
  'io/link-loop': { file: string };
  'io/utf32': { file: string };

  'cli/date': { option: string; value: string };
  'cli/date-unreal': { option: string; value: string };
  'cli/rule': { value: string };
  'cli/unknown-rule': { id: string; suggestion: string | undefined };
  'cli/lang': { value: string };
  'cli/format': { value: string; allowed: readonly string[] };
  'cli/week': { value: string };
  'cli/week-and-as-of': NoData;
  'cli/no-such-week': { file: string; week: number; weeks: number };
  'cli/weekday': { option: string; value: string };
  'cli/alarm': { value: string };
  'cli/env-millis': { name: string; value: string; max: number };
  'cli/days': { value: string };
  'cli/max-warnings': { value: string };
  'cli/unknown-unit': { value: string; suggestion: string | undefined };
  'cli/output-kind': { value: string; suggestion: string | undefined; allowed: readonly string[] };
  'cli/internal': { message: string };
  'cli/system': { code: string; message: string };

  'config/invalid': { file: string; problems: readonly { line: number; column: number; message: string }[] };
  'data/invalid': { file: string; problems: readonly { line: number; column: number; message: string }[] };
  'data/range': { from: string; to: string };
  'data/overrides': { file: string; what: string };
  'config/unknown-rule': { id: string; suggestion: string | undefined };
  'config/not-a-mapping': { actual: string };
  'config/data-missing': { value: string; path: string };
  'config/data-folder': { value: string; path: string };

  'plan/unreadable': { file: string; line: number; column: number; message: string };
  'plan/has-errors': { file: string; errors: number; rules: readonly string[] };

  'update/stdin': NoData;
  /** `message`: the YAML reader's own words (English), kept for scripts; `syntax`: the problem as validate says it. */
  'update/syntax': { file: string; line: number; column: number; message: string; syntax?: SyntaxProblem };
  'update/unknown-task': { id: string; suggestion: string | undefined };
  'update/parent-task': { id: string; children: readonly string[] };
  'update/unknown-unit': { value: string; suggestion: string | undefined; suggestionName: string | undefined };
  'update/status': { value: string; allowed: readonly string[] };
  'update/progress': { value: string };
  'update/actual-format': { value: string };
  'update/figure-limit': { option: string; value: string; limit: number };
  'update/unknown-metric': { task: string; metric: string; suggestion: string | undefined; known: readonly string[] };
  'update/target-format': { value: string };
  'update/target-exists': { task: string; metric: string; target: number; unit: string | undefined };
  'update/one-target': { values: readonly string[] };
  'update/unit-alone': NoData;
  'update/unit-empty': NoData;
  'update/unknown-report': { id: string; suggestion: string | undefined };
  'update/nothing': NoData;
  'update/no-task': NoData;
  'update/report-usage': NoData;
  'update/edit-failed': { file: string; reason: string };
  'update/changed': { file: string };
  'update/done': { file: string; id: string; title: string; entry: Readonly<Record<string, unknown>> };
  'update/date-outside': { date: string; start: string; end: string };
  'update/report-done': { file: string; id: string; date: string };
  'update/target-added': { file: string; id: string; title: string; metric: string; target: number; unit: string | undefined; actual: number | undefined };

  'init/template': { value: string; allowed: readonly string[] };
  'init/year': { value: string | undefined };
  'init/organizer': NoData;
  'init/exists': { file: string };
  'init/done': { file: string; template: string; year: number };

  'completion/shell': { value: string; allowed: readonly string[] };

  'import/docx': { file: string; reason: string };
  'import/scan': { file: string; format: string };
  'import/empty': { file: string; bytes: number };
  'import/image': { file: string };
  'import/format': { file: string };
  'import/unreadable': { file: string; format: string; reason: string };
  'import/encrypted': { file: string };
  'import/too-large': { file: string; reason: string };
  'import/limit': { file: string; limit: 'paragraphs' | 'cells' | 'chars' | 'items'; max: number };
  'import/review': { file: string };
  'import/done': { file: string; encoding: string; tasks: number; units: number; output: string };

  'validate/fix-stdin': NoData;
  'validate/fixed': { file: string; count: number };
  'validate/no-files': NoData;
  'validate/clean': { files: number };
  'validate/summary': { total: number; errors: number; warnings: number; infos: number };
  'validate/max-warnings': { warnings: number; max: number };

  'report/before-period': { start: string; asOf: string };
  'report/after-period': { end: string; asOf: string };
  'weekly/report-day': { date: string; time: string | null; week: string; asOf: string };

  'sheets/unknown-unit': { value: string; suggestion: string | undefined; suggestionName: string | undefined };
  'sheets/no-tasks': { unit: string };
  'sheets/exists': { file: string };
  'sheets/written': { file: string; unit: string; tasks: number };
  'sheet/not-a-sheet': { file: string; reason: string };
  'sheet/unreadable': { file: string; reason: string };
  'sheet/more': { rule: string; count: number };
  'sheet/format': { file: string; format: string; expected: string };
  'sheet/other-plan': { file: string; sheetPlan: string; plan: string };
  'sheet/unit': { file: string; unit: string; unitName: string };
  'sheet/not-assigned': { task: string; unit: string };
  'sheet/edited': { column: string; was: string; now: string };
  'sheet/stale': { task: string; title: string };
  'sheet/status': { value: string; allowed: readonly string[]; suggestion: string | undefined };
  'sheet/progress': { value: string };
  'sheet/progress-down': { task: string; was: number; now: number };
  'sheet/date': { value: string };
  'sheet/date-week': { value: string; from: string; to: string };
  'sheet/date-future': { value: string; asOf: string };
  'sheet/figure': { value: string; metric: string };
  'sheet/figure-limit': { value: string; metric: string; limit: number };
  'sheet/no-target': { task: string; metric: string };
  /** A cell that cannot be decoded; or a whole CSV in an encoding sheets never come in. */
  'sheet/encoding': { value: string; column: string };
  /** A whole file in an encoding a sheet never comes in (one id, one shape of data, for scripts). */
  'sheet/file-encoding': { file: string; encoding: 'UTF-32' | 'UTF-16' };
  'sheet/csv-quote': { file: string; line: number };
  'sheet/no-task': NoData;
  'sheet/added-row': { task: string };
  'sheet/duplicate': { file: string; kept: string; unit: string; week: string; rows: readonly number[] };
  'sheet/earlier-week': { week: string; current: string };
  'sheet/unverified': { file: string };
  'sheet/blank-date-future': { date: string; asOf: string };
  'sheet/status-progress': { status: string; progress: number };
  'sheet/blank-date-late': { task: string; date: string; due: string };
  /** `size`: the file's size in MB, when it is refused for its size. */
  'sheet/refused': { file: string; why: 'timeout' | 'memory' | 'size' | 'not-xls' | 'cells' | 'merges'; limit: number; size?: number };
  'sheet/unidentified': { file: string; missing: readonly ('unit' | 'week' | 'plan')[] };
  'collect/no-sheets': { args: readonly string[] };
  'collect/taken': { file: string; rows: readonly number[]; tasks: readonly string[] };
  'collect/skipped': { file: string; rows: readonly number[] };
  'collect/held': { file: string; rows: readonly number[] };
  'collect/already': { file: string; rows: readonly number[] };
  'collect/nothing': { file: string };
  'collect/written': { file: string; count: number };

  'rollup/no-plans': { args: readonly string[] };
  'rollup/plan-timeout': { seconds: number; reason: string };
  'rollup/plan-crashed': { seconds: number; reason: string };
}
