import type { ZodType } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../auth/auth.plugin.ts';
import type { AppDeps } from '../deps.ts';
import { authErrors, errorResponse, idParams } from '../shared/schemas.ts';
import type { Alert } from './alert.repository.ts';
import { runBacktest } from './backtest.service.ts';
import { conditionsOf } from './risk-evaluator.ts';
import { dayNumberOf } from '../shared/days.ts';
import { DomainError } from '../shared/errors.ts';
import {
  acknowledgeBody,
  alertDetailSchema,
  backtestBody,
  backtestResponse,
  alertListQuery,
  alertListResponse,
  alertSchema,
  reassignBody,
  resolveBody,
  snoozeBody,
} from './alert.schemas.ts';
import { acknowledgeAlert, findAlerts, readAlert, reassignAlert, resolveAlert, snoozeAlert } from './alert.service.ts';
import { texts } from '../shared/texts.ts';

const roles = ['caseworker', 'leader'] as const;
const changeErrors = {
  ...authErrors,
  404: errorResponse,
  409: errorResponse.describe(
    'Changed by someone else meanwhile (`version_conflict`, with `currentVersion`), or already resolved (`conflict`).',
  ),
} as const;

export const alertRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/alerts',
    {
      config: { roles },
      schema: {
        operationId: 'listAlerts',
        summary: 'List alerts',
        description: 'Unresolved alerts by default, newest first, with the counts by severity and status.',
        tags: ['alerts'],
        querystring: alertListQuery,
        response: { 200: alertListResponse.describe('A page of the alerts found, and the counts.'), ...authErrors },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      const result = await findAlerts(deps, actorOf(request), filter, { page, pageSize });
      return {
        items: result.items.map((a) => ({
          ...alertToResponse(a),
          youthName: a.youthName,
          caseworkerId: a.caseworkerId,
        })),
        total: result.total,
        page,
        pageSize,
        countsBySeverity: result.bySeverity,
        countsByStatus: result.byStatus,
      };
    },
  );

  app.get(
    '/alerts/:id',
    {
      config: { roles },
      schema: {
        operationId: 'getAlert',
        summary: 'Read an alert',
        tags: ['alerts'],
        params: idParams,
        response: {
          200: alertDetailSchema.describe('The alert with the conditions that opened it and its history.'),
          ...authErrors,
          404: errorResponse,
        },
      },
    },
    async (request) => {
      const { alert, history } = await readAlert(deps, actorOf(request), request.params.id);
      return {
        ...alertToResponse(alert, await conditionsOf(deps.ruleSets, alert)),
        history: history.map((h) => ({ ...h, at: h.at.toISOString() })),
      };
    },
  );

  app.post(
    '/risk/backtest',
    {
      config: { roles: ['leader'] },
      schema: {
        operationId: 'backtestRiskRules',
        summary: 'Backtest the risk rules on past days',
        description:
          "Runs the risk rules, with the municipality's thresholds and those in `set` on top, over each day of " +
          'a period of at most 400 days, and counts the alerts they would have opened.',
        tags: ['alerts'],
        body: backtestBody,
        response: { 200: backtestResponse.describe('What the rules would have done in the period.'), ...authErrors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { from, to, set } = request.body;
      if (dayNumberOf(to) < dayNumberOf(from) || dayNumberOf(to) - dayNumberOf(from) > 400) {
        throw new DomainError('validation_failed', {
          fieldErrors: [
            {
              field: 'to',
              message: texts('alerts.refusals.periodLength'),
            },
          ],
        });
      }
      return runBacktest(deps.db, deps.ruleSets, { from, to, municipalityId: actor.municipalityId, set });
    },
  );

  const change = <B>(
    path: string,
    names: { operationId: string; summary: string; description?: string },
    body: ZodType<B>,
    run: (id: string, input: B, request: Parameters<typeof actorOf>[0]) => Promise<Alert>,
  ) =>
    app.post(
      `/alerts/:id/${path}`,
      {
        config: { roles },
        schema: {
          ...names,
          tags: ['alerts'],
          params: idParams,
          body,
          response: { 200: alertSchema.describe('The alert as changed.'), ...changeErrors },
        },
      },
      async (request) => alertToResponse(await run(request.params.id, request.body as B, request)),
    );

  change(
    'acknowledge',
    {
      operationId: 'acknowledgeAlert',
      summary: 'Acknowledge an alert',
      description: 'Says, with a note, that the alert has been seen and what is done about it.',
    },
    acknowledgeBody,
    (id, input, request) => acknowledgeAlert(deps, actorOf(request), id, input),
  );
  change(
    'snooze',
    {
      operationId: 'snoozeAlert',
      summary: 'Snooze an alert until a date',
      description:
        "Until a day from tomorrow to 90 days ahead. An alert that went to the leader is the leader's to snooze.",
    },
    snoozeBody,
    (id, input, request) => snoozeAlert(deps, actorOf(request), id, input),
  );
  change(
    'reassign',
    {
      operationId: 'reassignAlert',
      summary: 'Assign an alert to another user',
      description: "An alert that went to the leader is the leader's to reassign.",
    },
    reassignBody,
    (id, input, request) => reassignAlert(deps, actorOf(request), id, input),
  );
  change(
    'resolve',
    {
      operationId: 'resolveAlert',
      summary: 'Resolve an alert',
      description: "With a note. An alert that went to the leader is the leader's to resolve.",
    },
    resolveBody,
    (id, input, request) => resolveAlert(deps, actorOf(request), id, input),
  );
};

/** An alert as answered; `conditions` are worked out for single alerts only (conditionsOf). */
export function alertToResponse(alert: Alert, conditions: Array<Record<string, unknown>> = []) {
  const explanation = alert.explanation as {
    message?: { da: string; en: string };
    source?: string;
  };
  return {
    id: alert.id,
    journeyId: alert.journeyId,
    youthId: alert.youthId,
    code: alert.code,
    severity: alert.severity,
    status: alert.status,
    forLeader: alert.forLeader,
    assignedTo: alert.assignedTo,
    openedAt: alert.openedAt.toISOString(),
    escalatedAt: alert.escalatedAt?.toISOString() ?? null,
    snoozedUntil: alert.snoozedUntil,
    resolvedAt: alert.resolvedAt?.toISOString() ?? null,
    message: explanation.message ?? { da: alert.code, en: alert.code },
    source: explanation.source ?? '',
    conditions,
    facts: alert.facts,
    ruleSetVersion: alert.ruleSetVersion,
    version: alert.version,
  };
}
