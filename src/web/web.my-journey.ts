import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import { clearYouthSessionCookie, cookieName, setYouthSessionCookie, youthOf } from '../auth/auth.plugin.ts';
import { YOUTH_OIDC_CALLBACK_PATH } from '../config.ts';
import { DomainError, errorMessage } from '../shared/errors.ts';
import type { Lang } from '../shared/i18n.ts';
import { translator } from '../shared/texts.ts';
import { dateTimeFormat } from '../shared/formats.ts';
import { readMyJourney, renderMyPlan } from '../my-journey/my-journey.service.ts';
import { chooseReminders, ownReminders } from '../reminders/reminder.service.ts';
import {
  INVITATION_PATH,
  listOwnDevices,
  logInWithLink,
  logInWithOidc,
  logOutEverywhere,
  logOutYouth,
} from '../youth-login/youth-login.service.ts';
import { matchLink } from './web.my-match.ts';
import { questionnaireLink } from './web.my-questionnaire.ts';
import {
  YOUTH_OIDC_ATTEMPT_COOKIE,
  YOUTH_OIDC_ATTEMPT_MINUTES,
  YOUTH_OIDC_START_PATH,
  type YouthOidcRefusal,
} from '../youth-login/youth-oidc.ts';
import {
  fieldErrorsOf,
  formBody,
  MY_JOURNEY_LOGIN_PATH,
  MY_JOURNEY_PATH,
  type WebApp,
  type WebContext,
  whenWithTime,
  youthPageConfig,
  clockTime,
  text,
  whenDay,
} from './web.shared.ts';

/** What the log-in page says after a log-in with MitID that did not log the youth in. */
const oidcRefusalTexts = {
  cancelled: 'myjourney.mitid.cancelled',
  attempt_expired: 'myjourney.mitid.expired',
  provider_error: 'myjourney.mitid.providerError',
  no_cpr_claim: 'myjourney.mitid.providerError',
  unknown_cpr: 'myjourney.mitid.unknown',
  no_open_journey: 'myjourney.mitid.noJourney',
  ambiguous_cpr: 'myjourney.mitid.ambiguous',
} as const satisfies Record<YouthOidcRefusal, string>;

const oidcRefusals = Object.keys(oidcRefusalTexts) as [YouthOidcRefusal, ...YouthOidcRefusal[]];
const REMINDERS_PATH = `${MY_JOURNEY_PATH}/paamindelser`;

/**
 * The young person's own pages (Mit forløb), for a phone first: logging in with the one-time link
 * or MitID, the start page, their devices, logging out. Every page is a youth route: the youth is
 * the one logged in on this device, never one named in the address.
 */
export function registerMyJourneyPages(app: WebApp, { deps, myJourneyPage, checkCsrf }: WebContext): void {
  const { db, config } = deps;

  app.get(
    MY_JOURNEY_LOGIN_PATH,
    {
      config: youthPageConfig({ open: true }),
      schema: {
        hide: true,
        querystring: z.object({
          udlobet: z.string().optional(),
          ude: z.string().optional(),
          mitid: z.enum(oidcRefusals).optional().catch(undefined),
        }),
      },
    },
    async (request, reply) => {
      if (request.youth) return reply.redirect(MY_JOURNEY_PATH, 303);
      const t = translator(request.lang);
      const refused = request.query.mitid;
      const notice =
        request.query.ude === '1'
          ? t('myjourney.loggedOut')
          : request.query.ude === 'alle'
            ? t('myjourney.devices.loggedOutAll')
            : request.query.udlobet === '1'
              ? t('myjourney.login.expired')
              : undefined;
      return myJourneyPage(
        request,
        reply,
        'my-journey-login',
        t('myjourney.login.title'),
        { mitid: deps.youthOidc !== undefined },
        { notice, problem: refused ? t(oidcRefusalTexts[refused]) : undefined },
      );
    },
  );

  // "Log ind med MitID": the attempt's state, nonce and PKCE verifier go in a signed, HttpOnly
  // cookie of ten minutes, and the youth goes on to the municipality's broker (decision 0017).
  const attemptCookie = cookieName(YOUTH_OIDC_ATTEMPT_COOKIE, config);
  const refusedAt = (reason: YouthOidcRefusal) => `${MY_JOURNEY_LOGIN_PATH}?mitid=${reason}`;
  const originOf = (request: FastifyRequest) => ({
    ip: request.ip,
    requestId: request.id,
    userAgent: request.headers['user-agent'],
  });
  const brokerOf = () => {
    if (!deps.youthOidc) throw new DomainError('not_found');
    return deps.youthOidc;
  };
  const loginRateLimit = { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' };

  app.get(
    YOUTH_OIDC_START_PATH,
    { config: { ...youthPageConfig({ open: true }), rateLimit: loginRateLimit }, schema: { hide: true } },
    async (request, reply) => {
      const broker = brokerOf();
      if (request.youth) return reply.redirect(MY_JOURNEY_PATH, 303);
      const now = deps.clock();
      let begun: { url: string; cookie: string };
      try {
        begun = await broker.begin(now);
      } catch (error) {
        request.log.warn({ err: error }, 'the MitID broker could not be reached');
        await logInWithOidc(deps, { ok: false, reason: 'provider_error' }, originOf(request), now);
        return reply.redirect(refusedAt('provider_error'), 303);
      }
      reply.setCookie(attemptCookie, begun.cookie, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: config.servedOverHttps,
        maxAge: YOUTH_OIDC_ATTEMPT_MINUTES * 60,
      });
      return reply.redirect(begun.url, 303);
    },
  );

  // The broker sends the youth back here with a code (or an error); only the browser that holds the
  // attempt's cookie can use it. The query's values (code, state) are kept out of the log by app.ts.
  app.get(
    YOUTH_OIDC_CALLBACK_PATH,
    { config: { ...youthPageConfig({ open: true }), rateLimit: loginRateLimit }, schema: { hide: true } },
    async (request, reply) => {
      const broker = brokerOf();
      const now = deps.clock();
      const attempt = request.cookies[attemptCookie];
      reply.clearCookie(attemptCookie, { path: '/', secure: config.servedOverHttps });
      const answer = await broker.finish(new URL(`${config.publicUrl}${request.url}`), attempt, now);
      if (!answer.ok && answer.error) request.log.warn({ err: answer.error }, "the MitID broker's answer was refused");
      const result = await logInWithOidc(deps, answer, originOf(request), now);
      if (!result.ok) return reply.redirect(refusedAt(result.reason), 303);
      setYouthSessionCookie(reply, result.login, { now, config });
      return reply.redirect(MY_JOURNEY_PATH, 303);
    },
  );

  // The link in the message opens a page with a button: a message scanner or a link preview that
  // fetches the address does not use up the link, and only a POST logs in.
  app.get(
    `${INVITATION_PATH}:token`,
    {
      config: youthPageConfig({ open: true }),
      schema: { hide: true, params: z.object({ token: z.string().max(200) }) },
    },
    async (request, reply) => {
      const t = translator(request.lang);
      return myJourneyPage(request, reply, 'my-journey-link', t('myjourney.link.title'), {
        action: `${INVITATION_PATH}${encodeURIComponent(request.params.token)}`,
      });
    },
  );

  app.post(
    `${INVITATION_PATH}:token`,
    {
      config: {
        ...youthPageConfig({ open: true }),
        rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' },
      },
      preHandler: checkCsrf,
      schema: { hide: true, params: z.object({ token: z.string().max(200) }), body: formBody },
    },
    async (request, reply) => {
      const now = deps.clock();
      try {
        const login = await logInWithLink(
          db,
          request.params.token,
          { ip: request.ip, requestId: request.id, userAgent: request.headers['user-agent'] },
          now,
        );
        setYouthSessionCookie(reply, login, { now, config });
        return reply.redirect(MY_JOURNEY_PATH, 303);
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== 'link_invalid') throw error;
        const t = translator(request.lang);
        return myJourneyPage(
          request,
          reply.code(error.status),
          'my-journey-login',
          t('myjourney.login.title'),
          { mitid: false },
          { problem: errorMessage(error.code, request.lang) },
        );
      }
    },
  );

  app.get(MY_JOURNEY_PATH, { config: youthPageConfig(), schema: { hide: true } }, async (request, reply) => {
    const { lang } = request;
    const t = translator(lang);
    const mine = await readMyJourney(deps, youthOf(request), lang);
    const questionnaire = await questionnaireLink(deps, request);
    const match = await matchLink(deps, request);
    const plan = mine.plan;
    const group = plan?.networkGroup;
    const placement = plan?.placement;
    const appointment = mine.nextAppointment;
    return myJourneyPage(request, reply, 'my-journey', t('myjourney.start.title'), {
      name: mine.firstName,
      hasJourney: plan !== null,
      questionnaire,
      match,
      meeting:
        group && mine.nextMeeting
          ? {
              when: t('myjourney.start.meetingWhen', {
                day: longDay(mine.nextMeeting, lang),
                time: clockTime(mine.nextMeeting, lang),
              }),
              name: group.name ?? '',
              place: group.place ?? null,
              facilitator: group.facilitatorName ?? null,
            }
          : null,
      appointment: appointment
        ? {
            when: t('myjourney.start.meetingWhen', {
              day: longDay(appointment.startsAt, lang),
              time: clockTime(appointment.startsAt, lang),
            }),
            how: t(`myjourney.start.modes.${appointment.mode}`),
            place: appointment.mode === 'in_person' ? appointment.place : null,
            with: appointment.caseworkerName,
          }
        : null,
      placement: placement
        ? {
            kind: placement.kind ? t(`myjourney.start.placementKinds.${placement.kind}`) : null,
            company: placement.companyName ?? null,
            address: placement.address ?? null,
            hours: placement.hoursPerWeek ? t('myjourney.start.hoursValue', { hours: placement.hoursPerWeek }) : null,
            since: placement.startDate ? whenDay(placement.startDate, lang) : null,
            contact: [placement.contactPerson?.name, placement.contactPerson?.phone].filter(Boolean).join(', ') || null,
          }
        : null,
      goal: plan?.goal ?? null,
      steps: (plan?.nextSteps ?? []).map((step) => ({
        what: step.what,
        when: step.when ? t('myjourney.start.stepBy', { day: whenDay(step.when, lang) }) : null,
      })),
      caseworker: plan?.contactPerson
        ? [plan.contactPerson.name, plan.contactPerson.phone, plan.contactPerson.email].filter(Boolean).join(', ')
        : null,
    });
  });

  app.get(
    `${MY_JOURNEY_PATH}/min-plan.pdf`,
    { config: youthPageConfig(), schema: { hide: true } },
    async (request, reply) => {
      const pdf = await renderMyPlan(deps, youthOf(request), request.lang);
      const name = request.lang === 'da' ? 'min-plan.pdf' : 'my-plan.pdf';
      return reply
        .type('application/pdf')
        .header('cache-control', 'no-store')
        .header('content-disposition', `inline; filename="${name}"`)
        .send(pdf);
    },
  );

  app.post(
    `${MY_JOURNEY_PATH}/log-ud`,
    { config: youthPageConfig(), preHandler: checkCsrf, schema: { hide: true, body: formBody } },
    async (request, reply) => {
      await logOutYouth(db, youthOf(request));
      clearYouthSessionCookie(reply, config);
      return reply.redirect(`${MY_JOURNEY_LOGIN_PATH}?ude=1`, 303);
    },
  );

  app.get(
    `${MY_JOURNEY_PATH}/enheder`,
    { config: youthPageConfig(), schema: { hide: true } },
    async (request, reply) => {
      const youth = youthOf(request);
      const { lang } = request;
      const t = translator(lang);
      const devices = await listOwnDevices(db, youth, deps.clock());
      return myJourneyPage(request, reply, 'my-journey-devices', t('myjourney.devices.title'), {
        devices: devices.map((d) => ({
          name: d.device || t('myjourney.devices.unknownDevice'),
          method: t(`myjourney.devices.methods.${d.method}`),
          createdAt: whenWithTime(d.createdAt, lang),
          lastUsedAt: whenWithTime(d.lastUsedAt, lang),
          expiresAt: whenWithTime(d.expiresAt, lang),
          current: d.current,
        })),
      });
    },
  );

  // --- Påmindelser: the youth says yes (by SMS or e-mail) or no to reminders the day before ------

  /** REMINDERS_AT as the language writes a time: "16.00" in Danish, "16:00" in English. */
  const remindersTime = (lang: Lang) => (lang === 'da' ? config.remindersAt.replace(':', '.') : config.remindersAt);

  app.get(
    REMINDERS_PATH,
    {
      config: youthPageConfig(),
      schema: { hide: true, querystring: z.object({ gemt: z.string().max(4).optional() }) },
    },
    async (request, reply) => {
      const { lang } = request;
      const t = translator(lang);
      const mine = await ownReminders(deps, youthOf(request));
      const time = remindersTime(lang);
      const notice =
        request.query.gemt === '1'
          ? mine.channel
            ? t('myjourney.reminders.savedOn', { time })
            : t('myjourney.reminders.savedOff')
          : undefined;
      return myJourneyPage(
        request,
        reply,
        'my-journey-reminders',
        t('myjourney.reminders.title'),
        { ...mine, time, error: null },
        { notice },
      );
    },
  );

  app.post(
    REMINDERS_PATH,
    { config: youthPageConfig(), preHandler: checkCsrf, schema: { hide: true, body: formBody } },
    async (request, reply) => {
      const { lang } = request;
      const youth = youthOf(request);
      const typed = text(request.body, 'channel');
      const channel = typed === 'sms' || typed === 'email' ? typed : 'none';
      try {
        await chooseReminders(deps, youth, { channel, lang });
        return reply.redirect(`${REMINDERS_PATH}?gemt=1`, 303);
      } catch (error) {
        if (!(error instanceof DomainError) || error.fieldErrors.length === 0) throw error;
        const t = translator(lang);
        const mine = await ownReminders(deps, youth);
        return myJourneyPage(request, reply.code(400), 'my-journey-reminders', t('myjourney.reminders.title'), {
          ...mine,
          time: remindersTime(lang),
          error: fieldErrorsOf(error.fieldErrors, lang).channel ?? null,
        });
      }
    },
  );

  app.post(
    `${MY_JOURNEY_PATH}/enheder/log-ud-alle`,
    { config: youthPageConfig(), preHandler: checkCsrf, schema: { hide: true, body: formBody } },
    async (request, reply) => {
      await logOutEverywhere(db, youthOf(request));
      clearYouthSessionCookie(reply, config);
      return reply.redirect(`${MY_JOURNEY_LOGIN_PATH}?ude=alle`, 303);
    },
  );
}

/** A day as a young person reads it: "tirsdag den 15. december". */
function longDay(instant: Date, lang: Lang): string {
  return dateTimeFormat(lang, {
    timeZone: 'Europe/Copenhagen',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).format(instant);
}
