// An error the user can act on: a message id and data for the catalogue, and the exit code
// (2 for usage and I/O problems, 1 for a plan too broken to read).
import type { MessageData, ToolMessageKey } from './messages/types.js';

/** The messages that take no data: only they may leave it out. */
type DatalessKey = { [K in ToolMessageKey]: Record<string, never> extends MessageData[K] ? K : never }[ToolMessageKey];

export class UserError<K extends ToolMessageKey = ToolMessageKey> extends Error {
  constructor(messageId: K & DatalessKey, data?: MessageData[K], exitCode?: 1 | 2);
  constructor(messageId: K, data: MessageData[K], exitCode?: 1 | 2);
  constructor(readonly messageId: K, readonly data: MessageData[K] = {} as MessageData[K], readonly exitCode: 1 | 2 = 2) {
    super(messageId);
    this.name = 'UserError';
  }
}
