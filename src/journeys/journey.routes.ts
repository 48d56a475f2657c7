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
  journeyListItemSchema,
  journeyListQuery,
  journeySummarySchema,
  openJourneyBody,
  reassignBody,
} from './journey.schemas.ts';
import {
  findJourneys,
  journeysOfYouth,
  type JourneyView,
  openJourney,
  readJourney,
  reassignJourney,
  recordEvent,
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
        tags: ['journeys'],
        params: idParams,
        body: openJourneyBody,
        response: { 201: journeySummarySchema, ...authErrors, 404: errorResponse, 409: errorResponse },
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
        tags: ['journeys'],
        params: idParams,
        response: { 200: z.object({ items: z.array(journeySummarySchema) }), ...authErrors, 404: errorResponse },
      },
    },
    async (request) => ({ items: (await journeysOfYouth(deps, actorOf(request), request.params.id)).map(summaryOf) }),
  );

  app.get(
    '/journeys',
    {
      config: { roles: journeyRoles },
      schema: {
        tags: ['journeys'],
        querystring: journeyListQuery,
        response: { 200: pageOf(journeyListItemSchema), ...authErrors },
      },
    },
    async (request) => {
      const { page, pageSize, from, to, ...filter } = request.query;
      const result = await findJourneys(
        deps,
        actorOf(request),
        { ...filter, from: from ? startOfDanishDay(from) : undefined, to: to ? startOfDanishDay(to) : undefined },
        { page, pageSize },
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
        tags: ['journeys'],
        params: idParams,
        body: reassignBody,
        response: { 204: z.null(), ...authErrors, 404: errorResponse, 409: errorResponse },
      },
    },
    async (request, reply) => {
      await reassignJourney(deps, actorOf(request), request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/journeys/:id',
    {
      config: { roles: journeyRoles },
      schema: {
        tags: ['journeys'],
        params: idParams,
        response: { 200: journeyDetailSchema, ...authErrors, 404: errorResponse },
      },
    },
    async (request) => detailOf(await readJourney(deps, actorOf(request), request.params.id)),
  );

  app.post(
    '/journeys/:id/events',
    {
      config: { roles: journeyRoles },
      schema: {
        tags: ['journeys'],
        params: idParams,
        body: journeyCommandBody,
        response: {
          201: journeyDetailSchema,
          ...authErrors,
          404: errorResponse,
          409: errorResponse,
          422: errorResponse,
        },
      },
    },
    async (request, reply) =>
      reply.code(201).send(detailOf(await recordEvent(deps, actorOf(request), request.params.id, request.body))),
  );
};

function summaryOf(journey: JourneyRecord) {
  return {
    id: journey.id,
    youthId: journey.youthId,
    stage: stageOf(restore({ machineVersion: journey.machineVersion, snapshot: journey.snapshot as never })),
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
    ...summaryOf(view.journey),
    stage: view.stage,
    youth: view.youth,
    machineVersion: view.journey.machineVersion,
    placement: view.placement,
    context: view.context,
    acceptedEvents: view.acceptedEvents,
    alerts: view.alerts.map(({ alert, conditions }) => alertToResponse(alert, conditions)),
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
