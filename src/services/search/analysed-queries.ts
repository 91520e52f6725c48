import type { WordAnalysis } from '../../repositories/glossary.repository.js';
import type { Repositories } from '../../repositories/index.js';
import { coalescing } from '../revision-follower.js';
import { BoundedCache } from './bounded-cache.js';

/**
 * Queries as the glossary reads them (GlossaryRepository.analyseQuery: stop words, stems, concepts), kept
 * while the glossary stays as it was: a query asked again, or a page turned, skips that round trip. The
 * glossary's version is read again only after a write to the database (writeCount), or on every look when
 * other processes may write (PostgreSQL).
 */
export class AnalysedQueries {
  private readonly kept: BoundedCache<WordAnalysis[]>;
  private version: string | null = null;
  private changes = 0;
  /** The write count when the last check began (skipped while it stays: see writeCount). */
  private checkedAt: number | null = null;
  private readonly readVersion = coalescing(async () => {
    const mark = this.repos.search.writeCount();
    const version = await this.repos.search.glossaryVersion();
    if (version !== this.version) this.changes++;
    this.version = version;
    this.checkedAt = mark;
  });

  constructor(
    private readonly repos: Repositories,
    capacity: number,
  ) {
    this.kept = new BoundedCache(capacity);
  }

  /** Takes in the glossary's changes so far; says which state of it the analyses then hold. */
  async current(): Promise<string> {
    const mark = this.repos.search.writeCount();
    if (mark === null || mark !== this.checkedAt) await this.readVersion();
    return String(this.changes);
  }

  /** The analysis of these words in the glossary's state `stamp` (from current()); null: read it, do not keep it. */
  async analyse(words: string[], stamp: string | null): Promise<WordAnalysis[]> {
    const key = words.join(' ');
    const kept = stamp === null ? undefined : this.kept.get(key, stamp);
    if (kept) return kept;
    const analysis = await this.repos.glossary.analyseQuery(words);
    if (stamp !== null) this.kept.set(key, stamp, analysis);
    return analysis;
  }

  clear(): void {
    this.kept.clear();
  }
}
