import type { FastifyReply, FastifyRequest } from 'fastify';
import { longDayText } from '../shared/days.ts';
import { z } from 'zod';
import { actorOf } from '../auth/auth.plugin.ts';
import { findCompanies } from '../companies/company.service.ts';
import { findJourneys } from '../journeys/journey.service.ts';
import { choicesBody, createMatchEventBody, participantsBody } from '../matching/match-event.schemas.ts';
import {
  type ChoiceConflict,
  createMatchEvent,
  findMatchEvents,
  readMatchEvent,
  recordChoices,
  setParticipants,
} from '../matching/match-event.service.ts';
import { buildMatchList } from '../matching/match-list.ts';
import { danishDate } from '../shared/clock.ts';
import { DomainError } from '../shared/errors.ts';
import type { Lang, Text } from '../shared/i18n.ts';
import { parseWithMessages } from '../shared/validation.ts';
import { t, textIn, translator } from '../shared/texts.ts';
import {
  formBody,
  formVersion,
  issueErrorsOf,
  noticeFrom,
  pageFor,
  staff,
  text,
  textList,
  type Form,
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

type Errors = Record<string, string>;

interface EventKept {
  /** Which form was sent: 'participants' or 'choices' (the wishes and interest of everyone). */
  form?: 'participants' | 'choices';
  /** The participants form: what was ticked. */
  companyIds?: string[];
  journeyIds?: string[];
  /** The choices form: what was typed in each row the caseworker changed, by journey and by company. */
  typedWishes?: ReadonlyMap<string, string[]>;
  typedInterests?: ReadonlyMap<string, string[]>;
  /** Messages at a select (`wish-<journeyId>-<rank>`), a youth's row (`wishes-<journeyId>`) or a company's (`interests-<companyId>`). */
  errors?: Errors;
  /** Problems that belong to no row shown (a youth taken off the event meanwhile). */
  general?: string[];
  allYouth?: boolean;
  problem?: string;
  notice?: string | undefined;
  status?: number;
}

/** A row of the choices form as posted: its id, its version, what it held when the page was made, what it holds now. */
interface PostedRow {
  id: string;
  version: number;
  was: string[];
  now: string[];
}

/** The rows of one kind in a posted choices form, found by their hidden version fields (`wishes-version-<id>`). */
function postedRows(body: Form, kind: 'wishes' | 'interests', valuesOf: (id: string) => string[]): PostedRow[] {
  const prefix = `${kind}-version-`;
  return Object.keys(body)
    .filter((key) => key.startsWith(prefix))
    .map((key) => {
      const id = key.slice(prefix.length);
      const was = text(body, `${kind}-was-${id}`)
        .split(',')
        .filter((value) => value !== '');
      return { id, version: formVersion(body, key), was, now: valuesOf(id) };
    });
}

/** The companies chosen in a youth's selects (`wish-<journeyId>-1`, `-2`, ...), by rank, '' for none. */
function wishPicks(body: Form, journeyId: string): string[] {
  const pattern = new RegExp(`^wish-${journeyId}-(\\d{1,2})$`);
  return Object.keys(body)
    .map((key) => pattern.exec(key)?.[1])
    .filter((rank): rank is string => rank !== undefined)
    .map(Number)
    .sort((a, b) => a - b)
    .map((rank) => text(body, `wish-${journeyId}-${rank}`).trim());
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join(',') === [...b].sort().join(',');

/** The rows of the wishes and interest in a posted page, and those of them the caseworker changed. */
function typedChoices(body: Form) {
  const wishRows = postedRows(body, 'wishes', (journeyId) => wishPicks(body, journeyId));
  const interestRows = postedRows(body, 'interests', (companyId) => textList(body, `interest-${companyId}`));
  return {
    wishRows,
    changedWishes: wishRows.filter((row) => row.now.filter((pick) => pick !== '').join(',') !== row.was.join(',')),
    changedInterests: interestRows.filter((row) => !sameSet(row.now, row.was)),
  };
}

/** The notices the event pages show after a redirect (`?registreret=oensker`). */
const notices = {
  oprettet: 'companies.matchEventCreated',
  deltagere: 'companies.participantsSaved',
  valg: 'companies.choicesSaved',
  uaendret: 'companies.choicesUnchanged',
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
 * choice leads). The page is one form and works without JavaScript. The wishes and interest of
 * everyone on the event are saved at once, each row with the version it was made against, so
 * colleagues entering wishes at the same event never overwrite each other; the participants have
 * their own button, which refuses while wishes or interest are typed and not saved, so nothing
 * typed on the page is lost to it.
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

    const errors = kept.errors ?? {};
    const summary: Array<{ href: string; text: string }> = [];
    const wishes = detail.youth.map((y) => {
      const saved = detail.wishes.filter((w) => w.journeyId === y.journeyId).map((w) => w.companyId);
      const typed = kept.typedWishes?.get(y.journeyId);
      const slots = Math.max(WISH_SLOTS, saved.length, typed?.length ?? 0);
      const rowError = errors[`wishes-${y.journeyId}`];
      if (rowError) summary.push({ href: `#oensker-${y.journeyId}`, text: `${y.name}: ${rowError}` });
      const slotList = Array.from({ length: slots }, (_, i) => {
        const key = `wish-${y.journeyId}-${i + 1}`;
        const error = errors[key];
        if (error)
          summary.push({ href: `#f-${key}`, text: `${y.name}, ${i + 1}. ${t('companies.wishNumber')}: ${error}` });
        return { rank: i + 1, key, chosen: (typed ?? saved)[i] ?? '', error };
      });
      return {
        journeyId: y.journeyId,
        youthId: y.youthId,
        name: y.name,
        version: y.wishesVersion,
        // What the row held when the page was made: a row sent back unchanged is not saved.
        was: saved.join(','),
        slots: slotList,
        error: rowError,
        // After a refusal the form shows what was typed; what is saved is shown beside it.
        kept: typed !== undefined,
        saved: saved.map((id) => companyName.get(id) ?? ''),
      };
    });
    const interests = detail.companies.map((c) => {
      const saved = detail.interests.filter((i) => i.companyId === c.id).map((i) => i.journeyId);
      const typed = kept.typedInterests?.get(c.id);
      const rowError = errors[`interests-${c.id}`];
      if (rowError) summary.push({ href: `#interesse-${c.id}`, text: `${c.name}: ${rowError}` });
      return {
        id: c.id,
        name: c.name,
        version: c.interestsVersion,
        was: saved.join(','),
        ticked: typed ?? saved,
        error: rowError,
        kept: typed !== undefined,
        saved: saved.map((id) => youthName.get(id) ?? ''),
      };
    });
    for (const problem of kept.general ?? []) summary.push({ href: '#oensker', text: problem });
    const date = longDayText(event.date, lang);
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
          byYouth: row.wishedByYouth,
          interested: row.companyInterested,
        })),
        keptForm: kept.form ?? null,
        errors,
        summary,
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
      // The participants are in the same form as the wishes and interest: what was typed there is kept.
      const { changedWishes, changedInterests } = typedChoices(request.body);
      const keep = (status: number, problem: string, errors: Errors = {}) =>
        eventPage(request, reply, eventId, {
          form: 'participants',
          companyIds,
          journeyIds,
          typedWishes: new Map(changedWishes.map((row) => [row.id, row.now])),
          typedInterests: new Map(changedInterests.map((row) => [row.id, row.now])),
          errors,
          problem,
          status,
          allYouth: text(request.body, 'alle') === '1',
        });
      // Changing the participants reloads the page: unsaved wishes or interest would be lost with it.
      if (changedWishes.length > 0 || changedInterests.length > 0) return keep(409, t('companies.saveChoicesFirst'));
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

  /**
   * The wishes of every youth and the interest of every company, in one form. Only the rows the
   * caseworker changed are sent on, each with the version it was made against, and they are saved
   * together or not at all: a refusal or a colleague's change to one of them keeps everything typed
   * on the page and names the rows.
   */
  app.post(
    '/matchevents/:eventId/valg',
    {
      config: pageFor(staff),
      preHandler: checkCsrf,
      schema: { hide: true, params: eventParams, body: formBody },
    },
    async (request, reply) => {
      const { eventId } = request.params;
      const lang = request.lang;
      const t = translator(lang);
      const body = request.body;
      const { wishRows, changedWishes, changedInterests } = typedChoices(body);
      const errors: Errors = {};
      // A wish after an empty one would be ranked higher than the caseworker chose: ask for the order.
      for (const row of wishRows) {
        const firstEmpty = row.now.indexOf('');
        const outOfOrder = firstEmpty < 0 ? -1 : row.now.findIndex((pick, i) => i > firstEmpty && pick !== '');
        if (outOfOrder >= 0) errors[`wish-${row.id}-${outOfOrder + 1}`] = t('companies.wishesInOrder');
      }
      const keep = (status: number, problem: string, found: Errors, general: string[] = []) =>
        eventPage(request, reply, eventId, {
          form: 'choices',
          typedWishes: new Map(changedWishes.map((row) => [row.id, row.now])),
          typedInterests: new Map(changedInterests.map((row) => [row.id, row.now])),
          errors: found,
          general,
          problem,
          status,
        });
      if (Object.keys(errors).length > 0) return keep(400, t('common.formErrors'), errors);
      if (changedWishes.length === 0 && changedInterests.length === 0) {
        return reply.redirect(`/matchevents/${eventId}?registreret=uaendret#oensker`, 303);
      }

      /** Problems at `wishes.<i>.companyIds.<j>` go to that select, the rest to the row or, with no row, to the summary. */
      const placed = (issues: ReadonlyArray<{ field: string; message: string }>) => {
        const found: Errors = {};
        const general: string[] = [];
        for (const { field, message } of issues) {
          const [kind, index, list, position] = field.split('.');
          const wishRow = kind === 'wishes' ? changedWishes[Number(index)] : undefined;
          const interestRow = kind === 'interests' ? changedInterests[Number(index)] : undefined;
          if (wishRow && list === 'companyIds' && position !== undefined) {
            found[`wish-${wishRow.id}-${Number(position) + 1}`] ??= message;
          } else if (wishRow && list !== 'journeyId') found[`wishes-${wishRow.id}`] ??= message;
          else if (interestRow && list !== 'companyId') found[`interests-${interestRow.id}`] ??= message;
          else general.push(message);
        }
        return { found, general };
      };
      const input = {
        wishes: changedWishes.map((row) => ({
          journeyId: row.id,
          companyIds: row.now.filter((pick) => pick !== ''),
          version: row.version,
        })),
        interests: changedInterests.map((row) => ({ companyId: row.id, journeyIds: row.now, version: row.version })),
      };
      const parsed = parseWithMessages(choicesBody, input);
      if (!parsed.success) {
        const { found, general } = placed(parsed.issues.map((i) => ({ field: i.field, message: i.messages[lang] })));
        return keep(400, t('common.formErrors'), found, general);
      }
      try {
        await recordChoices(deps, actorOf(request), eventId, parsed.data);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        if (error.code === 'version_conflict') {
          const conflicts = (error.extra.conflicts ?? []) as ChoiceConflict[];
          const found: Errors = {};
          for (const conflict of conflicts) {
            if (conflict.kind === 'wishes')
              found[`wishes-${conflict.journeyId}`] = t('companies.wishesChangedMeanwhile');
            else found[`interests-${conflict.companyId}`] = t('companies.interestsChangedMeanwhile');
          }
          return keep(409, t('companies.choicesConflict', { rows: conflicts.length }), found);
        }
        if (error.code === 'validation_failed') {
          const { found, general } = placed(
            error.fieldErrors.map((i) => ({ field: i.field, message: i.message[lang] })),
          );
          return keep(400, t('common.formErrors'), found, general);
        }
        throw error;
      }
      return reply.redirect(`/matchevents/${eventId}?registreret=valg#oensker`, 303);
    },
  );
}
