import { request, type IncomingMessage } from 'node:http';
import { createInterface } from 'node:readline';
import type { DataDirLockedError } from '../db/data-dir-lock.js';
import { CommandError } from './command-error.js';
import type { CommandOutput } from './read-commands.js';

/**
 * The running server's control socket: beside its data folder, not in it (PGlite's copy of the folder,
 * `dumpDataDir`, cannot read a socket and fails on one).
 */
export const controlSocketPath = (dataDir: string) => `${dataDir.replace(/[\\/]+$/, '')}.sock`;

/** One line of a command's answer on the socket (newline-delimited JSON). */
export type ControlEvent =
  | { out: string }
  | { data: string }
  | { progress: [done: number, total: number] }
  | { done: unknown }
  | { error: { code: string; message: string } };

/** The socket is missing (no server) or left by a server that was killed: nobody answers. */
const NOBODY = new Set(['ENOENT', 'ECONNREFUSED', 'ENOTSOCK']);

function send(socketPath: string, method: 'GET' | 'POST', path: string, body?: unknown, timeoutMs?: number): Promise<IncomingMessage> {
  return new Promise((ok, fail) => {
    const json = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      { socketPath, method, path, headers: json ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) } : {} },
      ok,
    );
    req.once('error', fail);
    if (timeoutMs) req.setTimeout(timeoutMs, () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    req.end(json);
  });
}

async function text(response: IncomingMessage): Promise<string> {
  let all = '';
  for await (const chunk of response.setEncoding('utf8')) all += chunk as string;
  return all;
}

/** Whether a server answers on the data folder's control socket (to tell a running server from another process). */
export async function serverAnswers(dataDir: string): Promise<boolean> {
  try {
    const response = await send(controlSocketPath(dataDir), 'GET', '/health', undefined, 2000);
    await text(response);
    return response.statusCode === 200;
  } catch {
    return false;
  }
}

/**
 * Runs a read command in the server that holds the data folder and writes its answer as the direct path
 * would. When no server answers, the folder's lock error stands (another command holds it, or nothing).
 */
export async function runOnServer<R>(
  dataDir: string,
  name: string,
  options: unknown,
  output: CommandOutput,
  locked: DataDirLockedError,
): Promise<R> {
  const socket = controlSocketPath(dataDir);
  let response: IncomingMessage;
  try {
    response = await send(socket, 'POST', `/commands/${name}`, options);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (NOBODY.has(code)) throw locked;
    if (code === 'EACCES')
      throw new CommandError(
        `${locked.message} Its control socket ${socket} belongs to another user: run the command as the user who runs the server.`,
      );
    throw error;
  }
  if (response.statusCode !== 200) {
    const body = await text(response);
    let message = body;
    try {
      message = (JSON.parse(body) as { error: { message: string } }).error.message;
    } catch {
      // not the server's JSON: show it as it came
    }
    throw new CommandError(message);
  }
  for await (const line of createInterface({ input: response, crlfDelay: Infinity })) {
    if (!line) continue;
    const event = JSON.parse(line) as ControlEvent;
    if ('out' in event) await output.write(event.out);
    else if ('data' in event) await output.write(Buffer.from(event.data, 'base64'));
    else if ('progress' in event) output.progress(...event.progress);
    else if ('error' in event) throw new CommandError(event.error.message);
    else if ('done' in event) return event.done as R;
  }
  throw new CommandError(`The server stopped before \`${name}\` finished: run it again.`);
}
