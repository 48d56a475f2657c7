import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../auth/auth.plugin.ts';
import type { AppDeps } from '../deps.ts';
import {
  eligibilityEvaluateBody,
  eligibilityEvaluateResponse,
  visitationSuggestBody,
  visitationSuggestResponse,
} from '../journeys/journey.schemas.ts';
import { findSettings } from '../municipalities/settings.repository.ts';
import { danishDate } from '../shared/clock.ts';
import { authErrors } from '../shared/schemas.ts';
import { decideEligibility } from './eligibility.ts';
import { selectRuleSet } from './rule-set.loader.ts';
import { suggestCategory } from './visitation.ts';

/**
 * The rules answer without touching a journey: the visitation screen previews its decision with
 * these, and case tables can be checked against them. The municipality's overrides apply.
 */
export const rulesRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  const config = { roles: ['caseworker', 'leader', 'admin'] } as const;

  app.post(
    '/rules/eligibility/evaluate',
    {
      config,
      schema: {
        operationId: 'evaluateEligibility',
        summary: 'Preview the eligibility decision',
        description:
          "Runs the eligibility rules of the day (`on`, today by default) with the municipality's age limits " +
          'on the facts given, without touching a journey.',
        tags: ['rules'],
        body: eligibilityEvaluateBody,
        response: {
          200: eligibilityEvaluateResponse.describe('The decision, explained, with the facts and each condition.'),
          ...authErrors,
        },
      },
    },
    async (request) => {
      const { on, ...facts } = request.body;
      const settings = await findSettings(deps.db, actorOf(request).municipalityId);
      const ruleSet = selectRuleSet(deps.ruleSets, 'eligibility', on ?? danishDate(deps.clock()));
      const decision = await decideEligibility(ruleSet, facts, settings.eligibility);
      return {
        eligible: decision.eligible,
        code: decision.code,
        explanation: decision.explanation,
        ...(decision.recommendation ? { recommendation: decision.recommendation } : {}),
        ruleSetVersion: decision.ruleSetVersion,
        facts: decision.facts,
        conditions: decision.conditions as unknown as Array<Record<string, unknown>>,
      };
    },
  );

  app.post(
    '/rules/visitation/suggest',
    {
      config,
      schema: {
        operationId: 'suggestVisitationCategory',
        summary: 'Preview the suggested visitation category',
        description: 'Runs the visitation rules of the day (`on`, today by default) on the answers given.',
        tags: ['rules'],
        body: visitationSuggestBody,
        response: {
          200: visitationSuggestResponse.describe('The suggested category and the reasons for it.'),
          ...authErrors,
        },
      },
    },
    async (request) => {
      const { on, ...facts } = request.body;
      const ruleSet = selectRuleSet(deps.ruleSets, 'visitation', on ?? danishDate(deps.clock()));
      const suggestion = await suggestCategory(ruleSet, facts);
      return {
        category: suggestion.category,
        reasons: suggestion.reasons.map(({ code, category, da, en }) => ({ code, category, da, en })),
        ruleSetVersion: suggestion.ruleSetVersion,
        facts: suggestion.facts,
        conditions: suggestion.conditions as unknown as Array<Record<string, unknown>>,
      };
    },
  );
};
