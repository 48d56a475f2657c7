import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/db/database.ts';
import { startYouthSession } from '../../src/youth-login/youth-login.service.ts';

/** A phone's window: the young person's side is made for 390 px first. */
export const PHONE = { width: 390, height: 844 } as const;

/**
 * Logs the youth in on a new device, as a one-time link would, and returns the cookie header to
 * send as that device (`ungeflow_youth=...`). The app is not asked: tests of the youth's own
 * pages and routes start logged in; the log-in itself is tested through the link.
 */
export async function youthSession(
  db: Db,
  youthId: string,
  options: { now?: Date; userAgent?: string } = {},
): Promise<{ cookie: string; token: string }> {
  const youth = await db
    .selectFrom('youth')
    .select('municipality_id')
    .where('id', '=', youthId)
    .executeTakeFirstOrThrow();
  const login = await db.transaction().execute((trx) =>
    startYouthSession(trx, {
      municipalityId: youth.municipality_id,
      youthId,
      method: 'link',
      userAgent:
        options.userAgent ?? 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36',
      origin: { ip: '127.0.0.1', requestId: null },
      now: options.now ?? new Date(),
    }),
  );
  return { cookie: `ungeflow_youth=${login.sessionToken}`, token: login.sessionToken };
}

/**
 * A browser window the size of a phone (390 x 844, Danish), logged in as the youth, on Mit forløb's
 * start page. `bypassCSP` lets axe-core be injected (tests/support/page-checks.ts).
 */
export async function youthPhonePage(
  browser: Browser,
  base: string,
  db: Db,
  youthId: string,
  options: { now?: Date; locale?: string } = {},
): Promise<Page> {
  const { token } = await youthSession(db, youthId, options);
  const context = await browser.newContext({
    viewport: PHONE,
    locale: options.locale ?? 'da-DK',
    bypassCSP: true,
    isMobile: true,
    hasTouch: true,
  });
  await context.addCookies([{ name: 'ungeflow_youth', value: token, url: base, httpOnly: true, sameSite: 'Lax' }]);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${base}/mit-forloeb`);
  return page;
}

/** The newest one-time link to Mit forløb in the outbox (the demo's way out: no gateway configured). */
export async function linkInOutbox(db: Db, youthId: string): Promise<string> {
  const message = await db
    .selectFrom('outgoing_message')
    .select('body')
    .where('youth_id', '=', youthId)
    .where('kind', '=', 'invitation')
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
  return linkIn(message.body);
}

/** The link to Mit forløb in a message's text. */
export function linkIn(text: string): string {
  const link = /https?:\/\/\S+\/mit-forloeb\/link\/[\w-]+/.exec(text)?.[0];
  if (!link) throw new Error(`no link to Mit forløb in: ${text}`);
  return link;
}

/** An iPhone's Safari, as the youth's phone says who it is. */
export const PHONE_USER_AGENT =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Version/17.5 Mobile/15E148 Safari/604.1';

/**
 * Opens a one-time link as a phone's browser does: the page with the button, then the button's
 * POST. The youth's cookie header when it logged the youth in.
 */
export async function openLink(app: FastifyInstance, link: string, userAgent = PHONE_USER_AGENT) {
  const path = new URL(link).pathname;
  const shown = await app.inject({ method: 'GET', url: path, headers: { 'user-agent': userAgent } });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(shown.body)?.[1] ?? '';
  const csrfCookie = shown.cookies.find((c) => c.name === 'ungeflow_csrf');
  const posted = await app.inject({
    method: 'POST',
    url: path,
    headers: { 'user-agent': userAgent, cookie: `ungeflow_csrf=${csrfCookie?.value ?? ''}` },
    payload: { _csrf: csrf },
  });
  const youthCookie = posted.cookies.find((c) => c.name === 'ungeflow_youth');
  return {
    shown,
    posted,
    cookie: youthCookie ? `ungeflow_youth=${youthCookie.value}` : undefined,
    maxAge: youthCookie?.maxAge,
  };
}
