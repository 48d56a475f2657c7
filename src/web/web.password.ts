import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../auth/auth.plugin.ts';
import { changePasswordBody, createTokenBody } from '../auth/auth.schemas.ts';
import {
  changeOwnPassword,
  createApiToken,
  listOwnApiTokens,
  revokeOwnApiToken,
  TOKEN_DEFAULT_DAYS,
  TOKEN_MAX_DAYS,
} from '../auth/auth.service.ts';
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
  noticeFrom,
  pageFor,
  text,
  type WebApp,
  type WebContext,
  whenWithTime,
} from './web.shared.ts';

/** The lifetimes offered for a new token, in days; the API takes any from 1 to TOKEN_MAX_DAYS. */
const TOKEN_LIFETIMES = [30, TOKEN_DEFAULT_DAYS, 180, TOKEN_MAX_DAYS] as const;

const tokenNotices = { tilbagekaldt: 'account.tokenRevoked' } as const;

/**
 * "Vælg din adgangskode": where a user who logged in with a one-time password (the first
 * administrator's, or one an administrator gave) is sent before anything else, and where any
 * user changes their password. The change goes through the same service as the API's
 * POST /api/auth/password; this page adds only the second typing of the new password, which a
 * form without JavaScript cannot show in clear.
 */
export function registerPasswordPage(app: WebApp, { deps, page, checkCsrf }: WebContext) {
  const passwordPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    kept: {
      errors?: Record<string, string>;
      problem?: string;
      status?: number;
      tokenForm?: { values: Record<string, string>; errors: Record<string, string> };
      createdToken?: { name: string; token: string };
      notice?: string | undefined;
    } = {},
  ) => {
    const actor = actorOf(request);
    const t = translator(request.lang);
    const lang = request.lang;
    const now = deps.clock();
    // A user who must still choose their password sees no tokens: they can do nothing else yet.
    const tokens = actor.passwordMustChange ? [] : await listOwnApiTokens(deps.db, actor);
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
        tokens: tokens.map((token) => ({
          id: token.id,
          name: token.name,
          prefix: token.prefix,
          createdAt: whenWithTime(token.createdAt, lang),
          expiresAt: whenWithTime(token.expiresAt, lang),
          lastUsedAt: token.lastUsedAt ? whenWithTime(token.lastUsedAt, lang) : null,
          status: token.revokedAt ? 'revoked' : token.expiresAt <= now ? 'expired' : 'live',
        })),
        lifetimes: TOKEN_LIFETIMES,
        tokenForm: kept.tokenForm ?? { values: { expiresInDays: String(TOKEN_DEFAULT_DAYS) }, errors: {} },
        createdToken: kept.createdToken ?? null,
      },
      { problem: kept.problem, notice: kept.notice },
    );
  };

  app.get(
    CHOOSE_PASSWORD_PATH,
    {
      config: pageFor(everyone, { allowsOneTimePassword: true }),
      schema: { hide: true, querystring: z.object({ lang: z.string().optional(), done: z.string().optional() }) },
    },
    (request, reply) =>
      passwordPage(request, reply, {
        notice: noticeFrom(tokenNotices, request.query.done, translator(request.lang)),
      }),
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

  app.post(
    `${CHOOSE_PASSWORD_PATH}/noegler`,
    { config: pageFor(everyone), preHandler: checkCsrf, schema: { hide: true, body: formBody } },
    async (request, reply) => {
      const t = translator(request.lang);
      const values = { name: text(request.body, 'name'), expiresInDays: text(request.body, 'expiresInDays') };
      const days = Number(values.expiresInDays);
      const parsed = parseWithMessages(createTokenBody, {
        name: values.name,
        expiresInDays: Number.isInteger(days) ? days : values.expiresInDays,
      });
      if (!parsed.success) {
        return passwordPage(request, reply, {
          tokenForm: { values, errors: issueErrorsOf(parsed.issues, request.lang) },
          problem: t('common.formErrors'),
          status: 400,
        });
      }
      const created = await createApiToken(deps.db, actorOf(request), parsed.data, deps.clock());
      // The token is shown once, in this answer, and never again.
      return passwordPage(request, reply, {
        createdToken: { name: created.name, token: created.token },
        notice: t('account.tokenCreated'),
      });
    },
  );

  app.post(
    `${CHOOSE_PASSWORD_PATH}/noegler/:id/tilbagekald`,
    {
      config: pageFor(everyone),
      preHandler: checkCsrf,
      schema: { hide: true, params: z.object({ id: z.uuid() }), body: formBody },
    },
    async (request, reply) => {
      await revokeOwnApiToken(deps.db, actorOf(request), request.params.id, deps.clock());
      return reply.redirect(`${CHOOSE_PASSWORD_PATH}?done=tilbagekaldt`, 303);
    },
  );
}
