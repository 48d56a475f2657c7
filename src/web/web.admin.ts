import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { findDeliveries } from '../alerts/webhook.service.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import { roleSchema } from '../auth/auth.schemas.ts';
import { readSettings } from '../municipalities/settings.service.ts';
import { riskParameterNames } from '../risk/risk.overrides.ts';
import { selectRuleSet } from '../rules/rule-set.loader.ts';
import { DomainError } from '../shared/errors.ts';
import { parseWithMessages } from '../shared/validation.ts';
import type { User } from '../users/users.repository.ts';
import { createUserBody, updateUserBody } from '../users/users.schemas.ts';
import { changeUser, createUser, listMunicipalityUsers, readUser } from '../users/users.service.ts';
import { registerAdminWebhookPages } from './web.admin-webhooks.ts';
import { admins, type Kept, noticeQuery, percentOf, registerAdminSettingsPages } from './web.admin-settings.ts';
import { t, translator } from '../shared/texts.ts';
import {
  fieldErrorsOf,
  formBody,
  formVersion,
  issueErrorsOf,
  pageFor,
  text,
  type WebApp,
  type WebContext,
  whenWithTime,
} from './web.shared.ts';

const userParams = z.object({ userId: z.uuid() });

const userFields = ['name', 'email', 'phone', 'role'] as const;
type NewUserValues = Record<(typeof userFields)[number], string>;
/** The edit form as typed: status is "active" or "inactive", unlock "1" when ticked. Never the password. */
type EditValues = { name: string; phone: string; role: string; status: string; unlock: string };

/** A user is locked out while the lockout after failed log-ins lasts. */
const lockedNow = (user: User, now: Date) => user.lockedUntil !== null && user.lockedUntil > now;

/**
 * The administrator's screens: a landing page with the state of users, settings and alert
 * thresholds, and user administration (list, create, change). Settings and thresholds are in
 * web.admin-settings.ts, failed webhook deliveries in web.admin-webhooks.ts. Every change goes
 * through the users and settings services, which check versions, refuse an administrator locking
 * themself out, and write the audit log.
 */
export function registerAdminPages(app: WebApp, context: WebContext) {
  const { deps, page, checkCsrf } = context;

  app.get(
    '/admin',
    { config: pageFor(admins), schema: { hide: true, querystring: z.object({ lang: z.string().optional() }) } },
    async (request, reply) => {
      const actor = actorOf(request);
      const t = translator(request.lang);
      const now = deps.clock();
      const users = await listMunicipalityUsers(deps.db, actor);
      const settings = await readSettings(deps.db, actor);
      const eligibility = selectRuleSet(deps.ruleSets, 'eligibility', now).parameters;
      return page(request, reply, 'admin', t('admin.adminTitle'), {
        users: {
          total: users.length,
          active: users.filter((u) => u.active).length,
          locked: users.filter((u) => lockedNow(u, now)).length,
        },
        settings: {
          minAge: settings.eligibility.minAge ?? Number(eligibility.minAge),
          maxAge: settings.eligibility.maxAge ?? Number(eligibility.maxAge),
          randomisation: settings.randomisation.enabled,
          controlShare: percentOf(settings.randomisation.controlShare),
          webhookUrl: settings.webhook.url,
        },
        failedDeliveries: (await findDeliveries(deps.db, actor, 'failed', { page: 1, pageSize: 1 })).total,
        overridden: riskParameterNames.filter((name) => settings.risk[name] !== undefined).length,
        parameters: riskParameterNames.length,
      });
    },
  );

  // -------------------------------------------------------------------------------------------
  // Users: the list with the form that creates one
  // -------------------------------------------------------------------------------------------

  async function usersPage(
    request: FastifyRequest,
    reply: FastifyReply,
    kept: Kept<NewUserValues> & { passwordTyped?: boolean } = {},
  ) {
    const lang = request.lang;
    const t = translator(lang);
    const now = deps.clock();
    const users = await listMunicipalityUsers(deps.db, actorOf(request));
    return page(
      request,
      reply.code(kept.status ?? 200),
      'users',
      t('admin.usersTitle'),
      {
        users: users.map((u) => ({
          id: u.id,
          name: u.name,
          email: u.email,
          phone: u.phone,
          role: u.role,
          active: u.active,
          // A password the administrator gave is one-time until the user has chosen their own.
          passwordMustChange: u.passwordMustChange,
          lockedUntil: u.lockedUntil && lockedNow(u, now) ? whenWithTime(u.lockedUntil, lang) : null,
        })),
        roles: roleSchema.options,
        values: kept.values ?? { name: '', email: '', phone: '', role: 'caseworker' },
        errors: kept.errors ?? {},
        passwordTyped: kept.passwordTyped ?? false,
      },
      { problem: kept.problem, notice: kept.notice },
    );
  }

  app.get(
    '/admin/brugere',
    { config: pageFor(admins), schema: { hide: true, querystring: noticeQuery } },
    (request, reply) =>
      usersPage(request, reply, {
        notice: request.query.registreret ? t(request.lang, 'admin.userCreated') : undefined,
      }),
  );

  app.post(
    '/admin/brugere',
    { config: pageFor(admins), preHandler: checkCsrf, schema: { hide: true, body: formBody } },
    async (request, reply) => {
      const lang = request.lang;
      const t = translator(lang);
      const values = Object.fromEntries(userFields.map((key) => [key, text(request.body, key)])) as NewUserValues;
      const password = text(request.body, 'password');
      // The password is never sent back in the page: it is typed again after a refusal.
      const keep = (errors: Record<string, string>, status: number) =>
        usersPage(request, reply, {
          values,
          errors,
          passwordTyped: password !== '',
          problem: t('common.formErrors'),
          status,
        });
      const parsed = parseWithMessages(createUserBody, { ...values, email: values.email.trim(), password });
      if (!parsed.success) {
        return keep(issueErrorsOf(parsed.issues, lang), 400);
      }
      try {
        await createUser(deps.db, actorOf(request), parsed.data);
      } catch (error) {
        // A taken e-mail is answered at the e-mail field.
        if (error instanceof DomainError && (error.code === 'conflict' || error.code === 'validation_failed')) {
          return keep(fieldErrorsOf(error.fieldErrors, lang), error.status);
        }
        throw error;
      }
      return reply.redirect('/admin/brugere?registreret=1', 303);
    },
  );

  // -------------------------------------------------------------------------------------------
  // One user: name, role, status, a new password, lifting a lockout
  // -------------------------------------------------------------------------------------------

  async function userPage(
    request: FastifyRequest,
    reply: FastifyReply,
    userId: string,
    kept: Kept<EditValues> & {
      passwordTyped?: boolean;
      /** Someone else changed the user: show how it is saved now beside what was typed. */
      conflict?: boolean;
    } = {},
  ) {
    const actor = actorOf(request);
    const lang = request.lang;
    const now = deps.clock();
    const user = await readUser(deps.db, actor, userId);
    const saved: EditValues = {
      name: user.name,
      phone: user.phone ?? '',
      role: user.role,
      status: user.active ? 'active' : 'inactive',
      unlock: '',
    };
    return page(
      request,
      reply.code(kept.status ?? 200),
      'user',
      user.name,
      {
        // Not "user": the layout's `user` is the one logged in.
        account: {
          id: user.id,
          email: user.email,
          // The form is made against the version saved now: after a conflict, saving again applies.
          version: user.version,
          lockedUntil: user.lockedUntil && lockedNow(user, now) ? whenWithTime(user.lockedUntil, lang) : null,
        },
        self: user.id === actor.userId,
        roles: roleSchema.options,
        values: kept.values ?? saved,
        savedNow: kept.conflict ? saved : null,
        errors: kept.errors ?? {},
        passwordTyped: kept.passwordTyped ?? false,
      },
      { problem: kept.problem, notice: kept.notice },
    );
  }

  app.get(
    '/admin/brugere/:userId',
    { config: pageFor(admins), schema: { hide: true, params: userParams, querystring: noticeQuery } },
    (request, reply) =>
      userPage(request, reply, request.params.userId, {
        notice: request.query.registreret ? t(request.lang, 'admin.userSaved') : undefined,
      }),
  );

  app.post(
    '/admin/brugere/:userId',
    {
      config: pageFor(admins),
      preHandler: checkCsrf,
      schema: { hide: true, params: userParams, body: formBody },
    },
    async (request, reply) => {
      const { userId } = request.params;
      const actor = actorOf(request);
      const lang = request.lang;
      const t = translator(lang);
      const form = request.body;
      const values: EditValues = {
        name: text(form, 'name'),
        phone: text(form, 'phone'),
        role: text(form, 'role'),
        status: text(form, 'status'),
        unlock: text(form, 'unlock'),
      };
      const password = text(form, 'password');
      const keep = (extra: { errors?: Record<string, string>; conflict?: boolean; problem: string; status: number }) =>
        userPage(request, reply, userId, { values, passwordTyped: password !== '', ...extra });
      const parsed = parseWithMessages(updateUserBody, {
        version: formVersion(form),
        name: values.name,
        phone: values.phone,
        role: values.role,
        active: values.status === 'active' ? true : values.status === 'inactive' ? false : values.status,
        ...(password ? { password } : {}),
        ...(values.unlock ? { unlock: true } : {}),
      });
      if (!parsed.success) {
        const errors = issueErrorsOf(parsed.issues, lang);
        // A form without its version did not come from this page.
        if (errors.version) throw new DomainError('validation_failed');
        return keep({
          errors: { ...errors, ...(errors.active ? { status: errors.active } : {}) },
          problem: t('common.formErrors'),
          status: 400,
        });
      }
      // Only what differs from the saved user is sent: a role given unchanged must not end the
      // user's sessions, and the audit log names the fields really changed.
      const input = parsed.data;
      const current = await readUser(deps.db, actor, userId);
      const change = {
        version: input.version,
        ...(input.name !== current.name && { name: input.name }),
        ...(input.phone !== undefined && input.phone !== current.phone && { phone: input.phone }),
        ...(input.role !== current.role && { role: input.role }),
        ...(input.active !== current.active && { active: input.active }),
        ...(input.password && { password: input.password }),
        ...(input.unlock && current.lockedUntil !== null && { unlock: input.unlock }),
      };
      if (Object.keys(change).length === 1) {
        return userPage(request, reply, userId, { values, notice: t('admin.nothingChanged') });
      }
      try {
        await changeUser(deps.db, actor, userId, change, deps.clock());
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        if (error.code === 'version_conflict') {
          return keep({
            conflict: true,
            problem: `${t('admin.userChangedMeanwhile')} ${t('admin.keptTyped')}`,
            status: 409,
          });
        }
        // Refused for a field, e.g. an administrator deactivating themself: said at that field.
        if (error.code === 'conflict' || error.code === 'validation_failed') {
          const errors = fieldErrorsOf(error.fieldErrors, lang);
          if (errors.active) errors.status = errors.active;
          return keep({ errors, problem: t('admin.changeNotSaved'), status: error.status });
        }
        throw error;
      }
      return reply.redirect(`/admin/brugere/${userId}?registreret=1`, 303);
    },
  );

  registerAdminSettingsPages(app, context);
  registerAdminWebhookPages(app, context);
}
