import type { Static, TSchema } from 'typebox';
import type { Config } from '../config/config.js';
import { openDatabase, type DatabaseHandle } from '../db/client.js';
import { openPlatform, type Platform } from '../platform.js';
import { CSV_SEPARATORS } from '../services/csv/csv.js';
import { AppError } from '../services/errors.js';
import { exportOrganisations, type ExportReport } from '../services/export-organisations.js';
import type { Language } from '../shared/languages.js';
import { resolveText, type MultilingualText } from '../shared/multilingual.js';
import { BackupCommandSchema, ExportCommandSchema, PartnersCommandSchema, SearchCommandSchema } from '../shared/schemas/cli-commands.js';

/** Where a read command writes: the terminal (or --out file) directly, or the control socket's stream to it. */
export interface CommandOutput {
  /** The command's output: standard output, or the file named by --out. */
  write(chunk: string | Uint8Array): Promise<void>;
  progress(done: number, total: number): void;
}

/**
 * A command that only reads, so that it also runs inside a running server (through its control socket)
 * while the server holds the PGlite data folder. `open` is the direct path's: what the command needs of a
 * stopped folder; the server gives its own platform instead. The result goes back to the CLI as JSON.
 */
export interface ReadCommand<S extends TSchema, R, C> {
  name: 'search' | 'partners' | 'export' | 'backup';
  options: S;
  open(config: Config): Promise<C & { close(): Promise<void> }>;
  run(context: C, options: Static<S>, output: CommandOutput): Promise<R>;
}

const shown = (text: MultilingualText | null, lang: Language) => resolveText(text, lang)?.text ?? '';
const lines = (rows: string[]) => (rows.length ? rows.join('\n') + '\n' : '');
const withServices = (config: Config) => openPlatform(config);

/**
 * A terminal has no connection to time out, so where the web answers search_starting while the index
 * loads after a start (first-load.ts), the CLI waits for the load and answers then.
 */
async function afterFirstLoad<T>(work: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'search_starting') throw error;
      await new Promise((ok) => setTimeout(ok, 1000));
    }
  }
}

export const searchCommand: ReadCommand<typeof SearchCommandSchema, null, Pick<Platform, 'services'>> = {
  name: 'search',
  options: SearchCommandSchema,
  open: withServices,
  async run({ services }, { q, lang }, output) {
    const result = await afterFirstLoad(() => services.directory.search({ q, page: 1, pageSize: 20 }));
    const rows = result.items.map((o) => {
      const reasons = (o.match?.reasons ?? []).map((r) => `${shown(r.concept.label, lang)} «${r.found[0]?.term ?? ''}»`);
      return `${o.slug}\t${o.regionCode}\t${shown(o.name, lang)}${reasons.length ? `\t— ${reasons.join(', ')}` : ''}`;
    });
    await output.write(lines([`${result.meta.total} found`, ...rows]));
    return null;
  },
};

export const partnersCommand: ReadCommand<typeof PartnersCommandSchema, null, Pick<Platform, 'services'>> = {
  name: 'partners',
  options: PartnersCommandSchema,
  open: withServices,
  async run({ services }, { slug, lang, limit }, output) {
    const result = await services.matches.suggest(slug, { limit }, null);
    const rows = result.items.map((s) => {
      const e = s.explanation;
      const why = [
        e.areas.length ? `areas ${e.areas.map((a) => shown(a.name, lang)).join(' · ')}` : '',
        e.nace.length ? `NACE ${e.nace.map((n) => n.code).join(', ')}` : '',
        e.concepts.length ? `concepts ${e.concepts.map((c) => shown(c.label, lang)).join(', ')}` : '',
        e.complementarity ? `complementary ${e.complementarity.kinds.join(' + ')}` : '',
        e.regionPair ? `region pair ${shown(e.regionPair.name, lang)}` : '',
      ].filter(Boolean);
      return `${s.score.toFixed(2)}\t${s.organisation.slug}\t${s.organisation.regionCode}\t${why.join('; ')}`;
    });
    await output.write(lines(rows));
    return null;
  },
};

export const exportCommand: ReadCommand<typeof ExportCommandSchema, ExportReport, Pick<Platform, 'services'>> = {
  name: 'export',
  options: ExportCommandSchema,
  open: withServices,
  run: ({ services }, options, output) =>
    exportOrganisations(services.repos, options.format, (chunk) => output.write(chunk), {
      includeUnpublished: options.includeUnpublished,
      separator: CSV_SEPARATORS[options.separator],
      onProgress: output.progress,
    }),
};

/** Written a mebibyte at a time: the progress counts them. */
const BACKUP_SLICE = 1024 * 1024;

/**
 * PGlite's data folder as a gzipped tarball. The direct path opens the database without migrating it: a
 * backup taken before an upgrade is the folder as the old version left it.
 */
export const backupCommand: ReadCommand<typeof BackupCommandSchema, { bytes: number }, Pick<Platform, 'database'>> = {
  name: 'backup',
  options: BackupCommandSchema,
  async open(config) {
    const database: DatabaseHandle = await openDatabase({ dataDir: config.dataDir });
    return { database, close: () => database.close() };
  },
  async run({ database }, _options, output) {
    if (!database.dumpDataDir) throw new Error('backup through the CLI is for a PGlite data folder');
    const tarball = new Uint8Array(await (await database.dumpDataDir()).arrayBuffer());
    const slices = Math.max(1, Math.ceil(tarball.length / BACKUP_SLICE));
    for (let i = 0; i < slices; i++) {
      await output.write(tarball.subarray(i * BACKUP_SLICE, (i + 1) * BACKUP_SLICE));
      output.progress(i + 1, slices);
    }
    return { bytes: tarball.length };
  },
};

export const READ_COMMANDS = [searchCommand, partnersCommand, exportCommand, backupCommand] as const;
