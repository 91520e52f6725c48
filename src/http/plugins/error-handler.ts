import type { FastifyError, FastifyInstance } from 'fastify';
import type { Socket } from 'node:net';
import { AppError, ERROR_CODES, type ErrorCode, type ErrorDetail } from '../../services/errors.js';
import { describeAjvError } from '../../services/organisation-record.js';
import { VersionConflictError } from '../../services/versioning.js';
import { sendVersion } from '../versioning.js';

const CONTEXT_NAMES: Record<string, string> = { querystring: 'query', body: 'body', params: 'params', headers: 'headers' };

function body(code: ErrorCode, message: string, field?: string, details?: ErrorDetail[], why?: Pick<ErrorDetail, 'reason' | 'params'>) {
  return {
    error: {
      code,
      message,
      ...(field ? { field } : {}),
      ...(why?.reason ? { reason: why.reason } : {}),
      ...(why?.params ? { params: why.params } : {}),
      ...(details && details.length > 0 ? { details } : {}),
    },
  };
}

/**
 * The one place errors become HTTP answers: known errors keep their code and message, validation errors
 * name the field, and anything unexpected is logged and answered without its message or stack.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      if (error.retryAfter !== undefined) reply.header('retry-after', String(error.retryAfter));
      if (error instanceof VersionConflictError) {
        // the current version, as header and in the body, so that the client reloads and merges
        sendVersion(reply, error.currentVersion);
        const answer = body(error.code, error.message, error.field);
        return reply.status(error.status).send({ error: { ...answer.error, currentVersion: error.currentVersion } });
      }
      return reply.status(error.status).send(body(error.code, error.message, error.field, error.details, error));
    }
    if ('validation' in error && error.validation) {
      const context = CONTEXT_NAMES[error.validationContext ?? ''] ?? error.validationContext ?? '';
      const details = error.validation.map((v) => {
        const { field, ...why } = describeAjvError(v as never);
        return { field: field ? `${context}.${field}` : context, ...why };
      });
      const first = details[0]!;
      return reply.status(400).send(body('validation_failed', `${first.field} ${first.message}`, first.field, details, first));
    }
    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return reply.status(413).send(body('payload_too_large', ERROR_CODES.payload_too_large.message, 'body'));
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return reply.status(415).send(body('unsupported_media_type', ERROR_CODES.unsupported_media_type.message, 'headers.content-type'));
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return reply.status(400).send(body('malformed_json', ERROR_CODES.malformed_json.message, 'body'));
    }
    if (error instanceof SyntaxError && error.statusCode === 400) {
      return reply.status(400).send(body('malformed_json', ERROR_CODES.malformed_json.message, 'body'));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send(body('bad_request', ERROR_CODES.bad_request.message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(body('internal_error', ERROR_CODES.internal_error.message));
  });
}

const CLIENT_ERRORS: Record<string, ErrorCode> = { ERR_HTTP_REQUEST_TIMEOUT: 'request_timeout', HPE_HEADER_OVERFLOW: 'headers_too_large' };
const REASONS: Partial<Record<ErrorCode, string>> = { request_timeout: 'Request Timeout', headers_too_large: 'Request Header Fields Too Large' };

/**
 * Errors of a connection before any request could be read (Fastify's `clientErrorHandler`): a body that
 * did not arrive within the request timeout, headers over the limit, bytes that are not HTTP. They are
 * answered in the API's one error format, like every other error, then the connection is closed.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const code = CLIENT_ERRORS[error.code ?? ''] ?? 'bad_request';
  const { status, message } = ERROR_CODES[code];
  const json = JSON.stringify(body(code, message));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${REASONS[code] ?? 'Bad Request'}\r\nContent-Length: ${Buffer.byteLength(json)}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${json}`,
    );
  }
  socket.destroy();
}
