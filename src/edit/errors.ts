// A request to change a plan that cannot be carried out (an unknown task, a bad number): a message
// id and its data, typed as the catalogue has them. The command that asked turns it into the CLI's error.
import type { DatalessKey, MessageData, ToolMessageKey } from '../messages/types.js';

export class RequestError<K extends ToolMessageKey = ToolMessageKey> extends Error {
  constructor(messageId: K & DatalessKey, data?: MessageData[K]);
  constructor(messageId: K, data: MessageData[K]);
  constructor(readonly messageId: K, readonly data: MessageData[K] = {} as MessageData[K]) {
    super(messageId);
    this.name = 'RequestError';
  }
}
