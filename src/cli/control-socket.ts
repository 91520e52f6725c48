import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { chmodSync, lstatSync, rmSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import type { Server } from 'node:net';
import { registerErrorHandler } from '../http/plugins/error-handler.js';
import type { Platform } from '../platform.js';
import { AppError } from '../services/errors.js';
import { controlSocketPath, type ControlEvent } from './control-client.js';
import { READ_COMMANDS, type CommandOutput } from './read-commands.js';

/** sockaddr_un holds 108 bytes on Linux, the final NUL included. */
const SOCKET_PATH_MAX = 107;

export interface ControlSocket {
  path: string;
  close(): Promise<void>;
}

/**
 * The running server's door for the CLI's read commands (search, partners, export, backup) while it holds
 * the PGlite data folder: a small Fastify app of its own, not the public API, on a Unix domain socket beside
 * the folder. The socket's mode, 0600, is the authentication: only the user who runs the server may connect,
 * as only that user may open the folder. Each answer is a stream of JSON lines (ControlEvent): the output,
 * progress, then the result or the error, so that an error after the first line still reaches the CLI.
 * Returns null, after a warning, when the socket cannot be made (the CLI then says the folder is in use).
 */
export async function openControlSocket(platform: Platform, dataDir: string, log?: FastifyBaseLogger): Promise<ControlSocket | null> {
  const path = controlSocketPath(dataDir);
  const warn = (why: string) => {
    const message = `No control socket for the CLI (${why}): search, export and backup wait for the server to stop.`;
    if (log) log.warn(message);
    else console.warn(message);
    return null;
  };
  if (Buffer.byteLength(path) > SOCKET_PATH_MAX) return warn(`${path} is longer than ${SOCKET_PATH_MAX} bytes`);
  // this process holds the folder's lock, so a socket there now was left by a server that was killed
  const left = existing(path);
  if (left === 'other') return warn(`${path} exists and is not a socket`);
  if (left === 'socket') rmSync(path, { force: true });

  const app = Fastify({
    ...(log ? { loggerInstance: log.child({ control: 'socket' }) } : {}),
    bodyLimit: 16 * 1024,
    ajv: { customOptions: { allErrors: true, coerceTypes: false, useDefaults: false, removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  registerErrorHandler(app);
  app.get('/health', async () => ({ ok: true }));
  for (const command of READ_COMMANDS) {
    app.post(`/commands/${command.name}`, { schema: { body: command.options } }, async (request, reply) => {
      reply.hijack();
      await stream(reply.raw, (output) => command.run(platform, request.body as never, output), app.log);
    });
  }
  await app.ready();
  try {
    await listenPrivately(app.server, path);
  } catch (error) {
    await app.close();
    return warn((error as Error).message);
  }
  return {
    path,
    close: async () => {
      // a stopping server does not wait for an export to finish: the CLI says it stopped before the end
      app.server.closeAllConnections();
      await app.close();
      rmSync(path, { force: true });
    },
  };
}

function existing(path: string): 'socket' | 'other' | null {
  try {
    return lstatSync(path).isSocket() ? 'socket' : 'other';
  } catch {
    return null;
  }
}

/** Binds with the mode 0600 from the start (umask), not after a chmod: no moment where others may connect. */
async function listenPrivately(server: Server, path: string): Promise<void> {
  const listening = new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.once('listening', () => {
      server.off('error', fail);
      ok();
    });
  });
  const previous = process.umask(0o177);
  try {
    server.listen(path); // binds at once; the umask is this process's, so it is set back straight after
  } finally {
    process.umask(previous);
  }
  await listening;
  chmodSync(path, 0o600);
}

/** Runs one command, writing its events with backpressure; stops when the CLI goes away. */
async function stream(response: ServerResponse, work: (output: CommandOutput) => Promise<unknown>, log: FastifyBaseLogger): Promise<void> {
  response.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8' });
  const send = (event: ControlEvent) =>
    new Promise<void>((ok, fail) => {
      if (response.destroyed) return fail(new Error('the CLI went away'));
      if (response.write(JSON.stringify(event) + '\n')) return ok();
      const settle = (gone: boolean) => () => {
        response.off('drain', drained).off('close', closed);
        if (gone) fail(new Error('the CLI went away'));
        else ok();
      };
      const drained = settle(false);
      const closed = settle(true);
      response.once('drain', drained).once('close', closed);
    });
  const output: CommandOutput = {
    write: (chunk) => send(typeof chunk === 'string' ? { out: chunk } : { data: Buffer.from(chunk).toString('base64') }),
    progress: (done, total) => void send({ progress: [done, total] }).catch(() => {}),
  };
  try {
    await send({ done: (await work(output)) ?? null });
  } catch (error) {
    if (response.destroyed) return;
    if (!(error instanceof AppError)) log.error({ err: error }, 'a CLI command failed on the control socket');
    // the socket is its owner's alone, so the CLI hears what the direct path would have printed
    await send({ error: { code: error instanceof AppError ? error.code : 'internal_error', message: (error as Error).message } }).catch(
      () => {},
    );
  }
  response.end();
}
