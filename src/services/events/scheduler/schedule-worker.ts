/**
 * The scheduler's worker thread (run-in-worker.ts starts it): runs `schedule` on the instance it is given
 * and sends the answer back, the placement's array transferred rather than copied.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { schedule } from './schedule.js';
import type { ScheduleOptions, SchedulingInstance } from './types.js';

const { instance, options } = workerData as { instance: SchedulingInstance; options: ScheduleOptions };
const result = schedule(instance, options);
parentPort!.postMessage(result, [result.slotOf.buffer as ArrayBuffer]);
