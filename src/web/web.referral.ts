import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../auth/auth.plugin.ts';
import { earlierBenefitKinds, openJourneyBody, referralSources } from '../journeys/journey.schemas.ts';
import { conversationModes } from '../../machines/events.ts';
import { openJourney, recordEvent, referralAge } from '../journeys/journey.service.ts';
import { danishDate } from '../shared/clock.ts';
import { isCalendarDay } from '../shared/days.ts';
import { DomainError, errorMessage } from '../shared/errors.ts';
import { parseWithMessages } from '../shared/validation.ts';
import { parseCpr } from '../youth/cpr.ts';
import { createYouthBody } from '../youth/youth.schemas.ts';
import { createYouth } from '../youth/youth.service.ts';
import { translator } from '../shared/texts.ts';
import { fieldErrorsOf, type Form, formBody, pageFor, text, type WebApp, type WebContext } from './web.shared.ts';

const youthFields = ['name', 'cpr', 'phone', 'email', 'address'] as const;
const referralFields = [
  'source',
  'firstContactAt',
  'reason',
  'earlierBenefit',
  'earlierBenefitMonths',
  'firstConversation',
  'confirmAge',
] as const;

/**
 * Whether the first conversation is being held now, and how: the caseworker who registers a youth
 * in the first conversation records it with the referral and goes straight on to the visitation.
 */
const firstConversationChoices = ['later', ...conversationModes] as const;
const isFirstConversationChoice = (value: string): value is (typeof firstConversationChoices)[number] =>
  (firstConversationChoices as readonly string[]).includes(value);
type Values = Record<(typeof youthFields)[number] | (typeof referralFields)[number], string>;

/** Who registers referrals: the caseworker, who becomes responsible for the journey. */
const roles = ['caseworker'] as const;

/**
 * "Ny ung": registers a youth and opens the referral in one form. The youth service creates the
 * youth and the journey service opens the journey; both parts are validated before either is
 * written, so a mistake in the referral never leaves a youth registered without one.
 */
export function registerReferralPages(app: WebApp, { deps, page, checkCsrf }: WebContext) {
  function referralPage(
    request: FastifyRequest,
    reply: FastifyReply,
    kept: { values?: Values; errors?: Record<string, string>; duplicateOf?: string; problem?: string } = {},
  ) {
    const t = translator(request.lang);
    const today = danishDate(deps.clock());
    return page(
      request,
      reply,
      'referral',
      t('referral.newYouthTitle'),
      {
        values: kept.values ?? { source: 'jobcenter', firstContactAt: today, firstConversation: 'later' },
        errors: kept.errors ?? {},
        duplicateOf: kept.duplicateOf ?? null,
        sources: referralSources.map((code) => ({ code, label: t(`referral.referralSources.${code}`) })),
        earlierBenefitChoices: earlierBenefitKinds.map((code) => ({
          code,
          label: t(`referral.earlierBenefit.${code}`),
        })),
        firstConversationChoices: firstConversationChoices.map((code) => ({
          code,
          label: t(`referral.firstConversation.${code}`),
        })),
        today,
      },
      { problem: kept.problem },
    );
  }

  app.get(
    '/unge/ny',
    { config: pageFor(roles), schema: { hide: true, querystring: z.object({ lang: z.string().optional() }) } },
    (request, reply) => referralPage(request, reply),
  );

  app.post(
    '/unge/ny',
    { config: pageFor(roles), preHandler: checkCsrf, schema: { hide: true, body: formBody } },
    async (request, reply) => {
      const actor = actorOf(request);
      const lang = request.lang;
      const t = translator(lang);
      const form: Form = request.body;
      const values = Object.fromEntries(
        [...youthFields, ...referralFields].map((key) => [key, text(form, key)]),
      ) as Values;
      const rerender = (errors: Record<string, string>, status: number, duplicateOf?: string) =>
        referralPage(request, reply.code(status), { values, errors, duplicateOf, problem: t('common.formErrors') });

      const youthInput = parseWithMessages(createYouthBody, {
        name: values.name,
        cpr: values.cpr,
        phone: values.phone,
        email: values.email,
        address: values.address,
      });
      const referralInput = parseWithMessages(openJourneyBody, {
        source: values.source,
        firstContactAt: values.firstContactAt,
        reason: values.reason,
        earlierBenefit: values.earlierBenefit || undefined,
        earlierBenefitMonths:
          values.earlierBenefit === 'earlier_periods' && values.earlierBenefitMonths
            ? Number(values.earlierBenefitMonths.replace(',', '.'))
            : undefined,
      });
      const errors = fieldErrorsOf(
        [...(youthInput.success ? [] : youthInput.issues), ...(referralInput.success ? [] : referralInput.issues)].map(
          (i) => ({ field: i.field, message: i.messages }),
        ),
        lang,
      );
      // The form asks the benefit history of every new referral; the API leaves it to the client.
      if (!values.earlierBenefit) errors.earlierBenefit ??= t('validation.forms.chooseOption');
      if (!isFirstConversationChoice(values.firstConversation)) {
        errors.firstConversation ??= t('validation.forms.chooseOption');
      }
      // The journey service refuses a first contact in the future; asked here, before the youth is created.
      if (referralInput.success && values.firstContactAt > danishDate(deps.clock())) {
        errors.firstContactAt ??= t('referral.firstContactInFuture');
      }
      if (!youthInput.success || !referralInput.success || Object.keys(errors).length > 0) {
        return rerender(errors, 400);
      }
      // The age on the day of first contact: impossible for any target group is refused at the CPR
      // number; outside this municipality's target group is asked about once (docs/domain.md, "The rules").
      const birth = parseCpr(youthInput.data.cpr, deps.clock());
      if (birth.ok) {
        const typed = referralInput.data.firstContactAt;
        const day = isCalendarDay(typed) ? typed : danishDate(new Date(typed));
        const verdict = await referralAge(deps.db, deps.ruleSets, actor, birth.cpr.birthDate, day);
        if (verdict.kind === 'impossible') {
          return rerender({ cpr: t('journeys.refusals.ageImpossible', verdict) }, 400);
        }
        if (verdict.kind === 'outside' && values.confirmAge !== 'yes') {
          return referralPage(request, reply.code(400), {
            values,
            errors: { confirmAge: t('referral.ageOutsideTargetGroup', verdict) },
            problem: t('referral.ageCheckProblem'),
          });
        }
      }

      let youthId: string;
      try {
        youthId = (await createYouth(deps, actor, youthInput.data)).id;
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        if (error.code === 'duplicate_cpr') {
          const existing = error.extra.existingYouthId;
          return rerender(
            { cpr: errorMessage('duplicate_cpr', lang) },
            409,
            typeof existing === 'string' ? existing : undefined,
          );
        }
        if (error.code === 'validation_failed') return rerender(fieldErrorsOf(error.fieldErrors, lang), 400);
        throw error;
      }
      let journey: { id: string; version: number };
      try {
        journey = await openJourney(deps, actor, youthId, referralInput.data);
      } catch (error) {
        // Checked above; should the service still refuse, the youth exists: show the youth's page.
        if (!(error instanceof DomainError) || error.code !== 'validation_failed') throw error;
        request.log.warn({ youthId, fields: error.fieldErrors.map((f) => f.field) }, 'referral not opened');
        return reply.redirect(`/unge/${youthId}`, 303);
      }
      const held = conversationModes.find((mode) => mode === values.firstConversation);
      if (held) {
        // Held now: recorded on the new journey, and the youth's page opens at the visitation.
        await recordEvent(deps, actor, journey.id, {
          type: 'FIRST_CONVERSATION_HELD',
          mode: held,
          expectedVersion: journey.version,
        });
        return reply.redirect(`/unge/${youthId}?registreret=1#h-visitation`, 303);
      }
      return reply.redirect(`/unge/${youthId}?registreret=1`, 303);
    },
  );
}
