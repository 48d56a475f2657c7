import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The header that carries a request's id in and out (the proxy's, or ours). */
export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * What an id taken from outside may look like: long enough not to collide by accident, short
 * enough for a log line, and nothing that could break a log line or a header.
 */
const acceptedId = /^[A-Za-z0-9._-]{8,128}$/;

/**
 * The id of an incoming request: the one the reverse proxy gave it, so a request can be followed
 * from the proxy's log to ours and to the audit log, or else a random UUID. Fastify's own counter
 * starts again at every start and in every instance; a UUID is unique across both.
 */
export function requestIdOf(request: Pick<IncomingMessage, 'headers'>): string {
  const incoming = request.headers[REQUEST_ID_HEADER];
  return typeof incoming === 'string' && acceptedId.test(incoming) ? incoming : randomUUID();
}
