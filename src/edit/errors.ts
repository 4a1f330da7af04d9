// A request to change a plan that cannot be carried out (an unknown task, a bad number): a message
// id and its data, typed as the catalogue has them. The command that asked turns it into the CLI's error.
import type { MessageData, ToolMessageKey } from '../messages/types.js';

/** The messages that take no data: only they may leave it out. */
type DatalessKey = { [K in ToolMessageKey]: Record<string, never> extends MessageData[K] ? K : never }[ToolMessageKey];

export class RequestError<K extends ToolMessageKey = ToolMessageKey> extends Error {
  constructor(messageId: K & DatalessKey, data?: MessageData[K]);
  constructor(messageId: K, data: MessageData[K]);
  constructor(readonly messageId: K, readonly data: MessageData[K] = {} as MessageData[K]) {
    super(messageId);
    this.name = 'RequestError';
  }
}
