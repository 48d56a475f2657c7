import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { alertToResponse } from '../alerts/alert.routes.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import type { AppDeps } from '../deps.ts';
import { authErrors, errorResponse, idParams, pageOf } from '../shared/schemas.ts';
import type { JourneyRecord } from './journey.repository.ts';
import { nextDeadlineOf } from './journey.deadline.ts';
import {
  journeyCommandBody,
  journeyDetailSchema,
  journeyEventAnswerSchema,
  journeyHistoryQuery,
  journeyListItemSchema,
  journeyListQuery,
  journeySummarySchema,
  openJourneyBody,
  caseloadSchema,
  reassignBody,
  reassignManyBody,
  reassignManyResponse,
} from './journey.schemas.ts';
import {
  caseloads,
  findJourneys,
  journeysOfYouth,
  type JourneyView,
  openJourney,
  readJourney,
  reassignJourney,
  reassignJourneys,
  recordEvent,
  type RecordedEvents,
} from './journey.service.ts';
import { restore, type Stage, stageOf } from '../../machines/journey.ts';
import { danishDate, danishDaysBetween, startOfDanishDay } from '../shared/clock.ts';
import { t } from '../shared/texts.ts';
import { ageOn } from '../youth/cpr.ts';

const journeyRoles = ['caseworker', 'leader'] as const;

export const journeyRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.post(
    '/youth/:id/journeys',
    {
      config: { roles: journeyRoles },
      schema: {
        operationId: 'openJourney',
        summary: 'Open a journey for a youth (the referral)',
        description: 'A youth has one open journey at a time. The journey starts in the stage `referred`.',
        tags: ['journeys'],
        params: idParams,
        body: openJourneyBody,
        response: {
          201: journeySummarySchema.describe('The journey as opened.'),
          ...authErrors,
          404: errorResponse.describe('No such youth (`not_found`).'),
          409: errorResponse.describe('The youth has an open journey already (`conflict`, with `openJourneyId`).'),
        },
      },
    },
    async (request, reply) => {
      const journey = await openJourney(deps, actorOf(request), request.params.id, request.body);
      return reply.code(201).send(summaryOf(journey));
    },
  );

  app.get(
    '/youth/:id/journeys',
    {
      config: { roles: journeyRoles },
      schema: {
        operationId: 'listJourneysOfYouth',
        summary: "List a youth's journeys",
        tags: ['journeys'],
        params: idParams,
        response: {
          200: z.object({ items: z.array(journeySummarySchema) }).describe("The youth's journeys, open and closed."),
          ...authErrors,
          404: errorResponse.describe('No such youth (`not_found`).'),
        },
      },
    },
    async (request) => ({
      items: (await journeysOfYouth(deps, actorOf(request), request.params.id)).map((j) => summaryOf(j)),
    }),
  );

  app.get(
    '/journeys',
    {
      config: { roles: journeyRoles },
      schema: {
        operationId: 'listJourneys',
        summary: 'Find journeys',
        description: 'By caseworker, stage, open or closed, group and period of first contact: the caseload views.',
        tags: ['journeys'],
        querystring: journeyListQuery,
        response: {
          200: pageOf(journeyListItemSchema).describe('A page of the journeys found, with their next deadline.'),
          ...authErrors,
        },
      },
    },
    async (request) => {
      const { page, pageSize, from, to, sort, dir, ...filter } = request.query;
      const result = await findJourneys(
        deps,
        actorOf(request),
        { ...filter, from: from ? startOfDanishDay(from) : undefined, to: to ? startOfDanishDay(to) : undefined },
        { page, pageSize },
        { column: sort, direction: dir },
      );
      const now = deps.clock();
      const today = danishDate(now);
      return {
        items: result.items.map((j) => ({
          id: j.id,
          youth: { id: j.youthId, name: j.youthName, age: ageOn(j.youthBirthDate, today) },
          stage: j.stage as Stage,
          open: j.open,
          returning: j.returning,
          caseworker: { id: j.caseworkerId, name: j.caseworkerName },
          firstContactAt: j.firstContactAt.toISOString(),
          lastActivityAt: j.lastActivityAt?.toISOString() ?? null,
          daysSinceLastActivity: j.lastActivityAt ? danishDaysBetween(j.lastActivityAt, now) : null,
          nextDeadline: nextDeadlineOf({ ...j, stage: j.stage as Stage }),
          version: j.version,
        })),
        total: result.total,
        page,
        pageSize,
      };
    },
  );

  app.put(
    '/journeys/:id/caseworker',
    {
      config: { roles: ['leader'] },
      schema: {
        operationId: 'reassignJourney',
        summary: 'Move a journey to another caseworker',
        tags: ['journeys'],
        params: idParams,
        body: reassignBody,
        response: {
          204: z.null().describe('Moved (or it was already with that caseworker).'),
          ...authErrors,
          404: errorResponse,
          409: errorResponse.describe(
            'Another caseworker has the journey than `expectedCaseworkerId` (`version_conflict`, with `caseworkerId`).',
          ),
        },
      },
    },
    async (request, reply) => {
      await reassignJourney(deps, actorOf(request), request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/journeys/reassign',
    {
      config: { roles: ['leader'] },
      schema: {
        operationId: 'reassignJourneys',
        summary: 'Move several journeys to another caseworker at once',
        description:
          'When a caseworker leaves: the journeys sent move from `fromCaseworkerId` to `toCaseworkerId` in one ' +
          "transaction, all or none. Each must still be open, the from-caseworker's and at the `version` sent. Each " +
          'move is written to the audit log, with the batch it was part of; the open alerts follow the journeys.',
        tags: ['journeys'],
        body: reassignManyBody,
        response: {
          200: reassignManyResponse.describe('Every journey sent has moved.'),
          ...authErrors,
          409: errorResponse.describe(
            'Nothing moved: `version_conflict` with `conflicts`, each journey that is changed (`changed`), with ' +
              'another caseworker (`moved`), closed (`closed`) or not found (`not_found`) meanwhile.',
          ),
        },
      },
    },
    async (request) => {
      const { moved } = await reassignJourneys(deps, actorOf(request), request.body);
      return { moved, fromCaseworkerId: request.body.fromCaseworkerId, toCaseworkerId: request.body.toCaseworkerId };
    },
  );

  app.get(
    '/caseloads',
    {
      config: { roles: ['leader'] },
      schema: {
        operationId: 'listCaseloads',
        summary: "Each caseworker's caseload size",
        description:
          'The open journeys of every active caseworker, and of anyone else who still has open journeys (a ' +
          'caseworker who left), by name.',
        tags: ['journeys'],
        response: {
          200: z.object({ items: z.array(caseloadSchema) }).describe('The caseloads.'),
          ...authErrors,
        },
      },
    },
    async (request) => ({ items: await caseloads(deps, actorOf(request)) }),
  );

  app.get(
    '/journeys/:id',
    {
      config: { roles: journeyRoles },
      schema: {
        operationId: 'getJourney',
        summary: 'Read a journey',
        description:
          'Its stage, context, events, rule decisions and open alerts, and the events the current stage accepts ' +
          'with the JSON schema of each payload.',
        tags: ['journeys'],
        params: idParams,
        querystring: journeyHistoryQuery,
        response: { 200: journeyDetailSchema.describe('The journey.'), ...authErrors, 404: errorResponse },
      },
    },
    async (request) => {
      const { eventsPageSize, eventsBefore } = request.query;
      const history = { limit: eventsPageSize, beforeSeq: eventsBefore };
      return detailOf(await readJourney(deps, actorOf(request), request.params.id, history));
    },
  );

  app.post(
    '/journeys/:id/events',
    {
      config: { roles: journeyRoles },
      schema: {
        operationId: 'sendJourneyEvent',
        summary: 'Record an event on a journey',
        description:
          'Moves the journey by one event of its statechart (the first conversation, the visitation decision, a ' +
          "group, a placement, a pause, the exit, a follow-up...), made against the journey's `expectedVersion`. " +
          'A visitation decision is checked by the eligibility and visitation rules, whose decisions are stored.',
        tags: ['journeys'],
        params: idParams,
        body: journeyCommandBody,
        response: {
          201: journeyEventAnswerSchema.describe(
            'The journey after the event: its state, the events it takes now and the alerts the event opened or ' +
              'resolved. Its history, rule decisions and open alerts are a GET away.',
          ),
          ...authErrors,
          404: errorResponse,
          409: errorResponse.describe(
            'The journey changed meanwhile: `expectedVersion` is stale (`version_conflict`, with `currentVersion`).',
          ),
          422: errorResponse.describe(
            'The current stage does not take this event (`event_not_accepted`, with `stage` and `acceptedEvents`).',
          ),
        },
      },
    },
    async (request, reply) =>
      reply.code(201).send(answerOf(await recordEvent(deps, actorOf(request), request.params.id, request.body))),
  );
};

function answerOf(recorded: RecordedEvents) {
  return {
    ...summaryOf(recorded.journey, recorded.stage),
    machineVersion: recorded.journey.machineVersion,
    placement: recorded.placement,
    context: recorded.context as unknown as Record<string, unknown>,
    acceptedEvents: recorded.acceptedEvents,
    alerts: {
      opened: recorded.alerts.opened.map((a) => {
        const { id, code, severity, forLeader, message } = alertToResponse(a);
        return { id, code, severity, forLeader, message };
      }),
      resolved: recorded.alerts.resolved.map(({ id, code }) => ({ id, code })),
    },
  };
}

/** The journey's summary; its stage from the statechart snapshot unless the caller has it already. */
function summaryOf(journey: JourneyRecord, stage?: Stage) {
  return {
    id: journey.id,
    youthId: journey.youthId,
    stage: stage ?? stageOf(restore({ machineVersion: journey.machineVersion, snapshot: journey.snapshot as never })),
    open: journey.open,
    returning: journey.returning,
    referral: {
      source: journey.referralSource,
      reason: journey.referralReason,
      firstContactAt: journey.firstContactAt.toISOString(),
    },
    caseworkerId: journey.caseworkerId,
    lastActivityAt: journey.lastActivityAt?.toISOString() ?? null,
    version: journey.version,
    createdAt: journey.createdAt.toISOString(),
    updatedAt: journey.updatedAt.toISOString(),
  };
}

function detailOf(view: JourneyView) {
  return {
    ...summaryOf(view.journey, view.stage),
    stage: view.stage,
    youth: view.youth,
    machineVersion: view.journey.machineVersion,
    placement: view.placement,
    context: view.context,
    acceptedEvents: view.acceptedEvents,
    alerts: view.alerts.map(({ alert, conditions }) => alertToResponse(alert, conditions)),
    olderEventsBefore: view.olderEventsBefore,
    events: view.events.map((e) => ({
      seq: e.seq,
      type: e.type as never,
      payload: e.payload,
      occurredAt: e.occurredAt.toISOString(),
      recordedAt: e.recordedAt.toISOString(),
      actorId: e.actorId,
    })),
    decisions: view.decisions.map((d) => {
      const result = d.result as {
        explanation?: { da: string; en: string };
        recommendation?: { code: string; da: string; en: string };
        reasons?: Array<{ code: string; da: string; en: string }>;
        conditions?: Array<Record<string, unknown>>;
        category?: string;
      };
      return {
        ruleSet: d.ruleSet,
        ruleSetVersion: d.ruleSetVersion,
        eventSeq: d.eventSeq,
        outcome: d.outcome,
        explanation: result.explanation ?? suggestionExplanation(result.category, result.reasons),
        ...(result.recommendation ? { recommendation: result.recommendation } : {}),
        ...(result.reasons ? { reasons: result.reasons } : {}),
        facts: d.facts,
        conditions: result.conditions ?? [],
        decidedAt: d.decidedAt.toISOString(),
      };
    }),
  };
}

function suggestionExplanation(category: string | undefined, reasons: Array<{ da: string; en: string }> = []) {
  return {
    da: [
      t('da', 'journeys.suggestedCategory', { category: category ?? t('da', 'journeys.unknownCategory') }),
      ...reasons.map((r) => r.da),
    ].join(' '),
    en: [
      t('en', 'journeys.suggestedCategory', { category: category ?? t('en', 'journeys.unknownCategory') }),
      ...reasons.map((r) => r.en),
    ].join(' '),
  };
}
