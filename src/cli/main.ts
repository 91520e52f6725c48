import { Command, Option } from 'commander';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { ConfigError, loadConfig, type Config } from '../config/config.js';
import { BackupError } from '../db/backup.js';
import { DataDirLockedError } from '../db/data-dir-lock.js';
import { AppError } from '../services/errors.js';
import { CSV_SEPARATORS } from '../services/csv/csv.js';
import { importOrganisations, ImportInvalidError } from '../services/import-organisations.js';
import { readCsv, readJsonLines, type ImportFormat } from '../services/organisation-record.js';
import { seedDemo } from '../services/seed-demo.js';
import { syntheticOrganisations } from '../services/synthetic-organisations.js';
import { insertSyntheticRecords } from '../services/synthetic-records.js';
import { registerBackupCommands } from './backup-commands.js';
import { registerRegistryCommands } from './registry-commands.js';
import { CommandError } from './command-error.js';
import { progressBar } from './progress.js';
import { exportCommand } from './read-commands.js';
import { runReadCommand, terminalOutput } from './run-read-command.js';
import { withPlatform } from './with-platform.js';
import { registerSearchCommands } from './search-commands.js';
import { registerServeCluster } from './serve-cluster.js';
import { registerServe } from './serve-command.js';
import type { Language } from '../shared/languages.js';
import { ROLES, type Role } from '../shared/roles.js';

const formatOption = () => new Option('--format <format>', 'jsonl or csv (default: from the file name)').choices(['jsonl', 'csv']);

function formatOf(file: string | undefined, given: string | undefined): ImportFormat {
  if (given) return given as ImportFormat;
  return file && extname(file).toLowerCase() === '.csv' ? 'csv' : 'jsonl';
}

export function cli(config: () => Config): Command {
  const program = new Command('clusterbridge')
    .description('Clusterbridge: cross-border cooperation between regional innovation ecosystems')
    .showHelpAfterError();

  registerServe(program, config);
  registerServeCluster(program, config);

  program
    .command('send-digests')
    .description(
      "send the due submission notices and coordinators' daily digests once (serve's background jobs do it every minute; for cron)",
    )
    .action(async () => {
      await withPlatform(config(), async ({ services }) => {
        console.log(`Sent ${await services.notices.sendDue()} e-mail(s).`);
      });
    });

  program
    .command('migrate')
    .description('apply database migrations and the shipped reference data (regions, areas)')
    .action(async () => {
      await withPlatform(config(), async () => console.log('Database is up to date.'));
    });

  program
    .command('seed')
    .description(
      'load the demo data: the Kaluga region ↔ Limousin founding case, and the example organisations unless SEED_EXAMPLES=false (adds only what is missing)',
    )
    .action(async () => {
      const cfg = config();
      await withPlatform(cfg, async ({ services }) => {
        const { organisations, records } = await seedDemo(services.repos, services.classifications, { examples: cfg.seedExamples });
        console.log(`Demo data loaded: ${organisations} new organisation(s), ${records} new cooperation record(s).`);
      });
    });

  program
    .command('import <file>')
    .description('import organisations from JSON Lines or CSV (docs/import-export.md); all rows or none')
    .addOption(formatOption())
    .option('--skip-invalid', 'import the valid rows and report each invalid one instead of refusing the file')
    .action(async (file: string, options: { format?: string; skipInvalid?: boolean }) => {
      const text = await readFile(file, 'utf8');
      const rows = formatOf(file, options.format) === 'csv' ? readCsv(text) : readJsonLines(text);
      await withPlatform(config(), async ({ services }) => {
        const bar = progressBar('import');
        const report = await importOrganisations(services.repos, services.classifications, rows, {
          skipInvalid: options.skipInvalid,
          onProgress: bar.update,
        });
        for (const p of report.skipped) console.error(`skipped line ${p.line}: ${p.field ? `${p.field}: ` : ''}${p.message}`);
        console.log(
          `Imported ${report.inserted} organisation(s)${report.skipped.length ? `, skipped ${report.skipped.length} problem(s)` : ''}.`,
        );
      });
    });

  program
    .command('export')
    .description('export the published organisations as JSON Lines or CSV (UTF-8 with BOM; also while the server runs)')
    .addOption(formatOption())
    .option('--out <file>', 'write to a file instead of standard output')
    .option('--include-unpublished', 'also export organisations whose profile is not validated yet')
    .addOption(
      new Option('--separator <name>', 'CSV: the character between cells (semicolon for French and Russian spreadsheets)')
        .choices(Object.keys(CSV_SEPARATORS))
        .default('comma'),
    )
    .action(async (options: { format?: string; out?: string; includeUnpublished?: boolean; separator: keyof typeof CSV_SEPARATORS }) => {
      const format = formatOf(options.out, options.format);
      const separator = CSV_SEPARATORS[options.separator];
      const out = options.out ? createWriteStream(options.out) : process.stdout;
      const report = await runReadCommand(
        config(),
        exportCommand,
        { format, includeUnpublished: options.includeUnpublished === true, separator: options.separator },
        terminalOutput(out, options.out ? progressBar('export') : null),
      );
      if (options.out) await new Promise<void>((ok) => (out as NodeJS.WritableStream).end(ok));
      // on standard error, so that it never mixes with an export written to standard output
      console.error(
        `Exported ${report.exported} organisation(s)${options.out ? ` to ${options.out}` : ''}` +
          (format === 'csv' ? ` (CSV, "${separator}" between cells)` : '') +
          (report.leftOut > 0 ? `; ${report.leftOut} unpublished left out (--include-unpublished adds them).` : '.'),
      );
    });

  program
    .command('generate')
    .description('add a SYNTHETIC set of organisations and registry records (labelled source "synthetic") for benchmarks and load tests')
    .option('--count <n>', 'how many organisations', '100000')
    .option('--organisations <n>', 'how many organisations (the same as --count; 0 adds records among those already there)')
    .option('--agreements <n>', 'how many agreements', '0')
    .option('--initiatives <n>', 'how many joint initiatives', '0')
    .option('--academic-partnerships <n>', 'how many academic partnerships', '0')
    .option('--residencies <n>', 'how many technopark residencies', '0')
    .option('--seed <n>', 'random seed: the same seed gives the same set', '1')
    .option('--out <file>', 'write the organisations as JSON Lines to a file instead of the database')
    .action(
      async (options: {
        count: string;
        organisations?: string;
        agreements: string;
        initiatives: string;
        academicPartnerships: string;
        residencies: string;
        seed: string;
        out?: string;
      }) => {
        const whole = (value: string, option: string, min: number) => {
          const n = Number(value);
          if (!Number.isInteger(n) || n < min || n > 2_000_000)
            throw new AppError('validation_failed', `--${option} must be a whole number from ${min} to 2000000`, option);
          return n;
        };
        const counts = {
          agreements: whole(options.agreements, 'agreements', 0),
          initiatives: whole(options.initiatives, 'initiatives', 0),
          academicPartnerships: whole(options.academicPartnerships, 'academic-partnerships', 0),
          residencies: whole(options.residencies, 'residencies', 0),
        };
        const recordTotal = Object.values(counts).reduce((a, n) => a + n, 0);
        const count =
          options.organisations !== undefined
            ? whole(options.organisations, 'organisations', recordTotal > 0 ? 0 : 1)
            : whole(options.count, 'count', 1);
        const seed = Number(options.seed);
        const records = syntheticOrganisations(count, seed);
        if (options.out) {
          if (recordTotal > 0)
            throw new AppError('validation_failed', '--out writes organisations only: leave out the record counts', 'out');
          const out = createWriteStream(options.out);
          for (const r of records) out.write(JSON.stringify(r) + '\n');
          await new Promise<void>((ok) => out.end(ok));
          console.log(`Wrote ${count} synthetic organisations to ${options.out}.`);
          return;
        }
        await withPlatform(config(), async ({ services }) => {
          if (count > 0) {
            const rows = [...records].map((value, i) => ({ line: i + 1, value }));
            const report = await importOrganisations(services.repos, services.classifications, rows, {
              onProgress: progressBar('generate organisations').update,
            });
            console.log(`Added ${report.inserted} synthetic organisations.`);
          }
          if (recordTotal > 0) {
            const report = await insertSyntheticRecords(services.repos, counts, {
              seed,
              onProgress: progressBar('generate records').update,
            });
            console.log(
              `Added ${report.inserted} synthetic registry records (${counts.agreements} agreements, ${counts.initiatives} initiatives, ` +
                `${counts.academicPartnerships} academic partnerships, ${counts.residencies} residencies).`,
            );
          }
        });
      },
    );

  program
    .command('create-admin')
    .description(
      'create a platform administrator (the first account of a new platform); the password comes from CLUSTERBRIDGE_ADMIN_PASSWORD or --password',
    )
    .requiredOption('--email <email>', "the administrator's e-mail address")
    .option('--name <name>', 'display name', 'Administrator')
    .option('--password <password>', 'the password (prefer the environment variable: a command line is visible to other users)')
    .addOption(new Option('--language <lang>', 'language of e-mails').choices(['ru', 'fr', 'en']).default('en'))
    .action(async (options: { email: string; name: string; password?: string; language: Language }) => {
      const password = options.password ?? process.env.CLUSTERBRIDGE_ADMIN_PASSWORD;
      if (!password)
        throw new AppError('validation_failed', 'Give the password in CLUSTERBRIDGE_ADMIN_PASSWORD or with --password.', 'password');
      await withPlatform(config(), async ({ services }) => {
        await services.admin.createAdministrator(options.email, options.name, password, options.language);
        console.log(`Administrator ${options.email} created.`);
      });
    });

  const roleOption = () => new Option('--role <role>', 'the role').choices([...ROLES]).makeOptionMandatory();
  program
    .command('grant <email>')
    .description('grant a role: --role regional_coordinator --region RU-KLU, or --role org_admin --organisation airko')
    .addOption(roleOption())
    .option('--region <code>', 'ISO 3166-2 region, for a regional coordinator')
    .option('--organisation <slug>', 'organisation, for org_admin, org_editor and member')
    .action(async (email: string, options: { role: Role; region?: string; organisation?: string }) => {
      await withPlatform(config(), async ({ services }) => {
        await services.admin.grant(null, email, options.role, { regionCode: options.region, organisationSlug: options.organisation });
        console.log(`Granted ${options.role} to ${email}.`);
      });
    });

  program
    .command('revoke <email>')
    .description('revoke a role (same options as grant)')
    .addOption(roleOption())
    .option('--region <code>', 'ISO 3166-2 region, for a regional coordinator')
    .option('--organisation <slug>', 'organisation, for org_admin, org_editor and member')
    .action(async (email: string, options: { role: Role; region?: string; organisation?: string }) => {
      await withPlatform(config(), async ({ services }) => {
        const n = await services.admin.revoke(null, email, options.role, {
          regionCode: options.region,
          organisationSlug: options.organisation,
        });
        console.log(n > 0 ? `Revoked ${options.role} from ${email}.` : `${email} did not hold that role.`);
      });
    });

  registerSearchCommands(program, config);
  registerBackupCommands(program, config);
  registerRegistryCommands(program, config);
  return program;
}

/** Turns known failures into a clear message and exit code 1; unknown ones keep their stack. */
export async function run(argv: string[]): Promise<void> {
  try {
    await cli(() => loadConfig()).parseAsync(argv);
  } catch (error) {
    if (error instanceof ImportInvalidError) {
      console.error(error.message);
      for (const p of error.problems.slice(0, 50)) console.error(`  line ${p.line}: ${p.field ? `${p.field}: ` : ''}${p.message}`);
      if (error.problems.length > 50) console.error(`  … and ${error.problems.length - 50} more`);
    } else if (
      error instanceof ConfigError ||
      error instanceof DataDirLockedError ||
      error instanceof AppError ||
      error instanceof CommandError ||
      error instanceof BackupError
    ) {
      console.error(error.message);
    } else {
      throw error;
    }
    process.exitCode = 1;
  }
}
