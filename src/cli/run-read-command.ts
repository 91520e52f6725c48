import type { Static, TSchema } from 'typebox';
import { Value } from 'typebox/value';
import type { Config } from '../config/config.js';
import { DataDirLockedError } from '../db/data-dir-lock.js';
import { AppError } from '../services/errors.js';
import { runOnServer } from './control-client.js';
import type { progressBar } from './progress.js';
import type { CommandOutput, ReadCommand } from './read-commands.js';

/** Standard output or the --out file, with backpressure, and a progress bar when the command shows one. */
export function terminalOutput(target: NodeJS.WritableStream, bar: ReturnType<typeof progressBar> | null = null): CommandOutput {
  return {
    write: (chunk) => new Promise<void>((ok) => (target.write(chunk) ? ok() : target.once('drain', ok))),
    progress: (done, total) => bar?.update(done, total),
  };
}

/**
 * Runs a read command on the data folder, or, when a running server holds the PGlite folder, inside that
 * server through its control socket (cli/control-socket.ts): the same options, checked here by the same
 * schema the socket checks, give the same output either way.
 */
export async function runReadCommand<S extends TSchema, R, C>(
  config: Config,
  command: ReadCommand<S, R, C>,
  options: Static<S>,
  output: CommandOutput,
): Promise<R> {
  const problem = Value.Errors(command.options, options)[0];
  if (problem) {
    const field = problem.instancePath.replace(/^\//, '').replace(/\//g, '.');
    throw new AppError('validation_failed', `${field ? `--${field} ` : ''}${problem.message}`, field || undefined);
  }
  let context: C & { close(): Promise<void> };
  try {
    context = await command.open(config);
  } catch (error) {
    if (error instanceof DataDirLockedError && !config.databaseUrl)
      return runOnServer<R>(config.dataDir, command.name, options, output, error);
    throw error;
  }
  try {
    return await command.run(context, options, output);
  } finally {
    await context.close();
  }
}
