import type { Command } from 'commander';
import { createWriteStream, renameSync, rmSync, statSync } from 'node:fs';
import type { Config } from '../config/config.js';
import { BackupError, pgDump, restoreDataDir } from '../db/backup.js';
import { progressBar } from './progress.js';
import { backupCommand } from './read-commands.js';
import { runReadCommand, terminalOutput } from './run-read-command.js';

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * backup and restore. A backup is written beside its name and renamed when whole, so that a file of that
 * name is always a complete backup; it holds password hashes and e-mail addresses, so it is the owner's
 * alone (0600).
 */
export function registerBackupCommands(program: Command, config: () => Config): void {
  program
    .command('backup <file>')
    .description(
      'write a consistent copy of the database to a file (PGlite: a tarball of the data folder, also while the server runs; PostgreSQL: pg_dump --format=custom)',
    )
    .action(async (file: string) => {
      const cfg = config();
      const started = performance.now();
      const partial = `${file}.partial`;
      try {
        if (cfg.databaseUrl) {
          console.error('backup: pg_dump is running…');
          await pgDump(cfg.databaseUrl, partial);
        } else {
          const out = createWriteStream(partial, { mode: 0o600 });
          try {
            await runReadCommand(cfg, backupCommand, {}, terminalOutput(out, progressBar('backup (MB)')));
          } finally {
            await new Promise<void>((ok) => out.end(ok));
          }
        }
        renameSync(partial, file);
      } catch (error) {
        rmSync(partial, { force: true });
        throw error;
      }
      const kind = cfg.databaseUrl ? 'the PostgreSQL database (pg_dump custom format: restore it with pg_restore)' : cfg.dataDir;
      console.log(
        `Backed up ${kind} to ${file} (${megabytes(statSync(file).size)}) in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
      );
    });

  program
    .command('restore <file>')
    .description('restore a backup into DATA_DIR, a new or empty folder (--force moves what is there aside); all or nothing')
    .option('--force', 'restore into a folder that is not empty, moving its contents aside first (never one in use)')
    .action(async (file: string, options: { force?: boolean }) => {
      const cfg = config();
      if (cfg.databaseUrl)
        throw new BackupError(
          'restore fills a PGlite data folder (DATA_DIR); with DATABASE_URL, restore a pg_dump backup with pg_restore --dbname <database> <file>.',
        );
      const { movedAside } = await restoreDataDir(file, cfg.dataDir, { force: options.force === true });
      console.log(
        `Restored ${file} into ${cfg.dataDir}.` +
          (movedAside ? ` What was there is now in ${movedAside}; delete it when you no longer need it.` : '') +
          ' Start the platform (serve): it brings the data up to this version.',
      );
    });
}
