import { Option, type Command } from 'commander';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Config } from '../config/config.js';
import { CSV_SEPARATORS } from '../services/csv/csv.js';
import { readJsonLines } from '../services/organisation-record.js';
import { exportRecordLines, exportRecordsCsv } from '../services/registry/transfer/export-records.js';
import { importRecords } from '../services/registry/transfer/import-records.js';
import { RECORD_KINDS, type RecordKind } from '../shared/registry.js';
import { progressBar } from './progress.js';
import { withPlatform } from './with-platform.js';

/**
 * import-records and export-records: the cooperation registry (agreements, initiatives, academic
 * partnerships, residencies) in JSON Lines, one record a line (docs/import-export.md); the list also as CSV.
 * Like the other write commands they open the data folder themselves (refused beside a running server,
 * whose API exports the same at /api/v1/registry/export).
 */
export function registerRegistryCommands(program: Command, config: () => Config): void {
  program
    .command('import-records <file>')
    .description('import cooperation records from JSON Lines (docs/import-export.md); all lines or none')
    .action(async (file: string) => {
      const rows = readJsonLines(await readFile(file, 'utf8'));
      await withPlatform(config(), async ({ services }) => {
        const bar = progressBar('import');
        const report = await importRecords(services.repos, rows, { onProgress: bar.update });
        console.log(`Imported ${report.inserted} cooperation record(s) and ${report.links} link(s).`);
      });
    });

  program
    .command('export-records')
    .description('export the cooperation records as JSON Lines, or their list as CSV')
    .addOption(new Option('--format <format>', 'jsonl or csv (default: from the file name)').choices(['jsonl', 'csv']))
    .addOption(new Option('--kind <kind>', 'one kind of record only').choices([...RECORD_KINDS]))
    .option('--out <file>', 'write to a file instead of standard output')
    .option('--published-only', 'leave out the records only their parties and coordinators read')
    .addOption(new Option('--separator <name>', 'CSV: the character between cells').choices(Object.keys(CSV_SEPARATORS)).default('comma'))
    .action(async (options: { format?: string; kind?: RecordKind; out?: string; publishedOnly?: boolean; separator: keyof typeof CSV_SEPARATORS }) => {
      const csv = (options.format ?? (options.out?.toLowerCase().endsWith('.csv') ? 'csv' : 'jsonl')) === 'csv';
      const out = options.out ? createWriteStream(options.out) : process.stdout;
      const filter = { kind: options.kind, publishedOnly: options.publishedOnly === true };
      let exported = 0;
      await withPlatform(config(), async ({ services }) => {
        if (csv) {
          const text = await exportRecordsCsv(services.repos, filter, CSV_SEPARATORS[options.separator]);
          exported = Math.max(0, text.trimEnd().split('\n').length - 1);
          out.write(text);
          return;
        }
        for await (const line of exportRecordLines(services.repos, filter)) {
          out.write(`${JSON.stringify(line)}\n`);
          exported++;
        }
      });
      if (options.out) await new Promise<void>((ok) => (out as NodeJS.WritableStream).end(ok));
      console.error(`Exported ${exported} cooperation record(s)${options.out ? ` to ${options.out}` : ''}.`);
    });
}
