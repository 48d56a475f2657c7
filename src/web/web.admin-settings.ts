import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../auth/auth.plugin.ts';
import {
  municipalitySettingsSchema,
  type SettingsChange,
  settingsChangeBody,
} from '../municipalities/settings.schemas.ts';
import { changeSettings, readVersionedSettings } from '../municipalities/settings.service.ts';
import { type RiskOverrides, riskOverridesSchema, riskParameterNames } from '../risk/risk.overrides.ts';
import { riskRuleThresholds } from '../risk/risk.thresholds.ts';
import { eligibilityOverridesSchema } from '../rules/eligibility.ts';
import { selectRuleSet } from '../rules/rule-set.loader.ts';
import { DomainError } from '../shared/errors.ts';
import type { Lang, Text } from '../shared/i18n.ts';
import { parseWithMessages } from '../shared/validation.ts';
import { t, translator, type Translate } from '../shared/texts.ts';
import { formatNumber, formBody, formVersion, pageFor, text, type WebApp, type WebContext } from './web.shared.ts';

/** Who administers the municipality's users and settings. */
export const admins = ['admin'] as const;

export const noticeQuery = z.object({ registreret: z.string().optional(), lang: z.string().optional() });

/** Leaders receive the alerts these thresholds raise: they may read them, administrators change them. */
const thresholdReaders = ['leader', 'admin'] as const;

type Bounds = {
  min: number;
  max: number;
};
/** The range a number schema allows, read from the schema so page and API agree. */
const boundsOf = (schema: { minValue: number | null; maxValue: number | null }): Bounds => ({
  min: schema.minValue ?? 0,
  max: schema.maxValue ?? Number.MAX_SAFE_INTEGER,
});

const ageBounds = {
  minAge: boundsOf(eligibilityOverridesSchema.shape.minAge.unwrap()),
  maxAge: boundsOf(eligibilityOverridesSchema.shape.maxAge.unwrap()),
};
const shareBounds = boundsOf(municipalitySettingsSchema.shape.randomisation.unwrap().shape.controlShare.unwrap());
const percentBounds = { min: shareBounds.min * 100, max: shareBounds.max * 100 };
const retentionShape = municipalitySettingsSchema.shape.retention.unwrap().shape;
const retentionKeys = ['personalDataYears', 'auditYears'] as const;
const yearBounds = {
  personalDataYears: boundsOf(retentionShape.personalDataYears.unwrap()),
  auditYears: boundsOf(retentionShape.auditYears.unwrap()),
};
const webhookShape = settingsChangeBody.shape.webhook.unwrap().shape;
const secretSchema = webhookShape.secret.unwrap();
const secretBounds = { min: secretSchema.minLength ?? 0, max: secretSchema.maxLength ?? Number.MAX_SAFE_INTEGER };
const riskBounds = Object.fromEntries(
  riskParameterNames.map((name) => [name, boundsOf(riskOverridesSchema.shape[name].unwrap())]),
) as Record<(typeof riskParameterNames)[number], Bounds>;

/**
 * A whole number typed in a field: undefined for an empty field (the rule file's value), else the
 * number, or the message to show at the field. Written here rather than with zod's messages, which
 * read "For stor: forventede tal havde <= 90" where a user should read the range.
 */
function wholeNumber(raw: string, bounds: Bounds, t: Translate): { value: number | undefined } | { error: string } {
  const typed = raw.trim();
  if (typed === '') return { value: undefined };
  if (!/^-?\d+$/.test(typed)) return { error: t('admin.wholeNumber') };
  const value = Number(typed);
  if (value < bounds.min || value > bounds.max) return { error: t('admin.numberRange', bounds) };
  return { value };
}

/** A share as a percentage with at most one decimal (either separator): the fraction, or the message. */
function percentage(raw: string, t: Translate): { value: number } | { error: string } {
  const typed = raw.trim().replace(',', '.');
  const percent = /^\d{1,3}(\.\d)?$/.test(typed) ? Number(typed) : Number.NaN;
  if (!(percent >= percentBounds.min && percent <= percentBounds.max)) {
    return { error: t('admin.percentFormat', percentBounds) };
  }
  return { value: Math.round(percent * 10) / 1000 };
}

/** What a page shows again after a POST: what was typed, the problems, or a one-off notice. */
export interface Kept<Values = Record<string, string>> {
  values?: Values;
  errors?: Record<string, string>;
  problem?: string;
  notice?: string | undefined;
  status?: number;
}

/** A share (0.333) as the percentage shown (33.3). */
export const percentOf = (share: number) => Math.round(share * 1000) / 10;

/** The overrides that are set, in the parameters' own order, for comparing two sets. */
const setOverrides = (risk: RiskOverrides) =>
  JSON.stringify(riskParameterNames.flatMap((name) => (risk[name] === undefined ? [] : [[name, risk[name]]])));

/** Where the settings service's fields are shown on the settings page. */
const settingsFields: Record<string, string> = {
  'eligibility.minAge': 'minAge',
  'eligibility.maxAge': 'maxAge',
  'randomisation.enabled': 'randomisation',
  'randomisation.controlShare': 'controlShare',
  'retention.personalDataYears': 'personalDataYears',
  'retention.auditYears': 'auditYears',
  'webhook.url': 'webhookUrl',
  'webhook.secret': 'webhookSecret',
};

/** Issues as one message per page field, the field found by `fields` from the issue's path. */
function errorsAt(
  issues: ReadonlyArray<{ field: string; message: Text }>,
  fields: (field: string) => string,
  lang: Lang,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) errors[fields(issue.field)] ??= issue.message[lang];
  return errors;
}

/**
 * Municipality settings (target group age, randomisation, the access export, webhook) and the alert thresholds, on
 * the settings service: a change names the settings version it was made against, so what someone
 * else saved meanwhile is never overwritten unseen.
 */
export function registerAdminSettingsPages(app: WebApp, { deps, page, checkCsrf }: WebContext) {
  // -------------------------------------------------------------------------------------------
  // Indstillinger
  // -------------------------------------------------------------------------------------------

  async function settingsPage(
    request: FastifyRequest,
    reply: FastifyReply,
    kept: Kept & { secretTyped?: boolean } = {},
  ) {
    const lang = request.lang;
    const t = translator(lang);
    const { settings, version } = await readVersionedSettings(deps.db, actorOf(request));
    const eligibility = selectRuleSet(deps.ruleSets, 'eligibility', deps.clock()).parameters;
    return page(
      request,
      reply.code(kept.status ?? 200),
      'settings',
      t('admin.settingsTitle'),
      {
        version,
        values: kept.values ?? {
          minAge: settings.eligibility.minAge?.toString() ?? '',
          maxAge: settings.eligibility.maxAge?.toString() ?? '',
          randomisation: settings.randomisation.enabled ? '1' : '',
          controlShare: formatNumber(percentOf(settings.randomisation.controlShare), lang),
          colleagueNames: settings.accessExport.colleagueNames ? '1' : '',
          webhookUrl: settings.webhook.url ?? '',
          personalDataYears: String(settings.retention.personalDataYears),
          auditYears: String(settings.retention.auditYears),
        },
        errors: kept.errors ?? {},
        secretSet: settings.webhook.secret !== null,
        secretTyped: kept.secretTyped ?? false,
        ages: {
          minAge: { ...ageBounds.minAge, default: Number(eligibility.minAge) },
          maxAge: { ...ageBounds.maxAge, default: Number(eligibility.maxAge) },
        },
        percentBounds,
        secretBounds,
        years: Object.fromEntries(
          retentionKeys.map((key) => [key, { ...yearBounds[key], default: retentionShape[key].def.defaultValue }]),
        ),
      },
      { problem: kept.problem, notice: kept.notice },
    );
  }

  app.get(
    '/admin/indstillinger',
    { config: pageFor(admins), schema: { hide: true, querystring: noticeQuery } },
    (request, reply) =>
      settingsPage(request, reply, {
        notice: request.query.registreret ? t(request.lang, 'admin.settingsSaved') : undefined,
      }),
  );

  app.post(
    '/admin/indstillinger',
    { config: pageFor(admins), preHandler: checkCsrf, schema: { hide: true, body: formBody } },
    async (request, reply) => {
      const actor = actorOf(request);
      const lang = request.lang;
      const t = translator(lang);
      const form = request.body;
      const values = Object.fromEntries(
        ['minAge', 'maxAge', 'randomisation', 'controlShare', 'colleagueNames', 'webhookUrl', ...retentionKeys].map(
          (key) => [key, text(form, key).trim()],
        ),
      );
      const secret = text(form, 'webhookSecret');
      // The secret is never sent back in the page: it is typed again after a refusal.
      const keep = (errors: Record<string, string>, problem: string, status: number) =>
        settingsPage(request, reply, { values, errors, secretTyped: secret !== '', problem, status });

      const errors: Record<string, string> = {};
      const minAge = wholeNumber(values.minAge ?? '', ageBounds.minAge, t);
      const maxAge = wholeNumber(values.maxAge ?? '', ageBounds.maxAge, t);
      if ('error' in minAge) errors.minAge = minAge.error;
      if ('error' in maxAge) errors.maxAge = maxAge.error;
      if ('value' in minAge && 'value' in maxAge) {
        // Compared as they will apply: an empty field is the rule file's value.
        const file = selectRuleSet(deps.ruleSets, 'eligibility', deps.clock()).parameters;
        const max = maxAge.value ?? Number(file.maxAge);
        if ((minAge.value ?? Number(file.minAge)) > max) errors.minAge = t('admin.minAgeAboveMax', { max });
      }
      const years = retentionKeys.map((key) => {
        const typed = wholeNumber(values[key] ?? '', yearBounds[key], t);
        if ('error' in typed) errors[key] = typed.error;
        return 'value' in typed ? (typed.value ?? retentionShape[key].def.defaultValue) : undefined;
      });
      const [personalDataYears, auditYears] = years;
      const share = percentage(values.controlShare ?? '', t);
      if ('error' in share) errors.controlShare = share.error;
      const url = values.webhookUrl ? values.webhookUrl : null;
      if (url !== null && !webhookShape.url.safeParse(url).success) errors.webhookUrl = t('admin.urlFormat');
      if (secret && (secret.length < secretBounds.min || secret.length > secretBounds.max)) {
        errors.webhookSecret = t('admin.secretLength', secretBounds);
      }
      if (
        Object.keys(errors).length > 0 ||
        !('value' in minAge) ||
        !('value' in maxAge) ||
        !('value' in share) ||
        personalDataYears === undefined ||
        auditYears === undefined
      ) {
        return keep(errors, t('common.formErrors'), 400);
      }

      const { settings } = await readVersionedSettings(deps.db, actor);
      const change: SettingsChange = {
        version: formVersion(form),
        eligibility: {
          ...(minAge.value !== undefined && { minAge: minAge.value }),
          ...(maxAge.value !== undefined && { maxAge: maxAge.value }),
        },
        randomisation: { enabled: values.randomisation === '1', controlShare: share.value },
        accessExport: { colleagueNames: values.colleagueNames === '1' },
        retention: { personalDataYears, auditYears },
        // An empty address removes the webhook; an empty secret keeps the one stored.
        webhook: url === null ? { url: null } : { url, ...(secret && { secret }) },
      };
      const unchanged =
        JSON.stringify(change.eligibility) === JSON.stringify(settings.eligibility) &&
        JSON.stringify(change.randomisation) === JSON.stringify(settings.randomisation) &&
        change.accessExport?.colleagueNames === settings.accessExport.colleagueNames &&
        JSON.stringify(change.retention) === JSON.stringify(settings.retention) &&
        url === settings.webhook.url &&
        !secret;
      if (unchanged) return settingsPage(request, reply, { values, notice: t('admin.nothingChanged') });

      const fieldOf = (field: string) => settingsFields[field] ?? field;
      const parsed = parseWithMessages(settingsChangeBody, change);
      if (!parsed.success) {
        if (parsed.issues.some((i) => i.field === 'version')) throw new DomainError('validation_failed');
        const found = errorsAt(
          parsed.issues.map((i) => ({ field: i.field, message: i.messages })),
          fieldOf,
          lang,
        );
        return keep(found, t('common.formErrors'), 400);
      }
      try {
        await changeSettings(deps, actor, parsed.data);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        if (error.code === 'version_conflict') {
          return keep({}, `${t('admin.settingsChangedMeanwhile')} ${t('admin.keptTyped')}`, 409);
        }
        if (error.code === 'validation_failed')
          return keep(errorsAt(error.fieldErrors, fieldOf, lang), t('common.formErrors'), 400);
        throw error;
      }
      return reply.redirect('/admin/indstillinger?registreret=1', 303);
    },
  );

  // -------------------------------------------------------------------------------------------
  // Advarselsregler: each risk rule with its thresholds, the rule file's and the municipality's
  // -------------------------------------------------------------------------------------------

  async function rulesPage(request: FastifyRequest, reply: FastifyReply, kept: Kept = {}) {
    const actor = actorOf(request);
    const lang = request.lang;
    const t = translator(lang);
    const ruleSet = selectRuleSet(deps.ruleSets, 'risk', deps.clock());
    const { settings, version } = await readVersionedSettings(deps.db, actor);
    return page(
      request,
      reply.code(kept.status ?? 200),
      'thresholds',
      t('admin.rulesTitle'),
      {
        editable: actor.role === 'admin',
        version,
        whenApplied: whenApplied(t),
        rules: riskRuleThresholds(ruleSet).map((rule) => ({
          ...rule,
          parameters: rule.parameters.map((name) => {
            const override = settings.risk[name];
            return {
              name,
              ...riskBounds[name],
              default: Number(ruleSet.parameters[name]),
              override: override ?? null,
              value: kept.values?.[name] ?? override?.toString() ?? '',
              error: kept.errors?.[name] ?? null,
            };
          }),
        })),
      },
      { problem: kept.problem, notice: kept.notice },
    );
  }

  /** When new thresholds take effect, as the sweep does it (see sweep.service.ts and changeSettings). */
  function whenApplied(t: Translate): string {
    return deps.config.sweepEnabled
      ? t('admin.rulesWhenNightly', { time: deps.config.sweepAt })
      : t('admin.rulesWhenManual');
  }

  app.get(
    '/admin/regler',
    { config: pageFor(thresholdReaders), schema: { hide: true, querystring: noticeQuery } },
    (request, reply) => {
      const t = translator(request.lang);
      return rulesPage(request, reply, {
        notice: request.query.registreret ? `${t('admin.rulesSaved')} ${whenApplied(t)}` : undefined,
      });
    },
  );

  app.post(
    '/admin/regler',
    { config: pageFor(admins), preHandler: checkCsrf, schema: { hide: true, body: formBody } },
    async (request, reply) => {
      const actor = actorOf(request);
      const lang = request.lang;
      const t = translator(lang);
      const values = Object.fromEntries(riskParameterNames.map((name) => [name, text(request.body, name).trim()]));
      const keep = (errors: Record<string, string>, problem: string, status: number) =>
        rulesPage(request, reply, { values, errors, problem, status });

      const errors: Record<string, string> = {};
      const risk: RiskOverrides = {};
      for (const name of riskParameterNames) {
        const typed = wholeNumber(values[name] ?? '', riskBounds[name], t);
        if ('error' in typed) errors[name] = typed.error;
        else if (typed.value !== undefined) risk[name] = typed.value;
      }
      if (Object.keys(errors).length > 0) return keep(errors, t('common.formErrors'), 400);

      const { settings } = await readVersionedSettings(deps.db, actor);
      if (setOverrides(risk) === setOverrides(settings.risk))
        return rulesPage(request, reply, { values, notice: t('admin.nothingChanged') });
      try {
        await changeSettings(deps, actor, { version: formVersion(request.body), risk });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        if (error.code === 'version_conflict')
          return keep({}, `${t('admin.rulesChangedMeanwhile')} ${t('admin.keptTyped')}`, 409);
        if (error.code === 'validation_failed') {
          // The long passivity must stay above the passivity: said at the field the user set.
          const fieldOf = (field: string) => {
            const name = field.replace(/^risk\./, '');
            return name === 'passiveLongDays' && !values.passiveLongDays ? 'passiveDays' : name;
          };
          return keep(errorsAt(error.fieldErrors, fieldOf, lang), t('common.formErrors'), 400);
        }
        throw error;
      }
      return reply.redirect('/admin/regler?registreret=1', 303);
    },
  );
}
