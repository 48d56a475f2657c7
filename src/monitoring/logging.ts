import type { FastifyRequest } from 'fastify';
import pretty from 'pino-pretty';
import type { AppConfig } from '../config.ts';

/**
 * Whether the log is written for a person (one readable line per entry) or for a log collector
 * (JSON). `auto` is readable only at a terminal: a service manager, a container or a test reading
 * the log gets JSON.
 */
export function readableLogs(format: AppConfig['logFormat'], output: { isTTY: boolean; streamGiven: boolean }) {
  switch (format) {
    case 'pretty':
      return true;
    case 'json':
      return false;
    case 'auto':
      return output.isTTY && !output.streamGiven;
  }
}

/**
 * Where the app's logger writes: the given stream (or standard output) as JSON, or through
 * pino-pretty when the lines are for a person. pino-pretty runs as a stream in this thread rather
 * than as a worker transport: a terminal is read by a person, not under load.
 */
export function logDestination(
  format: AppConfig['logFormat'],
  given: NodeJS.WritableStream | undefined,
): NodeJS.WritableStream | undefined {
  const isTTY = process.stdout.isTTY === true;
  if (!readableLogs(format, { isTTY, streamGiven: given !== undefined })) return given;
  return pretty({
    destination: given ?? 1,
    colorize: given === undefined && isTTY,
    translateTime: 'SYS:yyyy-mm-dd HH:MM:ss',
    singleLine: true,
    // The request line's message already says its method, address, status and time.
    ignore: 'pid,hostname,method,url,statusCode,responseTime',
  });
}

/** The route pattern a request matched (`/api/youth/:id`), never the address itself. */
export function routeOf(request: FastifyRequest): string {
  return request.routeOptions.url ?? 'unmatched';
}
