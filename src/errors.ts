// An error the user can act on: a message id and data for the catalogue, and the exit code
// (2 for usage and I/O problems, 1 for a plan too broken to read).
export class UserError extends Error {
  constructor(readonly messageId: string, readonly data: Record<string, unknown> = {}, readonly exitCode: 1 | 2 = 2) {
    super(messageId);
    this.name = 'UserError';
  }
}
