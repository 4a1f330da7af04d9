// An error the user can act on: a message id and data for the catalogue, and what kind of outcome it
// is. Only the CLI entry turns outcomes into exit codes (see Outcome in src/commands/context.ts).
import type { DatalessKey, MessageData, ToolMessageKey } from './messages/types.js';

/** 'failed' for usage and I/O problems, 'findings' for a plan too broken to read. */
export type ErrorOutcome = 'failed' | 'findings';

export class UserError<K extends ToolMessageKey = ToolMessageKey> extends Error {
  constructor(messageId: K & DatalessKey, data?: MessageData[K], outcome?: ErrorOutcome);
  constructor(messageId: K, data: MessageData[K], outcome?: ErrorOutcome);
  constructor(readonly messageId: K, readonly data: MessageData[K] = {} as MessageData[K], readonly outcome: ErrorOutcome = 'failed') {
    super(messageId);
    this.name = 'UserError';
  }
}
