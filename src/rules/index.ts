// The rule registry: one line per rule. test/rules-registry.test.ts keeps it and src/rules/ in step.
// A tuple, not Rule[], so that every rule's id and message types reach src/messages/types.ts.
import type { Rule } from './types.js';
import yamlSyntax from './yaml/syntax.js';
import yamlDuplicateKey from './yaml/duplicate-key.js';
import schema from './schema.js';
import datePeriodYear from './date/period-year.js';
import dateTitleYear from './date/title-year.js';
import dateOrder from './date/order.js';
import dateOutsidePeriod from './date/outside-period.js';
import dateWeekday from './date/weekday.js';
import dateTextInvalid from './date/text-invalid.js';
import dateTextYear from './date/text-year.js';
import dateTextDue from './date/text-due.js';
import dateReportBeforeEnd from './date/report-before-end.js';
import refUnit from './ref/unit.js';
import refTheme from './ref/theme.js';
import refPhase from './ref/phase.js';
import refLeadSupport from './ref/lead-support.js';
import refExternalLead from './ref/external-lead.js';
import datePhaseOrder from './date/phase-order.js';
import datePhaseDue from './date/phase-due.js';
import idDuplicate from './id/duplicate.js';
import numberingGap from './numbering/gap.js';
import statusOverdue from './status/overdue.js';
import statusProgress from './status/progress.js';
import statusProgressDown from './status/progress-down.js';
import statusLogOrder from './status/log-order.js';
import statusFutureEntry from './status/future-entry.js';
import reportOverdue from './report/overdue.js';
import textRepeated from './text/repeated.js';
import dateHoliday from './date/holiday.js';
import dateCalendarCoverage from './date/calendar-coverage.js';
import dateConsultationDay from './date/consultation-day.js';
import themeNationalYear from './theme/national-year.js';
import themePlaceholder from './theme/placeholder.js';
import textBrackets from './text/brackets.js';
import textPhone from './text/phone.js';
import lintUnusedDisable from './lint/unused-disable.js';
import lintUnknownRule from './lint/unknown-rule.js';

export const RULES = [
  yamlSyntax,
  yamlDuplicateKey,
  schema,
  datePeriodYear,
  dateTitleYear,
  dateOrder,
  dateOutsidePeriod,
  datePhaseOrder,
  datePhaseDue,
  dateWeekday,
  dateTextInvalid,
  dateTextYear,
  dateTextDue,
  dateReportBeforeEnd,
  dateHoliday,
  dateCalendarCoverage,
  dateConsultationDay,
  themeNationalYear,
  themePlaceholder,
  refUnit,
  refTheme,
  refPhase,
  refLeadSupport,
  refExternalLead,
  idDuplicate,
  numberingGap,
  statusOverdue,
  statusProgress,
  statusProgressDown,
  statusLogOrder,
  statusFutureEntry,
  reportOverdue,
  textRepeated,
  textBrackets,
  textPhone,
  lintUnusedDisable,
  lintUnknownRule,
] as const satisfies readonly Rule[];
