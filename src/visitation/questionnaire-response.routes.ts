import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/auth.plugin.ts';
import type { AppDeps } from '../deps.ts';
import { authErrors, errorResponse, idParams } from '../shared/schemas.ts';
import { youthQuestionnaireAnswers } from './questionnaire.ts';
import { questionnaireOfJourney } from './questionnaire-response.service.ts';

const questionnaireResponseSchema = z
  .object({
    response: z
      .object({
        answers: youthQuestionnaireAnswers.describe('By question code; a question the youth skipped is absent'),
        submittedAt: z.iso.datetime(),
        version: z.number().int(),
      })
      .nullable()
      .describe('Null when the youth has not filled it in'),
  })
  .meta({ id: 'QuestionnaireResponse' });

export const questionnaireResponseRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/journeys/:id/questionnaire-response',
    {
      config: { roles: ['caseworker', 'leader'] },
      schema: {
        operationId: 'getQuestionnaireResponse',
        summary: 'Read the preparation questionnaire as the youth filled it in',
        description:
          'The ten questions (STAR: Den gode ungeindsats i jobcentrene (2017), s. 9) as the youth answered them on ' +
          'their own side before the visitation conversation. The visitation decision records, in ' +
          "`questionnaireFromYouth`, which of its answers are the youth's unchanged.",
        tags: ['journeys'],
        params: idParams,
        response: {
          200: questionnaireResponseSchema.describe("The youth's answers, or null."),
          ...authErrors,
          404: errorResponse,
        },
      },
    },
    async (request) => {
      const response = await questionnaireOfJourney(deps, actorOf(request), request.params.id);
      return {
        response: response && {
          answers: response.answers,
          submittedAt: response.submittedAt.toISOString(),
          version: response.version,
        },
      };
    },
  );
};
