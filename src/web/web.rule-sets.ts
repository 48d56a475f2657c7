import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../auth/auth.plugin.ts';
import { changeSettings, readVersionedSettings } from '../municipalities/settings.service.ts';
import { previewNextLaw } from '../rules/law-preview.service.ts';
import { type RuleSet, ruleSetsInOrder, selectRuleSet, takesOverOn } from '../rules/rule-set.loader.ts';
import { danishDate } from '../shared/clock.ts';
import { DomainError } from '../shared/errors.ts';
import { hasText, type TextKey, translator } from '../shared/texts.ts';
import { categoryLabels } from '../visitation/questionnaire.ts';
import { formBody, formVersion, pageFor, text, type WebApp, type WebContext, whenDay } from './web.shared.ts';

/** Leaders see the laws and run the preview; administrators also choose the day a law takes over. */
const readers = ['leader', 'admin'] as const;
const admins = ['admin'] as const;

const query = z.object({
  forhaandsvisning: z.string().optional(),
  registreret: z.string().optional(),
  lang: z.string().optional(),
});

interface Kept {
  values?: Record<string, string>;
  errors?: Record<string, string>;
  problem?: string;
  notice?: string;
  status?: number;
  preview?: boolean;
}

/**
 * "Regelsæt": the laws Ungeflow's rule sets follow, in force and coming, with their status and
 * sources; the day the municipality lets a coming law's rules take over; and the preview of what
 * changes for the youth in the caseload when they do.
 */
export function registerRuleSetPages(app: WebApp, { deps, page, checkCsrf }: WebContext) {
  async function ruleSetsPage(request: FastifyRequest, reply: FastifyReply, kept: Kept = {}) {
    const actor = actorOf(request);
    const lang = request.lang;
    const t = translator(lang);
    const { settings, version } = await readVersionedSettings(deps.db, actor);
    const switchDates = settings.lawSwitchDates;
    const today = danishDate(deps.clock());
    const inForce = new Set(
      [...new Set(deps.ruleSets.map((r) => r.name))].map((name) =>
        selectRuleSet(deps.ruleSets, name, today, switchDates),
      ),
    );
    const laws = [...new Map(deps.ruleSets.map((r) => [r.law.id, r.law])).values()].map((law) => {
      const files = deps.ruleSets.filter((r) => r.law.id === law.id);
      const from = files.map((r) => takesOverOn(r, switchDates)).sort()[0] ?? '';
      const own = files.map((r) => r.validFrom).sort()[0] ?? '';
      const coming = from > today;
      return {
        id: law.id,
        title: law.title[lang],
        status: t(`admin.ruleSets.statuses.${law.status}`),
        agreementOnly: law.status !== 'enacted',
        sources: law.sources,
        from: whenDay(from, lang),
        fromIso: from,
        ownFrom: whenDay(own, lang),
        chosen: switchDates[law.id] !== undefined,
        coming,
        state: coming
          ? t('admin.ruleSets.coming')
          : [...inForce].some((r) => r.law.id === law.id)
            ? t('admin.ruleSets.inForce')
            : t('admin.ruleSets.replaced'),
        ruleSets: files.map((r: RuleSet) => ({
          name: hasText(`admin.ruleSets.names.${r.name}`) ? t(`admin.ruleSets.names.${r.name}` as TextKey) : r.name,
          version: r.version,
          file: r.file.split('/').at(-1) ?? r.file,
          categories: r.categories.map((c) => categoryLabels[c.code][lang]),
        })),
        value: kept.values?.[law.id] ?? switchDates[law.id] ?? '',
        error: kept.errors?.[`lawSwitchDates.${law.id}`] ?? null,
      };
    });
    const preview = kept.preview ? await previewNextLaw(deps, actor) : undefined;
    return page(
      request,
      reply.code(kept.status ?? 200),
      'rule-sets',
      t('admin.ruleSets.title'),
      {
        editable: actor.role === 'admin',
        version,
        laws: laws.sort((a, b) => (a.fromIso < b.fromIso ? -1 : 1)),
        anyComing: laws.some((law) => law.coming),
        previewAsked: kept.preview === true,
        preview: preview && {
          current: preview.current.title[lang],
          next: preview.next.title[lang],
          switchDay: whenDay(preview.switchDay, lang),
          considered: preview.considered,
          changedCategory: preview.changedCategory,
          changedEligibility: preview.changedEligibility,
          riskRulesChange: preview.riskRulesChange,
          changes: preview.changes.map((c) => ({
            youthId: c.youthId,
            name: c.youthName,
            before: categoryLabels[c.before.category][lang],
            after: categoryLabels[c.after.category][lang],
            changesCategory: c.changesCategory,
            eligibleBefore: c.before.eligible ? t('visitation.eligibleYes') : t('visitation.eligibleNo'),
            eligibleAfter: c.after.eligible ? t('visitation.eligibleYes') : t('visitation.eligibleNo'),
            changesEligibility: c.changesEligibility,
          })),
        },
      },
      { problem: kept.problem, notice: kept.notice },
    );
  }

  app.get('/regelsaet', { config: pageFor(readers), schema: { hide: true, querystring: query } }, (request, reply) => {
    const t = translator(request.lang);
    return ruleSetsPage(request, reply, {
      preview: request.query.forhaandsvisning !== undefined,
      notice: request.query.registreret ? t('admin.ruleSets.saved') : undefined,
    });
  });

  app.post(
    '/regelsaet',
    { config: pageFor(admins), preHandler: checkCsrf, schema: { hide: true, body: formBody } },
    async (request, reply) => {
      const actor = actorOf(request);
      const lang = request.lang;
      const t = translator(lang);
      const today = danishDate(deps.clock());
      const coming = [...new Set(deps.ruleSets.map((r) => r.law.id))].filter((id) =>
        ruleSetsInOrder(deps.ruleSets, 'visitation').some((r) => r.law.id === id && r.validFrom > today),
      );
      const values = Object.fromEntries(coming.map((id) => [id, text(request.body, `law-${id}`).trim()]));
      const errors: Record<string, string> = {};
      for (const [id, value] of Object.entries(values)) {
        if (value !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(value))
          errors[`lawSwitchDates.${id}`] = t('validation.date_format');
      }
      if (Object.keys(errors).length > 0)
        return ruleSetsPage(request, reply, { values, errors, problem: t('common.formErrors'), status: 400 });
      const { settings } = await readVersionedSettings(deps.db, actor);
      const lawSwitchDates = { ...settings.lawSwitchDates };
      for (const [id, value] of Object.entries(values)) {
        if (value === '') delete lawSwitchDates[id];
        else lawSwitchDates[id] = value;
      }
      try {
        await changeSettings(deps, actor, { version: formVersion(request.body), lawSwitchDates });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        if (error.code === 'version_conflict')
          return ruleSetsPage(request, reply, { values, problem: t('admin.settingsChangedMeanwhile'), status: 409 });
        if (error.code === 'validation_failed')
          return ruleSetsPage(request, reply, {
            values,
            // Keyed by the whole field, lawSwitchDates.<law id>: each law has its own field.
            errors: Object.fromEntries(error.fieldErrors.map((f) => [f.field, f.message[lang]])),
            problem: t('common.formErrors'),
            status: 400,
          });
        throw error;
      }
      return reply.redirect('/regelsaet?registreret=1', 303);
    },
  );
}
