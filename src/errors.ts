// An error the user can act on: a message id and data for the catalogue, and the exit code (2).
export class UserError extends Error {
  constructor(readonly messageId: string, readonly data: Record<string, unknown> = {}) {
    super(messageId);
    this.name = 'UserError';
  }
}
