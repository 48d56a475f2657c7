import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import { journeysOfYouth } from '../journeys/journey.service.ts';
import { placementKindLabels } from '../journeys/journey.labels.ts';
import { planFactorOf } from '../plans/plan.diff.ts';
import type { PlanVersionSummary } from '../plans/plan.repository.ts';
import { sendPlanPdf } from '../plans/plan.routes.ts';
import { planContentBody, planLang } from '../plans/plan.schemas.ts';
import {
  changePlanContent,
  createPlanVersion,
  diffPlans,
  type PlanContentView,
  type PlanPdf,
  planVersionsOfJourney,
  readPlanContent,
  readPlanData,
  renderCurrentPlan,
  renderPlanVersion,
} from '../plans/plan.service.ts';
import type { PlanData } from '../plans/plan.types.ts';
import { progressionFactorLabels, progressionFactors } from '../progression/progression.factors.ts';
import { DomainError, errorMessage } from '../shared/errors.ts';
import type { Lang, Text } from '../shared/i18n.ts';
import { parseWithMessages } from '../shared/validation.ts';
import { categoryLabels } from '../visitation/questionnaire.ts';
import { translator } from '../shared/texts.ts';
import { dateTimeFormat } from '../shared/formats.ts';
import {
  type Form,
  formBody,
  pageFor,
  staff,
  text,
  type WebApp,
  type WebContext,
  whenDay,
  whenWithTime,
} from './web.shared.ts';

const planParams = z.object({ youthId: z.uuid() });
const versionParams = planParams.extend({ planVersionId: z.uuid() });

/** Empty rows for next steps under the ones written: without JavaScript, a row cannot be added on the page. */
const BLANK_STEP_ROWS = 2;
/** The most next-step rows read from a form: the plan holds 30, and the page adds the blank rows. */
const MAX_STEP_ROWS = 30 + BLANK_STEP_ROWS;

/** The plan content as the form shows it: lists of sentences as one line each, next steps as rows. */
interface PlanForm {
  /** The content's version the form was filled in against; empty before the first save. */
  version: string;
  goal: string;
  agreements: string;
  stabilisation: string;
  steps: Array<{ what: string; when: string; who: string }>;
  /** The day of the next review, 'YYYY-MM-DD' or empty. */
  reviewOn: string;
}

interface Kept {
  form?: PlanForm;
  errors?: Record<string, string>;
  /** Someone else saved the plan meanwhile: what they saved is shown beside what was typed. */
  conflict?: boolean;
  problem?: string | undefined;
  notice?: string | undefined;
  /** The stored version whose changes from the one before are shown. */
  changesOf?: string | undefined;
  status?: number;
}

const blankStep = { what: '', when: '', who: '' };

function formOf(content: PlanContentView): PlanForm {
  return {
    version: content.version === null ? '' : String(content.version),
    goal: content.goal ?? '',
    agreements: content.agreements.join('\n'),
    stabilisation: content.stabilisation.join('\n'),
    steps: [
      ...content.nextSteps.map((step) => ({ what: step.what, when: step.when ?? '', who: step.who ?? '' })),
      ...Array.from({ length: BLANK_STEP_ROWS }, () => blankStep),
    ],
    reviewOn: content.reviewOn ?? '',
  };
}

function readForm(body: Form): PlanForm {
  const rows = new Set<number>();
  for (const key of Object.keys(body)) {
    const row = /^step-(\d{1,3})-(?:what|when|who)$/.exec(key)?.[1];
    if (row !== undefined) rows.add(Number(row));
  }
  if (rows.size > MAX_STEP_ROWS) throw new DomainError('validation_failed');
  return {
    version: text(body, 'version').trim(),
    goal: text(body, 'goal'),
    agreements: text(body, 'agreements'),
    stabilisation: text(body, 'stabilisation'),
    steps: [...rows]
      .sort((a, b) => a - b)
      .map((row) => ({
        what: text(body, `step-${row}-what`),
        when: text(body, `step-${row}-when`).trim(),
        who: text(body, `step-${row}-who`),
      })),
    reviewOn: text(body, 'reviewOn').trim(),
  };
}

/** The lines of a list field that say something, each with its line number in the field. */
function linesOf(field: string): Array<{ text: string; line: number }> {
  return field
    .split(/\r?\n/)
    .map((line, index) => ({ text: line.trim(), line: index + 1 }))
    .filter((line) => line.text !== '');
}

/**
 * The form as the plan service takes it, with a way back from the service's fields
 * ("agreements.1", "nextSteps.0.when") to the form's (the agreements field's second filled line,
 * the first filled row's date). Blank lines and blank rows are left out.
 */
function contentInput(form: PlanForm) {
  const agreements = linesOf(form.agreements);
  const stabilisation = linesOf(form.stabilisation);
  const steps = form.steps
    .map((step, row) => ({ ...step, row }))
    .filter((step) => `${step.what}${step.when}${step.who}`.trim() !== '');
  const input = {
    ...(form.version === '' ? {} : { version: Number(form.version) }),
    goal: form.goal,
    agreements: agreements.map((line) => line.text),
    nextSteps: steps.map((step) => ({ what: step.what, when: step.when || null, who: step.who })),
    stabilisation: stabilisation.map((line) => line.text),
    reviewOn: form.reviewOn || null,
  };
  /** The form field an issue belongs to, and the line it is on, where it is one line of a list. */
  const placeOf = (field: string): { name: string; line?: number } | null => {
    const [list, index, part] = field.split('.');
    const at = index === undefined ? undefined : Number(index);
    switch (list ?? '') {
      case 'goal':
        return { name: 'goal' };
      case 'reviewOn':
        return { name: 'reviewOn' };
      case 'agreements':
        return { name: 'agreements', line: at === undefined ? undefined : agreements[at]?.line };
      case 'stabilisation':
        return { name: 'stabilisation', line: at === undefined ? undefined : stabilisation[at]?.line };
      case 'nextSteps': {
        const step = at === undefined ? undefined : steps[at];
        return step && part ? { name: `step-${step.row}-${part}` } : { name: 'steps' };
      }
      default:
        return null;
    }
  };
  return { input, placeOf };
}

/** A calendar day 'YYYY-MM-DD' as the page writes dates. */

/** ISO weekday (1 = Monday) by name; 1 January 2024 was a Monday. */
const weekday = (isoWeekday: number, lang: Lang) =>
  dateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, isoWeekday)));

/** 'HH:MM' as Danes write it ("10.00") or as in English ("10:00"). */
const clock = (time: string, lang: Lang) => (lang === 'da' ? time.replace(':', '.') : time);

/** What the plan takes from the journey, in words, for the read-only part of the page. */
function fromJourney(data: PlanData, lang: Lang) {
  const t = translator(lang);
  const group = data.networkGroup;
  const placement = data.placement;
  return {
    status: data.status ?? null,
    category: data.category ? categoryLabels[data.category][lang] : null,
    contactPerson: data.contactPerson?.name
      ? [data.contactPerson.name, data.contactPerson.email, data.contactPerson.phone].filter(Boolean).join(', ')
      : null,
    group: group?.name
      ? {
          name: group.name,
          meets:
            group.weekday && group.startTime
              ? t('plan.planMeets', { weekday: weekday(group.weekday, lang), time: clock(group.startTime, lang) })
              : null,
          place: group.place ?? null,
          facilitator: group.facilitatorName ?? null,
        }
      : null,
    placement: placement?.companyName
      ? {
          kind: placement.kind ? placementKindLabels[placement.kind][lang] : null,
          company: placement.companyName,
          address: placement.address ?? null,
          hours: placement.hoursPerWeek ?? null,
          start: placement.startDate ? whenDay(placement.startDate, lang) : null,
          contact: placement.contactPerson?.name
            ? [placement.contactPerson.name, placement.contactPerson.phone].filter(Boolean).join(', ')
            : null,
        }
      : null,
    offers: (data.offers ?? []).map((o) =>
      [
        t(`offers.kinds.${o.kind}`) + (o.subtype ? ` (${t(`offers.subtypes.${o.subtype}`)})` : ''),
        o.provider,
        o.plannedEnd
          ? t('offers.page.periodPlanned', { from: whenDay(o.startDate, lang), to: whenDay(o.plannedEnd, lang) })
          : t('offers.page.periodOpen', { from: whenDay(o.startDate, lang) }),
      ]
        .filter(Boolean)
        .join(', '),
    ),
    injunction: data.educationInjunction
      ? t('plan.planInjunction', {
          date: whenDay(data.educationInjunction.givenOn, lang),
          goal: data.educationInjunction.goal,
        })
      : null,
    progression: progressionFactors.flatMap((recorded) => {
      const scores = data.progression?.[planFactorOf[recorded]];
      if (!scores?.first) return [];
      return [{ label: progressionFactorLabels[recorded][lang], first: scores.first, latest: scores.latest ?? null }];
    }),
  };
}

/**
 * "Min plan" for a youth's current journey (the open one, or else the latest): the content the
 * caseworker writes, what the plan takes from the journey, the PDF in Danish or English, and the
 * versions handed to the youth with what changed from one to the next. Every read and write goes
 * through the plan service, which audits it.
 */
export function registerPlanPages(app: WebApp, { deps, page, checkCsrf }: WebContext) {
  async function currentJourney(actor: Actor, youthId: string) {
    const journeys = await journeysOfYouth(deps, actor, youthId);
    return journeys.find((j) => j.open) ?? journeys[0];
  }

  /** A stored version's changes from the one before it, each said in words. */
  async function changesIn(
    actor: Actor,
    journeyId: string,
    versions: readonly PlanVersionSummary[],
    versionId: string,
    lang: Lang,
  ) {
    const t = translator(lang);
    const index = versions.findIndex((v) => v.id === versionId);
    const [before, shown] = [versions[index - 1], versions[index]];
    if (!shown) throw new DomainError('not_found');
    if (!before) return { heading: `${t('plan.planVersion')} ${shown.number}`, first: true, items: [] };
    const diff = await diffPlans(deps, actor, journeyId, { from: before.id, to: shown.id }, lang);
    return {
      heading: t('plan.planChangesHeading', { from: before.number, to: shown.number }),
      first: false,
      items: diff.changes.map((c) => ({
        label: c.label,
        said:
          c.from === null
            ? t('plan.planChangeAdded', { to: c.to ?? '' })
            : c.to === null
              ? t('plan.planChangeRemoved', { from: c.from })
              : t('plan.planChangeChanged', { from: c.from, to: c.to }),
      })),
    };
  }

  async function planPage(request: FastifyRequest, reply: FastifyReply, youthId: string, kept: Kept = {}) {
    const actor = actorOf(request);
    const lang = request.lang;
    const t = translator(lang);
    const journey = await currentJourney(actor, youthId);
    const frame = { problem: kept.problem, notice: kept.notice };
    if (!journey) {
      return page(
        request,
        reply.code(kept.status ?? 200),
        'plan',
        t('plan.planTitle'),
        { youthId, journey: null },
        frame,
      );
    }
    const content = await readPlanContent(deps, actor, journey.id);
    const data = await readPlanData(deps, actor, journey.id, lang);
    const versions = await planVersionsOfJourney(deps, actor, journey.id);
    const changes = kept.changesOf ? await changesIn(actor, journey.id, versions, kept.changesOf, lang) : null;
    const youthName = data.youth?.name ?? '';
    return page(
      request,
      reply.code(kept.status ?? 200),
      'plan',
      youthName ? `${t('plan.planTitle')}: ${youthName}` : t('plan.planTitle'),
      {
        youthId,
        youthName,
        journey: { id: journey.id, open: journey.open, stage: journey.stage },
        // After a conflict the typed form goes on from the version now stored: sending it again
        // replaces what the other person saved, which is shown beside it.
        form: kept.form
          ? { ...kept.form, version: kept.conflict ? formOf(content).version : kept.form.version }
          : formOf(content),
        errors: kept.errors ?? {},
        saved:
          content.updatedBy && content.updatedAt
            ? { by: content.updatedBy.name, at: whenWithTime(content.updatedAt, lang) }
            : null,
        // On a conflict, the plan as the other person saved it, beside what this user typed.
        current: kept.conflict
          ? {
              goal: content.goal,
              agreements: content.agreements,
              nextSteps: content.nextSteps.map((s) => ({
                what: s.what,
                when: s.when ? whenDay(s.when, lang) : null,
                who: s.who,
              })),
              stabilisation: content.stabilisation,
              reviewOn: content.reviewOn ? whenDay(content.reviewOn, lang) : null,
            }
          : null,
        fromJourney: fromJourney(data, lang),
        versions: versions.map((v) => ({
          id: v.id,
          number: v.number,
          at: whenWithTime(v.createdAt, lang),
          by: v.createdBy.name,
          language: t(`plan.planLanguages.${v.lang}`),
          shown: v.id === kept.changesOf,
        })),
        changes,
      },
      frame,
    );
  }

  app.get(
    '/unge/:youthId/plan',
    {
      config: pageFor(staff),
      schema: {
        hide: true,
        params: planParams,
        querystring: z.object({
          registreret: z.enum(['plan', 'version']).optional(),
          aendringer: z.uuid().optional(),
          lang: z.string().optional(),
        }),
      },
    },
    (request, reply) => {
      const t = translator(request.lang);
      const { registreret, aendringer } = request.query;
      return planPage(request, reply, request.params.youthId, {
        notice:
          registreret === 'plan'
            ? t('plan.planSaved')
            : registreret === 'version'
              ? t('plan.planVersionSaved')
              : undefined,
        changesOf: aendringer,
      });
    },
  );

  app.post(
    '/unge/:youthId/plan',
    { config: pageFor(staff), preHandler: checkCsrf, schema: { hide: true, params: planParams, body: formBody } },
    async (request, reply) => {
      const { youthId } = request.params;
      const lang = request.lang;
      const t = translator(lang);
      const form = readForm(request.body);
      const keep = (kept: Kept) => planPage(request, reply, youthId, { form, ...kept });
      const journey = await currentJourney(actorOf(request), youthId);
      if (!journey) throw new DomainError('not_found');

      const { input, placeOf } = contentInput(form);
      const parsed = parseWithMessages(planContentBody, input);
      /** Each problem at its place on the form: the field, and the line where it is one line of a list. */
      const atFields = (problems: ReadonlyArray<{ field: string; message: Text }>) => {
        const errors: Record<string, string> = {};
        for (const problem of problems) {
          const place = placeOf(problem.field);
          // Only a tampered version field has no place on the form.
          if (!place) throw new DomainError('validation_failed');
          const message = problem.message[lang];
          errors[place.name] ??= place.line ? t('plan.planLineError', { line: place.line, message }) : message;
        }
        return keep({ errors, problem: t('common.formErrors'), status: 400 });
      };
      if (!parsed.success) return atFields(parsed.issues.map((i) => ({ field: i.field, message: i.messages })));
      const conflict = () => keep({ conflict: true, problem: t('plan.planVersionConflict'), status: 409 });
      // The form was another journey's plan: that journey closed and a new one opened meanwhile.
      if (text(request.body, 'journeyId') !== journey.id) return conflict();
      try {
        await changePlanContent(deps, actorOf(request), journey.id, parsed.data);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        if (error.code === 'version_conflict') return conflict();
        if (error.code === 'event_not_accepted') return keep({ problem: t('plan.planJourneyClosed'), status: 422 });
        // A step's date the service takes for a typing error (a year back, two years ahead).
        if (error.code === 'validation_failed' && error.fieldErrors.length > 0) return atFields(error.fieldErrors);
        throw error;
      }
      return reply.redirect(`/unge/${youthId}/plan?registreret=plan`, 303);
    },
  );

  app.get(
    '/unge/:youthId/plan/pdf',
    {
      config: pageFor(staff),
      schema: { hide: true, params: planParams, querystring: z.object({ sprog: planLang.default('da') }) },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const journey = await currentJourney(actor, request.params.youthId);
      if (!journey) throw new DomainError('not_found');
      return download(reply, await renderCurrentPlan(deps, actor, journey.id, request.query.sprog));
    },
  );

  app.post(
    '/unge/:youthId/plan/versioner',
    { config: pageFor(staff), preHandler: checkCsrf, schema: { hide: true, params: planParams, body: formBody } },
    async (request, reply) => {
      const { youthId } = request.params;
      const actor = actorOf(request);
      const language = planLang.safeParse(text(request.body, 'language'));
      if (!language.success) throw new DomainError('validation_failed');
      const journey = await currentJourney(actor, youthId);
      if (!journey) throw new DomainError('not_found');
      try {
        const stored = await createPlanVersion(deps, actor, journey.id, language.data);
        return reply.redirect(`/unge/${youthId}/plan?registreret=version&aendringer=${stored.id}#versioner`, 303);
      } catch (error) {
        // Two versions stored at the same moment: the other one got the number.
        if (error instanceof DomainError && error.code === 'conflict') {
          return planPage(request, reply, youthId, { problem: errorMessage('conflict', request.lang), status: 409 });
        }
        throw error;
      }
    },
  );

  app.get(
    '/unge/:youthId/plan/versioner/:planVersionId/pdf',
    { config: pageFor(staff), schema: { hide: true, params: versionParams } },
    async (request, reply) => {
      const pdf = await renderPlanVersion(deps, actorOf(request), request.params.planVersionId);
      // A version is shown under its own youth only.
      if (pdf.youthId !== request.params.youthId) throw new DomainError('not_found');
      return download(reply.header('x-plan-identical', String(pdf.identical)), pdf);
    },
  );
}

/** A plan as a download: the caseworker saves it and prints it for the youth. */
const download = (reply: FastifyReply, pdf: PlanPdf) => sendPlanPdf(reply, pdf, 'attachment');
