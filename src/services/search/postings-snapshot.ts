import { LONG_POSTING, Postings, roomFor } from './postings.js';
import type { RankParts } from './rank-parts.js';
import { SnapshotFormatError, type SnapshotReader, type SnapshotWriter } from './snapshot/codec.js';

// Postings in a snapshot (snapshot/codec.ts): written by the lexicon's and the features' writeSnapshot,
// read back as views of the snapshot's buffer.

/**
 * Many postings: the short ones as three sections (where each starts, their slots end to end, and their
 * rank parts' codes for lexemes, a byte each unless some posting holds wider ones: a snapshot holds
 * millions of entries in a few typed arrays rather than a section per posting), then the long ones
 * (LONG_POSTING) each as sections of its own, read back with room to grow (roomFor).
 */
export function writePostings(writer: SnapshotWriter, lists: Postings[], withCodes: boolean): void {
  const long = lists.flatMap((list, i) => (list.length >= LONG_POSTING ? [i] : []));
  const short = (list: Postings) => (list.length >= LONG_POSTING ? 0 : list.length);
  const starts = new Int32Array(lists.length + 1);
  for (const [i, list] of lists.entries()) starts[i + 1] = starts[i]! + short(list);
  const slots = new Int32Array(starts[lists.length]!);
  const wide = withCodes && lists.some((list) => list.codes instanceof Uint16Array);
  const codes = withCodes ? (wide ? new Uint16Array(slots.length) : new Uint8Array(slots.length)) : null;
  for (const [i, list] of lists.entries()) {
    if (short(list) === 0) continue;
    slots.set(list.slots.subarray(0, list.length), starts[i]);
    if (codes) codes.set(list.codes!.subarray(0, list.length), starts[i]);
  }
  writer
    .int32(starts)
    .int32(slots)
    .json({ codeBytes: withCodes ? (wide ? 2 : 1) : 0, long });
  if (codes instanceof Uint16Array) writer.uint16(codes);
  else if (codes) writer.uint8(codes);
  // copies: the save is written after this returns, and a compaction renumbers postings in place
  for (const i of long) {
    const list = lists[i]!;
    const room = roomFor(list.length);
    writer.int32(list.slots.slice(0, list.length), list.length, room);
    if (!withCodes) continue;
    const listCodes = list.codes!.slice(0, list.length);
    if (wide) writer.uint16(listCodes instanceof Uint16Array ? listCodes : Uint16Array.from(listCodes), list.length, room);
    else writer.uint8(listCodes as Uint8Array, list.length, room);
  }
}

/**
 * The postings writePostings wrote, as views of the snapshot's buffer (nothing is copied or walked), the
 * long ones with their room; with `rankParts`, the table their codes name.
 */
export function readPostings(reader: SnapshotReader, rankParts: RankParts | null): Postings[] {
  const starts = reader.int32();
  const slots = reader.int32();
  const head = reader.json<{ codeBytes?: unknown; long?: unknown }>();
  const long = Array.isArray(head.long) ? (head.long as number[]) : [];
  const wide = head.codeBytes === 2;
  if (Boolean(rankParts) !== (head.codeBytes === 1 || wide))
    throw new SnapshotFormatError('postings with codes where none were expected, or none where some were');
  const codes = rankParts ? (wide ? reader.uint16() : reader.uint8()) : null;
  const total = starts.length > 0 ? starts[starts.length - 1]! : -1;
  if (total !== slots.length || (codes && codes.length !== total)) throw new SnapshotFormatError('postings of a broken length');
  const lists: Postings[] = [];
  for (let i = 0; i + 1 < starts.length; i++) {
    const [from, to] = [starts[i]!, starts[i + 1]!];
    if (from > to) throw new SnapshotFormatError('postings of a broken length');
    lists.push(Postings.of(slots.subarray(from, to), codes ? codes.subarray(from, to) : null, rankParts));
  }
  for (const i of long) {
    if (!Number.isInteger(i) || !lists[i] || lists[i]!.length !== 0) throw new SnapshotFormatError('a long posting out of place');
    const grown = reader.withRoom<Int32Array>('int32');
    const grownCodes = rankParts ? reader.withRoom<Uint8Array | Uint16Array>(wide ? 'uint16' : 'uint8') : null;
    if (grownCodes && (grownCodes.length !== grown.length || grownCodes.array.length !== grown.array.length))
      throw new SnapshotFormatError('postings of a broken length');
    lists[i] = Postings.of(grown.array, grownCodes?.array ?? null, rankParts, grown.length);
  }
  return lists;
}

/** An index's features (areas, kinds, concepts, …) in a snapshot: their keys, then their postings. */
export function writeFeatures(writer: SnapshotWriter, features: Map<string, Postings>): void {
  writer.strings([...features.keys()]);
  writePostings(writer, [...features.values()], false);
}

/** The features writeFeatures wrote, key by key. */
export function readFeatures(reader: SnapshotReader): [string, Postings][] {
  const keys = reader.strings();
  const lists = readPostings(reader, null);
  if (keys.length !== lists.length) throw new SnapshotFormatError('features and postings differ in number');
  return keys.map((key, i) => [key, lists[i]!]);
}
