/**
 * An error a bureau clerk can act on: a stable code for programs, a zh-CN message for people and,
 * for form input, the message per field so the screen can show it where it belongs.
 */
export class LedgerError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'LedgerError';
  }
}
