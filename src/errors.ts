// An error the user can act on: a message id and data for the catalogue, and what kind of outcome it
// is. Only the CLI entry turns outcomes into exit codes (see Outcome in src/commands/context.ts).
export class UserError extends Error {
  constructor(
    readonly messageId: string,
    readonly data: Record<string, unknown> = {},
    /** 'failed' for usage and I/O problems, 'findings' for a plan too broken to read. */
    readonly outcome: 'failed' | 'findings' = 'failed',
  ) {
    super(messageId);
    this.name = 'UserError';
  }
}
