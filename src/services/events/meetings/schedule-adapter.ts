import { runSchedule } from '../scheduler/run-in-worker.js';
import type { ScheduleOptions, ScheduleResult, SchedulingInstance } from '../scheduler/types.js';

/**
 * The meetings service's one door to the scheduler (services/events/scheduler/, docs/scheduling.md): it runs
 * in a worker thread, so that the server keeps answering while a large event is placed.
 */
export function runScheduler(instance: SchedulingInstance, options: ScheduleOptions): Promise<ScheduleResult> {
  return runSchedule(instance, options);
}
