// English messages. Keys and data types come from types.ts: a missing or extra message, or one that reads data it does not take, does not compile.
import type { Catalogue } from './types.js';
import type { Observance } from '../data/national-campaigns.js';

const STATUS: Record<string, string> = { planned: 'planned', in_progress: 'in progress', done: 'done', blocked: 'blocked', cancelled: 'cancelled' };
const KIND: Record<string, string> = { tasks: 'task', units: 'unit', themes: 'theme', requirements: 'requirement', reports: 'report' };
const YAML_HINT: Record<string, string> = {
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  BAD_INDENT: 'check the indentation of this line against the lines above',
  MISSING_CHAR: 'a closing bracket or quote is missing',
  BAD_DQ_ESCAPE: 'a backslash in double quotes starts an escape; use single quotes or write \\\\',
  MULTIPLE_DOCS: 'a plan is one YAML document: remove the "---" line',
  TAG_RESOLVE_FAILED: 'tags such as !!js/function are not allowed in a plan; remove the tag',
  BLOCK_AS_IMPLICIT_KEY: 'a key must fit on one line; is a colon missing a space after it?',
  MULTILINE_IMPLICIT_KEY: 'a key must fit on one line; is a colon missing a space after it?',
  UNEXPECTED_TOKEN: 'unexpected text here',
};
/** The days and months whose editions are counted (第N个…) and under whose names themes are announced. */
const OBSERVANCE: Record<Observance, string> = {
  'safety-month': 'Safety Production Month', 'disaster-day': 'National Disaster Prevention and Reduction Day',
  'fire-day': 'National Fire Safety Day (119)', 'fire-month': 'National Fire Safety Month', 'drug-day': 'International Day against Drug Abuse',
  'drug-month': 'National Anti-Drug Publicity Month',
};
const list = (xs: string[]) => xs.map((x) => `"${x}"`).join(', ');
const didYouMean = (s: unknown, name?: unknown) => (s ? `; did you mean "${s}"${name ? ` (${name})` : ''}?` : '');

export const en: Catalogue = {
  'yaml/syntax:malformed': (d) => `YAML syntax error: ${d.detail}${YAML_HINT[d.code] ? ` (${YAML_HINT[d.code]})` : ''}`,
  'yaml/syntax:alias-limit': (d) => `too many YAML aliases (more than ${d.limit}): the file looks like an alias bomb and was not expanded`,
  'yaml/syntax:too-deep': () => 'the plan nests too deeply to be read (hundreds of levels of subtasks); no real plan needs more than a few',
  'yaml/duplicate-key:duplicate': (d) => `key "${d.key}" appears twice in the same mapping; keep one (the later value would win)`,

  'schema:required': (d) => `${d.field === '(plan)' ? 'the plan' : `"${d.field}"`} is missing the required key "${d.key}"`,
  'schema:unknown-key': (d) => `unknown key "${d.key}"${didYouMean(d.suggestion)}`,
  'schema:empty': () => 'the file is empty: a plan needs at least version, title, organizer, year, period, units and tasks (`campaign init` writes a starter)',
  'schema:not-a-plan': (d) => `a plan must be a YAML mapping of keys (version: 1, title: …), not ${d.actual === 'array' ? 'a list' : `a ${d.actual}`}`,
  'schema:quote': (d) => `"${d.field}" must be a string, but YAML reads ${d.source} as ${d.value}; quote it: "${d.source}"`,
  'schema:type': (d) => `"${d.field}" must be ${article(d.expected)}, not ${article(d.actual)}${d.expected === 'array' ? ` (write a list, e.g. [a, b])` : ''}`,
  'schema:finite': (d) => `"${d.field}" must be a finite number, not ${d.value}`,
  'schema:date-unreal': (d) => `"${d.field}": ${d.value} is not a real calendar date`,
  'schema:date-format': (d) => `"${d.field}": "${d.value}" is not a date written YYYY-MM-DD (e.g. 2020-06-30)`,
  'schema:task-id': (d) => `task id "${d.value}" must be a dotted number such as "2" or "2.3", mirroring the document's numbering`,
  'schema:id': (d) => `"${d.field}": "${d.value}" is not a valid id (no spaces, commas or brackets)`,
  'schema:enum': (d) => `"${d.field}": "${d.value}" is not allowed; use one of ${list(d.allowed)}`,
  'schema:const': (d) => `"${d.field}" must be ${d.allowed}, not ${d.value}`,
  'schema:minimum': (d) => `"${d.field}" must be at least ${d.limit}, not ${d.value}`,
  'schema:maximum': (d) => `"${d.field}" must be at most ${d.limit}, not ${d.value}`,
  'schema:exclusiveMinimum': (d) => `"${d.field}" must be more than ${d.limit}, not ${d.value}`,
  'schema:exclusiveMaximum': (d) => `"${d.field}" must be less than ${d.limit}, not ${d.value}`,
  'schema:depends': (d) => `"${d.key}" only goes with "${d.needs}"; add ${d.needs} or remove ${d.key}`,
  'schema:empty-text': (d) => `"${d.field}" must not be empty`,
  'schema:other': (d) => `"${d.field}" ${d.ajv.message}`,

  'date/period-year:other-year': (d) =>
    `the activity period ${d.start} – ${d.end} lies in ${d.periodYear}, but the plan is for ${d.year}; did you mean ${d.fixedStart} – ${d.fixedEnd}?`,
  'date/title-year:mismatch': (d) => `the title says ${d.titleYear}, but year is ${d.year}; make them agree`,
  'date/order:period': (d) => `the period ends (${d.end}) before it starts (${d.start})`,
  'date/order:task': (d) => `task ${d.task} is due ${d.due}, before its start ${d.start}`,
  'date/outside-period:outside': (d) => `task ${d.task}: ${d.field} ${d.date} lies outside the activity period ${d.start} – ${d.end}`,
  'date/text-invalid:day': (d) => `"${d.text}" does not exist: month ${d.month} has ${d.days} days`,
  'date/text-invalid:leap': (d) => `"${d.text}" does not exist: ${d.year} is not a leap year, February has 28 days`,
  'date/text-invalid:month': (d) => `"${d.text}" does not exist: there is no month ${d.month}`,
  'date/text-year:year': (d) => `"${d.text}" is a date in ${d.year}, neither the plan's year (${d.planYear}) nor in its period — left over from an earlier plan? write "${d.suggestion}"`,
  'date/text-due:later': (d) => `task ${d.task} says "${d.words}" (${d.date}) but its due is ${d.due}, later; set due to ${d.date} or correct the words`,
  'date/weekday:weekday': (d) => `"${d.text}": ${d.date} is a ${EN_WEEKDAY[d.actual]}, not a ${EN_WEEKDAY[d.written]}; write ${d.prefix}${d.actual}`,

  'date/phase-order:backwards': (d) => `phase "${d.phase}" ends (${d.end}) before it starts (${d.start})`,
  'date/phase-order:outside': (d) => `phase "${d.phase}" (${d.start} – ${d.end}) does not lie inside the activity period ${d.periodStart} – ${d.periodEnd}`,
  'date/phase-order:overlap': (d) => `phase "${d.phase}" starts ${d.start}, before the previous phase "${d.previous}" ends (${d.previousEnd}); phases run one after another`,
  'date/phase-due:late': (d) => `task ${d.task} is due ${d.due}, after its phase "${d.phase}" ends (${d.end})`,
  'ref/phase:unknown': (d) => `task ${d.task}: phase "${d.id}" is not defined under phases${d.suggestion ? `; did you mean "${d.suggestion}"?` : ''}`,
  'ref/unit:unknown': (d) => `unit "${d.id}" is not defined under units${didYouMean(d.suggestion, d.suggestionName)}`,
  'ref/theme:unknown': (d) => `theme "${d.id}" is not defined under themes${didYouMean(d.suggestion)}`,
  'id/duplicate:duplicate': (d) => `${KIND[d.kind] ?? d.kind} id "${d.id}" is used twice; ids must be unique`,

  'numbering/gap:gap': (d) => `numbering skips ${list(d.missing)}: ${d.previous ? `"${d.previous}" is followed by` : 'the list starts at'} "${d.id}"`,
  'numbering/gap:range': (d) => `numbering skips ${d.count} numbers, "${d.from}" to "${d.to}": ${d.previous ? `"${d.previous}" is followed by` : 'the list starts at'} "${d.id}"`,
  'numbering/gap:order': (d) => `"${d.id}" comes after "${d.previous}": numbers are out of order`,
  'numbering/gap:parent': (d) => `subtask "${d.id}" does not extend its parent's number "${d.parent}" (expected e.g. "${d.expected}")`,
  'numbering/gap:top': (d) => `top-level task "${d.id}" should have a single number (expected e.g. "${d.expected}")`,

  'status/overdue:overdue': (d) => `task ${d.task} was due ${d.due} and is ${STATUS[d.status]} as of ${d.asOf}`,
  'status/progress:done': (d) => `task ${d.task} is done but its progress is ${d.progress}%; done means 100`,
  'status/progress:full': (d) => `task ${d.task} is at 100% but ${STATUS[d.status]}; set status: done`,
  'status/progress:parent': (d) => `task ${d.task} is marked done, but its subtask ${d.child} is ${STATUS[d.childStatus]}`,
  'report/overdue:overdue': (d) => `report "${d.title}" (${d.report}) was due ${d.due} and has not been submitted as of ${d.asOf}`,
  'report/overdue:recurring': (d) => `report "${d.title}" (${d.report}) was not submitted for ${d.missed.join(', ')} (as of ${d.asOf})`,
  'date/holiday:holiday': (d) => `${d.what}: ${d.date} is a public holiday (${d.holidayEn}); the nearest working day before it is ${d.before}`,
  'date/holiday:weekend': (d) => `${d.what}: ${d.date} is a ${['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][d.weekday]} and not a make-up working day; the nearest working day before it is ${d.before}`,
  'date/calendar-coverage:uncovered': (d) => `dates in ${d.years.join(', ')} are not checked against public holidays: the calendar covers ${d.from}–${d.to}`,
  'date/consultation-day:due': (d) => `task ${d.task} is a consultation-day (咨询日) activity on ${d.date}, but the national consultation day that year is ${d.day}`,
  'date/consultation-day:text': (d) => `"${d.text}": the national consultation day (咨询日) that year is ${d.day}, not ${d.date}`,
  'date/weekday:workday': (d) => `"${d.text}": ${d.date} is not a working day${d.holidayEn ? ` (${d.holidayEn})` : ''} and not a make-up working day in ${d.date.slice(0, 4)}`,
  'theme/national-year:theme': (d) => `"${d.theme}" is the national theme of ${d.themeYear} (the ${ordinal(d.themeEdition)} Safety Production Month); ${d.year}'s theme is "${d.currentTheme}"`,
  'theme/national-year:edition': (d) => `"${d.text}": the ${ordinal(d.edition)} Safety Production Month was in ${d.editionYear}; ${d.year}'s is the ${ordinal(d.expected)}`,
  'theme/national-year:campaign-theme': (d) => `"${d.theme}" is the theme of ${d.themeYear}'s ${OBSERVANCE[d.of]}; ${d.year}'s theme is "${d.currentTheme}"`,
  'theme/national-year:campaign-edition': (d) =>
    `"${d.text}": ${d.year}'s ${OBSERVANCE[d.of]} is the ${ordinal(d.expected)}${d.editionYear === undefined ? '' : ` (the ${ordinal(d.edition)} was in ${d.editionYear})`}`,
  'text/repeated:repeated': (d) => `"${d.word}" is written twice ("${d.text}"); delete one`,
  'text/brackets:unbalanced': (d) => d.kind === 'unclosed' ? `${d.char} is never closed (${d.expected} missing) in "${d.text}"` : `${d.char} closes nothing (no ${d.expected} before it) in "${d.text}"`,
  'io/missing': (d) => `${d.file}: no such file`,
  'io/permission': (d) => `${d.file}: permission denied (cannot read it)`,
  'io/directory': (d) => `${d.file}: is a folder with no plan files (*.yaml, *.yml) in it`,
  'io/unreadable': (d) => `${d.file}: cannot be read (${d.reason})`,
  'io/binary': (d) => `${d.file}: is not a text file (it contains binary data); a plan is a YAML text file`,
  'io/encoding': (d) => `${d.file}:${d.line}:${d.column}: is not valid UTF-8 text from here on; save the file as UTF-8 and try again`,
  'io/encoding-gbk': (d) => `${d.file}:${d.line}:${d.column}: the file is in GBK/GB18030 (as Windows editors save Chinese "ANSI" text), not UTF-8; save it as UTF-8 (in Notepad: Save as, Encoding: UTF-8) and try again`,
  'cli/rule': (d) => `--rule "${d.value}" must be written ID=off|info|warning|error`,
  'cli/unknown-rule': (d) => `--rule: there is no rule "${d.id}"${d.suggestion ? `; did you mean "${d.suggestion}"?` : ''} (campaign rules lists them)`,
  'cli/lang': (d) => `--lang "${d.value}": use zh or en`,
  'cli/format': (d) => `--format "${d.value}": use one of ${d.allowed.join(', ')}`,
  'io/no-folder': (d) => `${d.file}: the folder ${d.dir} does not exist`,
  'io/write': (d) => `${d.file}: cannot be written (${d.reason})`,
  'io/write-permission': (d) => `${d.file}: permission denied (cannot write it)`,
  'io/overwrite-input': (d) => `-o ${d.file} would overwrite ${d.input === d.file ? 'the input itself' : `the input ${d.input} (the same file)`}; choose another output file`,
  'io/binary-to-terminal': (d) => `${d.format} output is binary; write it to a file with -o FILE`,
  'plan/unreadable': (d) => `${d.file}:${d.line}:${d.column}: the plan cannot be read: ${d.message} (campaign validate ${d.file} shows every problem)`,
  'plan/has-errors': (d) => `${d.file}: the plan has ${d.errors} error${d.errors === 1 ? '' : 's'} (${d.rules.join(', ')}); figures may be wrong — campaign validate ${d.file} lists them`,
  'cli/week': (d) => `--week "${d.value}" is not an ISO week such as 2020-W25`,
  'cli/week-and-as-of': () => '--week and --as-of cannot be used together',
  'cli/days': (d) => `--days "${d.value}": write a whole number of days, 0 to 366`,
  'cli/unknown-unit': (d) => `--unit: no plan has a unit "${d.value}"${d.suggestion ? `; did you mean "${d.suggestion}"?` : ''}`,
  'cli/alarm': (d) => `--alarm "${d.value}": write how long before the deadline, such as 1d, 2h, 30m or 1d12h (at most 366 days), or none`,
  'cli/weekday': (d) => `${d.option} "${d.value}": use a day of the week, monday … sunday (or 周一 … 周日)`,
  'update/stdin': () => 'update edits a plan file in place; give its path, not -',
  'update/syntax': (d) => `${d.file}:${d.line}:${d.column}: the plan has a YAML syntax error (${d.message}); fix it first (campaign validate ${d.file}), the file was not changed`,
  'update/unknown-task': (d) => `there is no task "${d.id}"${d.suggestion ? `; did you mean "${d.suggestion}"?` : ''}`,
  'update/parent-task': (d) => `task "${d.id}" has subtasks (${d.children.join(', ')}): record progress on them; a parent's state is rolled up from its subtasks`,
  'update/unknown-unit': (d) => `--by: there is no unit "${d.value}"${d.suggestion ? `; did you mean "${d.suggestion}" (${d.suggestionName})?` : ''}`,
  'update/status': (d) => `--status "${d.value}" is not a status; use one of ${d.allowed.join(', ')}`,
  'update/progress': (d) => `--progress "${d.value}" must be a number from 0 to 100`,
  'update/actual-format': (d) => `--actual "${d.value}" must be written METRIC=NUMBER, e.g. 宣讲场次=8`,
  'update/unknown-metric': (d) => `task ${d.task} has no target "${d.metric}"${d.suggestion ? `; did you mean "${d.suggestion}"?` : d.known.length ? ` (its targets: ${d.known.join(', ')})` : ' (it has no targets)'}`,
  'update/unknown-report': (d) => `there is no report "${d.id}"${d.suggestion ? `; did you mean "${d.suggestion}"?` : ''}`,
  'update/nothing': () => 'nothing to record: give --status, --progress, --note or --actual',
  'update/no-task': () => 'which task? give its id, e.g. campaign update plan.yaml 1.2 --status done (or --report ID --submitted DATE)',
  'update/report-usage': () => 'to record a report, give --report ID and --submitted DATE, and no task id',
  'update/edit-failed': (d) => `${d.file}: the change could not be written safely (${d.reason}); the file was not changed`,
  'update/changed': (d) => `${d.file} changed on disk while it was being updated; nothing was written, run the command again`,
  'update/done': (d) => `${d.file}: ${d.id} ${d.title}: recorded ${Object.entries(d.entry).map(([k, v]) => `${k} ${v}`).join(', ')}`,
  'update/report-done': (d) => `${d.file}: report ${d.id} marked submitted on ${d.date}`,
  'init/template': (d) => `--template "${d.value}": use one of ${d.allowed.join(', ')}`,
  'init/year': (d) => `--year "${d.value}" is not a year (1949–2100)`,
  'init/organizer': () => '--organizer must not be empty',
  'init/exists': (d) => `${d.file} already exists; choose another name or add --force to overwrite it`,
  'init/done': (d) => `wrote ${d.file} (${d.template}, ${d.year}); edit it, then run: campaign validate ${d.file}`,
  'import/docx': (d) => `${d.file}: cannot read this Word file (${d.reason}); save it as .docx or plain text and try again`,
  'import/done': (d) => `${d.file} (${d.encoding}): ${d.tasks} tasks, ${d.units} units${d.output === '-' ? '' : ` written to ${d.output}`}; check the lines marked 原文第N行, then run campaign validate`,
  'validate/fix-stdin': () => '--fix edits files in place; it cannot fix standard input',
  'validate/fixed': (d) => `${d.file}: fixed ${d.count} problem${d.count === 1 ? '' : 's'}`,
  'io/locked': (d) => `${d.file} is being updated by another campaign command (lock ${d.lock}); try again in a moment`,
  'io/lock': (d) => `${d.file}: cannot take the lock beside it (${d.reason})`,
  'rollup/no-plans': (d) => `no plan files found in ${d.args.join(' ')} (folders are searched for *.yaml and *.yml)`,
  'validate/no-files': () => '✖ no file could be checked',
  'validate/clean': (d) => `✔ ${d.files} file${d.files === 1 ? '' : 's'} checked, no problems`,
  'validate/summary': (d) => {
    const n = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
    return `✖ ${n(d.total, 'problem')} (${n(d.errors, 'error')}, ${n(d.warnings, 'warning')}${d.infos ? `, ${n(d.infos, 'info')}` : ''})`;
  },
  'report/before-period': (d) => `the activity period starts on ${d.start}: as of ${d.asOf} nothing of it has happened yet`,
  'report/after-period': (d) => `the activity period ended on ${d.end}; these figures are as of ${d.asOf}`,
  'cli/date': (d) => `${d.option} "${d.value}" is not a date written YYYY-MM-DD`,
  'cli/date-unreal': (d) => `${d.option} "${d.value}" is not a real calendar date`,
  'io/hard-links': (d) => `${d.file} has ${d.links} names (hard links); replacing it would leave the others with the old plan, so it was not changed — edit a copy with one name, or remove the other links`,
  'io/owner': (d) => `${d.file}: cannot keep the file's owner and group on the new version (it belongs to another user); it was not changed`,
  'io/no-space': (d) => `${d.file}: the disk is full; nothing was written`,
  'io/too-many-files': (d) => `${d.file}: too many files are open; close some programs and try again — nothing was written`,
  'io/lock-permission': (d) => `${d.file}: cannot create a lock file in ${d.dir} (no permission, or a read-only folder); the plan was not changed`,
  'io/lock-stuck': (d) => `${d.file}: the lock ${d.lock} is in the way and cannot be removed (a folder, or another user's lock); remove it and try again`,
  'io/too-large': (d) => `${d.file} is ${d.size} MB, more than this process can read safely (${d.limit} MB); give Node more memory, e.g. NODE_OPTIONS=--max-old-space-size=${d.heap}`,
  'io/utf32': (d) => `${d.file}: the file is in UTF-32; save it as UTF-8 and try again`,
  'rollup/plan-timeout': (d) => `took longer than ${d.seconds} s and was stopped (CAMPAIGN_PLAN_TIMEOUT_MS sets the limit)`,
  'rollup/plan-crashed': (d) => `could not be read: ${d.reason}`,
  'cli/system': (d) => d.code === 'EMFILE' || d.code === 'ENFILE' ? 'too many files are open; raise the limit (ulimit -n) or close some programs, and try again' : d.code === 'ENOSPC' || d.code === 'EDQUOT' ? 'the disk is full' : `the system refused: ${d.message}`,
  'cli/internal': (d) => `internal error: ${d.message}. This is a bug in campaign; please report it with the file that caused it`,
};

const EN_WEEKDAY: Record<string, string> = { 日: 'Sunday', 一: 'Monday', 二: 'Tuesday', 三: 'Wednesday', 四: 'Thursday', 五: 'Friday', 六: 'Saturday' };
function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${s}`;
}

function article(type: string): string {
  const name = type === 'object' ? 'mapping' : type === 'array' ? 'list' : type;
  return /^[aeiou]/.test(name) ? `an ${name}` : `a ${name}`;
}
