import { FEED_ENTITIES } from '../../db/schema/index.js';
import type { FeedCut } from '../../repositories/change-feed.repository.js';
import type { Repositories } from '../../repositories/index.js';
import type { JobRunner } from './job-runner.js';

export const FEED_CLEANUP_JOB = 'feed.cleanup';
/** How often the feed is cut: hourly, like the reminders' scan. */
export const FEED_CLEANUP_EVERY_MS = 60 * 60_000;
/** How long the change feed keeps its rows (FEED_RETENTION_HOURS): a week. */
export const DEFAULT_FEED_RETENTION_HOURS = 168;

/**
 * The change feed's cleanup: rows older than the retention are removed, entity by entity, and the floor
 * they were cut at is kept, so that an index (or a snapshot) whose position is below it loads again from
 * the tables rather than miss what was removed. A cut is chosen at one run and made at a later one, once
 * every transaction running when it was chosen has ended (ChangeFeedRepository.cut). Its result (rows
 * removed, floors) shows on the administrators' jobs page.
 */
export class FeedCleanupService {
  constructor(
    private readonly repos: Repositories,
    private readonly retentionHours = DEFAULT_FEED_RETENTION_HOURS,
  ) {}

  register(runner: JobRunner): void {
    runner.define(FEED_CLEANUP_JOB, () => this.run()).every(FEED_CLEANUP_JOB, FEED_CLEANUP_EVERY_MS, { maxAttempts: 3 });
  }

  /** One run over every entity: what each cut removed, its floor, and the cut it will make next. */
  async run(): Promise<{ retentionHours: number; cuts: FeedCut[] }> {
    const before = new Date(this.repos.clock.now().getTime() - this.retentionHours * 60 * 60_000);
    const cuts: FeedCut[] = [];
    for (const entity of FEED_ENTITIES) cuts.push(await this.repos.changeFeed.cut(entity, before));
    return { retentionHours: this.retentionHours, cuts };
  }
}
