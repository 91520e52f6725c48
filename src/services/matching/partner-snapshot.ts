import { ORGANISATION_KINDS } from '../../shared/domain.js';
import { Postings } from '../search/postings.js';
import { IdColumn } from '../search/id-column.js';
import { SnapshotFormatError, type SnapshotReader, type SnapshotWriter } from '../search/snapshot/codec.js';

/** The layout of the sections below; a new layout gets a new number (and the old file is not read). */
const FORMAT = 2;

/** Postings are kept per feature and kind: feature f's carriers of kind k are `postings[f * KINDS + k]`. */
export const KINDS = ORGANISATION_KINDS.length;

/** What a partner index holds, as its snapshot writes and reads it (PartnerIndex's fields). */
export interface PartnerContent {
  /** Per slot (dead ones too, until a compaction): the organisation, its name's sort key, whether it is live. */
  ids: IdColumn;
  sortNames: string[];
  live: Uint8Array;
  /** Where each slot's features start in `buffer`, and how many. */
  start: Int32Array;
  count: Int32Array;
  buffer: Int32Array;
  /** Buffer entries in use, and how many of them belong to dead slots (freed at a compaction). */
  used: number;
  garbage: number;
  /** Per feature number: its key, its carriers' slots (per kind), how many live organisations carry it. */
  featureKeys: string[];
  postings: (Postings | undefined)[];
  carriers: Int32Array;
  published: number;
}

/**
 * Writes the content. Columns that change in place (live flags, starts at a compaction, carrier counts)
 * are copied, since the writer keeps what it is given until it saves; the feature buffer is not: it is
 * only appended past `used` or replaced whole, so the part written does not change under the writer.
 */
export function writePartnerContent(writer: SnapshotWriter, content: PartnerContent): void {
  const slots = content.ids.length;
  const ends = new Int32Array(content.featureKeys.length * KINDS);
  let total = 0;
  for (let p = 0; p < ends.length; p++) ends[p] = total += content.postings[p]?.length ?? 0;
  const entries = new Int32Array(total);
  for (let p = 0; p < ends.length; p++) {
    const list = content.postings[p];
    if (list) entries.set(list.slots.subarray(0, list.length), ends[p]! - list.length);
  }
  writer.json({ format: FORMAT, slots, used: content.used, garbage: content.garbage, published: content.published });
  content.ids.writeSnapshot(writer);
  writer.strings(content.sortNames).strings(content.featureKeys);
  writer.uint8(content.live.slice(0, slots));
  writer.int32(content.start.slice(0, slots)).int32(content.count.slice(0, slots));
  writer.int32(content.buffer, content.used);
  writer.int32(ends).int32(entries);
  writer.int32(content.carriers.slice(0, content.featureKeys.length));
}

/**
 * Reads content written by writePartnerContent. The typed columns and each feature's postings are views
 * of the file's buffer, as long as what they hold: nothing is walked or copied (the first append to one
 * copies it, as Postings.push and the index's growth do for anything full).
 */
export function readPartnerContent(reader: SnapshotReader): PartnerContent {
  const head = reader.json<{ format?: unknown; slots: number; used: number; garbage: number; published: number }>();
  if (head.format !== FORMAT) throw new SnapshotFormatError(`partner index snapshot format ${String(head.format)} is not ${FORMAT}`);
  const ids = IdColumn.readSnapshot(reader, head.slots);
  const sortNames = reader.strings();
  const featureKeys = reader.strings();
  const live = reader.uint8();
  const start = reader.int32();
  const count = reader.int32();
  const buffer = reader.int32();
  const ends = reader.int32();
  const entries = reader.int32();
  const carriers = reader.int32();
  const slots = head.slots;
  if (
    [sortNames.length, live.length, start.length, count.length].some((n) => n !== slots) ||
    buffer.length !== head.used ||
    ends.length !== featureKeys.length * KINDS ||
    carriers.length !== featureKeys.length ||
    (ends.length > 0 ? ends[ends.length - 1] : 0) !== entries.length
  )
    throw new SnapshotFormatError('partner index snapshot columns of different lengths');
  const postings = Array.from(ends, (end, p) => {
    const from = p === 0 ? 0 : ends[p - 1]!;
    if (end === from) return undefined;
    const list = new Postings();
    list.slots = entries.subarray(from, end);
    list.length = end - from;
    return list;
  });
  return {
    ids,
    sortNames,
    live,
    start,
    count,
    buffer,
    used: head.used,
    garbage: head.garbage,
    featureKeys,
    postings,
    carriers,
    published: head.published,
  };
}
