import { inviteYouth } from '../youth-login/youth-login.service.ts';
import { readSettings } from '../municipalities/settings.service.ts';
import { type RuleSet, selectRuleSet } from '../rules/rule-set.loader.ts';
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { z } from 'zod';
import {
  type Barrier,
  type Category,
  conversationModes,
  eventTypes,
  type JourneyEventType,
} from '../../machines/events.ts';
import { recordActivity, activitiesOfJourney } from '../activities/activity.service.ts';
import { recordActivityBody } from '../activities/activity.schemas.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import { findCompanies, readCompany } from '../companies/company.service.ts';
import { followUpsOfJourney } from '../followups/follow-up.service.ts';
import { findGroups, groupOfJourney } from '../groups/group.service.ts';
import { commandJsonSchemas, journeyCommandBody } from '../journeys/journey.schemas.ts';
import {
  journeysOfYouth,
  readJourney,
  reassignJourney,
  requireJourneyOfYouth,
  recordEvent,
  type JourneyView,
} from '../journeys/journey.service.ts';
import { conversationModeLabels, followUpMonthLabels } from '../journeys/journey.labels.ts';
import { followUpStatusLabels } from '../overview/overview.labels.ts';
import { changePlacementBody, logHoursBody } from '../placements/placement.schemas.ts';
import {
  changePlacement,
  logPlacementHours,
  placementsOfJourney,
  readPlacement,
  requirePlacementOfYouth,
} from '../placements/placement.service.ts';
import {
  endInjunctionBody,
  endOfferBody,
  giveInjunctionBody,
  ownOfferKinds,
  recordedEndCauses,
  recordOfferBody,
} from '../offers/offer.schemas.ts';
import {
  finishInjunction,
  finishOffer,
  giveInjunction,
  injunctionAllowed,
  injunctionsOfJourney,
  offersOfJourney,
  recordOffer,
  requireInjunctionOfYouth,
  requireOfferOfYouth,
} from '../offers/offer.service.ts';
import { guidanceSubtypes } from '../offers/offer.tables.ts';
import { recordProgressionBody } from '../progression/progression.schemas.ts';
import { progressionOfJourney, recordProgression } from '../progression/progression.service.ts';
import { requestSelfRating, selfRatingsOfJourney, shareProgression } from '../progression/self-rating.service.ts';
import { progressionFactorLabels, progressionFactors } from '../progression/progression.factors.ts';
import { danishDate, startOfDanishDay } from '../shared/clock.ts';
import { addDays, isCalendarDay, isoWeek } from '../shared/days.ts';
import { ownActionsOfJourney } from '../participation/own-actions.ts';
import { confirmHoursReportOfYouth } from '../placements/hours-report.service.ts';
import { ownActionsTimeline } from './web.own-actions.ts';
import { DomainError, errorMessage } from '../shared/errors.ts';
import type { Lang, Text } from '../shared/i18n.ts';
import { parseWithMessages } from '../shared/validation.ts';
import { listMunicipalityUsers } from '../users/users.service.ts';
import { ageOn } from '../youth/cpr.ts';
import { updateYouthBody } from '../youth/youth.schemas.ts';
import { changeYouth, readYouth } from '../youth/youth.service.ts';
import {
  deletableByMistake,
  deleteYouthRegisteredByMistake,
  liftLegalHold,
  placeLegalHold,
} from '../retention/retention.service.ts';
import { barrierLabels, categoryLabels } from '../visitation/questionnaire.ts';
import { type EventChoices, eventForm, payloadOf, typedValues } from './web.event-forms.ts';
import { notesOfYouth, type NoteWithHistory } from '../notes/note.service.ts';
import {
  ALL_NOTES,
  journalOf,
  mergedTimeline,
  noteTimelineEntries,
  RECENT_NOTES,
  registerJournalForms,
} from './web.journal.ts';
import { t, translator, type Translate } from '../shared/texts.ts';
import {
  fieldErrorsOf,
  type Form,
  formatNumber,
  typedNumber,
  formBody,
  whenDay,
  formVersion,
  issueErrorsOf,
  noticeFrom,
  pageFor,
  type Refusal,
  riskLabel,
  staff,
  text,
  type WebApp,
  type WebContext,
  when,
} from './web.shared.ts';
import { appointmentsSection } from './web.appointments.ts';
import {
  formFromYouthAnswers,
  previewVisitation,
  readVisitationForm,
  type VisitationInput,
  visitationCatalogue,
} from './web.visitation.ts';
import { questionnaireOfJourney } from '../visitation/questionnaire-response.service.ts';
import { ownWishesOfYouthJourney } from '../matching/match-event.service.ts';
import {
  activityChoices,
  activityLine,
  decisionsOf,
  eventCodeLabels,
  ownRatingsOf,
  ownTimelineEntries,
  progressionOf,
  timelineOf,
  visitationRecordOf,
  weekChoices,
} from './web.youth-view.ts';
import { listFormat } from '../shared/formats.ts';

const youthParams = z.object({ youthId: z.uuid() });
const journeyParams = youthParams.extend({ journeyId: z.uuid() });
const placementParams = youthParams.extend({ placementId: z.uuid() });
const offerParams = youthParams.extend({ offerId: z.uuid() });
const injunctionParams = youthParams.extend({ injunctionId: z.uuid() });

/** What the page says after a form elsewhere brought the user back (`?registreret=`). */
const recordedNotices = {
  aftale: 'appointments.booked',
  holdt: 'appointments.held',
  aflyst: 'appointments.cancelledNotice',
  stamoplysninger: 'youth.detailsSaved',
  notat: 'journal.saved',
  rettet: 'journal.edited',
  hold: 'retention.holdPlaced',
  holdophaevet: 'retention.holdLifted',
  mitforloeb: 'myjourney.invite.sent',
} as const;

/** Steps with a page of their own: the visitation form, with the rules' preview before confirming. */
const ownForms: ReadonlySet<JourneyEventType> = new Set(['VISITATION_DECIDED']);

/** How many of the latest contacts the page lists. */
const RECENT_ACTIVITIES = 10;

const isDay = isCalendarDay;
const optional = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

/** What a form on the page was given when the page comes back with a problem. */
interface Kept {
  /** Which form: "event:PAUSED", "activity", "progression", "hours", "placement", "caseworker". */
  form?: string;
  values?: Record<string, string>;
  errors?: Record<string, string>;
  /** The visitation form as typed, its problems, and (once it reads) the decision the rules preview. */
  visitation?: { form: Form; errors: Record<string, string>; input: VisitationInput | null; day: string | null };
  revealCpr?: boolean;
  /** The journal lists every note rather than the latest ("Vis alle"). */
  allNotes?: boolean;
  problem?: string;
  notice?: string | undefined;
  status?: number;
}

/** Problems reported at `occurredAt` are shown at the date field the forms call `occurredOn`. */
function withDateField(errors: Record<string, string>): Record<string, string> {
  if (errors.occurredAt && !errors.occurredOn) errors.occurredOn = errors.occurredAt;
  return errors;
}

/** A youth's page: details, the journey's steps, placements, contacts, progression, the rules' reasons. */
export function registerYouthPages(app: WebApp, context: WebContext) {
  const { deps, page, checkCsrf } = context;
  async function youthPage(request: FastifyRequest, reply: FastifyReply, youthId: string, kept: Kept = {}) {
    const actor = actorOf(request);
    const lang = request.lang;
    const t = translator(lang);
    const today = danishDate(deps.clock());
    const youth = await readYouth(deps, actor, youthId, { revealCpr: kept.revealCpr ?? false });
    const journeys = await journeysOfYouth(deps, actor, youthId);
    const current = journeys.find((j) => j.open) ?? journeys[0];
    const view = current ? await readJourney(deps, actor, current.id) : null;
    const showAllNotes = kept.allNotes ?? false;
    const notes = await notesOfYouth(deps, actor, youthId, {
      page: 1,
      pageSize: showAllNotes ? ALL_NOTES : RECENT_NOTES,
    });
    const journey = view ? await journeySections(request, view, kept, youth.birthDate, today, notes.items) : null;
    const appointments = await appointmentsSection(deps, actor, youthId, lang);
    return page(
      request,
      reply.code(kept.status ?? 200),
      'youth',
      youth.name,
      {
        youth: { ...youth, cprRevealed: kept.revealCpr ?? false },
        // The referral of the journey shown: where the youth came from and why.
        referral: current
          ? { source: t(`referral.referralSources.${current.referralSource}`), reason: current.referralReason }
          : null,
        journey,
        appointments,
        earlierJourneys: journeys
          .filter((j) => j.id !== current?.id)
          .map((j) => ({ firstContact: when(j.firstContactAt, lang), stage: j.stage })),
        journal: journalOf(notes, actor, kept, showAllNotes, youthId, t, lang),
        // A leader reads in the log who has read or changed the youth's data.
        auditHref: actor.role === 'leader' ? `/logning?youthId=${youthId}` : null,
        anonymisedOn: youth.anonymisedAt ? when(youth.anonymisedAt, lang) : null,
        // A leader puts the youth on legal hold, or deletes a youth registered by mistake.
        retention:
          actor.role === 'leader' && !youth.anonymisedAt
            ? {
                hold: youth.legalHold
                  ? { since: when(youth.legalHold.at, lang), reason: youth.legalHold.reason }
                  : null,
                deletable: await deletableByMistake(deps.db, actor.municipalityId, youthId, deps.clock()),
              }
            : null,
        // A youth with a phone or an e-mail can be sent a one-time link to Mit forløb.
        invite: youth.anonymisedAt ? null : { phone: youth.phone, email: youth.email },
        keptForm: kept.form ?? null,
        values: kept.values ?? {},
        errors: kept.errors ?? {},
      },
      { problem: kept.problem, notice: kept.revealCpr ? t('youth.cprShownAudited') : kept.notice },
    );
  }

  /** Everything the page shows about the current journey. */
  async function journeySections(
    request: FastifyRequest,
    view: JourneyView,
    kept: Kept,
    birthDate: string,
    today: string,
    notes: readonly NoteWithHistory[],
  ) {
    const actor = actorOf(request);
    const lang = request.lang;
    const t = translator(lang);
    const journeyId = view.journey.id;
    const accepts = (type: JourneyEventType) => view.acceptedEvents.some((e) => e.type === type);
    const placements = await placementsOfJourney(deps, actor, journeyId);
    const runningId = (view.context.currentPlacement as { placementId?: string } | null)?.placementId;
    const running = runningId ? await readPlacement(deps, actor, runningId) : null;
    const contacts = running ? (await readCompany(deps, actor, running.company.id)).contacts : [];
    const groups = (await findGroups(deps, actor, {}, { page: 1, pageSize: 500 })).items;
    const activities = await activitiesOfJourney(deps, actor, journeyId, {}, { page: 1, pageSize: RECENT_ACTIVITIES });
    const progression = await progressionOfJourney(deps, actor, journeyId);
    const offers = await offersOfJourney(deps, actor, journeyId);
    const injunctions = await injunctionsOfJourney(deps, actor, journeyId);
    const own = await ownActionsOfJourney(deps, actor, journeyId);
    const followUps =
      view.journey.stage === 'followUp' || view.journey.stage === 'closed'
        ? await followUpsOfJourney(deps, actor, journeyId)
        : [];
    const users = await listMunicipalityUsers(deps.db, actor);
    // A leader moves the journey to another caseworker's caseload (docs/domain.md, "Who uses it").
    const caseworkers =
      actor.role === 'leader'
        ? users.filter((u) => u.role === 'caseworker' && u.active).map((u) => ({ value: u.id, label: u.name }))
        : null;
    // The group as the printed plan reads it: a membership that has not ended (member or alumni).
    const membership = await groupOfJourney(deps, actor, journeyId);
    const groupId = membership?.id ?? null;
    const category = view.context.category as Category | null;

    const choices: EventChoices = {};
    if (accepts('GROUP_ASSIGNED')) {
      // A caseworker is offered the groups with a free place; a leader also the full ones (up to 12).
      // A youth already in a group is moved: the group they are in is no choice.
      choices.groupId = groups
        .filter((g) => g.active && g.id !== groupId && (actor.role === 'leader' || g.memberCount < g.capacity))
        .map((g) => ({
          value: g.id,
          label:
            g.memberCount < g.capacity
              ? t('youth.groupWithPlaces', { group: g.name, free: g.capacity - g.memberCount, capacity: g.capacity })
              : t('youth.groupWithoutPlaces', { group: g.name, members: g.memberCount, capacity: g.capacity }),
        }));
    }
    if (accepts('PLACEMENT_STARTED')) {
      choices.companyId = (await findCompanies(deps, actor, { active: true, page: 1, pageSize: 500 })).items.map(
        (c) => ({ value: c.id, label: c.name }),
      );
    }
    if (running) choices.placementId = { value: running.id, shown: running.company.name };

    const steps = view.acceptedEvents
      .filter((e) => !ownForms.has(e.type))
      .map((e) => {
        const keptHere = kept.form === `event:${e.type}`;
        const form = eventForm(e.type, e.schema, {
          lang,
          t,
          role: actor.role,
          intake: view.stage === 'intake',
          codeLabels: eventCodeLabels,
          choices,
          kept: keptHere ? (kept.values ?? {}) : null,
        });
        return {
          ...form,
          title:
            e.type === 'GROUP_ASSIGNED' && groupId ? t('youth.moveToAnotherGroup') : t(`common.eventButtons.${e.type}`),
          open: keptHere,
          errors: keptHere ? (kept.errors ?? {}) : {},
          occurredOn: keptHere ? (kept.values?.occurredOn ?? '') : '',
        };
      });

    // The law in force for the municipality: today's for the injunction, the decision day's for the visitation.
    const { lawSwitchDates } = await readSettings(deps.db, actor);
    const todaysVisitationRules = selectRuleSet(deps.ruleSets, 'visitation', today, lawSwitchDates);
    const kv = kept.visitation;
    const visitationDay = kv?.day ?? today;
    const visitationRuleSet = accepts('VISITATION_DECIDED')
      ? selectRuleSet(deps.ruleSets, 'visitation', visitationDay, lawSwitchDates)
      : null;
    // Before the conversation the form opens with the youth's own answers, marked as theirs.
    const youthAnswers = await questionnaireOfJourney(deps, actor, journeyId);
    const fromYouth = youthAnswers && visitationRuleSet ? formFromYouthAnswers(youthAnswers.answers) : null;
    const ownRatings = await selfRatingsOfJourney(deps, actor, journeyId);
    const ownEntries = ownTimelineEntries(
      {
        ratings: ownRatings.ratings,
        questionnaireAt: youthAnswers?.submittedAt ?? null,
        wishes: await ownWishesOfYouthJourney(deps, actor, journeyId),
      },
      t,
      lang,
    );
    const preview =
      kv?.input && accepts('VISITATION_DECIDED')
        ? await previewVisitation(
            deps,
            actor,
            { age: ageOn(birthDate, visitationDay), returning: view.journey.returning, day: visitationDay },
            kv.input,
            lang,
          )
        : null;
    const names = {
      groups: new Map(groups.map((g) => [g.id, g.name])),
      companies: new Map(placements.map((p) => [p.company.id, p.company.name])),
    };
    const keptRunning = kept.form === 'placement' || kept.form === 'hours';
    return {
      id: journeyId,
      stage: view.stage,
      version: view.journey.version,
      returning: view.journey.returning,
      firstContact: when(view.journey.firstContactAt, lang),
      caseworker: {
        id: view.journey.caseworkerId,
        name: users.find((u) => u.id === view.journey.caseworkerId)?.name ?? '',
        choices: caseworkers,
      },
      category: category ? categoryLabels[category][lang] : null,
      barriers: (view.context.barriers as Barrier[]).map((b) => barrierLabels[b][lang]),
      group: membership ? { id: membership.id, name: membership.name } : null,
      steps,
      visitation: visitationRuleSet
        ? {
            catalogue: visitationCatalogue(lang, visitationRuleSet),
            form: kv?.form ?? fromYouth?.form ?? {},
            fromYouth: fromYouth?.fromYouth ?? [],
            youthAnsweredOn: youthAnswers ? when(youthAnswers.submittedAt, lang) : null,
            errors: kv?.errors ?? {},
            preview,
          }
        : null,
      // The journey's events, and the notes from its first contact on.
      events: mergedTimeline(
        [...timelineOf(view.events, names, t, lang), ...ownActionsTimeline(own, t, lang)],
        [...noteTimelineEntries(notes, danishDate(view.journey.firstContactAt), t, lang), ...ownEntries],
      ),
      // Hours the youth reported, waiting for the caseworker to confirm or correct them.
      hoursReports: own.hours
        .filter((r) => r.status === 'reported')
        .map((r) => {
          const week = t('participation.hours.week', {
            week: isoWeek(r.weekStart),
            from: whenDay(r.weekStart, lang),
            to: whenDay(addDays(r.weekStart, 6), lang),
          });
          const form = `hours-report-${r.id}`;
          return {
            id: r.id,
            version: r.version,
            week,
            company: r.company.name,
            reported: t('participation.hours.staff.reported', {
              week,
              hours: formatNumber(r.hours, lang),
              date: when(r.reportedAt, lang),
            }),
            note: r.note,
            hours: kept.form === form ? (kept.values?.hours ?? '') : formatNumber(r.hours, lang),
            error: kept.form === form ? (kept.errors?.hours ?? kept.errors?.weekStart ?? '') : '',
          };
        }),
      visitationRecord: visitationRecordOf(view.events, t, lang),
      decisions: decisionsOf(
        view.decisions,
        view.events,
        { ruleSets: deps.ruleSets, switchDates: lawSwitchDates },
        t,
        lang,
      ),
      alerts: view.alerts.map(({ alert }) => ({
        severity: alert.severity,
        label: riskLabel(alert.code, lang),
        message: (alert.explanation as { message?: Text }).message?.[lang] ?? '',
      })),
      running: running && {
        id: running.id,
        company: running.company,
        kind: eventCodeLabels.kind?.[running.kind]?.[lang] ?? running.kind,
        since: when(new Date(`${running.startDate}T12:00:00Z`), lang),
        plannedEnd: running.plannedEnd ?? '',
        hoursPerWeek: formatNumber(running.hoursPerWeek, lang),
        contactId: running.contactId ?? '',
        contacts: contacts
          .filter((c) => c.active || c.id === running.contactId)
          .map((c) => ({ value: c.id, label: c.name })),
        version: running.version,
        totalHours: running.totalHours,
        weeks: weekChoices(running, running.weeks, today, t, lang),
        values: keptRunning ? (kept.values ?? {}) : {},
        errors: keptRunning ? (kept.errors ?? {}) : {},
      },
      placements: placements.map((p) => ({
        company: p.company,
        kind: eventCodeLabels.kind?.[p.kind]?.[lang] ?? p.kind,
        from: when(new Date(`${p.startDate}T12:00:00Z`), lang),
        to: p.endedAt ? when(p.endedAt, lang) : null,
        hoursPerWeek: p.hoursPerWeek,
        chosenByYouth: p.chosenByYouth,
      })),
      offers: offers.map((o) => ({
        id: o.id,
        version: o.version,
        kind: t(`offers.kinds.${o.kind}`) + (o.subtype ? `: ${t(`offers.subtypes.${o.subtype}`)}` : ''),
        provider: o.provider ?? '',
        fromPlacement: o.placementId !== null,
        period: o.endedOn
          ? t('offers.page.periodEnded', { from: whenDay(o.startDate, lang), to: whenDay(o.endedOn, lang) })
          : o.plannedEnd
            ? t('offers.page.periodPlanned', { from: whenDay(o.startDate, lang), to: whenDay(o.plannedEnd, lang) })
            : t('offers.page.periodOpen', { from: whenDay(o.startDate, lang) }),
        hours: o.hoursPerWeek === null ? '' : formatNumber(o.hoursPerWeek, lang),
        status: o.endCause
          ? t(`offers.endCauses.${o.endCause}`)
          : o.startDate > today
            ? t('offers.page.planned', { date: whenDay(o.startDate, lang) })
            : t('offers.page.running'),
        // Placement offers end with their placement; the others by hand.
        endable: o.endedOn === null && o.placementId === null && view.journey.open,
        errors: kept.form === `offer-end-${o.id}` ? (kept.errors ?? {}) : {},
        values: kept.form === `offer-end-${o.id}` ? (kept.values ?? {}) : {},
      })),
      offerChoices: view.journey.open
        ? {
            kinds: ownOfferKinds.map((k) => ({ value: k, label: t(`offers.kinds.${k}`) })),
            subtypes: guidanceSubtypes.map((s) => ({ value: s, label: t(`offers.subtypes.${s}`) })),
            causes: recordedEndCauses.map((c) => ({ value: c, label: t(`offers.endCauses.${c}`) })),
          }
        : null,
      injunctions: injunctions.map((i) => ({
        id: i.id,
        version: i.version,
        inForce: i.endedOn === null,
        text: i.endedOn
          ? t('offers.page.injunctionEnded', {
              from: whenDay(i.givenOn, lang),
              to: whenDay(i.endedOn, lang),
              goal: i.goal,
            })
          : t('offers.page.injunctionInForce', { date: whenDay(i.givenOn, lang), goal: i.goal }),
        startBy:
          i.startBy && !i.endedOn ? t('offers.page.injunctionStartBy', { date: whenDay(i.startBy, lang) }) : null,
      })),
      // The form is offered where today's law allows an injunction for the youth's category and none is in force.
      injunctionAllowed:
        view.journey.open &&
        category !== null &&
        injunctionAllowed(todaysVisitationRules, category) &&
        injunctions.every((i) => i.endedOn !== null),
      injunctionRule: injunctionRuleText(todaysVisitationRules, t, lang),
      activityChoices: view.journey.open ? activityChoices : null,
      activityModes: conversationModes.map((m) => ({ value: m, label: conversationModeLabels[m][lang] })),
      activities: activities.items.map((a) => activityLine(a, t, lang)),
      activityTotal: activities.total,
      progression: progressionOf(progression, t, lang),
      ownRatings: ownRatingsOf(ownRatings, t, lang),
      progressionFactors: progressionFactors.map((f) => ({
        code: f,
        label: progressionFactorLabels[f][lang],
      })),
      followUps: followUps.map((f) => ({
        month: followUpMonthLabels[f.month][lang],
        dueOn: when(new Date(`${f.dueOn}T12:00:00Z`), lang),
        overdue: f.status === null && f.dueOn < today,
        status: f.status ? followUpStatusLabels[f.status][lang] : null,
      })),
      open: view.journey.open,
    };
  }

  /** The page again after a form's problem, with what was typed at that form. */
  const again =
    (request: FastifyRequest, reply: FastifyReply, youthId: string, form: string, values: Record<string, string>) =>
    (refused: Refusal) =>
      youthPage(request, reply, youthId, { form, values, ...refused, errors: withDateField(refused.errors) });

  /** The form's fields, named "<prefix>-<field>" so they do not clash with other forms on the page. */
  const fieldsOf = (form: Form, prefix: string, names: readonly string[]) =>
    Object.fromEntries(names.map((name) => [name, text(form, `${prefix}-${name}`).trim()]));
  const formErrors = (issues: Parameters<typeof issueErrorsOf>[0], lang: FastifyRequest['lang']) => ({
    errors: issueErrorsOf(issues, lang),
    problem: t(lang, 'common.formErrors'),
    status: 400,
  });

  /**
   * Maps what a service refused to the form: a stale version to the "someone else changed it"
   * message, field problems to their fields, a step the journey no longer takes to its message.
   */
  async function attempt(
    action: () => Promise<unknown>,
    lang: FastifyRequest['lang'],
    conflictMessage: string,
  ): Promise<Refusal | null> {
    try {
      await action();
      return null;
    } catch (error) {
      return refusal(error, lang, conflictMessage);
    }
  }

  function refusal(error: unknown, lang: FastifyRequest['lang'], conflictMessage: string): Refusal {
    const t = translator(lang);
    if (!(error instanceof DomainError)) throw error;
    if (error.code === 'version_conflict') return { errors: {}, problem: conflictMessage, status: 409 };
    if (error.fieldErrors.length > 0) {
      return { errors: fieldErrorsOf(error.fieldErrors, lang), problem: t('common.formErrors'), status: error.status };
    }
    if (error.code === 'event_not_accepted') {
      return { errors: {}, problem: errorMessage(error.code, lang), status: 422 };
    }
    throw error;
  }

  const done = (reply: FastifyReply, youthId: string) => reply.redirect(`/unge/${youthId}?registreret=1`, 303);

  // Before a form writes: the journey or placement in the address must be the youth's in it.
  const journeyOfYouth: preHandlerAsyncHookHandler = async (request) => {
    const { youthId, journeyId } = request.params as { youthId: string; journeyId: string };
    await requireJourneyOfYouth(deps, actorOf(request), journeyId, youthId);
  };
  const placementOfYouth: preHandlerAsyncHookHandler = async (request) => {
    const { youthId, placementId } = request.params as { youthId: string; placementId: string };
    await requirePlacementOfYouth(deps, actorOf(request), placementId, youthId);
  };

  app.get(
    '/unge/:youthId',
    {
      config: pageFor(staff),
      schema: {
        hide: true,
        params: youthParams,
        querystring: z.object({
          registreret: z.string().optional(),
          notater: z.literal('alle').optional(),
          lang: z.string().optional(),
        }),
      },
    },
    (request, reply) => {
      const tr = translator(request.lang);
      return youthPage(request, reply, request.params.youthId, {
        allNotes: request.query.notater === 'alle',
        notice:
          noticeFrom(recordedNotices, request.query.registreret, tr) ??
          (request.query.registreret ? tr('common.recorded') : undefined),
      });
    },
  );

  registerJournalForms(app, context, { again, attempt });

  // A one-time link to Mit forløb, by SMS or e-mail (src/youth-login/youth-login.service.ts).
  app.post(
    '/unge/:youthId/mit-forloeb',
    { config: pageFor(staff), preHandler: checkCsrf, schema: { hide: true, params: youthParams, body: formBody } },
    async (request, reply) => {
      const { youthId } = request.params;
      const lang = request.lang;
      const values = { channel: text(request.body, 'invite-channel'), lang: text(request.body, 'invite-lang') };
      const channel = values.channel === 'sms' || values.channel === 'email' ? values.channel : undefined;
      const retry = again(request, reply, youthId, 'invite', values);
      if (!channel) {
        return retry({
          errors: { channel: t(lang, 'validation.required') },
          problem: t(lang, 'common.formErrors'),
          status: 400,
        });
      }
      const invite = () =>
        inviteYouth(deps, actorOf(request), youthId, { channel, lang: values.lang === 'en' ? 'en' : 'da' });
      // A message that did not leave is refused on the channel, in the caseworker's language.
      const refused = await attempt(invite, lang, t(lang, 'common.formErrors'));
      if (refused) return retry(refused);
      return reply.redirect(`/unge/${youthId}?registreret=mitforloeb`, 303);
    },
  );

  // A POST, so the reveal is a deliberate act (never a prefetched link) and the number stays out of URLs.
  app.post(
    '/unge/:youthId/cpr',
    { config: pageFor(staff), preHandler: checkCsrf, schema: { hide: true, params: youthParams, body: formBody } },
    (request, reply) => youthPage(request, reply, request.params.youthId, { revealCpr: true }),
  );

  // -------------------------------------------------------------------------------------------
  // The youth's personal details: name, phone, e-mail and address, against the youth's version
  // -------------------------------------------------------------------------------------------

  app.post(
    '/unge/:youthId/stamoplysninger',
    { config: pageFor(staff), preHandler: checkCsrf, schema: { hide: true, params: youthParams, body: formBody } },
    async (request, reply) => {
      const { youthId } = request.params;
      const t = translator(request.lang);
      const values = fieldsOf(request.body, 'youth', ['name', 'phone', 'email', 'address']);
      const keep = again(request, reply, youthId, 'details', values);
      const parsed = parseWithMessages(updateYouthBody, { version: formVersion(request.body), ...values });
      if (!parsed.success) return keep(formErrors(parsed.issues, request.lang));
      let changed = true;
      const refused = await attempt(
        async () => {
          // Nothing differed from what is stored: the service wrote nothing and the version stays.
          changed = (await changeYouth(deps, actorOf(request), youthId, parsed.data)).version !== parsed.data.version;
        },
        request.lang,
        t('youth.detailsVersionConflict'),
      );
      if (refused) return keep(refused);
      return changed
        ? reply.redirect(`/unge/${youthId}?registreret=stamoplysninger`, 303)
        : youthPage(request, reply, youthId, { notice: t('youth.detailsUnchanged') });
    },
  );

  // -------------------------------------------------------------------------------------------
  // Legal hold, and deleting a youth registered by mistake (a leader's)
  // -------------------------------------------------------------------------------------------

  app.post(
    '/unge/:youthId/retligt-hold',
    { config: pageFor(['leader']), preHandler: checkCsrf, schema: { hide: true, params: youthParams, body: formBody } },
    async (request, reply) => {
      const { youthId } = request.params;
      const values = { reason: text(request.body, 'hold-reason') };
      const refused = await attempt(
        () => placeLegalHold(deps, actorOf(request), youthId, values.reason),
        request.lang,
        t(request.lang, 'common.formErrors'),
      );
      if (refused) return again(request, reply, youthId, 'hold', values)(refused);
      return reply.redirect(`/unge/${youthId}?registreret=hold`, 303);
    },
  );

  app.post(
    '/unge/:youthId/retligt-hold/ophaev',
    { config: pageFor(['leader']), preHandler: checkCsrf, schema: { hide: true, params: youthParams, body: formBody } },
    async (request, reply) => {
      await liftLegalHold(deps, actorOf(request), request.params.youthId);
      return reply.redirect(`/unge/${request.params.youthId}?registreret=holdophaevet`, 303);
    },
  );

  app.post(
    '/unge/:youthId/slet',
    { config: pageFor(['leader']), preHandler: checkCsrf, schema: { hide: true, params: youthParams, body: formBody } },
    async (request, reply) => {
      const { youthId } = request.params;
      const values = { reason: text(request.body, 'delete-reason'), confirm: text(request.body, 'delete-confirm') };
      const keep = again(request, reply, youthId, 'delete', values);
      if (values.confirm !== '1') {
        const errors: Record<string, string> = { confirm: t(request.lang, 'retention.deleteConfirmRequired') };
        if (!values.reason.trim()) errors.reason = t(request.lang, 'retention.reasonRequired');
        return keep({ errors, problem: t(request.lang, 'common.formErrors'), status: 400 });
      }
      const refused = await attempt(
        () => deleteYouthRegisteredByMistake(deps, actorOf(request), youthId, values.reason),
        request.lang,
        t(request.lang, 'common.formErrors'),
      );
      if (refused) return keep(refused);
      return reply.redirect('/?slettet=1', 303);
    },
  );

  // -------------------------------------------------------------------------------------------
  // The journey's steps, each a form built from its event's payload schema
  // -------------------------------------------------------------------------------------------

  app.post(
    '/unge/:youthId/forloeb/:journeyId/haendelser',
    {
      config: pageFor(staff),
      preHandler: [checkCsrf, journeyOfYouth],
      schema: { hide: true, params: journeyParams, body: formBody },
    },
    async (request, reply) => {
      const { youthId, journeyId } = request.params;
      const t = translator(request.lang);
      const type = text(request.body, 'type');
      const values = typedValues(type, request.body);
      const keep = again(request, reply, youthId, `event:${type}`, values);
      // Whether the journey takes the step now is the journey service's answer (422 with the reason).
      const known = (eventTypes as readonly string[]).includes(type) ? (type as JourneyEventType) : null;
      if (!known || ownForms.has(known)) throw new DomainError('validation_failed');
      const occurredOn = optional(values.occurredOn);
      const parsed = parseWithMessages(journeyCommandBody, {
        type,
        expectedVersion: formVersion(request.body, 'expectedVersion'),
        ...(occurredOn
          ? { occurredAt: isDay(occurredOn) ? startOfDanishDay(occurredOn).toISOString() : occurredOn }
          : {}),
        ...payloadOf(commandJsonSchemas[known], values),
      });
      if (!parsed.success) {
        const errors = issueErrorsOf(parsed.issues, request.lang);
        if (occurredOn && !isDay(occurredOn)) errors.occurredOn = t('validation.date_format');
        return keep({ errors, problem: t('common.formErrors'), status: 400 });
      }
      const refused = await attempt(
        () => recordEvent(deps, actorOf(request), journeyId, parsed.data),
        request.lang,
        t('youth.versionConflict'),
      );
      if (refused) {
        // A group that filled up meanwhile: the reason is at the group field.
        const full = type === 'GROUP_ASSIGNED' && refused.status === 409 && refused.errors.groupId;
        return keep(full ? { ...refused, problem: t('youth.groupNotAssigned') } : refused);
      }
      return done(reply, youthId);
    },
  );

  // Visitation: "Se forslag" shows what the rules say about the answers; confirming records the
  // decision. The confirm button sends the category the preview was made for, so a category changed
  // after the preview is previewed again before anything is recorded.
  app.post(
    '/unge/:youthId/forloeb/:journeyId/visitation',
    {
      config: pageFor(staff),
      preHandler: [checkCsrf, journeyOfYouth],
      schema: { hide: true, params: journeyParams, body: formBody },
    },
    async (request, reply) => {
      const { youthId, journeyId } = request.params;
      const lang = request.lang;
      const t = translator(lang);
      const form = request.body;
      const occurredOn = text(form, 'occurredOn').trim();
      const day = isDay(occurredOn) ? occurredOn : null;
      const read = readVisitationForm(form);
      const errors = read.ok ? {} : Object.fromEntries(Object.entries(read.errors).map(([k, m]) => [k, m[lang]]));
      if (occurredOn && !day) errors.occurredOn = t('validation.date_format');
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
      if (!read.ok || errors.occurredOn) return keep(null, { errors, problem: t('common.formErrors'), status: 400 });
      const input = read.input;
      if (text(form, 'action') !== 'confirm') {
        // A category left at the earlier suggestion follows the new one; one the caseworker chose stays.
        const untouched = input.category !== undefined && input.category === text(form, 'previewSuggested');
        return keep(untouched ? { ...input, category: undefined } : input, {});
      }
      if (!input.category || input.category !== text(form, 'previewCategory')) {
        return keep(input, { notice: t('visitation.previewUpdated') });
      }
      const parsed = parseWithMessages(journeyCommandBody, {
        type: 'VISITATION_DECIDED',
        expectedVersion: formVersion(form, 'expectedVersion'),
        ...(day ? { occurredAt: startOfDanishDay(day).toISOString() } : {}),
        ...input,
      });
      if (!parsed.success) {
        return keep(input, {
          errors: issueErrorsOf(parsed.issues, lang),
          problem: t('common.formErrors'),
          status: 400,
        });
      }
      const refused = await attempt(
        () => recordEvent(deps, actorOf(request), journeyId, parsed.data),
        lang,
        t('youth.versionConflict'),
      );
      if (!refused) return done(reply, youthId);
      return keep(refused.status === 422 ? null : input, { ...refused, errors: withDateField(refused.errors) });
    },
  );

  // -------------------------------------------------------------------------------------------
  // Contacts: conversations, mentor contact and other contact are recorded activity
  // -------------------------------------------------------------------------------------------

  app.post(
    '/unge/:youthId/forloeb/:journeyId/kontakt',
    {
      config: pageFor(staff),
      preHandler: [checkCsrf, journeyOfYouth],
      schema: { hide: true, params: journeyParams, body: formBody },
    },
    async (request, reply) => {
      const { youthId, journeyId } = request.params;
      const t = translator(request.lang);
      // The fields are named "activity-…": the visitation form on the same page has its own date field.
      const values = {
        kind: text(request.body, 'activity-kind'),
        mode: text(request.body, 'activity-mode'),
        occurredOn: text(request.body, 'activity-occurredOn').trim(),
        note: text(request.body, 'activity-note'),
      };
      const keep = again(request, reply, youthId, 'activity', values);
      const kind = values.kind;
      const conversation = kind === 'individual' || kind === 'job_conversation' || kind === 'group';
      const parsed = parseWithMessages(recordActivityBody, {
        ...(conversation
          ? {
              kind: 'conversation',
              conversationKind: kind === 'job_conversation' ? 'individual' : kind,
              mode: values.mode || undefined,
              jobConversation: kind === 'job_conversation',
            }
          : { kind: kind || undefined }),
        ...(values.occurredOn
          ? {
              occurredAt: isDay(values.occurredOn)
                ? startOfDanishDay(values.occurredOn).toISOString()
                : values.occurredOn,
            }
          : {}),
        note: optional(values.note),
      });
      if (!parsed.success) {
        const errors = fieldErrorsOf(
          parsed.issues.map((i) => ({ field: i.field === '' ? 'kind' : i.field, message: i.messages })),
          request.lang,
        );
        if (values.occurredOn && !isDay(values.occurredOn)) errors.occurredOn = t('validation.date_format');
        return keep({ errors, problem: t('common.formErrors'), status: 400 });
      }
      const refused = await attempt(
        () => recordActivity(deps, actorOf(request), journeyId, parsed.data),
        request.lang,
        t('youth.versionConflict'),
      );
      return refused ? keep(refused) : done(reply, youthId);
    },
  );

  // -------------------------------------------------------------------------------------------
  // Progression: the five factors, 1-10 (STAR: Den gode ungeindsats i jobcentrene (2017), s. 29)
  // -------------------------------------------------------------------------------------------

  app.post(
    '/unge/:youthId/forloeb/:journeyId/progression',
    {
      config: pageFor(staff),
      preHandler: [checkCsrf, journeyOfYouth],
      schema: { hide: true, params: journeyParams, body: formBody },
    },
    async (request, reply) => {
      const { youthId, journeyId } = request.params;
      const t = translator(request.lang);
      const values: Record<string, string> = {
        assessedBy: text(request.body, 'assessedBy'),
        measuredOn: text(request.body, 'measuredOn').trim(),
      };
      for (const f of progressionFactors) values[f] = text(request.body, f).trim();
      const keep = again(request, reply, youthId, 'progression', values);
      const scores = Object.fromEntries(progressionFactors.filter((f) => values[f]).map((f) => [f, Number(values[f])]));
      const parsed = parseWithMessages(recordProgressionBody, {
        assessedBy: values.assessedBy || undefined,
        ...(values.measuredOn ? { measuredOn: values.measuredOn } : {}),
        scores,
      });
      if (!parsed.success) {
        const errors = fieldErrorsOf(
          parsed.issues.map((i) => ({ field: i.field.replace(/^scores\./, ''), message: i.messages })),
          request.lang,
        );
        return keep({ errors, problem: t('common.formErrors'), status: 400 });
      }
      const refused = await attempt(
        () => recordProgression(deps, actorOf(request), journeyId, parsed.data),
        request.lang,
        t('youth.versionConflict'),
      );
      if (refused) {
        // The service names a score "scores.network"; the form's field is "network".
        const errors = Object.fromEntries(
          Object.entries(refused.errors).map(([k, v]) => [k.replace(/^scores\.?/, '') || 'scores', v]),
        );
        return keep({ ...refused, errors });
      }
      return done(reply, youthId);
    },
  );

  // The youth's own ratings: ask for one now, and share the caseworker's own assessments or stop.
  app.post(
    '/unge/:youthId/forloeb/:journeyId/egen-vurdering',
    {
      config: pageFor(staff),
      preHandler: [checkCsrf, journeyOfYouth],
      schema: { hide: true, params: journeyParams, body: formBody },
    },
    async (request, reply) => {
      const { youthId, journeyId } = request.params;
      const refused = await attempt(
        () => requestSelfRating(deps, actorOf(request), journeyId),
        request.lang,
        t(request.lang, 'youth.versionConflict'),
      );
      return refused ? again(request, reply, youthId, 'own-ratings', {})(refused) : done(reply, youthId);
    },
  );

  app.post(
    '/unge/:youthId/forloeb/:journeyId/deling',
    {
      config: pageFor(staff),
      preHandler: [checkCsrf, journeyOfYouth],
      schema: { hide: true, params: journeyParams, body: formBody },
    },
    async (request, reply) => {
      const { youthId, journeyId } = request.params;
      await shareProgression(deps, actorOf(request), journeyId, text(request.body, 'shared') === 'yes');
      return done(reply, youthId);
    },
  );

  // -------------------------------------------------------------------------------------------
  // The running placement: its agreement (hours a week, planned end, contact) and hours worked
  // -------------------------------------------------------------------------------------------

  app.post(
    '/unge/:youthId/praktik/:placementId',
    {
      config: pageFor(staff),
      preHandler: [checkCsrf, placementOfYouth],
      schema: { hide: true, params: placementParams, body: formBody },
    },
    async (request, reply) => {
      const { youthId, placementId } = request.params;
      const t = translator(request.lang);
      const values = {
        hoursPerWeek: text(request.body, 'hoursPerWeek').trim(),
        plannedEnd: text(request.body, 'plannedEnd').trim(),
        contactId: text(request.body, 'contactId').trim(),
      };
      const keep = again(request, reply, youthId, 'placement', values);
      const parsed = parseWithMessages(changePlacementBody, {
        version: formVersion(request.body),
        hoursPerWeek: typedNumber(values.hoursPerWeek),
        plannedEnd: values.plannedEnd || null,
        contactId: values.contactId || null,
      });
      if (!parsed.success) {
        const errors = issueErrorsOf(parsed.issues, request.lang);
        return keep({ errors, problem: t('common.formErrors'), status: 400 });
      }
      const refused = await attempt(
        () => changePlacement(deps, actorOf(request), placementId, parsed.data),
        request.lang,
        t('youth.placementVersionConflict'),
      );
      return refused ? keep(refused) : done(reply, youthId);
    },
  );

  app.post(
    '/unge/:youthId/praktik/:placementId/timer',
    {
      config: pageFor(staff),
      preHandler: [checkCsrf, placementOfYouth],
      schema: { hide: true, params: placementParams, body: formBody },
    },
    async (request, reply) => {
      const { youthId, placementId } = request.params;
      const t = translator(request.lang);
      const values = { weekStart: text(request.body, 'weekStart'), hours: text(request.body, 'hours').trim() };
      const keep = again(request, reply, youthId, 'hours', values);
      const parsed = parseWithMessages(logHoursBody, { hours: typedNumber(values.hours) });
      const errors: Record<string, string> = parsed.success ? {} : issueErrorsOf(parsed.issues, request.lang);
      if (!isDay(values.weekStart)) errors.weekStart = t('validation.required');
      if (!parsed.success || errors.weekStart) return keep({ errors, problem: t('common.formErrors'), status: 400 });
      const refused = await attempt(
        () => logPlacementHours(deps, actorOf(request), placementId, values.weekStart, parsed.data.hours),
        request.lang,
        t('youth.placementVersionConflict'),
      );
      return refused ? keep(refused) : done(reply, youthId);
    },
  );

  // Hours the youth reported on their own side, confirmed as reported or corrected by the caseworker.
  app.post(
    '/unge/:youthId/timerapporter/:reportId',
    {
      config: pageFor(staff),
      preHandler: checkCsrf,
      schema: { hide: true, params: youthParams.extend({ reportId: z.uuid() }), body: formBody },
    },
    async (request, reply) => {
      const { youthId, reportId } = request.params;
      const t = translator(request.lang);
      const values = { hours: text(request.body, 'hours').trim() };
      const keep = again(request, reply, youthId, `hours-report-${reportId}`, values);
      const parsed = parseWithMessages(logHoursBody, { hours: typedNumber(values.hours) });
      if (!parsed.success) {
        return keep({
          errors: issueErrorsOf(parsed.issues, request.lang),
          problem: t('common.formErrors'),
          status: 400,
        });
      }
      const refused = await attempt(
        () =>
          confirmHoursReportOfYouth(deps, actorOf(request), youthId, reportId, {
            version: formVersion(request.body),
            hours: parsed.data.hours,
          }),
        request.lang,
        t('youth.placementVersionConflict'),
      );
      return refused ? keep(refused) : done(reply, youthId);
    },
  );

  // -------------------------------------------------------------------------------------------
  // Offers recorded on their own, and the education injunction (docs/domain.md, "offer")
  // -------------------------------------------------------------------------------------------

  const offerOfYouth: preHandlerAsyncHookHandler = async (request) => {
    const { youthId, offerId } = request.params as { youthId: string; offerId: string };
    await requireOfferOfYouth(deps, actorOf(request), offerId, youthId);
  };
  const injunctionOfYouth: preHandlerAsyncHookHandler = async (request) => {
    const { youthId, injunctionId } = request.params as { youthId: string; injunctionId: string };
    await requireInjunctionOfYouth(deps, actorOf(request), injunctionId, youthId);
  };

  app.post(
    '/unge/:youthId/forloeb/:journeyId/tilbud',
    {
      config: pageFor(staff),
      preHandler: [checkCsrf, journeyOfYouth],
      schema: { hide: true, params: journeyParams, body: formBody },
    },
    async (request, reply) => {
      const { youthId, journeyId } = request.params;
      const values = fieldsOf(request.body, 'offer', [
        'kind',
        'subtype',
        'provider',
        'startDate',
        'plannedEnd',
        'hoursPerWeek',
        'note',
      ]);
      const keep = again(request, reply, youthId, 'offer', values);
      const parsed = parseWithMessages(recordOfferBody, {
        kind: values.kind || undefined,
        subtype: values.subtype || undefined,
        provider: optional(values.provider),
        startDate: values.startDate || undefined,
        plannedEnd: values.plannedEnd || undefined,
        hoursPerWeek: typedNumber(values.hoursPerWeek ?? ''),
        note: optional(values.note),
      });
      if (!parsed.success) return keep(formErrors(parsed.issues, request.lang));
      const refused = await attempt(
        () => recordOffer(deps, actorOf(request), journeyId, parsed.data),
        request.lang,
        t(request.lang, 'youth.versionConflict'),
      );
      return refused ? keep(refused) : done(reply, youthId);
    },
  );

  app.post(
    '/unge/:youthId/tilbud/:offerId/afslut',
    {
      config: pageFor(staff),
      preHandler: [checkCsrf, offerOfYouth],
      schema: { hide: true, params: offerParams, body: formBody },
    },
    async (request, reply) => {
      const { youthId, offerId } = request.params;
      const values = fieldsOf(request.body, 'end', ['endedOn', 'cause']);
      const keep = again(request, reply, youthId, `offer-end-${offerId}`, values);
      const parsed = parseWithMessages(endOfferBody, {
        version: formVersion(request.body),
        endedOn: values.endedOn || undefined,
        cause: values.cause || undefined,
      });
      if (!parsed.success) return keep(formErrors(parsed.issues, request.lang));
      const refused = await attempt(
        () => finishOffer(deps, actorOf(request), offerId, parsed.data),
        request.lang,
        t(request.lang, 'offers.page.offerVersionConflict'),
      );
      return refused ? keep(refused) : done(reply, youthId);
    },
  );

  app.post(
    '/unge/:youthId/forloeb/:journeyId/uddannelsespaalaeg',
    {
      config: pageFor(staff),
      preHandler: [checkCsrf, journeyOfYouth],
      schema: { hide: true, params: journeyParams, body: formBody },
    },
    async (request, reply) => {
      const { youthId, journeyId } = request.params;
      const values = fieldsOf(request.body, 'injunction', ['givenOn', 'goal', 'startBy']);
      const keep = again(request, reply, youthId, 'injunction', values);
      const parsed = parseWithMessages(giveInjunctionBody, {
        givenOn: values.givenOn || undefined,
        goal: values.goal ?? '',
        startBy: values.startBy || undefined,
      });
      if (!parsed.success) return keep(formErrors(parsed.issues, request.lang));
      const refused = await attempt(
        () => giveInjunction(deps, actorOf(request), journeyId, parsed.data),
        request.lang,
        t(request.lang, 'youth.versionConflict'),
      );
      return refused ? keep(refused) : done(reply, youthId);
    },
  );

  app.post(
    '/unge/:youthId/uddannelsespaalaeg/:injunctionId/afslut',
    {
      config: pageFor(staff),
      preHandler: [checkCsrf, injunctionOfYouth],
      schema: { hide: true, params: injunctionParams, body: formBody },
    },
    async (request, reply) => {
      const { youthId, injunctionId } = request.params;
      const values = fieldsOf(request.body, 'injunction-end', ['endedOn']);
      const keep = again(request, reply, youthId, 'injunction-end', values);
      const parsed = parseWithMessages(endInjunctionBody, {
        version: formVersion(request.body),
        endedOn: values.endedOn || undefined,
      });
      if (!parsed.success) return keep(formErrors(parsed.issues, request.lang));
      const refused = await attempt(
        () => finishInjunction(deps, actorOf(request), injunctionId, parsed.data),
        request.lang,
        t(request.lang, 'offers.page.injunctionVersionConflict'),
      );
      return refused ? keep(refused) : done(reply, youthId);
    },
  );

  // -------------------------------------------------------------------------------------------
  // A leader moves the journey to another caseworker's caseload
  // -------------------------------------------------------------------------------------------

  app.post(
    '/unge/:youthId/forloeb/:journeyId/raadgiver',
    {
      config: pageFor(['leader']),
      preHandler: [checkCsrf, journeyOfYouth],
      schema: { hide: true, params: journeyParams, body: formBody },
    },
    async (request, reply) => {
      const { youthId, journeyId } = request.params;
      const t = translator(request.lang);
      const values = { caseworkerId: text(request.body, 'caseworkerId') };
      const keep = again(request, reply, youthId, 'caseworker', values);
      // The caseworker the page showed: if another leader moved the youth meanwhile, nothing moves.
      const shown = text(request.body, 'expectedCaseworkerId');
      if (!z.uuid().safeParse(values.caseworkerId).success) {
        return keep({
          errors: { caseworkerId: t('validation.required') },
          problem: t('common.formErrors'),
          status: 400,
        });
      }
      let changed = false;
      const refused = await attempt(
        async () => {
          const move = { caseworkerId: values.caseworkerId, expectedCaseworkerId: shown || undefined };
          ({ changed } = await reassignJourney(deps, actorOf(request), journeyId, move));
        },
        request.lang,
        t('youth.caseworkerChangedMeanwhile'),
      );
      if (refused) return keep(refused);
      return changed
        ? done(reply, youthId)
        : youthPage(request, reply, youthId, { notice: t('youth.caseworkerUnchanged') });
    },
  );
}

/** Who may be given an uddannelsespålæg under a law, in a sentence for the caseworker. */
function injunctionRuleText(visitationRules: RuleSet, t: Translate, lang: Lang): string {
  const allowed = visitationRules.categories.filter((definition) => definition.educationInjunction === true);
  const law = visitationRules.law.title[lang];
  if (allowed.length === 0) return t('offers.page.injunctionAbolished', { law });
  const names = allowed.map((definition) => categoryLabels[definition.code][lang].toLowerCase());
  const anyOf = listFormat(lang, { style: 'long', type: 'disjunction' }).format(names);
  return t('offers.page.injunctionForCategories', { categories: anyOf, law });
}
