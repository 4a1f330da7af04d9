// What the CLI hands each command: the process edges, the language, and the outcome the command
// reports. Commands say what happened; only the CLI entry turns that into an exit code.
import type { CliIO } from '../io/cli-io.js';
import type { Lang } from '../messages/types.js';
import type { UserError } from '../errors.js';

/** ok: done; findings: the plans have errors (or could not be read as plans); failed: usage or I/O. */
export type Outcome = 'ok' | 'findings' | 'failed';

const RANK: Record<Outcome, number> = { ok: 0, findings: 1, failed: 2 };
export const worse = (a: Outcome, b: Outcome): Outcome => (RANK[b] > RANK[a] ? b : a);

export interface CommandContext {
  io: CliIO;
  /** The language of messages: from --lang once a command has read it, else from the locale. */
  lang: Lang;
  /** The worst outcome so far. */
  outcome: Outcome;
  /** Records an outcome (the worst one wins). */
  record(outcome: Outcome): void;
  /** Prints a user error (file: message) on stderr without stopping the command, and records its outcome. */
  reportError(err: UserError): void;
}
