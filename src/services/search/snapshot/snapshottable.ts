import type { FollowPosition } from '../../revision-follower.js';
import type { SnapshotReader, SnapshotWriter } from './codec.js';

/**
 * An in-memory index that can be saved to a snapshot and started from one (the directory index, the
 * partner index): its content only; the snapshot store writes its follower position beside it.
 */
export interface SnapshottableIndex {
  /** Writes its content, a json section first with `{ format: <number> }`. */
  writeSnapshot(writer: SnapshotWriter): void;
  /** Replaces its content by the snapshot's; throws SnapshotFormatError on a format it does not know. */
  readSnapshot(reader: SnapshotReader): void;
}

/** What the snapshot store needs of an index besides its content: the follower it is (revision-follower.ts). */
export interface FollowingIndex extends SnapshottableIndex {
  readonly position: FollowPosition;
  resume(position: FollowPosition): void;
  readonly loaded: boolean;
  /** Moves with every change read: the store saves when it moved since the last save. */
  readonly generation: number;
  /** How many organisations it holds (the header says it). */
  readonly size: number;
}
