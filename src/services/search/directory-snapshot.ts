import { grown, type Postings } from './postings.js';
import { readFeatures, writeFeatures } from './postings-snapshot.js';
import { SnapshotFormatError, type SnapshotReader, type SnapshotWriter } from './snapshot/codec.js';
import { Lexicon } from './lexicon.js';
import { DirectoryOrders } from './slot-orders.js';
import { IdColumn } from './id-column.js';
import { SlotTable, type SlotPlaces } from './slot-table.js';

/** The layout of the directory index's snapshot (writeDirectory): a new number whenever its sections change. */
const SNAPSHOT_FORMAT = 4;

/** What a directory index's snapshot holds: its slots' ids and liveness, its lexicon, features and orders. */
export interface DirectoryContent {
  ids: IdColumn;
  /** Each live slot by id (a snapshot's, read back rather than made again). */
  slotOf: SlotPlaces;
  live: Uint8Array<ArrayBuffer>;
  dead: number;
  lexemes: Lexicon;
  features: Map<string, Postings>;
  orders: DirectoryOrders;
}

/**
 * The content as a snapshot (search/snapshot/): every slot's id and liveness, the lexicon, the features,
 * the orders, settled first so that a restore ends where a fresh load does and sorts nothing.
 */
export function writeDirectory(writer: SnapshotWriter, content: Omit<DirectoryContent, 'slotOf'> & { slots: SlotTable }): void {
  const { ids } = content;
  writer.json({ format: SNAPSHOT_FORMAT, slots: ids.length, dead: content.dead });
  ids.writeSnapshot(writer);
  writer.uint8(content.live, ids.length);
  content.slots.writeSnapshot(writer);
  content.lexemes.writeSnapshot(writer);
  writeFeatures(writer, content.features);
  content.orders.writeSnapshot(writer, ids);
}

/**
 * The content writeDirectory wrote (SnapshotFormatError when it is of another layout or broken). Postings
 * and orders are views of the sections' buffers; sort keys stay undecoded until compared.
 */
export function readDirectory(reader: SnapshotReader): DirectoryContent {
  const head = reader.json<{ format?: unknown; slots: number; dead: number }>();
  if (head.format !== SNAPSHOT_FORMAT) throw new SnapshotFormatError(`directory index snapshot format ${String(head.format)}`);
  const ids = IdColumn.readSnapshot(reader, head.slots);
  const live = reader.uint8();
  if (live.length !== head.slots) throw new SnapshotFormatError('ids and slots differ in number');
  const slotOf = SlotTable.readSnapshot(reader, head.slots);
  const lexemes = new Lexicon();
  lexemes.readSnapshot(reader);
  const features = new Map(readFeatures(reader));
  const orders = new DirectoryOrders();
  orders.readSnapshot(reader, ids.length);
  return {
    ids,
    slotOf,
    // a view holds exactly the slots: `add` doubles it when full, which an empty one cannot be
    live: live.length >= 1024 ? live : grown(live, 1024, (n) => new Uint8Array(n)),
    dead: head.dead,
    lexemes,
    features,
    orders,
  };
}
