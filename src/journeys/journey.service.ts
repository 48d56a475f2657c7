import { randomUUID } from 'node:crypto';
import { entryConditionIsMetOrOverridden, type JourneyEvent, type JourneyEventType } from '../../machines/events.ts';
import {
  acceptedEvents,
  applyEvent,
  initialSnapshot,
  isOpen,
  JOURNEY_MACHINE_VERSION,
  type JourneySnapshot,
  persist,
  placementStateOf,
  restore,
  type Stage,
  stageOf,
} from '../../machines/journey.ts';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/database.ts';
import type { ReferralSource } from '../db/schema.ts';
import type { AppDeps } from '../deps.ts';
import { findSettings } from '../municipalities/settings.repository.ts';
import { type AgeVerdict, ageVerdict, type EligibilityDecision, targetAges } from '../rules/eligibility.ts';
import { assessVisitation } from '../rules/assess-visitation.ts';
import {
  type LawSwitchDates,
  type RuleSet,
  ruleSetApplyingOn,
  type StoredLaw,
  takesOverOn,
} from '../rules/rule-set.loader.ts';
import type { CategorySuggestion } from '../rules/visitation.ts';
import { danishDate, startOfDanishDay } from '../shared/clock.ts';
import { DomainError, invalidField } from '../shared/errors.ts';
import { isUniqueViolation } from '../shared/pg-errors.ts';
import { ageOn, maskCpr } from '../youth/cpr.ts';
import { findUser, listUsers } from '../users/users.repository.ts';
import {
  advanceJourney,
  appendJourneyEvent,
  findJourney,
  type HistoryPage,
  insertJourney,
  insertRuleDecision,
  type JourneyEventRecord,
  type JourneyListFilter,
  type JourneyListItem,
  type JourneyOrder,
  type EarlierBenefit,
  type JourneyRecord,
  listJourneys,
  lockJourneys,
  openJourneysPerCaseworker,
  setJourneyCaseworker,
  latestRuleDecisions,
  listJourneyEvents,
  listJourneysOfYouth,
  type RuleDecisionRecord,
} from './journey.repository.ts';
import { type Alert, type AlertKey, findUnresolvedAlerts, reassignJourneyAlerts } from '../alerts/alert.repository.ts';
import { refreshJourneyRisk } from '../alerts/alert.service.ts';
import { conditionsOf } from '../alerts/risk-evaluator.ts';
import { type NewJourney, runEffects } from './journey.effects.ts';
import { riskStateOf } from './journey.risk-state.ts';
import {
  commandJsonSchemas,
  type JourneyCommand,
  type JourneyCommandInput,
  type JourneyCommandOf,
  type MoveConflictReason,
  type ReassignManyInput,
} from './journey.schemas.ts';
import { drawRandomisation } from './randomisation.ts';
import { findQuestionnaireResponse } from '../visitation/questionnaire-response.repository.ts';
import { answersFromYouth } from '../visitation/questionnaire.ts';
import { auditAs } from '../audit/audit-as.ts';
import { type TextKey, texts } from '../shared/texts.ts';
import { journeyAs, readingAs, youthAs } from '../shared/reads.ts';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'ruleSets' | 'journeyEffects'>;

function snapshotOf(record: JourneyRecord): JourneySnapshot {
  return restore({ machineVersion: record.machineVersion, snapshot: record.snapshot as never });
}

/** "YYYY-MM-DD" means the start of that day in Denmark; a full timestamp is taken as it is. */
function instantOf(value: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? startOfDanishDay(value) : new Date(value);
}

const occurredAtError = (key: TextKey) =>
  new DomainError('validation_failed', { fieldErrors: [{ field: 'occurredAt', message: texts(key) }] });

// ---------------------------------------------------------------------------------------------
// Opening a journey
// ---------------------------------------------------------------------------------------------

export async function openJourney(
  deps: Deps,
  actor: Actor,
  youthId: string,
  input: {
    source: ReferralSource;
    firstContactAt: string;
    reason: string;
    caseworkerId?: string | undefined;
    earlierBenefit?: EarlierBenefit['kind'] | undefined;
    earlierBenefitMonths?: number | undefined;
  },
): Promise<JourneyRecord> {
  const { db, clock } = deps;
  const now = clock();
  const firstContactAt = instantOf(input.firstContactAt);
  if (firstContactAt > now) {
    throw new DomainError('validation_failed', {
      fieldErrors: [
        {
          field: 'firstContactAt',
          message: texts('journeys.refusals.firstContactInFuture'),
        },
      ],
    });
  }
  try {
    return await db.transaction().execute(async (trx) => {
      const youth = await youthAs(trx, actor, youthId);
      if (!youth) throw new DomainError('not_found');
      const verdict = await referralAge(trx, deps.ruleSets, actor, youth.birthDate, danishDate(firstContactAt));
      if (verdict.kind === 'impossible') {
        throw new DomainError('validation_failed', {
          fieldErrors: [{ field: 'firstContactAt', message: texts('journeys.refusals.ageImpossible', verdict) }],
        });
      }
      const earlier = await listJourneysOfYouth(trx, actor.municipalityId, youthId);
      const open = earlier.find((j) => j.open);
      if (open) throw new DomainError('conflict', { extra: { openJourneyId: open.id } });
      const earlierBenefit = earlierBenefitOf(input.earlierBenefit, input.earlierBenefitMonths);
      const returning = isReturning(earlier, earlierBenefit);
      const caseworkerId = await responsibleCaseworker(trx, actor, input.caseworkerId);

      const record = await createJourney(trx, actor, {
        youthId,
        returning,
        earlierBenefit,
        source: input.source,
        reason: input.reason,
        firstContactAt,
        caseworkerId,
      });
      await refreshJourneyRisk(trx, deps, actor.municipalityId, record.id, now);
      return record;
    });
  } catch (error) {
    // Two referrals at once: the partial unique index lets only one journey be open.
    if (isUniqueViolation(error)) throw new DomainError('conflict');
    throw error;
  }
}

/**
 * The youth's age on the day of first contact against the target group of the municipality: the
 * ages of the eligibility rules in force that day, with its own limits. A referral outside what any
 * municipality's target group can be is refused; one outside this municipality's ages is allowed
 * (the visitation decides on its own day, and redirects the youth), but the referral page asks first.
 */
export async function referralAge(
  db: Db,
  ruleSets: Deps['ruleSets'],
  actor: Actor,
  birthDate: string,
  day: string,
): Promise<AgeVerdict> {
  const settings = await findSettings(db, actor.municipalityId);
  // A first contact before the first rule file applies is judged by the earliest one.
  const ruleSet = ruleSetApplyingOn(ruleSets, 'eligibility', day, settings.lawSwitchDates);
  return ageVerdict(ageOn(birthDate, day), targetAges(ruleSet, settings.eligibility));
}

function earlierBenefitOf(
  kind: EarlierBenefit['kind'] | undefined,
  months: number | undefined,
): EarlierBenefit | undefined {
  if (kind === undefined) return undefined;
  if (kind === 'none') return { kind };
  if (months === undefined) throw new Error('openJourneyBody requires the months of earlier periods on benefit');
  return { kind, months };
}

/**
 * Returning (gengænger) follows from what is recorded, never from a guess: earlier periods on
 * benefit recorded at referral, or an earlier journey in Ungeflow that was not withdrawn as
 * registered by mistake.
 */
export function isReturning(earlier: readonly JourneyRecord[], earlierBenefit: EarlierBenefit | undefined): boolean {
  return earlierBenefit?.kind === 'earlier_periods' || earlier.some((journey) => !journey.registeredByMistake);
}

/**
 * A new journey in `referred`: a fresh statechart snapshot, the row and the audit entry. Every
 * journey starts here, a referral by a caseworker as much as a relapse found at follow-up. The
 * caller holds the transaction and has made sure the youth has no other open journey.
 */
async function createJourney(trx: Db, actor: Actor, input: NewJourney): Promise<JourneyRecord> {
  const journeyId = randomUUID();
  const snapshot = initialSnapshot({
    journeyId,
    youthId: input.youthId,
    returning: input.returning,
    firstContactAt: input.firstContactAt.toISOString(),
  });
  const stage = stageOf(snapshot);
  const record = await insertJourney(trx, {
    id: journeyId,
    municipalityId: actor.municipalityId,
    youthId: input.youthId,
    returning: input.returning,
    earlierBenefit: input.earlierBenefit ?? null,
    referralSource: input.source,
    referralReason: input.reason,
    firstContactAt: input.firstContactAt,
    stage,
    open: isOpen(stage),
    snapshot: persist(snapshot).snapshot,
    machineVersion: JOURNEY_MACHINE_VERSION,
    createdBy: actor.userId,
    caseworkerId: input.caseworkerId,
  });
  await auditAs(trx, actor, 'journey.opened', input.youthId, {
    journeyId,
    source: input.source,
    returning: input.returning,
    ...input.auditDetails,
  });
  return record;
}

/**
 * The named caseworker (who must be an active caseworker of the municipality), or the actor; a
 * refusal names `field`.
 */
async function responsibleCaseworker(
  db: Db,
  actor: Actor,
  caseworkerId: string | undefined,
  field = 'caseworkerId',
): Promise<string> {
  const id = caseworkerId ?? actor.userId;
  const user = await findUser(db, actor.municipalityId, id);
  if (!user || !user.active || user.role !== 'caseworker') {
    if (!caseworkerId && actor.role !== 'caseworker') {
      throw new DomainError('validation_failed', {
        fieldErrors: [{ field, message: texts('journeys.refusals.chooseCaseworker') }],
      });
    }
    throw new DomainError('validation_failed', {
      fieldErrors: [{ field, message: texts('journeys.refusals.unknownCaseworker') }],
    });
  }
  return id;
}

/**
 * A leader moves a journey to another caseworker's caseload. With `expectedCaseworkerId`, the move
 * is made only if the journey still has that caseworker: two leaders moving the same youth at once
 * cannot overwrite each other unseen. Moving it to the caseworker it has changes nothing.
 */
export async function reassignJourney(
  deps: Deps,
  actor: Actor,
  journeyId: string,
  move: { caseworkerId: string; expectedCaseworkerId?: string | undefined },
): Promise<{ changed: boolean }> {
  return deps.db.transaction().execute(async (trx) => {
    const journey = await findJourney(trx, actor.municipalityId, journeyId, { forUpdate: true });
    if (!journey) throw new DomainError('not_found');
    if (move.expectedCaseworkerId !== undefined && move.expectedCaseworkerId !== journey.caseworkerId) {
      throw new DomainError('version_conflict', { extra: { caseworkerId: journey.caseworkerId } });
    }
    await responsibleCaseworker(trx, actor, move.caseworkerId);
    if (move.caseworkerId === journey.caseworkerId) return { changed: false };
    await moveJourneyIn(trx, actor, journey, move.caseworkerId);
    return { changed: true };
  });
}

/** Moves a journey, locked by the caller, to another caseworker, and writes the move to the audit log. */
async function moveJourneyIn(
  trx: Db,
  actor: Actor,
  journey: JourneyRecord,
  caseworkerId: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  await setJourneyCaseworker(trx, actor.municipalityId, journey.id, caseworkerId);
  // The journey's open alerts follow it to the new caseworker, unless someone took one over.
  await reassignJourneyAlerts(trx, actor.municipalityId, journey.id, journey.caseworkerId, caseworkerId);
  await auditAs(trx, actor, 'journey.reassigned', journey.youthId, {
    journeyId: journey.id,
    from: journey.caseworkerId,
    to: caseworkerId,
    ...details,
  });
}

/** Why one journey of a move of several was refused. */
export interface MoveConflict {
  journeyId: string;
  reason: MoveConflictReason;
}

/**
 * A leader moves several journeys from one caseworker to another at once (a caseworker leaves),
 * all or none: each journey must still be open, the from-caseworker's and at the version the move
 * was decided against. A 409 `version_conflict` lists every journey that is not, in `conflicts`,
 * and nothing moves. Each move is its own entry in the audit log, with the batch it was part of.
 */
export async function reassignJourneys(deps: Deps, actor: Actor, input: ReassignManyInput): Promise<{ moved: number }> {
  if (input.toCaseworkerId === input.fromCaseworkerId) {
    throw invalidField('toCaseworkerId', 'journeys.refusals.sameCaseworker');
  }
  const versions = new Map(input.journeys.map((j) => [j.id, j.version]));
  return deps.db.transaction().execute(async (trx) => {
    await responsibleCaseworker(trx, actor, input.toCaseworkerId, 'toCaseworkerId');
    const journeys = await lockJourneys(trx, actor.municipalityId, [...versions.keys()]);
    const byId = new Map(journeys.map((j) => [j.id, j]));
    const conflicts: MoveConflict[] = [];
    for (const [journeyId, version] of versions) {
      const journey = byId.get(journeyId);
      const reason: MoveConflictReason | null = !journey
        ? 'not_found'
        : journey.caseworkerId !== input.fromCaseworkerId
          ? 'moved'
          : !journey.open
            ? 'closed'
            : journey.version !== version
              ? 'changed'
              : null;
      if (reason) conflicts.push({ journeyId, reason });
    }
    if (conflicts.length > 0) throw new DomainError('version_conflict', { extra: { conflicts } });
    const batch = { batchId: randomUUID(), batchSize: journeys.length };
    for (const journey of journeys) await moveJourneyIn(trx, actor, journey, input.toCaseworkerId, batch);
    return { moved: journeys.length };
  });
}

/** Each caseworker's open journeys: every active caseworker, and anyone else who still has open journeys. */
export async function caseloads(
  deps: Deps,
  actor: Actor,
): Promise<Array<{ caseworker: { id: string; name: string; active: boolean }; openJourneys: number }>> {
  const [users, counts] = await Promise.all([
    listUsers(deps.db, actor.municipalityId),
    openJourneysPerCaseworker(deps.db, actor.municipalityId),
  ]);
  return users
    .filter((u) => (u.role === 'caseworker' && u.active) || (counts.get(u.id) ?? 0) > 0)
    .map((u) => ({ caseworker: { id: u.id, name: u.name, active: u.active }, openJourneys: counts.get(u.id) ?? 0 }));
}

/** The caseload list: filters by caseworker, stage, group and period; audited as a search. */
export async function findJourneys(
  deps: Deps,
  actor: Actor,
  filter: JourneyListFilter,
  page: { page: number; pageSize: number },
  order?: JourneyOrder,
): Promise<{ items: JourneyListItem[]; total: number }> {
  return readingAs(deps.db, actor, async (trx) => {
    const result = await listJourneys(
      trx,
      actor.municipalityId,
      filter,
      { limit: page.pageSize, offset: (page.page - 1) * page.pageSize },
      order,
    );
    await auditAs(trx, actor, 'journey.listed', null, {
      criteria: { ...filter, ...page },
      resultCount: result.total,
      journeyIds: result.items.map((j) => j.id),
      // The youth the list showed, so the log answers who saw a youth (audit.repository).
      youthIds: result.items.map((j) => j.youthId),
    });
    return result;
  });
}

export async function journeysOfYouth(deps: Deps, actor: Actor, youthId: string): Promise<JourneyRecord[]> {
  return readingAs(deps.db, actor, async (trx) => {
    if (!(await youthAs(trx, actor, youthId))) throw new DomainError('not_found');
    const journeys = await listJourneysOfYouth(trx, actor.municipalityId, youthId);
    await auditAs(trx, actor, 'journey.read', youthId, { journeyIds: journeys.map((j) => j.id) });
    return journeys;
  });
}

// ---------------------------------------------------------------------------------------------
// Recording an event
// ---------------------------------------------------------------------------------------------

interface Decision {
  ruleSet: 'visitation' | 'eligibility';
  ruleSetVersion: string;
  outcome: string;
  facts: Record<string, unknown>;
  result: Record<string, unknown>;
}

interface Enriched {
  event: JourneyEvent;
  /** What is stored in the event log: the machine event plus what the caseworker recorded with it. */
  payload: Record<string, unknown>;
  decisions: Decision[];
}

/**
 * The law a decision followed, as a reader names it: the law's title and the day its rules took over
 * in the municipality. Stored with the decision, so it reads the same after the rule file changes.
 */
function lawOfDecision(ruleSet: RuleSet, switchDates: LawSwitchDates): StoredLaw {
  return { id: ruleSet.law.id, title: ruleSet.law.title, inForceFrom: takesOverOn(ruleSet, switchDates) };
}

function eligibilityDecisionRecord(decision: EligibilityDecision, law: StoredLaw): Decision {
  return {
    ruleSet: 'eligibility',
    ruleSetVersion: decision.ruleSetVersion,
    outcome: decision.code,
    facts: decision.facts,
    result: {
      eligible: decision.eligible,
      code: decision.code,
      explanation: decision.explanation,
      ...(decision.recommendation ? { recommendation: decision.recommendation } : {}),
      source: decision.source,
      citations: decision.citations,
      law,
      conditions: decision.conditions,
    },
  };
}

function visitationDecisionRecord(suggestion: CategorySuggestion, law: StoredLaw): Decision {
  return {
    ruleSet: 'visitation',
    ruleSetVersion: suggestion.ruleSetVersion,
    outcome: suggestion.category,
    facts: suggestion.facts,
    result: { category: suggestion.category, reasons: suggestion.reasons, law, conditions: suggestion.conditions },
  };
}

/**
 * Turns the caseworker's command into the machine event: ids the service creates, and for the
 * visitation decision what the rules say. Pure of writes; reads only the youth and settings.
 */
async function enrich(
  deps: Deps,
  actor: Actor,
  journey: JourneyRecord,
  command: JourneyCommandInput,
  occurredAt: Date,
): Promise<Enriched> {
  const envelope = { occurredAt: occurredAt.toISOString(), actorId: actor.userId };
  switch (command.type) {
    case 'VISITATION_DECIDED': {
      const day = danishDate(occurredAt);
      const youth = await youthAs(deps.db, actor, journey.youthId);
      if (!youth) throw new DomainError('not_found');
      const settings = await findSettings(deps.db, actor.municipalityId);
      const { suggestion, eligibility, visitationRuleSet, eligibilityRuleSet } = await assessVisitation(
        deps.ruleSets,
        settings,
        { age: ageOn(youth.birthDate, day), returning: journey.returning, day },
        command,
      );
      if (command.category !== suggestion.category && !command.overrideReason) {
        throw new DomainError('validation_failed', {
          fieldErrors: [
            {
              field: 'overrideReason',
              message: texts('journeys.refusals.overrideReason'),
            },
          ],
          extra: { suggestedCategory: suggestion.category },
        });
      }
      // The answers the caseworker kept as the youth gave them on their own side (Mit forløb).
      const fromYouth = await findQuestionnaireResponse(deps.db, actor.municipalityId, journey.id);
      const randomisation =
        eligibility.eligible && settings.randomisation.enabled
          ? drawRandomisation(settings.randomisation.controlShare)
          : undefined;
      const event: JourneyEvent = {
        type: 'VISITATION_DECIDED',
        ...envelope,
        category: command.category,
        barriers: command.barriers,
        suggestedCategory: suggestion.category,
        ...(command.overrideReason ? { overrideReason: command.overrideReason } : {}),
        eligibility: {
          eligible: eligibility.eligible,
          code: eligibility.code,
          ...(eligibility.recommendation ? { recommendation: eligibility.recommendation.code } : {}),
        },
        ...(randomisation ? { randomisation } : {}),
      };
      return {
        event,
        payload: {
          ...event,
          profile: command.profile,
          questionnaire: command.questionnaire,
          ...(fromYouth ? { questionnaireFromYouth: answersFromYouth(fromYouth.answers, command.questionnaire) } : {}),
          considerableBarriers: command.considerableBarriers,
          ...(command.supportOverAYearReason ? { supportOverAYearReason: command.supportOverAYearReason } : {}),
          inEducationOrJob: command.inEducationOrJob,
          onBenefit: command.onBenefit,
          waitingForApprenticeship: command.waitingForApprenticeship,
          ...(randomisation ? { randomisationControlShare: settings.randomisation.controlShare } : {}),
        },
        decisions: [
          visitationDecisionRecord(suggestion, lawOfDecision(visitationRuleSet, settings.lawSwitchDates)),
          eligibilityDecisionRecord(eligibility, lawOfDecision(eligibilityRuleSet, settings.lawSwitchDates)),
        ],
      };
    }
    case 'PLACEMENT_STARTED': {
      const { occurredAt: _o, ...payload } = command;
      const event: JourneyEvent = { ...payload, ...envelope, placementId: randomUUID() };
      return { event, payload: { ...event }, decisions: [] };
    }
    case 'GROUP_ASSIGNED':
      if (journey.stage === 'intake') requireEntryCondition(command);
      return recordedAsSent(command, envelope);
    case 'FIRST_CONVERSATION_HELD':
    case 'PLACEMENT_ENDED':
    case 'PAUSED':
    case 'RESUMED':
    case 'EXITED':
    case 'FOLLOW_UP_RECORDED':
    case 'WITHDRAWN':
      return recordedAsSent(command, envelope);
  }
}

/** An event that carries what the caseworker sent, as sent. */
function recordedAsSent(command: JourneyCommandInput, envelope: { occurredAt: string; actorId: string }): Enriched {
  const { occurredAt: _o, ...payload } = command;
  const event = { ...payload, ...envelope } as JourneyEvent;
  return { event, payload: { ...event }, decisions: [] };
}

/**
 * Taking a youth in from intake asks NExTWORK's entry condition (machines/events.ts, GROUP_ASSIGNED):
 * can the youth take part at least 15 hours a week? A "no" needs the caseworker's reason to take
 * the youth in all the same; without one the assignment is refused, naming the field.
 */
function requireEntryCondition(command: JourneyCommandOf<'GROUP_ASSIGNED'>): void {
  if (command.canTakePart15HoursAWeek === undefined) {
    throw invalidField('canTakePart15HoursAWeek', 'journeys.refusals.entryConditionUnanswered');
  }
  if (!entryConditionIsMetOrOverridden(command)) {
    throw invalidField('entryOverrideReason', 'journeys.refusals.entryConditionNotMet');
  }
}

/**
 * What a caller writes in the transaction of an event or an activity, so that both happen or
 * neither does: an appointment that becomes the conversation it was is marked held with it.
 */
export interface InTheSameTransaction {
  alongside?: (trx: Db) => Promise<void>;
}

/** Whether the journey's stage takes the event now (the machine decides, as when it is sent). */
export function journeyAccepts(journey: JourneyRecord, type: JourneyEventType): boolean {
  return acceptedEvents(snapshotOf(journey)).includes(type);
}

/** Records one event; see recordEvents. */
export function recordEvent(
  deps: Deps,
  actor: Actor,
  journeyId: string,
  command: JourneyCommand,
): Promise<RecordedEvents> {
  const { expectedVersion, ...rest } = command;
  return recordEvents(deps, actor, journeyId, expectedVersion, [rest]);
}

/**
 * Records events on a journey, all or none: each is validated, enriched with what the rules say,
 * applied with xstate's pure transition, and written with the new snapshot, its rule decisions,
 * its effects on other tables (a group membership, a placement row, ...: the table in
 * src/journey-effects.ts) and an audit entry, in one transaction. Several events at once serve
 * operations that are one step for the user, such as switching company (PLACEMENT_ENDED then
 * PLACEMENT_STARTED).
 */
export async function recordEvents(
  deps: Deps,
  actor: Actor,
  journeyId: string,
  expectedVersion: number,
  commands: readonly JourneyCommandInput[],
  options: InTheSameTransaction = {},
): Promise<RecordedEvents> {
  const { db, clock } = deps;
  const now = clock();

  // One transaction from the first read: the row lock makes a second writer wait here and then
  // see the new version, and on the embedded database the event holds its one connection once
  // rather than queueing behind every other request for each of its reads.
  return db.transaction().execute(async (trx) => {
    const current = await findJourney(trx, actor.municipalityId, journeyId, { forUpdate: true });
    if (!current) throw new DomainError('not_found');
    if (current.version !== expectedVersion) {
      throw new DomainError('version_conflict', { extra: { currentVersion: current.version } });
    }
    const steps: Array<{ command: JourneyCommandInput; occurredAt: Date; enriched: Enriched }> = [];
    for (const command of commands) {
      const occurredAt = command.occurredAt ? new Date(command.occurredAt) : now;
      if (occurredAt > now) {
        throw occurredAtError('journeys.refusals.timeInFuture');
      }
      if (occurredAt < current.firstContactAt) {
        throw occurredAtError('journeys.refusals.timeBeforeFirstContact');
      }
      // A return that already lies behind the day of the pause is a typing error, not a plan.
      if (command.type === 'PAUSED' && command.expectedReturn < danishDate(occurredAt)) {
        throw new DomainError('validation_failed', {
          fieldErrors: [{ field: 'expectedReturn', message: texts('journeys.refusals.returnInPast') }],
        });
      }
      steps.push({
        command,
        occurredAt,
        enriched: await enrich({ ...deps, db: trx }, actor, current, command, occurredAt),
      });
    }
    let snapshot = snapshotOf(current);
    let version = current.version;
    const audited: Array<{ journeyId: string; type: string; seq: number }> = [];
    for (const { command, occurredAt, enriched } of steps) {
      const result = applyEvent(snapshot, enriched.event);
      if (!result.accepted) {
        throw new DomainError('event_not_accepted', {
          extra: { stage: stageOf(snapshot), acceptedEvents: acceptedEvents(snapshot) },
        });
      }
      snapshot = result.snapshot;
      version += 1;
      await appendJourneyEvent(trx, {
        municipalityId: actor.municipalityId,
        journeyId,
        seq: version,
        type: command.type,
        payload: enriched.payload,
        occurredAt,
        recordedAt: now,
        actorId: actor.userId,
      });
      for (const decision of enriched.decisions) {
        await insertRuleDecision(trx, {
          ...decision,
          municipalityId: actor.municipalityId,
          journeyId,
          eventSeq: version,
          decidedAt: now,
        });
      }
      audited.push({ journeyId, type: command.type, seq: version });
    }
    const stage = stageOf(snapshot);
    const advanced = await advanceJourney(
      trx,
      actor.municipalityId,
      journeyId,
      current.version,
      {
        version,
        stage,
        open: isOpen(stage),
        snapshot: persist(snapshot).snapshot,
        machineVersion: JOURNEY_MACHINE_VERSION,
        risk: riskStateOf(snapshot, current, steps),
      },
      now,
    );
    if (!advanced) throw new DomainError('version_conflict', { extra: { currentVersion: version } });
    // Effects run after the journey row has its new stage, so they see (and may rely on) it:
    // e.g. a follow-up "back on benefit" closes this journey and opens a new one.
    // An effect opens a journey (a relapse's) through this, inside the event's transaction.
    const openInTransaction = (journey: NewJourney) => createJourney(trx, actor, journey);
    for (const { command, occurredAt, enriched } of steps) {
      const event = enriched.event;
      const input = { actor, journey: current, command, event, occurredAt, now, openJourney: openInTransaction };
      await runEffects(deps.journeyEffects, trx, input);
    }
    // The risk rules see the journey as it is now: alerts open or clear with the event.
    const alerts = await refreshJourneyRisk(trx, deps, actor.municipalityId, journeyId, now);
    await options.alongside?.(trx);
    const after = await findJourney(trx, actor.municipalityId, journeyId);
    if (!after) throw new DomainError('not_found');
    // The audit entries last: an entry holds its municipality's audit chain until the commit
    // (docs/decisions/0010), so the events of a municipality wait for each other only this long.
    for (const details of audited) await auditAs(trx, actor, 'journey.event_recorded', current.youthId, details);
    return {
      journey: after,
      stage: stageOf(snapshot),
      placement: placementStateOf(snapshot),
      context: snapshot.context,
      acceptedEvents: acceptedEvents(snapshot),
      alerts: { opened: alerts.opened, resolved: alerts.resolvedAlerts },
    };
  });
}

/**
 * What recording events changed, and no more: the journey after them, its stage, the events it
 * takes now and the alerts the events opened or resolved. The whole journey is a read away
 * (readJourney); building it for every event cost more than the event itself.
 */
export interface RecordedEvents {
  journey: JourneyRecord;
  stage: Stage;
  placement: ReturnType<typeof placementStateOf>;
  context: JourneySnapshot['context'];
  acceptedEvents: JourneyEventType[];
  alerts: { opened: Alert[]; resolved: AlertKey[] };
}

// ---------------------------------------------------------------------------------------------
// Reading a journey
// ---------------------------------------------------------------------------------------------

export interface JourneyView {
  journey: JourneyRecord;
  stage: Stage;
  placement: ReturnType<typeof placementStateOf>;
  context: Record<string, unknown>;
  youth: { id: string; name: string; cpr: string; birthDate: string; age: number };
  acceptedEvents: Array<{ type: JourneyEventType; schema: Record<string, unknown> }>;
  events: JourneyEventRecord[];
  /** The events are a page of the history: the older ones are before this seq (null: none are). */
  olderEventsBefore: number | null;
  decisions: RuleDecisionRecord[];
  /** Alerts that are not resolved, each with its rule's conditions and the values they saw. */
  alerts: Array<{ alert: Alert; conditions: Array<Record<string, unknown>> }>;
}

async function buildView(
  db: Db,
  ruleSets: Deps['ruleSets'],
  actor: Actor,
  journey: JourneyRecord,
  today: string,
  history?: HistoryPage,
): Promise<JourneyView> {
  const youth = await youthAs(db, actor, journey.youthId);
  if (!youth) throw new DomainError('not_found');
  const snapshot = snapshotOf(journey);
  // One event more than the page, to know whether there are older ones.
  const page = history && { ...history, limit: history.limit + 1 };
  const listed = await listJourneyEvents(db, actor.municipalityId, journey.id, page);
  const older = history !== undefined && listed.length > history.limit;
  const events = older ? listed.slice(1) : listed;
  const decisions = await latestRuleDecisions(db, actor.municipalityId, journey.id);
  const [y, m, d] = youth.birthDate.split('-') as [string, string, string];
  return {
    journey,
    stage: stageOf(snapshot),
    placement: placementStateOf(snapshot),
    context: snapshot.context as unknown as Record<string, unknown>,
    youth: {
      id: youth.id,
      name: youth.name,
      cpr: maskCpr(`${d}${m}${y.slice(2)}`),
      birthDate: youth.birthDate,
      age: ageOn(youth.birthDate, today),
    },
    acceptedEvents: acceptedEvents(snapshot).map((type) => ({ type, schema: commandJsonSchemas[type] })),
    events,
    olderEventsBefore: older ? (events[0]?.seq ?? null) : null,
    decisions,
    alerts: await Promise.all(
      (await findUnresolvedAlerts(db, [journey.id])).map(async (alert) => ({
        alert,
        conditions: await conditionsOf(ruleSets, alert),
      })),
    ),
  };
}

/**
 * Refuses, as not found, a journey that is not the youth's: a page's address names both, and a
 * write must not land on another youth's journey than the page shows. Reads ids only.
 */
export async function requireJourneyOfYouth(deps: Deps, actor: Actor, journeyId: string, youthId: string) {
  const journey = await journeyAs(deps.db, actor, journeyId);
  if (!journey || journey.youthId !== youthId) throw new DomainError('not_found');
}

/** The journey as a whole; with `history`, only that page of its events (the newest first when no `beforeSeq`). */
export async function readJourney(
  deps: Deps,
  actor: Actor,
  journeyId: string,
  history?: HistoryPage,
): Promise<JourneyView> {
  return readingAs(deps.db, actor, async (trx) => {
    const journey = await journeyAs(trx, actor, journeyId);
    if (!journey) throw new DomainError('not_found');
    const view = await buildView(trx, deps.ruleSets, actor, journey, danishDate(deps.clock()), history);
    await auditAs(trx, actor, 'journey.read', journey.youthId, { journeyId });
    return view;
  });
}
