// Why a change to a plan cannot be made. A RequestError is a request that cannot be carried out (an
// unknown task, a bad number): a message id and its data, typed as the catalogue has them; the command
// that asked turns it into the CLI's error. An EditError is an edit of the text that could not be made
// safely (a syntax error, a place that is not there, a result that does not read back as intended).
import type { DatalessKey, MessageData, ToolMessageKey } from '../messages/types.js';

export class RequestError<K extends ToolMessageKey = ToolMessageKey> extends Error {
  constructor(messageId: K & DatalessKey, data?: MessageData[K]);
  constructor(messageId: K, data: MessageData[K]);
  constructor(readonly messageId: K, readonly data: MessageData[K] = {} as MessageData[K]) {
    super(messageId);
    this.name = 'RequestError';
  }
}

export class EditError extends Error {
  constructor(readonly reason: 'syntax' | 'not-found' | 'unsupported' | 'verify', message: string) {
    super(message);
  }
}
