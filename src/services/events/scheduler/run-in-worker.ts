/**
 * Runs the scheduler in a worker thread, so that the server keeps answering while 50,000 requests are placed
 * (seconds of computation would otherwise stall every request in flight).
 *
 * From the compiled code (dist/) the worker is schedule-worker.js beside this module (found from the code's top
 * folder: the server may run as one bundle). On the TypeScript
 * sources (vitest, tsx) only schedule-worker.ts exists: the worker then starts with tsx's loader, as the
 * project's scripts run TypeScript; tsx is a development dependency, so this path is never taken in production.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { codeFile } from '../../../code-files.js';
import type { ScheduleOptions, ScheduleResult, SchedulingInstance } from './types.js';

export function runSchedule(instance: SchedulingInstance, options: ScheduleOptions): Promise<ScheduleResult> {
  const compiled = pathToFileURL(codeFile('services/events/scheduler/schedule-worker.js'));
  const source = pathToFileURL(codeFile('services/events/scheduler/schedule-worker.ts'));
  const fromSource = !existsSync(compiled) && existsSync(source);
  // Copies handed over, not the caller's arrays: the caller keeps its instance (to write the meetings).
  const copy: SchedulingInstance = {
    ...instance,
    tablesPerSlot: instance.tablesPerSlot.slice(),
    followsDirectly: instance.followsDirectly.slice(),
    availability: instance.availability.slice(),
    requestA: instance.requestA.slice(),
    requestB: instance.requestB.slice(),
    weight: instance.weight.slice(),
    fixedSlot: instance.fixedSlot.slice(),
  };
  const transfer = [
    copy.tablesPerSlot,
    copy.followsDirectly,
    copy.availability,
    copy.requestA,
    copy.requestB,
    copy.weight,
    copy.fixedSlot,
  ].map((array) => array.buffer as ArrayBuffer);
  return new Promise((resolve, reject) => {
    const settings = { workerData: { instance: copy, options }, transferList: transfer };
    const worker = fromSource
      ? // `--import tsx` in a worker's execArgv does not reach its entry module on Node 20: register tsx's hooks first.
        new Worker(
          `(async () => { const { register } = await import('tsx/esm/api'); register(); await import(${JSON.stringify(source.href)}); })()`,
          { ...settings, eval: true },
        )
      : new Worker(compiled, settings);
    let answered = false;
    worker.once('message', (result: ScheduleResult) => {
      answered = true;
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', (error) => {
      answered = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`the scheduler's worker stopped (exit code ${code}) without an answer`));
    });
  });
}
