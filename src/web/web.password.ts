import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../auth/auth.plugin.ts';
import { changePasswordBody } from '../auth/auth.schemas.ts';
import { changeOwnPassword } from '../auth/auth.service.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../auth/password.ts';
import { DomainError } from '../shared/errors.ts';
import { parseWithMessages } from '../shared/validation.ts';
import { translator } from '../shared/texts.ts';
import {
  CHOOSE_PASSWORD_PATH,
  everyone,
  fieldErrorsOf,
  formBody,
  issueErrorsOf,
  landingOf,
  pageFor,
  text,
  type WebApp,
  type WebContext,
} from './web.shared.ts';

/**
 * "Vælg din adgangskode": where a user who logged in with a one-time password (the first
 * administrator's, or one an administrator gave) is sent before anything else, and where any
 * user changes their password. The change goes through the same service as the API's
 * POST /api/auth/password; this page adds only the second typing of the new password, which a
 * form without JavaScript cannot show in clear.
 */
export function registerPasswordPage(app: WebApp, { deps, page, checkCsrf }: WebContext) {
  const passwordPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    kept: { errors?: Record<string, string>; problem?: string; status?: number } = {},
  ) => {
    const actor = actorOf(request);
    const t = translator(request.lang);
    return page(
      request,
      reply.code(kept.status ?? 200),
      'password',
      actor.passwordMustChange ? t('account.choosePasswordTitle') : t('account.changePasswordTitle'),
      {
        oneTime: actor.passwordMustChange,
        // The rule as the schema enforces it, so page and API cannot disagree.
        lengthRule: t('account.passwordRuleLength', { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH }),
        errors: kept.errors ?? {},
      },
      { problem: kept.problem },
    );
  };

  app.get(
    CHOOSE_PASSWORD_PATH,
    {
      config: pageFor(everyone, { allowsOneTimePassword: true }),
      schema: { hide: true, querystring: z.object({ lang: z.string().optional() }) },
    },
    (request, reply) => passwordPage(request, reply),
  );

  app.post(
    CHOOSE_PASSWORD_PATH,
    {
      config: {
        ...pageFor(everyone, { allowsOneTimePassword: true }),
        rateLimit: { max: deps.config.loginRateLimitPerMinute, timeWindow: '1 minute' },
      },
      preHandler: checkCsrf,
      schema: { hide: true, body: formBody },
    },
    async (request, reply) => {
      const lang = request.lang;
      const t = translator(lang);
      const form = request.body;
      const typed = { currentPassword: text(form, 'currentPassword'), newPassword: text(form, 'newPassword') };
      const repeated = text(form, 'repeatPassword');
      // Passwords are never sent back in the page: after a refusal they are typed again.
      const refuse = (errors: Record<string, string>) =>
        passwordPage(request, reply, {
          errors,
          problem: `${t('common.formErrors')} ${t('account.passwordsNotKept')}`,
          status: 400,
        });

      const parsed = parseWithMessages(changePasswordBody, typed);
      const errors = parsed.success ? {} : issueErrorsOf(parsed.issues, lang);
      if (!errors.newPassword && repeated !== typed.newPassword) errors.repeatPassword = t('account.passwordsDiffer');
      if (!parsed.success || Object.keys(errors).length > 0) return refuse(errors);

      const actor = actorOf(request);
      try {
        await changeOwnPassword(deps.db, actor, parsed.data, deps.clock());
      } catch (error) {
        if (error instanceof DomainError && error.code === 'validation_failed') {
          return refuse(fieldErrorsOf(error.fieldErrors, lang));
        }
        throw error;
      }
      return reply.redirect(landingOf({ role: actor.role, passwordMustChange: false }), 303);
    },
  );
}
