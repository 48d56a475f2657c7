import { appendAuditEntries } from '../audit/audit.repository.ts';
import { PageReads } from '../audit/page-reads.ts';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  actorOf,
  clearSessionCookie,
  cookieName,
  SESSION_COOKIE,
  setSessionCookie,
  YOUTH_SESSION_COOKIE,
} from '../auth/auth.plugin.ts';
import { login, logout } from '../auth/auth.service.ts';
import type { Role } from '../db/schema.ts';
import type { AppDeps } from '../deps.ts';
import { isDatabaseUnavailable } from '../db/database.ts';
import { DomainError, errorMessage } from '../shared/errors.ts';
import { parseWithMessages, RequestValidationError } from '../shared/validation.ts';
import { type PageFrame, renderPage, stylesheet } from './web.render.ts';
import type { PageRenderer } from './web.shared.ts';
import { t, translator } from '../shared/texts.ts';
import { registerAdminPages } from './web.admin.ts';
import { registerImportPages } from './web.import.ts';
import { registerAlertPages } from './web.alerts.ts';
import { registerAppointmentPages } from './web.appointments.ts';
import { registerAuditPage } from './web.audit.ts';
import { registerMessagesPage } from './web.messages.ts';
import { registerCaseloadPages } from './web.caseload.ts';
import { registerCompanyPages } from './web.companies.ts';
import { registerDistributePages } from './web.distribute.ts';
import { registerGroupPages } from './web.groups.ts';
import { registerMatchEventPages } from './web.matching.ts';
import { registerOverviewPage } from './web.overview.ts';
import { registerEvaluationPage } from './web.evaluation.ts';
import { registerPlanPages } from './web.plan.ts';
import { registerReferralPages } from './web.referral.ts';
import { registerRuleSetPages } from './web.rule-sets.ts';
import { registerTodayPage } from './web.today.ts';
import { registerYouthPages } from './web.youth.ts';
import { registerPasswordPage } from './web.password.ts';
import {
  CHOOSE_PASSWORD_PATH,
  everyone,
  formBody,
  issueErrorsOf,
  landingOf,
  MY_JOURNEY_LOGIN_PATH,
  MY_JOURNEY_PATH,
  pageFor,
  text,
} from './web.shared.ts';
import { registerMyJourneyPages } from './web.my-journey.ts';
import { registerYouthVoicePages } from './web.youth-voice.ts';
import { registerMyQuestionnairePage } from './web.my-questionnaire.ts';
import { registerMyMatchPage } from './web.my-match.ts';
import { registerMyActionPages } from './web.my-actions.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * A web page and who may open it; without a user the browser is sent to the log-in page, and a
     * user with a one-time password to choosing their own unless `allowsOneTimePassword`.
     */
    page?: { roles: readonly Role[]; allowsOneTimePassword?: boolean };
  }
}

const LANG_COOKIE = 'ungeflow_lang';
const CSRF_COOKIE = 'ungeflow_csrf';

const loginForm = z.object({
  email: z.string().trim().min(1, 'required').max(320),
  password: z.string().min(1, 'required').max(1000),
});

/**
 * The web interface: server-rendered pages on the same fastify app and the same services as the
 * API. Helmet, the form-body parser and CSRF protection are registered inside this plugin, so they
 * apply to the pages only; the JSON API under /api keeps its own contract (it takes no form posts,
 * and its cookie is SameSite=Lax, which browsers do not send on cross-site POSTs).
 */
export const webRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  const { config } = deps;

  // Asking the browser to upgrade every request to HTTPS, and to remember to (HSTS), is right only
  // when Ungeflow is served over HTTPS; on an intranet over plain HTTP the stylesheet and the
  // log-in form would go to an HTTPS port that is not there.
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'none'"],
        styleSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: config.servedOverHttps ? [] : null,
      },
    },
    strictTransportSecurity: config.servedOverHttps,
  });
  await app.register(formbody);
  // Double-submit: a random secret in an HttpOnly, SameSite=Strict cookie, and a token derived
  // from it in every form. A cross-site page can neither read the cookie nor forge the token. The
  // token is bound to the session too (keyed by a secret of the server's): a secret and token
  // pair taken from another browser, tossed into this one's cookies, does not fit this session.
  const sessionCookie = cookieName(SESSION_COOKIE, config);
  const youthCookie = cookieName(YOUTH_SESSION_COOKIE, config);
  // The session cookies as sent, the staff's and the youth's (a log-in form's token is bound to
  // having none); never empty, which the token library refuses.
  const csrfUserInfo = (request: FastifyRequest) =>
    `session:${request.cookies[sessionCookie] ?? ''}|youth:${request.cookies[youthCookie] ?? ''}`;
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: cookieName(CSRF_COOKIE, config),
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'strict', secure: config.servedOverHttps },
    getToken: (request) => (request.body as Record<string, unknown> | undefined)?._csrf as string | undefined,
    getUserInfo: (request) => csrfUserInfo(request),
    csrfOpts: { hmacKey: deps.csrfKey },
  });

  const checkCsrf = app.csrfProtection.bind(app);

  const langCookie = cookieName(LANG_COOKIE, config);
  // Danish unless the user chose English with the switch (?lang=en), which is remembered in a cookie.
  app.addHook('onRequest', async (request, reply) => {
    const asked = (request.query as Record<string, unknown> | undefined)?.lang;
    if (asked === 'da' || asked === 'en') {
      reply.setCookie(langCookie, asked, {
        path: '/',
        sameSite: 'lax',
        httpOnly: true,
        secure: config.servedOverHttps,
        maxAge: 31_536_000,
      });
      request.lang = asked;
    } else {
      request.lang = request.cookies[langCookie] === 'en' ? 'en' : 'da';
    }
  });

  // The young person's pages: without a youth logged in on this device, the youth's log-in page.
  app.addHook('onRequest', async (request, reply) => {
    const config = request.routeOptions.config;
    if (!config.youthPage || config.public || request.youth) return;
    const expired = request.cookies[youthCookie] ? '?udlobet=1' : '';
    return reply.redirect(`${MY_JOURNEY_LOGIN_PATH}${expired}`, 303);
  });

  app.addHook('onRequest', async (request, reply) => {
    const page = request.routeOptions.config.page;
    if (!page) return;
    if (!request.actor) {
      // A young person logged in on this device: staff pages are not theirs.
      if (request.youth) throw new DomainError('forbidden');
      // A session cookie without a valid session: it expired (or was ended elsewhere).
      return reply.redirect(request.cookies[sessionCookie] ? '/login?expired=1' : '/login', 303);
    }
    // Before anything else, a user with a one-time password chooses their own (as the API's 403).
    if (request.actor.passwordMustChange && !page.allowsOneTimePassword) {
      return reply.redirect(CHOOSE_PASSWORD_PATH, 303);
    }
    // The front page is the caseload; an administrator's front page is the administration.
    if (request.actor.role === 'admin' && request.routeOptions.url === '/') return reply.redirect('/admin', 303);
    if (!page.roles.includes(request.actor.role)) throw new DomainError('forbidden');
  });

  // A page view's reads are logged as one entry per youth and kind of read, as the page is sent
  // (src/audit/page-reads.ts). The page waits for the entry: one that cannot be written fails the
  // page, which then shows nothing it read.
  app.addHook('preHandler', async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return;
    const page = request.routeOptions.url ?? '';
    if (request.actor) request.actor = { ...request.actor, pageReads: new PageReads(page) };
    if (request.youth) request.youth = { ...request.youth, pageReads: new PageReads(page) };
  });
  app.addHook('onSend', async (request, _reply, payload) => {
    const entries = [...(request.actor?.pageReads?.take() ?? []), ...(request.youth?.pageReads?.take() ?? [])];
    await appendAuditEntries(deps.db, entries);
    return payload;
  });

  app.setErrorHandler(async (error: Error & { statusCode?: number; code?: string }, request, reply) => {
    const t = translator(request.lang);
    let status = 500;
    let message = errorMessage('internal', request.lang);
    if (isDatabaseUnavailable(error)) {
      // The database is out of reach (a restart, a failover): a page that says so, not a fault.
      status = 503;
      message = errorMessage('database_unavailable', request.lang);
      reply.header('retry-after', '5');
      request.log.warn('answered 503: the database is out of reach');
    } else if (error instanceof DomainError) {
      status = error.status;
      message = errorMessage(error.code, request.lang);
    } else if (error instanceof RequestValidationError) {
      status = 400;
      message = errorMessage('validation_failed', request.lang);
    } else if (error.code?.startsWith('FST_CSRF')) {
      status = 403;
      message = t('common.csrfInvalid');
    } else if (error.statusCode === 429) {
      status = 429;
      message = errorMessage('rate_limited', request.lang);
    } else if (error.statusCode && error.statusCode < 500) {
      status = error.statusCode;
      message = errorMessage(status === 404 ? 'not_found' : 'validation_failed', request.lang);
    } else {
      request.log.error({ err: error }, 'page failed');
    }
    if (request.routeOptions.config.youthPage) {
      return myJourneyPage(request, reply.code(status), 'youth-error', t('common.errorTitle'), { message });
    }
    return page(request, reply.code(status), 'error', t('common.errorTitle'), { message });
  });

  /** The page's own address in the other language, for the language switch. */
  function languageHrefOf(request: FastifyRequest): string {
    const url = new URL(request.url, 'http://ungeflow');
    url.searchParams.set('lang', t(request.lang, 'common.switchLanguageCode'));
    // One-off confirmations ("Registreret.") are not repeated by switching language.
    url.searchParams.delete('registreret');
    url.searchParams.delete('done');
    // A POST answer re-renders the page; its language switch leads to the page itself.
    const home = request.routeOptions.config.youthPage ? MY_JOURNEY_PATH : '/';
    return request.method === 'GET' ? `${url.pathname}${url.search}` : `${home}?lang=${url.searchParams.get('lang')}`;
  }

  /**
   * Renders a page in its layout: a staff page with the user logged in, or a young person's page
   * (Mit forløb, `side: 'youth'`), whose frame holds no staff user, only whether a youth is.
   */
  function render(side: 'staff' | 'youth'): PageRenderer {
    return (request, reply, template, title, data, extra = {}) => {
      const frame: PageFrame = {
        lang: request.lang,
        title,
        user:
          side === 'staff' && request.actor
            ? {
                name: request.actor.name,
                role: request.actor.role,
                passwordMustChange: request.actor.passwordMustChange,
              }
            : null,
        ...(side === 'youth' ? { youth: { loggedIn: request.youth !== null } } : {}),
        csrfToken: reply.generateCsrf({ userInfo: csrfUserInfo(request) }),
        path: request.url,
        ...extra,
      };
      return (
        reply
          .type('text/html; charset=utf-8')
          // Pages show personal data (a revealed CPR number among it): not kept by browsers or proxies.
          .header('cache-control', 'no-store')
          .send(renderPage(template, frame, { languageHref: languageHrefOf(request), ...data }))
      );
    };
  }
  const page = render('staff');
  const myJourneyPage = render('youth');

  app.get('/web.css', { config: { public: true }, schema: { hide: true } }, (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(stylesheet),
  );

  // -------------------------------------------------------------------------------------------
  // Log in and out
  // -------------------------------------------------------------------------------------------

  app.get(
    '/login',
    {
      config: { public: true },
      schema: { hide: true, querystring: z.object({ expired: z.string().optional(), lang: z.string().optional() }) },
    },
    async (request, reply) => {
      if (request.actor) {
        return reply.redirect(landingOf(request.actor), 303);
      }
      const t = translator(request.lang);
      return page(
        request,
        reply,
        'login',
        t('common.loginTitle'),
        { values: {}, errors: {} },
        {
          notice: request.query.expired === '1' ? t('common.sessionExpired') : undefined,
        },
      );
    },
  );

  app.post(
    '/login',
    {
      config: { public: true, rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
      preHandler: checkCsrf,
      schema: { hide: true, body: formBody },
    },
    async (request, reply) => {
      const t = translator(request.lang);
      const values = { email: text(request.body, 'email'), password: text(request.body, 'password') };
      const rerender = (errors: Record<string, string>, status: number, problem?: string) =>
        page(request, reply.code(status), 'login', t('common.loginTitle'), { values, errors }, { problem });
      const parsed = parseWithMessages(loginForm, values);
      if (!parsed.success) {
        return rerender(issueErrorsOf(parsed.issues, request.lang), 400, t('common.formErrors'));
      }
      try {
        const now = deps.clock();
        const result = await login(
          deps.db,
          parsed.data,
          { ip: request.ip, requestId: request.id },
          { now, sessionTtlHours: config.sessionTtlHours },
        );
        setSessionCookie(reply, result, { now, config });
        return reply.redirect(landingOf(result.user), 303);
      } catch (error) {
        if (error instanceof DomainError && error.code === 'invalid_credentials') {
          return rerender({ password: errorMessage(error.code, request.lang) }, error.status);
        }
        throw error;
      }
    },
  );

  app.post(
    '/logout',
    {
      config: pageFor(everyone, { allowsOneTimePassword: true }),
      preHandler: checkCsrf,
      schema: { hide: true },
    },
    async (request, reply) => {
      await logout(deps.db, actorOf(request));
      clearSessionCookie(reply, config);
      return reply.redirect('/login', 303);
    },
  );

  // -------------------------------------------------------------------------------------------
  // The screens, each in a module of its own, inside this plugin: they share its security headers,
  // form parser, CSRF protection and error page.
  // -------------------------------------------------------------------------------------------

  registerCaseloadPages(app, { deps, page, myJourneyPage, checkCsrf });
  registerTodayPage(app, { deps, page, myJourneyPage, checkCsrf });
  registerYouthPages(app, { deps, page, myJourneyPage, checkCsrf });
  registerAppointmentPages(app, { deps, page, myJourneyPage, checkCsrf });
  registerReferralPages(app, { deps, page, myJourneyPage, checkCsrf });
  registerGroupPages(app, { deps, page, myJourneyPage, checkCsrf });
  registerOverviewPage(app, { deps, page, myJourneyPage, checkCsrf });
  registerEvaluationPage(app, { deps, page, myJourneyPage, checkCsrf });
  registerPlanPages(app, { deps, page, myJourneyPage, checkCsrf });
  registerCompanyPages(app, { deps, page, myJourneyPage, checkCsrf });
  registerMatchEventPages(app, { deps, page, myJourneyPage, checkCsrf });
  registerAlertPages(app, { deps, page, myJourneyPage, checkCsrf });
  registerDistributePages(app, { deps, page, myJourneyPage, checkCsrf });
  registerAuditPage(app, { deps, page, myJourneyPage, checkCsrf });
  registerMessagesPage(app, { deps, page, myJourneyPage, checkCsrf });
  registerAdminPages(app, { deps, page, myJourneyPage, checkCsrf });
  await registerImportPages(app, { deps, page, myJourneyPage, checkCsrf });
  registerRuleSetPages(app, { deps, page, myJourneyPage, checkCsrf });
  registerPasswordPage(app, { deps, page, myJourneyPage, checkCsrf });
  registerMyJourneyPages(app, { deps, page, myJourneyPage, checkCsrf });
  registerYouthVoicePages(app, { deps, page, myJourneyPage, checkCsrf });
  registerMyQuestionnairePage(app, { deps, page, myJourneyPage, checkCsrf });
  registerMyMatchPage(app, { deps, page, myJourneyPage, checkCsrf });
  registerMyActionPages(app, { deps, page, myJourneyPage, checkCsrf });
};
