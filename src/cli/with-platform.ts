import type { Config } from '../config/config.js';
import { DataDirLockedError } from '../db/data-dir-lock.js';
import { openPlatform, type Platform } from '../platform.js';
import { CommandError } from './command-error.js';
import { serverAnswers } from './control-client.js';

/**
 * Opens the platform for one command that writes and closes it whatever happens. A running server holds a
 * PGlite folder, and two writers would corrupt it: such a command does not run through the server's control
 * socket (only read commands do, run-read-command.ts) and says so.
 */
export async function withPlatform<T>(config: Config, work: (platform: Platform) => Promise<T>): Promise<T> {
  let platform: Platform;
  try {
    platform = await openPlatform(config);
  } catch (error) {
    if (error instanceof DataDirLockedError && !config.databaseUrl && (await serverAnswers(config.dataDir)))
      throw new CommandError(
        `The data folder ${config.dataDir} is in use by the running server (process ${error.holder.pid}). This command changes data, ` +
          'so it does not run beside the server: stop the server first, or make the change in the web app or through its API (/api/docs).',
      );
    throw error;
  }
  try {
    return await work(platform);
  } finally {
    await platform.close();
  }
}
