// What the CLI hands each command: the process edges, and where to leave the exit code.
import type { CliIO } from '../io/cli-io.js';
import type { Lang } from '../messages/types.js';
import type { UserError } from '../errors.js';

export interface CommandContext {
  io: CliIO;
  exitCode: number;
  /** The language once a command has resolved it (for messages of errors thrown later). */
  lang?: Lang;
  /** Prints a user error (file: message) on stderr without stopping the command. */
  reportError(err: UserError): void;
}
