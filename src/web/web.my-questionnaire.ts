import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { youthOf } from '../auth/auth.plugin.ts';
import { DomainError } from '../shared/errors.ts';
import type { Lang } from '../shared/i18n.ts';
import { translator, type Translate } from '../shared/texts.ts';
import { parseWithMessages } from '../shared/validation.ts';
import {
  type Question,
  questionnaire,
  type QuestionnaireAnswers,
  youthQuestionnaireAnswers,
} from '../visitation/questionnaire.ts';
import type { PartialAnswers } from '../visitation/questionnaire-response.repository.ts';
import { answerQuestionnaire, ownQuestionnaire } from '../visitation/questionnaire-response.service.ts';
import { formFromYouthAnswers, NO_OBSTACLE, readQuestionnaireFields } from './web.visitation.ts';
import {
  type Form,
  formatNumber,
  formBody,
  MY_JOURNEY_PATH,
  type WebApp,
  type WebContext,
  when,
  youthPageConfig,
} from './web.shared.ts';

/**
 * The preparation questionnaire on the young person's own side (docs/decisions/0016): the ten
 * questions in the youth's words, any of them skipped, until the visitation is decided. A plain
 * form, POST-redirect-GET; the caseworker's visitation form opens with the answers marked as the
 * youth's.
 */

export const MY_QUESTIONNAIRE_PATH = `${MY_JOURNEY_PATH}/forberedelse`;

/** The youth's questionnaire, or a closed one without answers when they have no open journey. */
async function questionnaireOf(deps: WebContext['deps'], request: FastifyRequest) {
  try {
    return await ownQuestionnaire(deps, youthOf(request));
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not_found') return { response: null, open: false };
    throw error;
  }
}

/**
 * The link to the questionnaire on the start page while the youth may fill it in (null when the
 * visitation is decided), and whether they already have.
 */
export async function questionnaireLink(
  deps: WebContext['deps'],
  request: FastifyRequest,
): Promise<{ href: string; answered: boolean } | null> {
  const own = await questionnaireOf(deps, request);
  return own.open ? { href: MY_QUESTIONNAIRE_PATH, answered: own.response !== null } : null;
}

/** The questions as the youth's form shows them, with the answer options in the page's language. */
function youthQuestions(t: Translate, lang: Lang) {
  return questionnaire.map((q) => {
    const base = { code: q.code, number: q.number, text: t(`youthvoice.questionnaire.questions.${q.code}`) };
    switch (q.answer.type) {
      case 'single_choice':
      case 'yes_partly_no':
      case 'yes_no_unsure':
        return {
          ...base,
          kind: 'radio',
          options: q.answer.options.map((o) => ({ value: o.value, label: o.label[lang] })),
        };
      case 'multiple_choice': {
        const options = q.answer.options.map((o) => ({ value: o.value, label: o.label[lang] }));
        // Ticking nothing would be the same as skipping: "no obstacle" is an answer of its own.
        if (q.code === 'completion_obstacles') {
          options.push({ value: NO_OBSTACLE, label: t('youthvoice.questionnaire.noObstacle') });
        }
        return { ...base, kind: 'checkbox', hint: t('youthvoice.questionnaire.chooseMany'), options };
      }
      case 'scale': {
        const options = [];
        for (let n = q.answer.min; n <= q.answer.max; n++) options.push({ value: String(n), label: String(n) });
        return {
          ...base,
          kind: 'radio',
          inline: true,
          hint: t('youthvoice.questionnaire.scaleHint', {
            min: q.answer.min,
            minLabel: q.answer.minLabel[lang],
            max: q.answer.max,
            maxLabel: q.answer.maxLabel[lang],
          }),
          options,
        };
      }
      case 'yes_no_with_reason':
        return {
          ...base,
          kind: 'dropout',
          reasons: q.answer.reasons.map((o) => ({ value: o.value, label: o.label[lang] })),
        };
      case 'grade_average':
        return {
          ...base,
          kind: 'grade',
          min: q.answer.min,
          max: q.answer.max,
          unknownLabel: q.answer.unknownLabel[lang],
        };
    }
  });
}

/** One saved answer as the youth reads it back, on their page and in their access export. */
export function answerText(
  question: Question,
  value: PartialAnswers[keyof QuestionnaireAnswers],
  t: Translate,
  lang: Lang,
) {
  const answer = question.answer;
  const label = (code: string) => {
    if (answer.type === 'yes_no_with_reason') return answer.reasons.find((o) => o.value === code)?.label[lang] ?? code;
    if ('options' in answer) return answer.options.find((o) => o.value === code)?.label[lang] ?? code;
    return code;
  };
  if (value === undefined) return t('youthvoice.questionnaire.skipped');
  if (Array.isArray(value)) {
    return value.length === 0 ? t('youthvoice.questionnaire.noObstacle') : value.map(label).join(', ');
  }
  if (typeof value === 'object') {
    return value.droppedOut
      ? t('youthvoice.questionnaire.droppedOutBecause', { reason: label(value.mainReason) })
      : t('visitation.dropoutNo');
  }
  if (answer.type === 'grade_average' && value === 'unknown') return answer.unknownLabel[lang];
  if (typeof value === 'number') return formatNumber(value, lang);
  return label(value);
}

/** The form's fields as the saved answers fill them in: "no obstacle" is ticked for an empty list. */
function formOf(answers: PartialAnswers): Form {
  const { form } = formFromYouthAnswers(answers);
  if (answers.completion_obstacles?.length === 0) form['q-completion_obstacles'] = NO_OBSTACLE;
  return form;
}

export function registerMyQuestionnairePage(app: WebApp, { deps, myJourneyPage, checkCsrf }: WebContext): void {
  async function show(
    request: FastifyRequest,
    reply: FastifyReply,
    typed: { form: Form; errors: Record<string, string> } | null,
    extra: { notice?: string; problem?: string } = {},
  ) {
    const { lang } = request;
    const t = translator(lang);
    const own = await questionnaireOf(deps, request);
    const answers = own.response?.answers ?? {};
    return myJourneyPage(
      request,
      reply,
      'my-journey-questionnaire',
      t('youthvoice.questionnaire.title'),
      {
        open: own.open,
        answered: own.response !== null,
        savedOn: own.response ? when(own.response.submittedAt, lang) : null,
        questions: youthQuestions(t, lang),
        form: typed?.form ?? formOf(answers),
        errors: typed?.errors ?? {},
        saved: questionnaire.map((q) => ({
          number: q.number,
          text: t(`youthvoice.questionnaire.questions.${q.code}`),
          answer: answerText(q, answers[q.code], t, lang),
        })),
        action: MY_QUESTIONNAIRE_PATH,
      },
      extra,
    );
  }

  app.get(
    MY_QUESTIONNAIRE_PATH,
    {
      config: youthPageConfig(),
      schema: { hide: true, querystring: z.object({ gemt: z.string().max(4).optional() }) },
    },
    async (request, reply) => {
      const t = translator(request.lang);
      return show(
        request,
        reply,
        null,
        request.query.gemt === '1' ? { notice: t('youthvoice.questionnaire.saved') } : {},
      );
    },
  );

  app.post(
    MY_QUESTIONNAIRE_PATH,
    { config: youthPageConfig(), preHandler: checkCsrf, schema: { hide: true, body: formBody } },
    async (request, reply) => {
      const { lang } = request;
      const t = translator(lang);
      const form = request.body;
      const read = readQuestionnaireFields(form, { allOptional: true });
      const errors: Record<string, string> = {};
      for (const [field, message] of Object.entries(read.errors)) errors[field] = message[lang];
      const given = Object.fromEntries(Object.entries(read.answers).filter(([, value]) => value !== undefined));
      const parsed = parseWithMessages(youthQuestionnaireAnswers, given);
      if (!parsed.success) {
        for (const issue of parsed.issues) errors[`q-${issue.field.split('.')[0] ?? ''}`] ??= issue.messages[lang];
      }
      if (!parsed.success || Object.keys(errors).length > 0) {
        return show(request, reply.code(400), { form, errors }, { problem: t('youthvoice.questionnaire.fix') });
      }
      try {
        await answerQuestionnaire(deps, youthOf(request), parsed.data);
        return await reply.redirect(`${MY_QUESTIONNAIRE_PATH}?gemt=1`, 303);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        if (error.code === 'validation_failed') {
          return show(request, reply.code(400), { form, errors }, { problem: t('youthvoice.questionnaire.needOne') });
        }
        // The visitation was decided, or the journey closed, while the form was open on the phone.
        if (error.code === 'event_not_accepted' || error.code === 'not_found') {
          return show(request, reply.code(409), null, { problem: t('youthvoice.questionnaire.closedNow') });
        }
        throw error;
      }
    },
  );
}
