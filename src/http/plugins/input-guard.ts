import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ERROR_CODES } from '../../services/errors.js';
import { findUnsafeValues, textProblem } from '../../shared/schemas/unsafe-values.js';
import { compileLater } from './compile-later.js';

/**
 * What every request passes, whatever its route's schema says, so that no present or future route can let
 * through what the database or the code after it cannot take: text with NUL characters or lone surrogates,
 * non-finite numbers, bodies that are not UTF-8, query strings and paths whose percent-encoding is broken.
 */

const INVALID_QUERY = Symbol('invalid query string');
type Query = Record<string, string | string[]> & { [INVALID_QUERY]?: true };

const decode = (part: string) => decodeURIComponent(part.replace(/\+/g, ' '));

/**
 * The query string parser: like the default one, but a broken %-sequence or invalid UTF-8 is marked (the
 * router cannot answer from here) and refused by the onRequest hook, instead of becoming U+FFFD.
 */
export function parseQueryString(text: string): Query {
  const query = Object.create(null) as Query;
  if (text.length === 0) return query;
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    let key: string;
    let value: string;
    try {
      key = decode(eq === -1 ? pair : pair.slice(0, eq));
      value = eq === -1 ? '' : decode(pair.slice(eq + 1));
    } catch {
      query[INVALID_QUERY] = true;
      continue;
    }
    if (key === '') continue; // "&=x" names nothing
    const before = query[key];
    query[key] = before === undefined ? value : Array.isArray(before) ? [...before, value] : [before, value];
  }
  return query;
}

/** Fastify's validators, each followed by the unsafe-value check on the data it has validated and coerced. */
function guarded(validate: ValidateFunction): ValidateFunction {
  const check = function (this: unknown, data: unknown, context?: { parentData?: Record<string, unknown>; parentDataProperty?: string }) {
    const valid = validate.call(this, data, context as never) as boolean;
    // Ajv coerces a root value through its parent (the request), so read it back from there
    const value = context?.parentData && context.parentDataProperty ? context.parentData[context.parentDataProperty] : data;
    const unsafe = findUnsafeValues(value).map((u): ErrorObject => ({
      instancePath: u.pointer,
      schemaPath: '#',
      keyword: 'safeValue',
      params: { reason: u.reason },
      message: u.message,
    }));
    check.errors = unsafe.length > 0 ? [...(validate.errors ?? []), ...unsafe] : validate.errors;
    return valid && unsafe.length === 0;
  } as ValidateFunction;
  return Object.assign(check, { schema: validate.schema, schemaEnv: validate.schemaEnv, errors: null });
}

/** A validator compiled at its first call or soon after the start (compile-later.ts). */
function lazily(make: () => ValidateFunction): ValidateFunction {
  return compileLater(make, (ready) => {
    const run = function (this: unknown, ...args: unknown[]) {
      const compiled = ready();
      const valid = (compiled as (...a: unknown[]) => boolean).apply(this, args);
      run.errors = compiled.errors;
      return valid;
    } as ValidateFunction;
    run.errors = null;
    return run;
  });
}

/** An Ajv plugin (Fastify's `ajv.plugins`): every schema Fastify compiles gets the guard. */
export function guardEveryValidator(ajv: Ajv): Ajv {
  const compile = ajv.compile.bind(ajv);
  const getSchema = ajv.getSchema.bind(ajv);
  const wrapped = new WeakMap<ValidateFunction, ValidateFunction>();
  const wrap = (validate: ValidateFunction) => {
    let guard = wrapped.get(validate);
    if (!guard) wrapped.set(validate, (guard = guarded(validate)));
    return guard;
  };
  ajv.compile = ((schema: object, meta?: boolean) => lazily(() => wrap(compile(schema, meta)))) as typeof ajv.compile;
  ajv.getSchema = ((key: string) => {
    const validate = getSchema(key);
    return validate ? wrap(validate) : validate;
  }) as typeof ajv.getSchema;
  return ajv;
}

const errorBody = (code: keyof typeof ERROR_CODES, field: string, message: string = ERROR_CODES[code].message) => ({
  error: { code, message, field },
});

/** Fastify's router errors (a path whose %-encoding is broken, a parameter too long) in the API's error format. */
export function answerRouterError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  if (error.code === 'FST_ERR_BAD_URL') return reply.status(400).send(errorBody('invalid_encoding', 'params'));
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH')
    return reply.status(400).send(errorBody('validation_failed', 'params', 'params is too long'));
  return reply.status(400).send(errorBody('bad_request', 'params'));
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function registerInputGuard(app: FastifyInstance): void {
  // JSON must be UTF-8 (RFC 8259): a body that is not is refused, not stored with U+FFFD in its place
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body: Buffer, done) => {
    let text: string;
    try {
      text = utf8.decode(body);
    } catch {
      done(new AppError('invalid_encoding', 'The request body is not valid UTF-8.', 'body'), undefined);
      return;
    }
    parseJson(request, text, done);
  });

  app.addHook('onRequest', async (request) => {
    if ((request.query as Query)[INVALID_QUERY]) {
      throw new AppError('invalid_encoding', 'The query string has a broken %-sequence or is not UTF-8.', 'query');
    }
    // Node refuses NUL in headers from the network; this holds for every other way in as well
    for (const [name, value] of Object.entries(request.headers)) {
      for (const text of Array.isArray(value) ? value : [value ?? '']) {
        const problem = textProblem(text);
        if (problem) throw new AppError('validation_failed', `headers.${name} ${problem}`, `headers.${name}`);
      }
    }
  });
}
