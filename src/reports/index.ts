// The report-kind registry: one line per kind, each loaded only when its command runs. Every kind
// becomes a command with the same inputs, options, output and outcome (src/commands/report-command.ts).
import type { ReportKind } from './kind.js';

export const KINDS = {
  status: () => import('./status.js'),
  weekly: () => import('./weekly.js'),
  report: () => import('./progress.js'),
  export: () => import('./export.js'),
  rollup: () => import('./rollup.js'),
  agenda: () => import('./agenda.js'),
} satisfies Record<string, () => Promise<{ default: ReportKind }>>;

export type KindName = keyof typeof KINDS;
