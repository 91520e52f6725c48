import { Readable } from 'node:stream';
import type { Repositories } from '../../../repositories/index.js';
import type { RecordKind } from '../../../shared/registry.js';
import { isAdmin, refusal, requireActor, type Actor } from '../../access.js';
import { audit } from '../../audit.js';
import type { CsvSeparator } from '../../csv/csv.js';
import { exportRecordLines, exportRecordsCsv } from './export-records.js';
import { importRecords, type RecordImportReport } from './import-records.js';

/** The registry's import and export through the API: anyone exports what is published, administrators all and import. */
export class RecordTransferService {
  constructor(private readonly repos: Repositories) {}

  /** JSON Lines as a stream, a page of records at a time. */
  exportLines(actor: Actor | null, kind?: RecordKind): Readable {
    const lines = exportRecordLines(this.repos, { kind, publishedOnly: !isAdmin(actor) });
    return Readable.from(
      (async function* () {
        for await (const line of lines) yield `${JSON.stringify(line)}\n`;
      })(),
    );
  }

  exportCsv(actor: Actor | null, kind: RecordKind | undefined, separator: CsvSeparator): Promise<string> {
    return exportRecordsCsv(this.repos, { kind, publishedOnly: !isAdmin(actor) }, separator);
  }

  /** All lines or none (import-records.ts); for platform administrators, audited. */
  async import(actorOrNull: Actor | null, records: unknown[]): Promise<RecordImportReport> {
    const actor = requireActor(actorOrNull);
    if (!isAdmin(actor)) throw refusal(actor, 'Only platform administrators import cooperation records.');
    // the import and its audit event land together, or neither does
    return this.repos.transaction(async (tx) => {
      const report = await importRecords(
        tx,
        records.map((value, i) => ({ line: i + 1, value })),
      );
      await audit(tx, {
        actorId: actor.user.id,
        action: 'registry_record.imported',
        entityType: 'cooperation_record',
        entityId: 'import',
        regionCode: null,
        after: report,
      });
      return report;
    });
  }
}
