/** A delete answers 204 with no body: reading it as JSON fails, and that failure means it was done. */
export function ignoreNoContent(error: unknown): void {
  if (!(error instanceof SyntaxError)) throw error;
}
