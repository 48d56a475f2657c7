import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Db } from '../db/database.ts';
import type { Clock } from '../shared/clock.ts';
import { countAttempt } from './rate-limit.repository.ts';

/** What @fastify/rate-limit hands a route's store besides its limits: the route it guards. */
interface RouteLimitOptions {
  routeInfo?: { method?: string | string[]; url?: string };
}

/**
 * A store for @fastify/rate-limit that keeps the counts in the database, which every instance
 * shares: the plugin's own store counts per process, and behind a proxy that spreads requests over
 * several instances a client would get the limit once per instance. Each rate-limited route counts
 * on its own, as with the plugin's store. Time is the app's clock, the one logins are judged by.
 */
export function databaseRateLimitStore(db: Db, clock: Clock): FastifyRateLimitStoreCtor {
  return class DatabaseRateLimitStore implements FastifyRateLimitStore {
    readonly #route: string;

    constructor(options: RouteLimitOptions) {
      const method = [options.routeInfo?.method ?? ''].flat().join(',');
      this.#route = `${method} ${options.routeInfo?.url ?? ''}`;
    }

    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ): void {
      const now = clock();
      countAttempt(db, `${this.#route} ${key}`, now, timeWindow).then(
        ({ count, expiresAt }) =>
          callback(null, { current: count, ttl: Math.max(0, expiresAt.getTime() - now.getTime()) }),
        (error: Error) => callback(error),
      );
    }

    child(routeOptions: unknown): FastifyRateLimitStore {
      return new DatabaseRateLimitStore(routeOptions as RouteLimitOptions);
    }
  };
}
