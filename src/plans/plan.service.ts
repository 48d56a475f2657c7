/**
 * The printed plan "Min plan" made from the journey (issue 6): the data is assembled from the
 * database and the plan content the caseworker writes, rendered with the municipality's template
 * (plan.document.ts), and a version handed out is stored with exactly what it was made from, so
 * the same bytes can be made again later.
 */
import { listInjunctionsOfJourney, listOffersOfJourney } from '../offers/offer.repository.ts';
import { createHash } from 'node:crypto';
import { placementStateOf, restore, stageOf } from '../../machines/journey.ts';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/database.ts';
import type { AppDeps } from '../deps.ts';
import { findJourney } from '../journeys/journey.repository.ts';
import { auditAs } from '../audit/audit-as.ts';
import { listMeasurements } from '../progression/progression.repository.ts';
import { progressionFactors as recordedFactors } from '../progression/progression.factors.ts';
import { danishDate } from '../shared/clock.ts';
import { addMonths, longDayText } from '../shared/days.ts';
import { texts, textsEach } from '../shared/texts.ts';
import { DomainError } from '../shared/errors.ts';
import type { Lang } from '../shared/i18n.ts';
import { isUniqueViolation } from '../shared/pg-errors.ts';
import { diffPlanVersions, type PlanChange, planFactorOf } from './plan.diff.ts';
import { renderPlanPdf } from './plan.document.ts';
import { findJourneyGroup } from '../groups/group.repository.ts';
import {
  findCurrentPlacementOfJourney,
  findPlanContent,
  findPlanSubject,
  findPlanVersion,
  insertPlanContent,
  insertPlanVersion,
  listPlanVersions,
  nextPlanNumber,
  type PlanContent,
  type PlanContentFields,
  type PlanVersionRecord,
  type PlanVersionSummary,
  updatePlanContent,
} from './plan.repository.ts';
import { statusText, withoutTexts } from './plan.status.ts';
import { buildPlanTemplate, loadPlanTemplate, type PlanTemplate, planTemplateDirFor } from './plan.template.ts';
import { type PlanData, planDataSchema } from './plan.types.ts';
import { journeyAs } from '../shared/reads.ts';

type Deps = Pick<AppDeps, 'db' | 'clock'>;

/** A rendered plan, ready to be sent. */
export interface PlanPdf {
  bytes: Buffer;
  /** sha256 of the bytes, hex. */
  contentHash: string;
  /**
   * A file name without personal data, e.g. "min-plan-2026-11-22.pdf": downloads stay in shared
   * computers' folders and browser histories, where a name would tell who is in the programme.
   */
  fileName: string;
  /** The youth the plan is for. */
  youthId: string;
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Only the language, the date and a version number go into the name; never the youth's name or CPR number. */
function fileNameOf(lang: Lang, madeOn: string, number?: number): string {
  const base = lang === 'da' ? 'min-plan' : 'my-plan';
  return `${base}-${madeOn}${number === undefined ? '' : `-v${number}`}.pdf`;
}

/** The municipality's template: its own wording and logo from templates/plan/<id>/ where present. */
function templateFor(actor: Actor, lang: Lang): Promise<PlanTemplate> {
  return loadPlanTemplate(lang, planTemplateDirFor(actor.municipalityId));
}

// ---------------------------------------------------------------------------------------------
// The plan's data, from the journey
// ---------------------------------------------------------------------------------------------

/**
 * The plan of a journey as it stands at `now`, in `lang` (the status sentence is written in it).
 * Another municipality's journey, or none, is not found.
 */
export async function assemblePlanData(
  db: Db,
  municipalityId: string,
  journeyId: string,
  lang: Lang,
  now: Date,
): Promise<{ data: PlanData; youthId: string }> {
  const subject = await findPlanSubject(db, municipalityId, journeyId);
  if (!subject) throw new DomainError('not_found');
  const snapshot = restore({ machineVersion: subject.machineVersion, snapshot: subject.snapshot as never });
  // The group as the youth's page shows it (findJourneyGroup), so the page and the letter agree.
  const group = await findJourneyGroup(db, municipalityId, journeyId);
  const placement = await findCurrentPlacementOfJourney(db, municipalityId, journeyId);
  const measurements = await listMeasurements(db, municipalityId, journeyId);
  const content = await findPlanContent(db, municipalityId, journeyId);
  // The plan lists what the youth has now and is to start; an ended offer is history (LAB § 41 stk. 2).
  const offers = (await listOffersOfJourney(db, municipalityId, journeyId)).filter((o) => o.endedOn === null);
  const injunction = (await listInjunctionsOfJourney(db, municipalityId, journeyId)).find((i) => i.endedOn === null);

  // First and latest score per factor, over the journey's measurements oldest first. A factor
  // measured once has only a first score (two equal bars would suggest two measurements); one
  // never measured is left out, and the plan says it is not measured yet.
  const progression: NonNullable<PlanData['progression']> = {};
  for (const recorded of recordedFactors) {
    const scores = measurements.flatMap((m) => m.scores[recorded] ?? []);
    const [first] = scores;
    if (first === undefined) continue;
    progression[planFactorOf[recorded]] = { first, latest: scores.length > 1 ? (scores.at(-1) ?? null) : null };
  }

  const stage = stageOf(snapshot);
  const without = withoutTexts(stage, lang);
  const data: PlanData = {
    madeOn: danishDate(now),
    municipality: { name: subject.municipalityName },
    // Name and birth date only: the CPR number is never read for a plan.
    youth: { name: subject.youth.name, birthDate: subject.youth.birthDate },
    goal: content?.goal ?? null,
    category: snapshot.context.category,
    status: statusText(stage, placementStateOf(snapshot), lang),
    networkGroup: group
      ? {
          name: group.name,
          weekday: group.weekday,
          startTime: group.startTime,
          place: group.place,
          facilitatorName: group.facilitatorName,
        }
      : null,
    withoutGroup: group ? null : without.group,
    placement: placement
      ? {
          kind: placement.kind,
          companyName: placement.companyName,
          address: placement.companyAddress,
          hoursPerWeek: placement.hoursPerWeek,
          startDate: placement.startDate,
          contactPerson: placement.contact,
        }
      : null,
    offers: offers.map((o) => ({
      kind: o.kind,
      subtype: o.subtype,
      provider: o.provider,
      startDate: o.startDate,
      plannedEnd: o.plannedEnd,
      hoursPerWeek: o.hoursPerWeek,
    })),
    educationInjunction: injunction
      ? { givenOn: injunction.givenOn, goal: injunction.goal, startBy: injunction.startBy }
      : null,
    withoutPlacement: placement ? null : without.placement,
    nextSteps: content?.nextSteps ?? [],
    reviewOn: content?.reviewOn ?? null,
    // The phone only when the caseworker has given one: the plan says "ring" only with a number to ring.
    contactPerson: {
      name: subject.caseworker.name,
      phone: subject.caseworker.phone,
      email: subject.caseworker.email,
    },
    progression: Object.keys(progression).length === 0 ? null : progression,
    agreements: content?.agreements ?? [],
    stabilisation: content?.stabilisation ?? [],
  };
  // Checked here, so a plan that cannot be rendered is never stored.
  return { data: planDataSchema.parse(data), youthId: subject.youthId };
}

/** The current plan of a journey as a PDF; audited as a read of the youth's data. */
export async function renderCurrentPlan(deps: Deps, actor: Actor, journeyId: string, lang: Lang): Promise<PlanPdf> {
  const template = await templateFor(actor, lang);
  const { data, youthId } = await deps.db.transaction().execute(async (trx) => {
    const assembled = await assemblePlanData(trx, actor.municipalityId, journeyId, lang, deps.clock());
    await auditAs(trx, actor, 'plan.rendered', assembled.youthId, {
      journeyId,
      lang,
      templateVersion: template.version,
    });
    return assembled;
  });
  // Rendered after the transaction: the connection is not held while the PDF is drawn.
  const bytes = await renderPlanPdf(data, template);
  return {
    bytes,
    contentHash: sha256(bytes),
    fileName: fileNameOf(lang, data.madeOn),
    youthId,
  };
}

/**
 * What the plan takes from the journey as it stands now (contact person, network group,
 * placement, status, progress), so a caseworker sees what the youth will get before printing.
 * Audited as a read of the youth's data.
 */
export async function readPlanData(deps: Deps, actor: Actor, journeyId: string, lang: Lang): Promise<PlanData> {
  return deps.db.transaction().execute(async (trx) => {
    const { data, youthId } = await assemblePlanData(trx, actor.municipalityId, journeyId, lang, deps.clock());
    await auditAs(trx, actor, 'journey.read', youthId, { journeyId, view: 'plan_data' });
    return data;
  });
}

// ---------------------------------------------------------------------------------------------
// Plan content: goal, agreements, next steps, stabilisation
// ---------------------------------------------------------------------------------------------

/** The journey's plan content; `null` fields and empty lists when nothing is written yet. */
export interface PlanContentView extends PlanContentFields {
  journeyId: string;
  /** Null until the content is first saved; then required to change it. */
  version: number | null;
  updatedBy: { id: string; name: string } | null;
  updatedAt: Date | null;
}

function contentView(journeyId: string, content: PlanContent | undefined): PlanContentView {
  if (!content) {
    return {
      journeyId,
      goal: null,
      agreements: [],
      nextSteps: [],
      stabilisation: [],
      reviewOn: null,
      version: null,
      updatedBy: null,
      updatedAt: null,
    };
  }
  return content;
}

export async function readPlanContent(deps: Deps, actor: Actor, journeyId: string): Promise<PlanContentView> {
  return deps.db.transaction().execute(async (trx) => {
    const journey = await journeyAs(trx, actor, journeyId);
    if (!journey) throw new DomainError('not_found');
    const content = await findPlanContent(trx, actor.municipalityId, journeyId);
    await auditAs(trx, actor, 'journey.read', journey.youthId, { journeyId, view: 'plan_content' });
    return contentView(journeyId, content);
  });
}

const contentFieldNames = ['goal', 'agreements', 'nextSteps', 'stabilisation', 'reviewOn'] as const;

/**
 * Replaces the journey's plan content. The first save needs no version; after that the version
 * the change was made against is required, and a stale one is a version conflict.
 */
export async function changePlanContent(
  deps: Deps,
  actor: Actor,
  journeyId: string,
  input: Omit<PlanContentFields, 'reviewOn'> & {
    /** Left out, the review date stays as it is; null removes it. */
    reviewOn?: string | null | undefined;
    version?: number | undefined;
  },
): Promise<PlanContentView> {
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const journey = await findJourney(trx, actor.municipalityId, journeyId, { forUpdate: true });
    if (!journey) throw new DomainError('not_found');
    // A closed journey's plan is history: it can be printed, not changed.
    if (!journey.open) throw new DomainError('event_not_accepted', { extra: { stage: journey.stage } });
    const current = await findPlanContent(trx, actor.municipalityId, journeyId);
    const fields: PlanContentFields = {
      goal: input.goal,
      agreements: input.agreements,
      nextSteps: input.nextSteps,
      stabilisation: input.stabilisation,
      reviewOn: input.reviewOn === undefined ? (current?.reviewOn ?? null) : input.reviewOn,
    };
    refuseUnlikelyDates(fields, current, danishDate(now));
    const written = { ...fields, updatedBy: actor.userId, updatedAt: now };
    if (current === undefined) {
      // A version for content that was never saved: the client works from some other page.
      if (input.version !== undefined) throw new DomainError('version_conflict', { extra: { currentVersion: null } });
      if (!(await insertPlanContent(trx, { ...written, municipalityId: actor.municipalityId, journeyId }))) {
        throw new DomainError('version_conflict', { extra: { currentVersion: 1 } });
      }
    } else if (
      input.version !== current.version ||
      !(await updatePlanContent(trx, actor.municipalityId, journeyId, current.version, written))
    ) {
      throw new DomainError('version_conflict', { extra: { currentVersion: current.version } });
    }
    // Which parts changed, never the words: goals and stabilisation often concern health.
    const before = contentView(journeyId, current);
    const changed = contentFieldNames.filter((name) => JSON.stringify(before[name]) !== JSON.stringify(fields[name]));
    const saved = await findPlanContent(trx, actor.municipalityId, journeyId);
    if (!saved) throw new Error(`Plan content of journey ${journeyId} was not saved`);
    await auditAs(trx, actor, 'plan.content_changed', journey.youthId, {
      journeyId,
      version: saved.version,
      fields: changed,
    });
    return saved;
  });
}

/** How far back and ahead a next step's date can lie before it is taken for a typing error. */
const STEP_MONTHS_BACK = 12;
const STEP_MONTHS_AHEAD = 24;

/** How far ahead the next review of the plan can lie before it is taken for a typing error. */
const REVIEW_MONTHS_AHEAD = 12;

/**
 * Dates that cannot be right are refused at their field. A next step dated more than a year back,
 * or more than two years ahead, is a typing error ("2016" for "2026"), not a plan; so is a review
 * that lies in the past or more than a year ahead. A date the plan already has is kept, so a plan
 * of a long journey can still be saved with the steps it had, and an overdue review with it.
 */
function refuseUnlikelyDates(fields: PlanContentFields, stored: PlanContent | undefined, today: string): void {
  const fieldErrors = [...stepDateErrors(fields.nextSteps, stored?.nextSteps ?? [], today)];
  if (fields.reviewOn !== null && fields.reviewOn !== stored?.reviewOn) {
    const latest = addMonths(today, REVIEW_MONTHS_AHEAD);
    if (fields.reviewOn < today) {
      fieldErrors.push({ field: 'reviewOn', message: texts('plan.refusals.reviewPast') });
    } else if (fields.reviewOn > latest) {
      fieldErrors.push({
        field: 'reviewOn',
        message: textsEach('plan.refusals.reviewFarAhead', (lang) => ({ date: longDayText(latest, lang) })),
      });
    }
  }
  if (fieldErrors.length > 0) throw new DomainError('validation_failed', { fieldErrors });
}

function stepDateErrors(steps: PlanContentFields['nextSteps'], stored: PlanContentFields['nextSteps'], today: string) {
  const kept = new Set(stored.map((step) => step.when));
  const earliest = addMonths(today, -STEP_MONTHS_BACK);
  const latest = addMonths(today, STEP_MONTHS_AHEAD);
  return steps.flatMap((step, index) => {
    if (step.when === null || kept.has(step.when)) return [];
    const field = `nextSteps.${index}.when`;
    if (step.when < earliest) {
      return [
        { field, message: textsEach('plan.refusals.stepLongAgo', (lang) => ({ date: longDayText(earliest, lang) })) },
      ];
    }
    if (step.when > latest) {
      return [
        { field, message: textsEach('plan.refusals.stepFarAhead', (lang) => ({ date: longDayText(latest, lang) })) },
      ];
    }
    return [];
  });
}

// ---------------------------------------------------------------------------------------------
// Stored versions
// ---------------------------------------------------------------------------------------------

/**
 * Stores the plan as it is now: the data, the template texts and logo in force, their version and
 * the hash of the PDF, numbered 1, 2, 3 per journey. The plan is rendered inside the transaction,
 * so the hash is of exactly the data stored.
 */
export async function createPlanVersion(
  deps: Deps,
  actor: Actor,
  journeyId: string,
  lang: Lang,
): Promise<PlanVersionSummary> {
  const template = await templateFor(actor, lang);
  const now = deps.clock();
  try {
    return await deps.db.transaction().execute(async (trx) => {
      // The row lock numbers concurrent versions of one journey one after the other.
      const journey = await findJourney(trx, actor.municipalityId, journeyId, { forUpdate: true });
      if (!journey) throw new DomainError('not_found');
      const { data, youthId } = await assemblePlanData(trx, actor.municipalityId, journeyId, lang, now);
      const bytes = await renderPlanPdf(data, template);
      const contentHash = sha256(bytes);
      const number = await nextPlanNumber(trx, actor.municipalityId, journeyId);
      const id = await insertPlanVersion(trx, {
        municipalityId: actor.municipalityId,
        journeyId,
        youthId,
        number,
        lang,
        data,
        templateTexts: template.texts,
        templateLogo: template.logo?.toString('base64') ?? null,
        templateVersion: template.version,
        contentHash,
        createdBy: actor.userId,
        createdAt: now,
      });
      await auditAs(trx, actor, 'plan.version_created', youthId, {
        journeyId,
        planVersionId: id,
        number,
        lang,
        templateVersion: template.version,
        contentHash,
      });
      return {
        id,
        journeyId,
        youthId,
        number,
        lang,
        templateVersion: template.version,
        contentHash,
        createdBy: { id: actor.userId, name: actor.name },
        createdAt: now,
      };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('conflict');
    throw error;
  }
}

export async function planVersionsOfJourney(
  deps: Deps,
  actor: Actor,
  journeyId: string,
): Promise<PlanVersionSummary[]> {
  return deps.db.transaction().execute(async (trx) => {
    const journey = await journeyAs(trx, actor, journeyId);
    if (!journey) throw new DomainError('not_found');
    const versions = await listPlanVersions(trx, actor.municipalityId, journeyId);
    await auditAs(trx, actor, 'journey.read', journey.youthId, { journeyId, view: 'plan_versions' });
    return versions;
  });
}

/** A stored version's data and template, as they were when it was made. */
function storedPlan(version: PlanVersionRecord): { data: PlanData; template: PlanTemplate } {
  const source = `plan version ${version.id}`;
  const logo =
    version.templateLogo === null
      ? undefined
      : { file: `${source} (logo)`, bytes: Buffer.from(version.templateLogo, 'base64') };
  const template = buildPlanTemplate(version.lang, { file: source, json: version.templateTexts }, undefined, logo);
  // The version is printed into the PDF's properties: keep the stored one, whatever the hashing does later.
  return {
    data: planDataSchema.parse(version.data),
    template: { ...template, version: version.templateVersion },
  };
}

/** A stored plan made again from its stored data and texts; `identical` when the bytes hash as stored. */
export async function renderPlanVersion(
  deps: Deps,
  actor: Actor,
  planVersionId: string,
): Promise<PlanPdf & { identical: boolean }> {
  const version = await deps.db.transaction().execute(async (trx) => {
    const found = await findPlanVersion(trx, actor.municipalityId, planVersionId);
    if (!found) throw new DomainError('not_found');
    await auditAs(trx, actor, 'plan.rendered', found.youthId, {
      journeyId: found.journeyId,
      planVersionId: found.id,
      number: found.number,
      lang: found.lang,
    });
    return found;
  });
  const { data, template } = storedPlan(version);
  const bytes = await renderPlanPdf(data, template);
  const contentHash = sha256(bytes);
  return {
    bytes,
    contentHash,
    fileName: fileNameOf(version.lang, data.madeOn, version.number),
    youthId: version.youthId,
    identical: contentHash === version.contentHash,
  };
}

export interface PlanDiff {
  from: PlanVersionSummary;
  to: PlanVersionSummary;
  changes: PlanChange[];
}

/** What changed from one stored version of a journey's plan to another, in `lang`. */
export async function diffPlans(
  deps: Deps,
  actor: Actor,
  journeyId: string,
  ids: { from: string; to: string },
  lang: Lang,
): Promise<PlanDiff> {
  const template = await templateFor(actor, lang);
  const [from, to] = await deps.db.transaction().execute(async (trx) => {
    const journey = await journeyAs(trx, actor, journeyId);
    if (!journey) throw new DomainError('not_found');
    const found = [
      await findPlanVersion(trx, actor.municipalityId, ids.from),
      await findPlanVersion(trx, actor.municipalityId, ids.to),
    ] as const;
    if (found.some((version) => version?.journeyId !== journeyId)) throw new DomainError('not_found');
    await auditAs(trx, actor, 'journey.read', journey.youthId, {
      journeyId,
      view: 'plan_diff',
      from: ids.from,
      to: ids.to,
    });
    return found as readonly [PlanVersionRecord, PlanVersionRecord];
  });
  const compared = (version: PlanVersionRecord) => ({
    lang: version.lang,
    templateVersion: version.templateVersion,
    data: planDataSchema.parse(version.data),
  });
  return {
    from: summaryOf(from),
    to: summaryOf(to),
    changes: diffPlanVersions(compared(from), compared(to), { lang, texts: template.texts }),
  };
}

function summaryOf(version: PlanVersionRecord): PlanVersionSummary {
  const { data: _data, templateTexts: _texts, templateLogo: _logo, ...summary } = version;
  return summary;
}
