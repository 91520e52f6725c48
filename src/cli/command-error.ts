/** A command that cannot be done as asked, with what to do instead: the CLI prints the message and exits 1. */
export class CommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandError';
  }
}
