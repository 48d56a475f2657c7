import { z } from 'zod';
import { MOST_EVALUATION_NAME_CHARS } from '../exports/export.schemas.ts';
import { isCalendarDay } from '../shared/days.ts';
import { translator } from '../shared/texts.ts';
import { pageFor, type WebApp, type WebContext } from './web.shared.ts';

const evaluationPageQuery = z.object({
  from: z.string().optional(),
  to: z.string().optional(),
  evaluation: z.string().optional(),
});

/**
 * "Evalueringsdata" (leaders): the period and the evaluation's name for the export of the trial's
 * data (src/exports/evaluation-export.service.ts). The page checks what was chosen and then offers
 * the files, which the API makes and audits when they are fetched.
 */
export function registerEvaluationPage(app: WebApp, { page }: WebContext) {
  app.get(
    '/evaluering',
    { config: pageFor(['leader']), schema: { hide: true, querystring: evaluationPageQuery } },
    (request, reply) => {
      const tr = translator(request.lang);
      const q = request.query;
      const values = {
        from: q.from?.trim() ?? '',
        to: q.to?.trim() ?? '',
        evaluation: q.evaluation?.trim().replace(/\s+/g, ' ') ?? '',
      };
      const asked = q.from !== undefined || q.to !== undefined || q.evaluation !== undefined;
      const errors: Record<string, string> = {};
      if (asked) {
        if (!values.from) errors.from = tr('validation.required');
        else if (!isCalendarDay(values.from)) errors.from = tr('validation.date_format');
        if (!values.to) errors.to = tr('validation.required');
        else if (!isCalendarDay(values.to)) errors.to = tr('validation.date_format');
        if (!errors.from && !errors.to && values.from > values.to) errors.to = tr('exports.evaluation.toBeforeFrom');
        if (!values.evaluation) errors.evaluation = tr('exports.evaluation.evaluationRequired');
        else if (values.evaluation.length > MOST_EVALUATION_NAME_CHARS) {
          errors.evaluation = tr('exports.evaluation.evaluationLength', { max: MOST_EVALUATION_NAME_CHARS });
        }
      }
      const invalid = Object.keys(errors).length > 0;
      const search = (format: 'csv' | 'json') =>
        `/api/evaluation-export?${new URLSearchParams({ ...values, format }).toString()}`;
      return page(
        request,
        reply.code(invalid ? 400 : 200),
        'evaluation',
        tr('exports.evaluation.title'),
        {
          values,
          errors,
          files: asked && !invalid ? { csv: search('csv'), json: search('json') } : null,
        },
        invalid ? { problem: tr('common.formErrors') } : {},
      );
    },
  );
}
