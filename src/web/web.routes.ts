import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findGroups } from '../groups/group.service.ts';
import { actorOf, SESSION_COOKIE, setSessionCookie } from '../auth/auth.plugin.ts';
import { login, logout } from '../auth/auth.service.ts';
import type { Role } from '../db/schema.ts';
import type { AppDeps } from '../deps.ts';
import { journeysOfYouth, readJourney, recordEvent } from '../journeys/journey.service.ts';
import { journeyCommandBody } from '../journeys/journey.schemas.ts';
import { danishDate, startOfDanishDay } from '../shared/clock.ts';
import { DomainError, errorMessage } from '../shared/errors.ts';
import type { Text } from '../shared/i18n.ts';
import { fieldMessages, parseWithMessages, RequestValidationError } from '../shared/validation.ts';
import { ageOn } from '../youth/cpr.ts';
import { readYouth, type Youth } from '../youth/youth.service.ts';
import { type PageFrame, renderPage, stylesheet, textsFor } from './web.render.ts';
import { registerAlertPages } from './web.alerts.ts';
import { registerCaseloadPages } from './web.caseload.ts';
import { registerGroupPages } from './web.groups.ts';
import { registerOverviewPage } from './web.overview.ts';
import { registerReferralPages } from './web.referral.ts';
import { fieldErrorsOf, type Form, formBody, pageFor, riskLabel, staff, text, when } from './web.shared.ts';
import { previewVisitation, readVisitationForm, type VisitationInput, visitationCatalogue } from './web.visitation.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A web page and who may open it; without a user the browser is sent to the log-in page. */
    page?: { roles: readonly Role[] };
  }
}

const LANG_COOKIE = 'ungeflow_lang';
const CSRF_COOKIE = 'ungeflow_csrf';
/** The events recorded from the youth's page with a simple form; the rest need the full forms. */
const simpleEvents = ['FIRST_CONVERSATION_HELD', 'PAUSED', 'RESUMED', 'WITHDRAWN'] as const;
/** The events the generic event form records: the simple ones and joining a network group. */
const formEvents = [...simpleEvents, 'GROUP_ASSIGNED'] as const;

const youthParams = z.object({ youthId: z.uuid() });
const eventParams = youthParams.extend({ journeyId: z.uuid() });

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

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'none'"],
        styleSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  await app.register(formbody);
  // Double-submit: a random secret in an HttpOnly, SameSite=Strict cookie, and a token derived
  // from it in every form. A cross-site page can neither read the cookie nor forge the token.
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: CSRF_COOKIE,
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'strict', secure: config.cookieSecure },
    getToken: (request) => (request.body as Record<string, unknown> | undefined)?._csrf as string | undefined,
  });

  const checkCsrf = app.csrfProtection.bind(app);

  // Danish unless the user chose English with the switch (?lang=en), which is remembered in a cookie.
  app.addHook('onRequest', async (request, reply) => {
    const asked = (request.query as Record<string, unknown> | undefined)?.lang;
    if (asked === 'da' || asked === 'en') {
      reply.setCookie(LANG_COOKIE, asked, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 31_536_000 });
      request.lang = asked;
    } else {
      request.lang = request.cookies[LANG_COOKIE] === 'en' ? 'en' : 'da';
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    const page = request.routeOptions.config.page;
    if (!page) return;
    if (!request.actor) {
      // A session cookie without a valid session: it expired (or was ended elsewhere).
      return reply.redirect(request.cookies[SESSION_COOKIE] ? '/login?expired=1' : '/login', 303);
    }
    if (!page.roles.includes(request.actor.role)) throw new DomainError('forbidden');
  });

  app.setErrorHandler(async (error: Error & { statusCode?: number; code?: string }, request, reply) => {
    const t = textsFor(request.lang);
    let status = 500;
    let message = errorMessage('internal', request.lang);
    if (error instanceof DomainError) {
      status = error.status;
      message = errorMessage(error.code, request.lang);
    } else if (error instanceof RequestValidationError) {
      status = 400;
      message = errorMessage('validation_failed', request.lang);
    } else if (error.code?.startsWith('FST_CSRF')) {
      status = 403;
      message = t.csrfInvalid;
    } else if (error.statusCode === 429) {
      status = 429;
      message = errorMessage('rate_limited', request.lang);
    } else if (error.statusCode && error.statusCode < 500) {
      status = error.statusCode;
      message = errorMessage(status === 404 ? 'not_found' : 'validation_failed', request.lang);
    } else {
      request.log.error({ err: error }, 'page failed');
    }
    return page(request, reply.code(status), 'error', t.errorTitle, { message });
  });

  async function page(
    request: FastifyRequest,
    reply: FastifyReply,
    template: string,
    title: string,
    data: object,
    extra: Pick<PageFrame, 'notice' | 'problem'> = {},
  ) {
    const frame: PageFrame = {
      lang: request.lang,
      title,
      user: request.actor ? { name: request.actor.name, role: request.actor.role } : null,
      csrfToken: reply.generateCsrf(),
      path: request.url,
      ...extra,
    };
    const url = new URL(request.url, 'http://ungeflow');
    url.searchParams.set('lang', textsFor(request.lang).switchLanguageCode);
    // One-off confirmations ("Registreret.") are not repeated by switching language.
    url.searchParams.delete('registreret');
    url.searchParams.delete('done');
    // A POST answer re-renders the page; its language switch leads to the page itself.
    const languageHref =
      request.method === 'GET' ? `${url.pathname}${url.search}` : `/?lang=${url.searchParams.get('lang')}`;
    return reply.type('text/html; charset=utf-8').send(renderPage(template, frame, { languageHref, ...data }));
  }

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
      if (request.actor) return reply.redirect('/', 303);
      const t = textsFor(request.lang);
      return page(
        request,
        reply,
        'login',
        t.loginTitle,
        { values: {}, errors: {} },
        {
          notice: request.query.expired === '1' ? t.sessionExpired : undefined,
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
      const t = textsFor(request.lang);
      const values = { email: text(request.body, 'email'), password: text(request.body, 'password') };
      const rerender = (errors: Record<string, string>, status: number, problem?: string) =>
        page(request, reply.code(status), 'login', t.loginTitle, { values, errors }, { problem });
      const parsed = parseWithMessages(loginForm, values);
      if (!parsed.success) {
        return rerender(
          fieldErrorsOf(
            parsed.issues.map((i) => ({ field: i.field, message: i.messages })),
            request.lang,
          ),
          400,
          t.formErrors,
        );
      }
      try {
        const now = deps.clock();
        const result = await login(
          deps.db,
          parsed.data,
          { ip: request.ip, requestId: request.id },
          { now, sessionTtlHours: config.sessionTtlHours },
        );
        setSessionCookie(reply, result, { now, secure: config.cookieSecure });
        return reply.redirect(result.user.role === 'leader' ? '/advarsler' : '/', 303);
      } catch (error) {
        if (error instanceof DomainError && (error.code === 'invalid_credentials' || error.code === 'account_locked')) {
          return rerender({ password: errorMessage(error.code, request.lang) }, error.status);
        }
        throw error;
      }
    },
  );

  app.post(
    '/logout',
    { config: pageFor(['caseworker', 'leader', 'admin']), preHandler: checkCsrf, schema: { hide: true } },
    async (request, reply) => {
      await logout(deps.db, actorOf(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.redirect('/login', 303);
    },
  );

  // -------------------------------------------------------------------------------------------
  // A youth's page
  // -------------------------------------------------------------------------------------------

  interface Kept {
    type?: string;
    /** The visitation form as typed, its problems, and (once it reads) the decision the rules preview. */
    visitation?: { form: Form; errors: Record<string, string>; input: VisitationInput | null; day: string | null };
    values?: Record<string, string>;
    errors?: Record<string, string>;
    revealCpr?: boolean;
    problem?: string;
    notice?: string | undefined;
    status?: number;
  }

  async function youthPage(request: FastifyRequest, reply: FastifyReply, youthId: string, kept: Kept = {}) {
    const actor = actorOf(request);
    const lang = request.lang;
    const youth: Youth = await readYouth(deps, actor, youthId, { revealCpr: kept.revealCpr ?? false });
    const journeys = await journeysOfYouth(deps, actor, youthId);
    const current = journeys.find((j) => j.open) ?? journeys[0];
    const view = current ? await readJourney(deps, actor, current.id) : null;
    const accepts = (type: string) => (view?.acceptedEvents ?? []).some((e) => e.type === type);
    const kv = kept.visitation;
    const preview =
      view && kv?.input && accepts('VISITATION_DECIDED')
        ? await previewVisitation(
            deps,
            actor,
            {
              age: ageOn(youth.birthDate, kv.day ?? danishDate(deps.clock())),
              returning: view.journey.returning,
              day: kv.day ?? danishDate(deps.clock()),
            },
            kv.input,
            lang,
          )
        : null;
    // Joining a group: the municipality's active groups that have a free place.
    const groupChoices = accepts('GROUP_ASSIGNED')
      ? (await findGroups(deps, actor, { active: true }, { page: 1, pageSize: 200 })).items
          .filter((g) => g.memberCount < g.capacity)
          .map((g) => ({ id: g.id, name: g.name, free: g.capacity - g.memberCount, capacity: g.capacity }))
      : null;
    return page(
      request,
      reply.code(kept.status ?? 200),
      'youth',
      youth.name,
      {
        youth: { ...youth, cprRevealed: kept.revealCpr ?? false },
        journey: view && {
          id: view.journey.id,
          stage: view.stage,
          version: view.journey.version,
          firstContact: when(view.journey.firstContactAt, lang),
        },
        steps: (view?.acceptedEvents ?? []).map((e) => ({
          type: e.type,
          simple: (simpleEvents as readonly string[]).includes(e.type),
        })),
        events: [...(view?.events ?? [])].reverse().map((e) => ({
          type: e.type,
          iso: e.occurredAt.toISOString(),
          date: when(e.occurredAt, lang),
          detail: typeof e.payload.reason === 'string' ? e.payload.reason : '',
        })),
        alerts: (view?.alerts ?? []).map(({ alert }) => ({
          severity: alert.severity,
          label: riskLabel(alert.code, lang),
          message: (alert.explanation as { message?: Text }).message?.[lang] ?? '',
        })),
        visitation: accepts('VISITATION_DECIDED')
          ? {
              catalogue: visitationCatalogue(lang),
              form: kv?.form ?? {},
              errors: kv?.errors ?? {},
              preview,
            }
          : null,
        groupChoices,
        keptType: kept.type ?? null,
        values: kept.values ?? {},
        errors: kept.errors ?? {},
      },
      {
        problem: kept.problem,
        notice: kept.revealCpr ? textsFor(lang).cprShownAudited : kept.notice,
      },
    );
  }

  app.get(
    '/unge/:youthId',
    {
      config: pageFor(staff),
      schema: {
        hide: true,
        params: youthParams,
        querystring: z.object({ registreret: z.string().optional(), lang: z.string().optional() }),
      },
    },
    (request, reply) =>
      youthPage(request, reply, request.params.youthId, {
        notice: request.query.registreret ? textsFor(request.lang).recorded : undefined,
      }),
  );

  // A POST, so the reveal is a deliberate act (never a prefetched link) and the number stays out of URLs.
  app.post(
    '/unge/:youthId/cpr',
    {
      config: pageFor(staff),
      preHandler: checkCsrf,
      schema: { hide: true, params: youthParams, body: formBody },
    },
    (request, reply) => youthPage(request, reply, request.params.youthId, { revealCpr: true }),
  );

  app.post(
    '/unge/:youthId/forloeb/:journeyId/haendelser',
    {
      config: pageFor(staff),
      preHandler: checkCsrf,
      schema: { hide: true, params: eventParams, body: formBody },
    },
    async (request, reply) => {
      const { youthId, journeyId } = request.params;
      const t = textsFor(request.lang);
      const type = text(request.body, 'type');
      // Fields are named "<EVENT>-<field>" so each form's labels have ids of their own.
      const values: Record<string, string> = {};
      for (const key of Object.keys(request.body)) {
        if (key.startsWith(`${type}-`)) values[key.slice(type.length + 1)] = text(request.body, key);
      }
      const optional = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);
      const occurredOn = optional(values.occurredOn);
      const command = {
        type,
        expectedVersion: Number(text(request.body, 'expectedVersion')),
        ...(occurredOn
          ? {
              occurredAt: /^\d{4}-\d{2}-\d{2}$/.test(occurredOn)
                ? startOfDanishDay(occurredOn).toISOString()
                : occurredOn,
            }
          : {}),
        ...(type === 'PAUSED'
          ? { reason: values.reason, expectedReturn: values.expectedReturn ?? '', note: optional(values.note) }
          : {}),
        ...(type === 'WITHDRAWN' ? { reason: values.reason ?? '' } : {}),
        ...(type === 'GROUP_ASSIGNED' ? { groupId: values.groupId ?? '' } : {}),
      };
      const keep = (errors: Record<string, string>, problem: string, status: number) =>
        youthPage(request, reply, youthId, { type, values, errors, problem, status });
      if (!(formEvents as readonly string[]).includes(type)) throw new DomainError('validation_failed');
      if (type === 'GROUP_ASSIGNED' && !values.groupId) return keep({ groupId: t.chooseGroup }, t.formErrors, 400);
      const parsed = parseWithMessages(journeyCommandBody, command);
      if (!parsed.success) {
        return keep(
          fieldErrorsOf(
            parsed.issues.map((i) => ({ field: i.field, message: i.messages })),
            request.lang,
          ),
          t.formErrors,
          400,
        );
      }
      try {
        await recordEvent(deps, actorOf(request), journeyId, parsed.data);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        if (error.code === 'version_conflict') return keep({}, t.versionConflict, 409);
        if (error.code === 'validation_failed') {
          return keep(fieldErrorsOf(error.fieldErrors, request.lang), t.formErrors, 400);
        }
        // A group that filled up meanwhile: the effect refuses with the reason at the group field.
        if (error.code === 'conflict' && error.fieldErrors.length > 0) {
          return keep(fieldErrorsOf(error.fieldErrors, request.lang), t.groupNotAssigned, 409);
        }
        if (error.code === 'event_not_accepted') return keep({}, errorMessage(error.code, request.lang), 422);
        throw error;
      }
      return reply.redirect(`/unge/${youthId}?registreret=1`, 303);
    },
  );

  // Visitation: "Se forslag" shows what the rules say about the answers; confirming records the
  // decision. The confirm button sends the category the preview was made for, so a category changed
  // after the preview is previewed again before anything is recorded.
  app.post(
    '/unge/:youthId/forloeb/:journeyId/visitation',
    {
      config: pageFor(staff),
      preHandler: checkCsrf,
      schema: { hide: true, params: eventParams, body: formBody },
    },
    async (request, reply) => {
      const { youthId, journeyId } = request.params;
      const lang = request.lang;
      const t = textsFor(lang);
      const form = request.body;
      const occurredOn = text(form, 'occurredOn').trim();
      const validDay = /^\d{4}-\d{2}-\d{2}$/.test(occurredOn) && !Number.isNaN(Date.parse(occurredOn));
      const day = validDay ? occurredOn : null;
      const read = readVisitationForm(form);
      const errors = read.ok ? {} : Object.fromEntries(Object.entries(read.errors).map(([k, m]) => [k, m[lang]]));
      if (occurredOn && !validDay) errors.occurredOn = fieldMessages.date_format[lang];
      const keep = (
        input: VisitationInput | null,
        extra: { errors?: Record<string, string>; problem?: string; notice?: string; status?: number },
      ) =>
        youthPage(request, reply, youthId, {
          visitation: { form, errors: extra.errors ?? {}, input, day },
          problem: extra.problem,
          notice: extra.notice,
          status: extra.status ?? 200,
        });
      if (!read.ok || errors.occurredOn) return keep(null, { errors, problem: t.formErrors, status: 400 });
      const input = read.input;
      if (text(form, 'action') !== 'confirm') return keep(input, {});
      if (!input.category || input.category !== text(form, 'previewCategory')) {
        return keep(input, { notice: t.previewUpdated });
      }
      const parsed = parseWithMessages(journeyCommandBody, {
        type: 'VISITATION_DECIDED',
        expectedVersion: Number(text(form, 'expectedVersion')),
        ...(day ? { occurredAt: startOfDanishDay(day).toISOString() } : {}),
        ...input,
      });
      if (!parsed.success) {
        return keep(input, {
          errors: fieldErrorsOf(
            parsed.issues.map((i) => ({ field: i.field, message: i.messages })),
            lang,
          ),
          problem: t.formErrors,
          status: 400,
        });
      }
      try {
        await recordEvent(deps, actorOf(request), journeyId, parsed.data);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        if (error.code === 'version_conflict') return keep(input, { problem: t.versionConflict, status: 409 });
        if (error.code === 'validation_failed') {
          const found = fieldErrorsOf(error.fieldErrors, lang);
          if (found.occurredAt) found.occurredOn = found.occurredAt;
          return keep(input, { errors: found, problem: t.formErrors, status: 400 });
        }
        if (error.code === 'event_not_accepted') {
          return keep(null, { problem: errorMessage(error.code, lang), status: 422 });
        }
        throw error;
      }
      return reply.redirect(`/unge/${youthId}?registreret=1`, 303);
    },
  );

  registerReferralPages(app, { deps, page, checkCsrf });
  registerGroupPages(app, { deps, page, checkCsrf });
  registerOverviewPage(app, { deps, page, checkCsrf });
  registerCaseloadPages(app, { deps, page, checkCsrf });
  registerAlertPages(app, { deps, page, checkCsrf });
};
