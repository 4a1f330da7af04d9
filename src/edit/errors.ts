// A request to change a plan that cannot be carried out (an unknown task, a bad number): a message
// id and its data. The command that asked turns it into the CLI's error.
export class RequestError extends Error {
  constructor(readonly messageId: string, readonly data: Record<string, unknown> = {}) {
    super(messageId);
    this.name = 'RequestError';
  }
}
