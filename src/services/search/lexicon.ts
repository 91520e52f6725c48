import { detached } from '../detached-string.js';
import { compare, lowerBound } from './ordering.js';
import { Postings } from './postings.js';
import { readPostings, writePostings } from './postings-snapshot.js';
import { RankParts } from './rank-parts.js';
import { SnapshotFormatError, type SnapshotReader, type SnapshotWriter } from './snapshot/codec.js';
import type { RankItem } from './text-rank.js';

/**
 * The lexemes of an in-memory search index (the directory's, the registry's): for each lexeme, the slots
 * whose document holds it with the lexeme's part of the text rank (text-rank.ts) as a code into one table
 * of the distinct parts (rank-parts.ts), and the lexemes in order for prefixes. Lexemes added since the
 * last lookup wait unsorted and join the order at the next.
 */
export class Lexicon {
  private readonly lists = new Map<string, Postings>();
  private rankParts = new RankParts();
  private sorted: string[] = [];
  private unsorted: string[] = [];

  add(lexeme: string, slot: number, rankPart: number): void {
    let list = this.lists.get(lexeme);
    if (!list) {
      const key = detached(lexeme);
      this.lists.set(key, (list = new Postings(this.rankParts)));
      this.unsorted.push(key);
    }
    list.push(slot, rankPart);
  }

  /** The postings of the lexeme, or of every lexeme it starts when matched as a prefix. */
  postings(item: RankItem): Postings[] {
    if (!item.prefix) {
      const list = this.lists.get(item.lexeme);
      return list ? [list] : [];
    }
    this.sort();
    const lists: Postings[] = [];
    for (let i = lowerBound(this.sorted, item.lexeme); i < this.sorted.length && this.sorted[i]!.startsWith(item.lexeme); i++)
      lists.push(this.lists.get(this.sorted[i]!)!);
    return lists;
  }

  /** Lexemes added since the last lookup join the sorted list: one by one when few, by a sort when many. */
  sort(): void {
    if (this.unsorted.length === 0) return;
    if (this.unsorted.length > 1000) this.sorted = [...this.sorted, ...this.unsorted].sort(compare);
    else for (const lexeme of this.unsorted) this.sorted.splice(lowerBound(this.sorted, lexeme), 0, lexeme);
    this.unsorted = [];
  }

  /** Every posting renumbered (Postings.renumber); lexemes left without slots are forgotten. */
  renumber(renumber: Int32Array): void {
    for (const [key, list] of this.lists) {
      list.renumber(renumber);
      if (list.length === 0) this.lists.delete(key);
    }
    this.sorted = [...this.lists.keys()].sort(compare);
    this.unsorted = [];
  }

  /** Every posting's arrays cut to their length (Postings.trim): after a load, what a restore would hold. */
  trim(): void {
    for (const list of this.lists.values()) list.trim();
  }

  /** The lexemes in order, the rank parts' table and the postings (snapshot/): a string and four typed sections. */
  writeSnapshot(writer: SnapshotWriter): void {
    this.sort();
    writer.utf16Strings(this.sorted);
    writer.float32(this.rankParts.used);
    writePostings(writer, this.sorted.map((lexeme) => this.lists.get(lexeme)!), true);
  }

  /** Replaces the lexicon by a snapshot's: already sorted, postings as views of its buffer. */
  readSnapshot(reader: SnapshotReader): void {
    const lexemes = reader.utf16Strings();
    const rankParts = RankParts.of(reader.float32());
    const lists = readPostings(reader, rankParts);
    if (lists.length !== lexemes.length) throw new SnapshotFormatError('lexemes and postings differ in number');
    this.lists.clear();
    this.rankParts = rankParts;
    for (const [i, lexeme] of lexemes.entries()) this.lists.set(lexeme, lists[i]!);
    this.sorted = lexemes;
    this.unsorted = [];
  }
}
