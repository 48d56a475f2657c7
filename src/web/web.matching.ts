import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../auth/auth.plugin.ts';
import { findCompanies } from '../companies/company.service.ts';
import { findJourneys } from '../journeys/journey.service.ts';
import { createMatchEventBody, interestsBody, participantsBody, wishesBody } from '../matching/match-event.schemas.ts';
import {
  createMatchEvent,
  findMatchEvents,
  readMatchEvent,
  recordInterests,
  recordWishes,
  setParticipants,
} from '../matching/match-event.service.ts';
import { buildMatchList } from '../matching/match-list.ts';
import { danishDate, startOfDanishDay } from '../shared/clock.ts';
import { DomainError } from '../shared/errors.ts';
import type { Lang, Text } from '../shared/i18n.ts';
import { parseWithMessages } from '../shared/validation.ts';
import { t, textIn, translator } from '../shared/texts.ts';
import {
  fieldErrorsOf,
  formBody,
  formVersion,
  issueErrorsOf,
  noticeFrom,
  pageFor,
  staff,
  text,
  textList,
  type WebApp,
  type WebContext,
  whenDay,
} from './web.shared.ts';

/** How many rows a list shows. */
const LIST_SIZE = 200;
/** The wishes a form offers: first, second and third choice (more only when more are saved). */
const WISH_SLOTS = 3;
/** The journey stages that may take part in a match event (the service checks it too). */
const takingPartStages = ['intake', 'active'] as const;

const eventParams = z.object({ eventId: z.uuid() });
const wishParams = eventParams.extend({ journeyId: z.uuid() });
const interestParams = eventParams.extend({ companyId: z.uuid() });

type Errors = Record<string, string>;

interface EventKept {
  /** Which form was sent: 'participants', 'wishes-<journeyId>' or 'interests-<companyId>'. */
  form?: string;
  /** The participants form: what was ticked. */
  companyIds?: string[];
  journeyIds?: string[];
  /** A wishes form: the company chosen in each slot ('' for none); an interests form: the youth ticked. */
  picks?: string[];
  errors?: Errors;
  allYouth?: boolean;
  problem?: string;
  notice?: string | undefined;
  status?: number;
}

const longDay = (day: string, lang: Lang) =>
  new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', {
    timeZone: 'Europe/Copenhagen',
    dateStyle: 'long',
  }).format(startOfDanishDay(day));

/** The notices the event pages show after a redirect (`?registreret=oensker`). */
const notices = {
  oprettet: 'companies.matchEventCreated',
  deltagere: 'companies.participantsSaved',
  oensker: 'companies.wishesSaved',
  interesse: 'companies.interestsSaved',
} as const;

/**
 * Per-position problems of a list (`companyIds.2`) as messages at the id in that position, so each
 * is shown next to its checkbox or select; problems of no position are returned apart.
 */
function atPositions(
  issues: ReadonlyArray<{ field: string; message: Text }>,
  list: string,
  keyAt: (index: number) => string | undefined,
  lang: Lang,
): { errors: Errors; general: string[] } {
  const errors: Errors = {};
  const general: string[] = [];
  for (const issue of issues) {
    const index = new RegExp(`^${list}\\.(\\d+)`).exec(issue.field)?.[1];
    const key = index === undefined ? undefined : keyAt(Number(index));
    if (key) errors[key] ??= issue.message[lang];
    else general.push(issue.message[lang]);
  }
  return { errors, general };
}

/**
 * Match events: the list and a new event, and an event's page with its participants, each youth's
 * ranked wishes, each company's interest and the match list (Rockwool Fonden: Ny virksomhedsrettet ungeindsats (2019), "magtskifte": the youth's
 * choice leads). Every form works without JavaScript and is saved on its own, with the version it
 * was made against, so colleagues entering wishes at the same event never overwrite each other.
 */
export function registerMatchEventPages(app: WebApp, { deps, page, checkCsrf }: WebContext) {
  // -------------------------------------------------------------------------------------------
  // The list and a new event
  // -------------------------------------------------------------------------------------------

  async function eventsPage(
    request: FastifyRequest,
    reply: FastifyReply,
    kept: { values?: Record<string, string>; errors?: Errors; problem?: string } = {},
  ) {
    const lang = request.lang;
    const t = translator(lang);
    const events = await findMatchEvents(deps, actorOf(request), { page: 1, pageSize: LIST_SIZE });
    const today = danishDate(deps.clock());
    return page(
      request,
      reply,
      'match-events',
      t('companies.matchEventsTitle'),
      {
        events: events.items.map((e) => ({
          id: e.id,
          date: whenDay(e.date, lang),
          place: e.place,
          note: e.note,
          companies: e.companyCount,
          youth: e.youthCount,
          upcoming: e.date > today,
        })),
        values: kept.values ?? { date: today },
        errors: kept.errors ?? {},
      },
      { problem: kept.problem },
    );
  }

  app.get(
    '/matchevents',
    { config: pageFor(staff), schema: { hide: true, querystring: z.object({ lang: z.string().optional() }) } },
    (request, reply) => eventsPage(request, reply),
  );

  app.post(
    '/matchevents',
    { config: pageFor(staff), preHandler: checkCsrf, schema: { hide: true, body: formBody } },
    async (request, reply) => {
      const lang = request.lang;
      const values = {
        date: text(request.body, 'date'),
        place: text(request.body, 'place'),
        note: text(request.body, 'note'),
      };
      const parsed = parseWithMessages(createMatchEventBody, values);
      if (!parsed.success) {
        return eventsPage(request, reply.code(400), {
          values,
          errors: issueErrorsOf(parsed.issues, lang),
          problem: t(lang, 'common.formErrors'),
        });
      }
      const created = await createMatchEvent(deps, actorOf(request), parsed.data);
      return reply.redirect(`/matchevents/${created.event.id}?registreret=oprettet#deltagere`, 303);
    },
  );

  // -------------------------------------------------------------------------------------------
  // An event's page
  // -------------------------------------------------------------------------------------------

  /**
   * The youth who may be ticked: those on the event, and the journeys in stage intake or active
   * (a caseworker's own unless all are asked for), by name.
   */
  async function youthChoices(
    request: FastifyRequest,
    onEvent: ReadonlyArray<{ journeyId: string; name: string }>,
    allYouth: boolean,
  ) {
    const actor = actorOf(request);
    const caseworkerId = actor.role === 'caseworker' && !allYouth ? actor.userId : undefined;
    const choices = new Map(onEvent.map((y) => [y.journeyId, { journeyId: y.journeyId, name: y.name, stage: '' }]));
    let cut = false;
    for (const stage of takingPartStages) {
      const found = await findJourneys(deps, actor, { stage, caseworkerId }, { page: 1, pageSize: LIST_SIZE });
      cut ||= found.total > found.items.length;
      for (const j of found.items) {
        choices.set(j.id, {
          journeyId: j.id,
          name: j.youthName,
          stage: textIn(request.lang, 'common.stages', j.stage),
        });
      }
    }
    return { items: [...choices.values()].sort((a, b) => a.name.localeCompare(b.name, 'da')), cut };
  }

  async function eventPage(request: FastifyRequest, reply: FastifyReply, eventId: string, kept: EventKept = {}) {
    const actor = actorOf(request);
    const lang = request.lang;
    const t = translator(lang);
    const detail = await readMatchEvent(deps, actor, eventId);
    const { event } = detail;
    const allYouth = kept.allYouth ?? actor.role !== 'caseworker';
    const active = await findCompanies(deps, actor, { active: true, page: 1, pageSize: LIST_SIZE });
    const youth = await youthChoices(request, detail.youth, allYouth);
    const companyChoices = new Map(active.items.map((c) => [c.id, { id: c.id, name: c.name }]));
    for (const c of detail.companies) companyChoices.set(c.id, { id: c.id, name: c.name });
    const companyName = new Map(detail.companies.map((c) => [c.id, c.name]));
    const youthName = new Map(detail.youth.map((y) => [y.journeyId, y.name]));
    const participantsKept = kept.form === 'participants';

    const wishes = detail.youth.map((y) => {
      const saved = detail.wishes.filter((w) => w.journeyId === y.journeyId).map((w) => w.companyId);
      const keptHere = kept.form === `wishes-${y.journeyId}` ? kept.picks : undefined;
      const slots = Math.max(WISH_SLOTS, saved.length, keptHere?.length ?? 0);
      return {
        journeyId: y.journeyId,
        youthId: y.youthId,
        name: y.name,
        version: y.wishesVersion,
        slots: Array.from({ length: slots }, (_, i) => ({
          rank: i + 1,
          chosen: (keptHere ?? saved)[i] ?? '',
        })),
        // After a refusal the form shows what was typed; what is saved is shown beside it.
        kept: keptHere !== undefined,
        saved: saved.map((id) => companyName.get(id) ?? ''),
      };
    });
    const interests = detail.companies.map((c) => {
      const saved = detail.interests.filter((i) => i.companyId === c.id).map((i) => i.journeyId);
      const keptHere = kept.form === `interests-${c.id}` ? kept.picks : undefined;
      return {
        id: c.id,
        name: c.name,
        version: c.interestsVersion,
        ticked: keptHere ?? saved,
        kept: keptHere !== undefined,
        saved: saved.map((id) => youthName.get(id) ?? ''),
      };
    });
    const date = longDay(event.date, lang);
    return page(
      request,
      reply.code(kept.status ?? 200),
      'match-event',
      `${t('companies.matchEventHeading')} ${date}`,
      {
        event: {
          id: event.id,
          date,
          place: event.place,
          note: event.note,
          version: event.version,
          takenPlace: detail.takenPlace,
        },
        participants: {
          companies: [...companyChoices.values()].sort((a, b) => a.name.localeCompare(b.name, 'da')),
          youth: youth.items,
          youthCut: youth.cut,
          companiesCut: active.total > active.items.length,
          cutNotice: t('companies.listCut', { max: LIST_SIZE }),
          companyIds: participantsKept ? (kept.companyIds ?? []) : detail.companies.map((c) => c.id),
          journeyIds: participantsKept ? (kept.journeyIds ?? []) : detail.youth.map((y) => y.journeyId),
          allYouth,
          canShowAll: actor.role === 'caseworker',
        },
        onEvent: { companies: detail.companies, youth: detail.youth },
        wishes,
        interests,
        matches: buildMatchList(detail.youth, detail.companies, detail.wishes, detail.interests).map((row) => ({
          kind: row.kind,
          youthId: row.youth.youthId,
          youthName: row.youth.name,
          companyId: row.company.id,
          companyName: row.company.name,
          rank: row.youthRank,
          interested: row.companyInterested,
        })),
        keptForm: kept.form ?? null,
        errors: kept.errors ?? {},
      },
      { problem: kept.problem, notice: kept.notice },
    );
  }

  app.get(
    '/matchevents/:eventId',
    {
      config: pageFor(staff),
      schema: {
        hide: true,
        params: eventParams,
        querystring: z.object({
          registreret: z.string().optional(),
          alle: z.string().optional(),
          lang: z.string().optional(),
        }),
      },
    },
    (request, reply) =>
      eventPage(request, reply, request.params.eventId, {
        notice: noticeFrom(notices, request.query.registreret, translator(request.lang)),
        ...(request.query.alle === undefined ? {} : { allYouth: request.query.alle === '1' }),
      }),
  );

  app.post(
    '/matchevents/:eventId/deltagere',
    {
      config: pageFor(staff),
      preHandler: checkCsrf,
      schema: { hide: true, params: eventParams, body: formBody },
    },
    async (request, reply) => {
      const { eventId } = request.params;
      const lang = request.lang;
      const t = translator(lang);
      const companyIds = textList(request.body, 'companyIds');
      const journeyIds = textList(request.body, 'journeyIds');
      const keep = (status: number, problem: string, errors: Errors = {}) =>
        eventPage(request, reply, eventId, {
          form: 'participants',
          companyIds,
          journeyIds,
          errors,
          problem,
          status,
          allYouth: text(request.body, 'alle') === '1',
        });
      const parsed = parseWithMessages(participantsBody, {
        companyIds,
        journeyIds,
        version: formVersion(request.body),
      });
      if (!parsed.success) return keep(400, t('common.formErrors'));
      try {
        await setParticipants(deps, actorOf(request), eventId, parsed.data);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        if (error.code === 'version_conflict') return keep(409, t('companies.participantsConflict'));
        if (error.code === 'validation_failed') {
          const companies = atPositions(error.fieldErrors, 'companyIds', (i) => companyIds[i], lang);
          const youth = atPositions(error.fieldErrors, 'journeyIds', (i) => journeyIds[i], lang);
          return keep(400, t('common.formErrors'), { ...companies.errors, ...youth.errors });
        }
        throw error;
      }
      return reply.redirect(`/matchevents/${eventId}?registreret=deltagere#deltagere`, 303);
    },
  );

  app.post(
    '/matchevents/:eventId/oensker/:journeyId',
    {
      config: pageFor(staff),
      preHandler: checkCsrf,
      schema: { hide: true, params: wishParams, body: formBody },
    },
    async (request, reply) => {
      const { eventId, journeyId } = request.params;
      const lang = request.lang;
      const t = translator(lang);
      // The selects are named wish-1, wish-2, ...: the rank is in the name.
      const picks = Object.keys(request.body)
        .map((key) => /^wish-(\d{1,2})$/.exec(key)?.[1])
        .filter((rank): rank is string => rank !== undefined)
        .map(Number)
        .sort((a, b) => a - b)
        .map((rank) => text(request.body, `wish-${rank}`).trim());
      const keep = (status: number, problem: string, errors: Errors = {}) =>
        eventPage(request, reply, eventId, { form: `wishes-${journeyId}`, picks, errors, problem, status });
      // A wish after an empty one would be ranked higher than the caseworker chose: ask for the order.
      const firstEmpty = picks.indexOf('');
      const outOfOrder = firstEmpty < 0 ? -1 : picks.findIndex((pick, i) => i > firstEmpty && pick !== '');
      if (outOfOrder >= 0)
        return keep(400, t('common.formErrors'), { [`wish-${outOfOrder + 1}`]: t('companies.wishesInOrder') });
      const companyIds = picks.filter((pick) => pick !== '');
      const slotOf = (i: number) => `wish-${i + 1}`;
      const parsed = parseWithMessages(wishesBody, { companyIds, version: formVersion(request.body) });
      if (!parsed.success) {
        const found = atPositions(
          parsed.issues.map((i) => ({ field: i.field, message: i.messages })),
          'companyIds',
          slotOf,
          lang,
        );
        return keep(400, t('common.formErrors'), found.errors);
      }
      try {
        await recordWishes(deps, actorOf(request), eventId, journeyId, parsed.data);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        if (error.code === 'version_conflict') return keep(409, t('companies.wishesConflict'));
        if (error.code === 'validation_failed') {
          const found = atPositions(error.fieldErrors, 'companyIds', slotOf, lang);
          return keep(400, found.general.join(' ') || t('common.formErrors'), found.errors);
        }
        throw error;
      }
      return reply.redirect(`/matchevents/${eventId}?registreret=oensker#oensker-${journeyId}`, 303);
    },
  );

  app.post(
    '/matchevents/:eventId/interesse/:companyId',
    {
      config: pageFor(staff),
      preHandler: checkCsrf,
      schema: { hide: true, params: interestParams, body: formBody },
    },
    async (request, reply) => {
      const { eventId, companyId } = request.params;
      const lang = request.lang;
      const t = translator(lang);
      const journeyIds = textList(request.body, 'journeyIds');
      const keep = (status: number, problem: string) =>
        eventPage(request, reply, eventId, { form: `interests-${companyId}`, picks: journeyIds, problem, status });
      const parsed = parseWithMessages(interestsBody, { journeyIds, version: formVersion(request.body) });
      if (!parsed.success) return keep(400, t('common.formErrors'));
      try {
        await recordInterests(deps, actorOf(request), eventId, companyId, parsed.data);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        if (error.code === 'version_conflict') return keep(409, t('companies.interestsConflict'));
        if (error.code === 'validation_failed') {
          const messages = Object.values(fieldErrorsOf(error.fieldErrors, lang));
          return keep(400, messages.join(' ') || t('common.formErrors'));
        }
        throw error;
      }
      return reply.redirect(`/matchevents/${eventId}?registreret=interesse#interesse-${companyId}`, 303);
    },
  );
}
