import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../db/schema.ts';
import type { AppDeps } from '../deps.ts';
import { DomainError } from '../shared/errors.ts';
import { type Lang, pickLang } from '../shared/i18n.ts';
import { authenticateYouth } from '../youth-login/youth-login.service.ts';
import type { Actor, YouthActor } from './actor.ts';
import { authenticate } from './auth.service.ts';

export const SESSION_COOKIE = 'ungeflow_session';
/** The young person's device session (Mit forløb): a cookie of its own, never the staff's. */
export const YOUTH_SESSION_COOKIE = 'ungeflow_youth';

/**
 * A cookie's name as the browser gets it: served over HTTPS, with the `__Host-` prefix, which
 * browsers accept only on a Secure cookie for the whole site, set by the site itself, so no other
 * host of the municipality's domain (nor a page over plain HTTP) can set or replace it.
 */
export function cookieName(name: string, config: { servedOverHttps: boolean }): string {
  return config.servedOverHttps ? `__Host-${name}` : name;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** The young person logged in on this device (Mit forløb); resolved from its own cookie. */
    youth: YouthActor | null;
    lang: Lang;
  }
  interface FastifyContextConfig {
    /** Reachable without logging in (health, login, API docs). Everything else needs a user. */
    public?: boolean;
    /** The roles allowed; when absent, every logged-in user is. */
    roles?: readonly Role[];
    /**
     * Open to a user who has logged in with a one-time password (log-out, who am I, choosing a
     * password). Every other route answers 403 `password_change_required` to them.
     */
    allowsOneTimePassword?: boolean;
    /**
     * A route of the young person's own (Mit forløb): open only to a youth logged in on this device
     * (`request.youth`, see youthOf), closed to staff. It takes no youth's id from the request: the
     * youth is the session's. A page sets `youthPage` too, so a browser without a session is sent
     * to the youth's log-in page instead of answered 401 (src/web/web.routes.ts).
     */
    youth?: boolean;
    youthPage?: boolean;
  }
}

/**
 * Resolves who is calling before anything else runs, so that a request without a valid user gets
 * 401 and one with the wrong role 403 before its input is even looked at. Routes are closed by
 * default: only those marked `config.public` open without a user, and only those marked
 * `config.allowsOneTimePassword` to a user who must still choose their password.
 */
export const authPlugin = fp<{ deps: AppDeps }>(
  async (app, { deps }) => {
    app.decorateRequest('actor', null);
    app.decorateRequest('youth', null);
    app.decorateRequest('lang', 'da');

    const youthCookie = cookieName(YOUTH_SESSION_COOKIE, deps.config);
    const resolveYouth = async (request: FastifyRequest) => {
      const token = request.cookies[youthCookie];
      if (token) {
        request.youth = await authenticateYouth(
          deps.db,
          token,
          { ip: request.ip, requestId: request.id },
          deps.clock(),
        );
      }
    };

    app.addHook('onRequest', async (request) => {
      const query = request.query as Record<string, unknown> | undefined;
      request.lang = pickLang(query?.lang, request.headers['accept-language']);
      const config = request.routeOptions.config;

      // The youth's routes read the youth's cookie only: a staff session opens none of them.
      if (config.youth) {
        await resolveYouth(request);
        if (request.youth || config.youthPage) return;
        throw new DomainError('unauthenticated');
      }

      const authorization = request.headers.authorization;
      const bearerToken = authorization?.startsWith('Bearer ') ? authorization.slice(7).trim() : undefined;
      const sessionToken = request.cookies[cookieName(SESSION_COOKIE, deps.config)];
      if (bearerToken || sessionToken) {
        request.actor = await authenticate(
          deps.db,
          { bearerToken, sessionToken },
          { ip: request.ip, requestId: request.id },
          deps.clock(),
        );
      }

      // Without a staff user, a youth logged in on this device is known (a staff page refuses them).
      if (!request.actor) await resolveYouth(request);
      if (config.public || request.is404) return;
      if (!request.actor) throw new DomainError(request.youth ? 'forbidden' : 'unauthenticated');
      // A password someone else set (the first administrator's, an administrator's reset) is
      // known to them: the user chooses their own before doing anything else.
      if (request.actor.passwordMustChange && !config.allowsOneTimePassword) {
        throw new DomainError('password_change_required');
      }
      if (config.roles && !config.roles.includes(request.actor.role)) throw new DomainError('forbidden');
    });
  },
  { name: 'auth', dependencies: ['@fastify/cookie'] },
);

/**
 * Sends the session cookie. Its lifetime is relative (Max-Age), counted from the server's clock:
 * an absolute Expires would be read against the browser's clock, and a browser whose clock runs
 * ahead would drop a fresh session at once.
 */
export function setSessionCookie(
  reply: FastifyReply,
  session: { sessionToken: string; expiresAt: Date },
  options: { now: Date; config: { servedOverHttps: boolean } },
): void {
  reply.setCookie(cookieName(SESSION_COOKIE, options.config), session.sessionToken, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: options.config.servedOverHttps,
    maxAge: Math.max(0, Math.floor((session.expiresAt.getTime() - options.now.getTime()) / 1000)),
  });
}

/** Ends the session cookie in the browser. */
export function clearSessionCookie(reply: FastifyReply, config: { servedOverHttps: boolean }): void {
  reply.clearCookie(cookieName(SESSION_COOKIE, config), { path: '/', secure: config.servedOverHttps });
}

/** Sends the youth's device cookie, for as long as the session lives (Max-Age, as setSessionCookie). */
export function setYouthSessionCookie(
  reply: FastifyReply,
  session: { sessionToken: string; expiresAt: Date },
  options: { now: Date; config: { servedOverHttps: boolean } },
): void {
  reply.setCookie(cookieName(YOUTH_SESSION_COOKIE, options.config), session.sessionToken, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: options.config.servedOverHttps,
    maxAge: Math.max(0, Math.floor((session.expiresAt.getTime() - options.now.getTime()) / 1000)),
  });
}

export function clearYouthSessionCookie(reply: FastifyReply, config: { servedOverHttps: boolean }): void {
  reply.clearCookie(cookieName(YOUTH_SESSION_COOKIE, config), { path: '/', secure: config.servedOverHttps });
}

/** The young person of a youth route (`config.youth`; the onRequest hook guarantees one). */
export function youthOf(request: FastifyRequest): YouthActor {
  if (!request.youth) throw new DomainError('unauthenticated');
  return request.youth;
}

/** The acting user of a route that is not public (the onRequest hook guarantees one). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new DomainError('unauthenticated');
  return request.actor;
}
